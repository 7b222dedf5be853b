/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * A QEMU TCG plugin that counts executed guest instructions exactly and records the running count each
 * time the guest executes the instruction at `marker` (the benchmark's tt_bench_mark, a lone `bx lr`).
 *
 *   qemu-system-arm ... -plugin ./insn_count.so,marker=0x1234,out=counts.txt
 *
 * Counting: when QEMU translates a block of guest code it tells the plugin how many instructions the
 * block holds, and the plugin attaches an inline "add n to the counter" that runs each time the block
 * starts executing. A block runs to its end unless an exception leaves it; the benchmark takes none
 * inside a measured region (no interrupt is enabled, nothing faults; the only exceptions are the
 * semihosting calls that print, outside the regions), so the counter is the exact number of
 * instructions executed. The count at a mark includes the marker's own one-instruction block, the same
 * for every mark, so the difference between two marks is exact; run.sh subtracts the calling overhead
 * measured on an empty region and checks a loop of known length. Single vCPU (the mps2-an385 has one core).
 * The output file holds one line per mark, then "total N".
 *
 * Profile mode (run.sh TT_BENCH_PROFILE=...): with profile=FILE and regions=I,J,..., also counts how
 * often each translated block runs inside the listed regions (region i lies between marks 2i and
 * 2i+1) and writes "address instructions executions" per block to FILE.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qemu_plugin_api.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static uint64_t s_instructions;
static uint64_t s_marker = UINT64_MAX;
static uint64_t *s_marks;
static size_t s_count;
static size_t s_capacity;
static char s_out[4096] = "insn_count.txt";
static char s_profile[4096];
static unsigned char s_regions[65536];

typedef struct block
{
    uint64_t address;
    uint64_t instructions;
    uint64_t executions;
    struct block *next;
} block;

static block *s_blocks;

static void on_block(unsigned int vcpu_index, void *userdata)
{
    (void)vcpu_index;
    /* inside region r when an odd number of marks has been seen: marks 2r and 2r+1 */
    if ((s_count & 1u) == 1u && (s_count - 1) / 2 < sizeof(s_regions) && s_regions[(s_count - 1) / 2])
    {
        ((block *)userdata)->executions++;
    }
}

static void on_mark(unsigned int vcpu_index, void *userdata)
{
    (void)vcpu_index;
    (void)userdata;
    if (s_count == s_capacity)
    {
        size_t capacity = s_capacity == 0 ? 1024 : 2 * s_capacity;
        uint64_t *grown = realloc(s_marks, capacity * sizeof(uint64_t));
        if (grown == NULL)
        {
            abort();
        }

        s_marks = grown;
        s_capacity = capacity;
    }

    s_marks[s_count++] = s_instructions;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    size_t n = qemu_plugin_tb_n_insns(tb);
    size_t i;
    (void)id;
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &s_instructions, n);
    if (s_profile[0] != 0 && n > 0)
    {
        block *b = calloc(1, sizeof(block));
        if (b == NULL)
        {
            abort();
        }

        b->address = qemu_plugin_insn_vaddr(qemu_plugin_tb_get_insn(tb, 0));
        b->instructions = n;
        b->next = s_blocks;
        s_blocks = b;
        qemu_plugin_register_vcpu_tb_exec_cb(tb, on_block, QEMU_PLUGIN_CB_NO_REGS, b);
    }

    for (i = 0; i < n; i++)
    {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        if (qemu_plugin_insn_vaddr(insn) == s_marker)
        {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, on_mark, QEMU_PLUGIN_CB_NO_REGS, NULL);
        }
    }
}

static void on_plugin_exit(qemu_plugin_id_t id, void *userdata)
{
    FILE *f = fopen(s_out, "w");
    size_t i;
    (void)id;
    (void)userdata;
    if (f == NULL)
    {
        fprintf(stderr, "insn_count: cannot write %s\n", s_out);
        return;
    }

    for (i = 0; i < s_count; i++)
    {
        fprintf(f, "%" PRIu64 "\n", s_marks[i]);
    }

    fprintf(f, "total %" PRIu64 "\n", s_instructions);
    fclose(f);
    if (s_profile[0] != 0)
    {
        block *b;
        f = fopen(s_profile, "w");
        if (f == NULL)
        {
            fprintf(stderr, "insn_count: cannot write %s\n", s_profile);
            return;
        }

        for (b = s_blocks; b != NULL; b = b->next)
        {
            if (b->executions > 0)
            {
                fprintf(f, "%" PRIx64 " %" PRIu64 " %" PRIu64 "\n", b->address, b->instructions, b->executions);
            }
        }

        fclose(f);
    }
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    int i;
    (void)info;
    for (i = 0; i < argc; i++)
    {
        if (strncmp(argv[i], "marker=", 7) == 0)
        {
            s_marker = strtoull(argv[i] + 7, NULL, 0) & ~(uint64_t)1; /* a Thumb function address has bit 0 set */
        }
        else if (strncmp(argv[i], "out=", 4) == 0)
        {
            snprintf(s_out, sizeof(s_out), "%s", argv[i] + 4);
        }
        else if (strncmp(argv[i], "profile=", 8) == 0)
        {
            snprintf(s_profile, sizeof(s_profile), "%s", argv[i] + 8);
        }
        else if (strncmp(argv[i], "regions=", 8) == 0)
        {
            char *p = argv[i] + 8;
            while (*p != 0)
            {
                unsigned long r = strtoul(p, &p, 10);
                if (r < sizeof(s_regions))
                {
                    s_regions[r] = 1;
                }

                if (*p == ':')
                {
                    p++;
                }
            }
        }
        else
        {
            fprintf(stderr, "insn_count: unknown argument %s (marker=ADDRESS, out=FILE, profile=FILE, regions=I:J:...)\n", argv[i]);
            return -1;
        }
    }

    if (s_marker == UINT64_MAX)
    {
        fprintf(stderr, "insn_count: marker=ADDRESS is required\n");
        return -1;
    }

    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, on_plugin_exit, NULL);
    return 0;
}
