/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * int32 accumulators back into int8 (managed: TinTin.Scaling.Requantizer and WeightedLayer.Requantize):
 * the factor 2^-s * 1.5^u * 0.75^d = 3^(u+d) / 2^(s+u+2d) chosen from the largest magnitude so the
 * result's largest magnitude is as close to 127 as possible without exceeding it, then applied with
 * rounding half away from zero. The output scale is the caller's bookkeeping: scale(acc) * 2^s * (2/3)^u * (4/3)^d.
 */
#ifndef TT_REQUANTIZE_H
#define TT_REQUANTIZE_H

#include "tt_types.h"

/** 3^n for n in 0..4 (any n: wraps as C# int; n <= 0 gives 1) (Requantizer.Pow3). */
int32_t tt_pow3(int32_t n);

/**
 * The step for a tensor whose largest magnitude is max_abs (Requantizer.Choose). compound 0 restricts
 * it to a power of two (NITI). max_abs <= 0 gives the zero step.
 */
void tt_requantize_choose(int32_t max_abs, int32_t compound, tt_rescale_step *step);

/** destination[d + i] = round(source[s + i] * 3^(u+d) / 2^(s+u+2d)), halves away from zero (Requantizer.Apply). */
void tt_requantize_apply(const int32_t *source, int32_t source_offset, int8_t *destination, int32_t destination_offset,
                         int32_t count, const tt_rescale_step *step);

/**
 * The whole rescale of an accumulator row (WeightedLayer.Requantize): max_abs < 0 means "find it"
 * (tt_max_abs_i32), else it is the known largest magnitude; then choose and apply. Returns 1 when
 * the step is compound (up + down > 0: the layer's CompoundRescales counter), else 0.
 */
int32_t tt_requantize(const int32_t *acc, int32_t count, int32_t max_abs, int32_t compound, int8_t *destination, tt_rescale_step *step);

/**
 * Re-expresses int8 values that tt_requantize_apply produced with step from in the scale of step to,
 * chosen for the same accumulators' scale (Requantizer.Align): q * 3^(p_to - p_from) * 2^(t_from - t_to)
 * (p: factors of 3, t: the total right shift), rounded half away from zero, clamped to +-127, in place.
 * A convolution requantizes each filter's output row (each input channel's error row) at its own step,
 * then aligns the rows to the step of the tensor's largest accumulator this way. Returns the largest
 * magnitude of the aligned values.
 */
int32_t tt_requantize_align(int8_t *data, int32_t offset, int32_t count, const tt_rescale_step *from, const tt_rescale_step *to);

#endif /* TT_REQUANTIZE_H */
