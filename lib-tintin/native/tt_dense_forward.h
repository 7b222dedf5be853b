/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* The multiply-accumulate of a Dense layer's forward pass (managed: the loop of TinTin.Layers.Dense.Forward). */
#ifndef TT_DENSE_FORWARD_H
#define TT_DENSE_FORWARD_H

#include "tt_types.h"

/**
 * acc[o] = (has_bias ? acc[o] : 0) + sum_i w[o * inputs + i] * x[i] for o < outputs, int8 weights
 * [outputs x inputs] row-major. With has_bias, acc[o] holds the bias already in the accumulators'
 * scale (see tt_bias.h). sparse selects the loop that skips zero inputs after one test (choose it
 * with tt_mostly_zeros); both give the same sums. Returns max |acc[o]| (a sum of INT32_MIN, outside
 * the contract, does not count, as in the managed loop). Contract: inputs * 127^2 + |bias| < 2^31.
 */
int32_t tt_dense_forward(const int8_t *weights, const int8_t *x, int32_t inputs, int32_t outputs,
                         int32_t has_bias, int32_t sparse, int32_t *acc);

#endif /* TT_DENSE_FORWARD_H */
