/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* How big a value or a tensor is (managed: TinTin.Numerics.Magnitude). */
#ifndef TT_MAGNITUDE_H
#define TT_MAGNITUDE_H

#include "tt_types.h"

/** Bits needed to write value in binary: 0 for 0, at most 32 (Magnitude.BitLength(uint)). */
int32_t tt_bit_length_u32(uint32_t value);

/** Bits needed to write |value|: int32 minimum gives 32 (Magnitude.BitLength(int)). */
int32_t tt_bit_length_i32(int32_t value);

/** max |values[offset + i]| over count ints; the magnitude of INT32_MIN saturates to INT32_MAX (Magnitude.MaxAbs(int[], ...)). */
int32_t tt_max_abs_i32(const int32_t *values, int32_t offset, int32_t count);

/** max |values[offset + i]| over count int8s, 0..128 (Magnitude.MaxAbs(sbyte[], ...)). */
int32_t tt_max_abs_i8(const int8_t *values, int32_t offset, int32_t count);

/** 1 when at least a quarter of the first count values are 0, else 0: picks a kernel's sparse loop (Magnitude.MostlyZeros). */
int32_t tt_mostly_zeros(const int8_t *values, int32_t count);

#endif /* TT_MAGNITUDE_H */
