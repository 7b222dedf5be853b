/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * The rank-one row updates of a Dense layer at batch size 1 (managed: TinTin.Training.RowUpdate):
 * w[offset + i] -= update(e * x[i]) for one output row, optionally fused with the error sent to the
 * layer below, d[i] += w_old[offset + i] * e, so the row is read once. Only nonzero inputs are
 * visited (a zero input's update is exactly 0, and the fused kernels are used only when the layer
 * below drops the error at zero inputs). Every kernel clamps the new weight to [-127, 127] and
 * returns how many weights it clamped.
 */
#ifndef TT_ROW_UPDATE_H
#define TT_ROW_UPDATE_H

#include "tt_types.h"

/** The Weyl increment of the dither, 2^32 / golden ratio (RowUpdate.DitherStep). */
#define TT_DITHER_STEP 0x9E3779B9u

/**
 * Tin-Tin row update (RowUpdate.TinTin): w[offset + i] -= (e * mantissa * x[i] + r_i) >> shift, where
 * r_i is the top `shift` bits of u_k = dither + k * TT_DITHER_STEP, k counting the nonzero inputs
 * from 1. Contract: e and x[i] int8 range, 0 <= mantissa < 2^15, shift 0..30 (0: exact, no dither).
 */
int32_t tt_row_update_tintin(int8_t *weights, int32_t offset, int32_t error, const int8_t *inputs,
                             int32_t count, int32_t mantissa, int32_t shift, uint32_t dither);

/**
 * tt_row_update_tintin fused with input_error[i] += w_old[offset + i] * e at the nonzero inputs
 * (RowUpdate.TinTinPropagating). mantissa 0 sends the error only.
 */
int32_t tt_row_update_tintin_propagating(int8_t *weights, int32_t offset, int32_t error, const int8_t *inputs,
                                         int32_t count, int32_t mantissa, int32_t shift, uint32_t dither,
                                         int32_t *input_error);

/**
 * NITI row update (RowUpdate.NitiPropagating): w[offset + i] -= pseudo_round(e * x[i] / 2^shift), the
 * discarded bits of |e * x[i]| deciding the rounding (upper half: probability, lower half: the
 * random number). With input_error not NULL, also input_error[i] += w_old * e at nonzero inputs.
 * Contract: e and x[i] int8 range, shift 0..30.
 */
int32_t tt_row_update_niti(int8_t *weights, int32_t offset, int32_t error, const int8_t *inputs,
                           int32_t count, int32_t shift, int32_t *input_error);

#endif /* TT_ROW_UPDATE_H */
