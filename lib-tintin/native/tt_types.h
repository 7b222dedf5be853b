/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * Shared types and the arithmetic of the TinTin native kernels: C99, no heap, no floating point,
 * nothing from the C library beyond <stdint.h> and <stddef.h>.
 *
 * Every kernel mirrors a managed lib-tintin kernel bit for bit, for every input, including inputs
 * outside the documented contract: C# int/long arithmetic wraps (unchecked) and masks shift counts
 * (& 31 for int, & 63 for long), so the kernels do the same with the helpers below instead of
 * relying on signed overflow or oversized shifts, which are undefined in C.
 *
 * Assumed of the compiler (true of GCC, Clang, Arm Compiler and IAR on every MCU we target, and
 * checked at compile time where C allows): two's complement int32_t/int64_t, >> of a negative
 * signed value is arithmetic, and converting an out-of-range value to a signed type wraps modulo
 * 2^N (GCC documents it: "Integers implementation", reduction modulo 2^N).
 */
#ifndef TT_TYPES_H
#define TT_TYPES_H

#include <stdint.h>
#include <stddef.h>

typedef char tt_assert_arithmetic_right_shift[((-8) >> 1) == -4 ? 1 : -1];
typedef char tt_assert_arithmetic_right_shift_64[(((int64_t)-8) >> 1) == -4 ? 1 : -1];
typedef char tt_assert_twos_complement[((-1) & 3) == 3 ? 1 : -1];

/** Status of the kernels that validate their arguments. */
#define TT_OK 0
#define TT_EINVAL (-1)

/** A rescale step: the factor 2^-shift * 1.5^up * 0.75^down (managed: TinTin.Scaling.RescaleStep). */
typedef struct tt_rescale_step
{
    int32_t shift;          /* the power-of-two part s (the result is divided by 2^s) */
    int32_t up;             /* factors 1.5 */
    int32_t down;           /* factors 0.75 */
    int32_t result_max_abs; /* the largest |value| after the step (at most 127) */
} tt_rescale_step;

/**
 * The geometry of a convolution (managed: the fields of TinTin.Layers.Convolution). Input
 * channels x height x width, channels first; weights [filters][channels][kernel_height][kernel_width];
 * output filters x out_height x out_width. A 1-D convolution is kernel_height 1, stride_y 1,
 * padding_y 0, height 1.
 */
typedef struct tt_conv_geometry
{
    int32_t channels;
    int32_t height;
    int32_t width;
    int32_t filters;
    int32_t kernel_height;
    int32_t kernel_width;
    int32_t stride_y;
    int32_t stride_x;
    int32_t padding_y;
    int32_t padding_x;
    int32_t out_height;
    int32_t out_width;
} tt_conv_geometry;

/* C#'s unchecked int and long arithmetic. Each compiles to the plain instruction. */
static inline int32_t tt_add32(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
static inline int32_t tt_sub32(int32_t a, int32_t b) { return (int32_t)((uint32_t)a - (uint32_t)b); }
static inline int32_t tt_mul32(int32_t a, int32_t b) { return (int32_t)((uint32_t)a * (uint32_t)b); }
static inline int32_t tt_neg32(int32_t a) { return (int32_t)(0u - (uint32_t)a); }
/* C#'s int << n and int >> n: the count masked to 5 bits. */
static inline int32_t tt_shl32(int32_t a, int32_t n) { return (int32_t)((uint32_t)a << ((uint32_t)n & 31u)); }
static inline int32_t tt_shr32(int32_t a, int32_t n) { return a >> ((uint32_t)n & 31u); }
static inline uint32_t tt_shru32(uint32_t a, int32_t n) { return a >> ((uint32_t)n & 31u); }

static inline int64_t tt_add64(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
static inline int64_t tt_sub64(int64_t a, int64_t b) { return (int64_t)((uint64_t)a - (uint64_t)b); }
static inline int64_t tt_mul64(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }
static inline int64_t tt_neg64(int64_t a) { return (int64_t)(0u - (uint64_t)a); }
/* C#'s long << n and long >> n: the count masked to 6 bits. */
static inline int64_t tt_shl64(int64_t a, int32_t n) { return (int64_t)((uint64_t)a << ((uint32_t)n & 63u)); }
static inline int64_t tt_shr64(int64_t a, int32_t n) { return a >> ((uint32_t)n & 63u); }

/*
 * Code generation hints for GCC-compatible compilers (no code of their own; other compilers skip them):
 * TT_KEEP(v) stops GCC from reassociating an unrolled unsigned accumulation chain into partial sums
 * (which needs more registers than a Cortex-M has, and spills); TT_NOINLINE keeps a hot inner loop
 * in its own function so that, at -Os, it gets the registers it needs instead of sharing them with
 * its caller's loops.
 */
#if defined(__GNUC__)
#define TT_KEEP(v) __asm__("" : "+r"(v))
#define TT_NOINLINE __attribute__((noinline))
#else
#define TT_KEEP(v) ((void)0)
#define TT_NOINLINE
#endif

/** One xorshift32 step (13, 17, 5): managed TinTin.Random.Xorshift32.Step. */
static inline uint32_t tt_xorshift32(uint32_t s)
{
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
}

#endif /* TT_TYPES_H */
