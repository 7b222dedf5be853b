/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * A Dense layer's weight update over all its rows (managed: ManagedKernels.DenseUpdateRowsTinTin/DenseUpdateRowsNiti/DenseAccumulateRows):
 * the layer loops around the row kernels of tt_row_update.h and tt_weight_update.h.
 */
#ifndef TT_DENSE_UPDATE_H
#define TT_DENSE_UPDATE_H

#include "tt_types.h"

/**
 * Batch size 1, Tin-Tin: every row o whose error e[o] is not 0 draws one xorshift32 step of *random
 * (the row's dither start) and is updated with tt_row_update_tintin, or, with input_error not NULL,
 * tt_row_update_tintin_propagating (input_error must be cleared by the caller). mantissa and shift are
 * the update multiplier limited to shift 0..30. mantissa 0 without input_error returns 0 at once,
 * leaving *random unchanged. Returns the weights clamped.
 */
int32_t tt_dense_update_rows_tintin(int8_t *weights, const int8_t *errors, const int8_t *x, int32_t inputs, int32_t outputs,
                                    int32_t mantissa, int32_t shift, uint32_t *random, int32_t *input_error);

/**
 * tt_dense_update_rows_tintin over the nonzero inputs listed by tt_nonzero_inputs (`nonzero` of them,
 * increasing, followed by its end mark): the same weights, clamps, *random and input_error, bit for bit. The row kernels only
 * ever touch nonzero inputs, in increasing order (the dither advances once per nonzero input), so the
 * list visits exactly what they visit without testing the zeros; rows are updated two at a time, each
 * with its own dither sequence. Contract as tt_dense_update_rows_tintin.
 */
int32_t tt_dense_update_rows_tintin_nonzero(int8_t *weights, const int8_t *errors, const int32_t *list, int32_t nonzero, int32_t inputs,
                                            int32_t outputs, int32_t mantissa, int32_t shift, uint32_t *random, int32_t *input_error);

/** Batch size 1, NITI: tt_row_update_niti on every row whose error is not 0. Returns the weights clamped. */
int32_t tt_dense_update_rows_niti(int8_t *weights, const int8_t *errors, const int8_t *x, int32_t inputs, int32_t outputs,
                                  int32_t shift, int32_t *input_error);

/**
 * Mini-batch: tt_accumulate_row for every row (accumulators [outputs x inputs]). Returns the
 * accumulators that saturated (the managed layer discards this count).
 */
int32_t tt_dense_accumulate_rows(int32_t *accumulators, const int8_t *errors, const int8_t *x, int32_t inputs, int32_t outputs,
                                 int32_t mantissa, int32_t shift);

#endif /* TT_DENSE_UPDATE_H */
