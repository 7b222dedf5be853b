/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* The multiply-accumulate of a convolution's forward pass (managed: TinTin.Training.ManagedKernels.ConvForward). */
#ifndef TT_CONV_FORWARD_H
#define TT_CONV_FORWARD_H

#include "tt_types.h"

/**
 * One filter's row: acc[oy * out_width + ox] = sum over channels and kernel taps inside the input of
 * w[filter] * x: padding is never read, the valid kernel rows and columns are computed per output row
 * and column. The layer requantizes each filter's row as soon as it is summed (Convolution.Forward), so
 * acc holds out_height * out_width ints, not the whole output. Biases are not added (the layer adds the
 * filter's bias contribution to the row). sparse (the managed Magnitude.MostlyZeros over channels *
 * height * width) is accepted and not needed: skipping zero inputs gives the same sums, and the unrolled
 * loop without a test per input is cheaper. Contract: channels * kernel area * 127^2 < 2^30 (checked by
 * the managed layer when it is built), 0 <= filter < filters, geometry consistent (out sizes as the
 * layer computes them).
 */
void tt_conv_forward(const tt_conv_geometry *geometry, int32_t filter, const int8_t *weights, const int8_t *x, int32_t sparse, int32_t *acc);

/**
 * The output positions start .. start + count (flat, row by row) of one filter: acc[j] = the sum at
 * position start + j, the same as tt_conv_forward gives there. The managed layer sums a convolution
 * whose filters do not fit its accumulator row whole in segments of the rows (LayerFactory.SegmentLength).
 * A whole row is tt_conv_forward's; a shorter range takes the generic per-position loop (no interior
 * pairs). Contract: as tt_conv_forward,
 * and 0 <= start, 1 <= count, start + count <= out_height * out_width.
 */
void tt_conv_forward_range(const tt_conv_geometry *geometry, int32_t filter, const int8_t *weights, const int8_t *x, int32_t start, int32_t count,
                           int32_t *acc);

#endif /* TT_CONV_FORWARD_H */
