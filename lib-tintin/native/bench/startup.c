/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * Bare-metal start for QEMU's mps2-an385 (Cortex-M3): the vector table, the reset handler (clears .bss,
 * runs main, exits QEMU), the measurement marker and semihosting output (ARM semihosting, BKPT 0xAB;
 * QEMU: -semihosting-config enable=on,target=native).
 */
#include <stdint.h>
#include "harness.h"

extern uint32_t __bss_start__;
extern uint32_t __bss_end__;
extern uint32_t __stack_top;
int main(void);

#define SYS_WRITE0 0x04
#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define ADP_STOPPED_RUN_TIME_ERROR 0x20023

static int32_t semihost(int32_t operation, const void *argument)
{
    register int32_t r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = argument;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void tt_print(const char *text)
{
    (void)semihost(SYS_WRITE0, text);
}

void tt_exit(int32_t failed)
{
    (void)semihost(SYS_EXIT, (const void *)(uintptr_t)(failed ? ADP_STOPPED_RUN_TIME_ERROR : ADP_STOPPED_APPLICATION_EXIT));
    for (;;)
    {
    }
}

/* The measurement marker: one `bx lr` whose execution the QEMU plugin (insn_count.c) records. */
__attribute__((noinline, used)) void tt_bench_mark(void)
{
    __asm__ volatile("" ::: "memory");
}

/* A loop of exactly 2 instructions per iteration (subs, bne), n >= 1: run.sh checks the counter with it. */
__attribute__((noinline, naked)) void tt_bench_calibration_loop(uint32_t n)
{
    __asm__ volatile(
        "1: subs r0, r0, #1\n"
        "   bne 1b\n"
        "   bx lr\n");
    (void)n;
}

void tt_reset(void)
{
    uint32_t *p;
    for (p = &__bss_start__; p < &__bss_end__; p++)
    {
        *p = 0;
    }

    tt_exit(main() != 0);
}

static void tt_fault(void)
{
    tt_print("FAULT: an exception other than reset was taken\n");
    tt_exit(1);
}

__attribute__((section(".vectors"), used)) static void (*const s_vectors[16])(void) = {
    (void (*)(void))(uintptr_t)&__stack_top,
    tt_reset,
    tt_fault, /* NMI */
    tt_fault, /* HardFault */
    tt_fault, /* MemManage */
    tt_fault, /* BusFault */
    tt_fault, /* UsageFault */
    0, 0, 0, 0,
    tt_fault, /* SVCall */
    tt_fault, /* DebugMonitor */
    0,
    tt_fault, /* PendSV */
    tt_fault, /* SysTick */
};
