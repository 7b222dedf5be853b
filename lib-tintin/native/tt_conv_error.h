/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* A convolution's error to its input in its own pass (managed: TinTin.Training.ManagedKernels.ConvInputError). */
#ifndef TT_CONV_ERROR_H
#define TT_CONV_ERROR_H

#include "tt_types.h"

/**
 * The transposed convolution: acc (channels * height * width ints, cleared first) receives, for every
 * nonzero output error e[f, oy, ox], e times the filter's weights over that output's input window.
 * Contract: filters * kernel area * 127^2 < 2^31.
 */
void tt_conv_input_error(const tt_conv_geometry *geometry, const int8_t *weights, const int8_t *errors, int32_t *acc);

#endif /* TT_CONV_ERROR_H */
