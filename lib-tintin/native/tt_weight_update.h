/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * Weight updates from precomputed int32 gradients (convolution filters, mini-batch accumulators) and
 * the mini-batch accumulation (managed: TinTin.Training.WeightUpdate). Updates clamp the new weight
 * to [-127, 127] and return how many they clamped; accumulations saturate to +-INT32_MAX and return
 * how many saturated.
 */
#ifndef TT_WEIGHT_UPDATE_H
#define TT_WEIGHT_UPDATE_H

#include "tt_types.h"

/**
 * Tin-Tin (WeightUpdate.TinTinGradients): w[i] -= (g[i] * mantissa + r_i) >> shift in 64 bits, r_i the
 * low bits of one xorshift32 step of *random per weight (a shift above 32 is split into an exact
 * pre-shift of the product). Contract: shift 0..62. *random is advanced count steps.
 */
int32_t tt_tintin_gradients(int8_t *weights, int32_t weight_offset, const int32_t *gradients, int32_t gradient_offset,
                            int32_t count, int32_t mantissa, int32_t shift, uint32_t *random);

/** NITI (WeightUpdate.NitiGradients): w[i] -= pseudo_stochastic(g[i] >> shift). Contract: shift 0..30. */
int32_t tt_niti_gradients(int8_t *weights, int32_t weight_offset, const int32_t *gradients, int32_t gradient_offset,
                          int32_t count, int32_t shift);

/**
 * Mini-batch (WeightUpdate.AccumulateRow): acc[offset + i] += round(e * x[i] * mantissa / 2^shift),
 * halves away from zero, saturating; a negative shift shifts left. Contract: e, x int8, mantissa < 2^15.
 */
int32_t tt_accumulate_row(int32_t *accumulators, int32_t offset, int32_t error, const int8_t *inputs,
                          int32_t count, int32_t mantissa, int32_t shift);

/** Mini-batch (WeightUpdate.AccumulateGradients): acc[offset + i] += round(g[i] * mantissa / 2^shift), saturating. */
int32_t tt_accumulate_gradients(int32_t *accumulators, int32_t offset, const int32_t *gradients, int32_t gradient_offset,
                                int32_t count, int32_t mantissa, int32_t shift);

#endif /* TT_WEIGHT_UPDATE_H */
