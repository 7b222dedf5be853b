/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* One input channel's error of a convolution in its own pass (managed: TinTin.Training.ManagedKernels.ConvInputError). */
#ifndef TT_CONV_ERROR_H
#define TT_CONV_ERROR_H

#include "tt_types.h"

/**
 * The transposed convolution restricted to one input channel: acc (height * width ints, the channel's
 * own plane, cleared first) receives, for every nonzero output error e[f, oy, ox] of every filter, e
 * times that filter's kernel over the channel across the output's input window. The layer requantizes
 * each channel's row before the next reuses acc (Convolution.PropagateError). Contract: filters *
 * kernel area * 127^2 < 2^31, 0 <= channel < channels.
 */
void tt_conv_input_error(const tt_conv_geometry *geometry, int32_t channel, const int8_t *weights, const int8_t *errors, int32_t *acc);

#endif /* TT_CONV_ERROR_H */
