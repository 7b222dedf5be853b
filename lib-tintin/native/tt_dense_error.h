/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* A Dense layer's error to its input in its own pass (managed: TinTin.Training.ManagedKernels.DenseInputError), before the weights change. */
#ifndef TT_DENSE_ERROR_H
#define TT_DENSE_ERROR_H

#include "tt_types.h"

/**
 * acc[i] = sum_o w[o * inputs + i] * e[o] for i < inputs (acc is cleared first); rows whose error
 * is 0 cost one test. Every input gets its error (the layer below keeps them all).
 */
void tt_dense_input_error(const int8_t *weights, const int8_t *errors, int32_t inputs, int32_t outputs, int32_t *acc);

#endif /* TT_DENSE_ERROR_H */
