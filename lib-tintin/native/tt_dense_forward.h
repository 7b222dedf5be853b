/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* The multiply-accumulate of a Dense layer's forward pass (managed: TinTin.Training.ManagedKernels.DenseForward). */
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

/**
 * The nonzero inputs of a sample, gathered once (the layer's forward pass builds the list and its
 * update rows reuse it, the input being the same): list[2k] = i and list[2k + 1] = x[i] for the k-th
 * i with x[i] != 0, increasing, then the end mark (-1, 0); returns how many inputs (2 ints each, not
 * counting the mark: list holds up to 2 * count + 2 ints). TT_EINVAL for a negative count.
 */
int32_t tt_nonzero_inputs(const int8_t *x, int32_t count, int32_t *list);

/**
 * tt_dense_forward over the nonzero inputs listed by tt_nonzero_inputs (`nonzero` of them): the same
 * acc and the same return value, bit for bit (a zero input adds a zero product, and the wrapping int32
 * sum does not depend on the order of its terms). Four rows at a time (then two): each list entry is
 * loaded once for all of them. Contract as tt_dense_forward.
 */
int32_t tt_dense_forward_nonzero(const int8_t *weights, const int32_t *list, int32_t nonzero, int32_t inputs, int32_t outputs,
                                 int32_t has_bias, int32_t *acc);

#endif /* TT_DENSE_FORWARD_H */
