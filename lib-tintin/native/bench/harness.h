/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* The bare-metal harness's services (startup.c). */
#ifndef TT_HARNESS_H
#define TT_HARNESS_H
#include <stdint.h>

/** Prints a string on the host through semihosting. */
void tt_print(const char *text);

/** Ends the QEMU run: status 0, or 1 when failed. */
void tt_exit(int32_t failed);

/** The measurement marker the instruction-counting plugin records (see insn_count.c). */
void tt_bench_mark(void);

/** Exactly 2n + 1 instructions after the call (n >= 1): the counter's self-check. */
void tt_bench_calibration_loop(uint32_t n);

#endif /* TT_HARNESS_H */
