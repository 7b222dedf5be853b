/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* The input error of a backward pass's input channels of a convolution, in its own pass (managed: TinTin.Training.ManagedKernels.ConvInputError). */
#ifndef TT_CONV_ERROR_H
#define TT_CONV_ERROR_H

#include "tt_types.h"

/**
 * The transposed convolution restricted to the input channels [first_channel, first_channel +
 * channel_count): acc (channel_count * height * width ints, from the first channel's plane, cleared
 * first) receives, for every nonzero output error e[f, oy, ox] of every filter, e times that filter's
 * kernels over the channels across the output's input window. The layer requantizes each pass's row
 * before the next reuses acc (Convolution.PropagateError). Contract: filters * kernel area * 127^2 <
 * 2^31, 0 <= first_channel, 1 <= channel_count, first_channel + channel_count <= channels.
 */
void tt_conv_input_error(const tt_conv_geometry *geometry, int32_t first_channel, int32_t channel_count, const int8_t *weights, const int8_t *errors,
                         int32_t *acc);

#endif /* TT_CONV_ERROR_H */
