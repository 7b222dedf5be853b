/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * int32 biases brought into the accumulators' scale in the forward pass (managed: WeightedLayer.ScaleValue,
 * BiasContribution, ScaleBiases; Convolution.Forward's per-filter bias). The multiplier is the managed FixedMultiplier from the bias
 * scale to the accumulator scale: value * mantissa * 2^-right_shift (a negative shift shifts left).
 */
#ifndef TT_BIAS_H
#define TT_BIAS_H

#include "tt_types.h"

/** round(value * mantissa / 2^right_shift), halves away from zero, saturating to +-INT32_MAX (WeightedLayer.ScaleValue). */
int32_t tt_scale_value(int32_t value, int32_t mantissa, int32_t right_shift);

/** tt_scale_value clamped to +-2^30, so a sum of up to 2^30 more still fits an int32 (WeightedLayer.BiasContribution). */
int32_t tt_bias_contribution(int32_t bias, int32_t mantissa, int32_t right_shift);

/** destination[c] = tt_bias_contribution(biases[c]) for c < count: a Dense layer's accumulators before tt_dense_forward with has_bias (WeightedLayer.ScaleBiases). */
void tt_scale_biases(const int32_t *biases, int32_t count, int32_t mantissa, int32_t right_shift, int32_t *destination);

/** acc[c * per_channel + i] += tt_bias_contribution(biases[c]) for every channel: a convolution filter's row after tt_conv_forward, with that filter's bias and channels 1 (Convolution.Forward). */
void tt_add_biases(int32_t *acc, int32_t per_channel, const int32_t *biases, int32_t channels, int32_t mantissa, int32_t right_shift);

#endif /* TT_BIAS_H */
