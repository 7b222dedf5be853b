/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* One kernel's weight gradient, a filter over one input channel (managed: TinTin.Training.ManagedKernels.ConvGradient), optionally fused with its share of the channel's input error. */
#ifndef TT_CONV_GRADIENT_H
#define TT_CONV_GRADIENT_H

#include "tt_types.h"

/**
 * gradient[ky, kx] = sum over output positions of e[filter, oy, ox] * x[channel, oy*sy + ky - py, ox*sx + kx - px]
 * into gradient (kernel area ints, cleared first): the kernel of one filter over one input channel, so
 * the layer can update it at weight offset (filter * channels + channel) * kernel area before the next.
 * sparse (visit only nonzero inputs, as the managed loop) gives the same gradient as dense: both run
 * one loop without a test. With error_acc not NULL (then sparse is implied), also error_acc[i] +=
 * w_old[filter, channel, ...] * e at the nonzero inputs only, with the kernel's weights before its
 * update; error_acc holds the channel's own plane (height * width ints, index i in it). Apply the
 * gradient with tt_tintin_gradients, tt_niti_gradients or tt_accumulate_gradients. Contract: out_height
 * * out_width * 127^2 < 2^31, 0 <= filter < filters, 0 <= channel < channels.
 */
void tt_conv_gradient(const tt_conv_geometry *geometry, int32_t filter, int32_t channel, const int8_t *weights, const int8_t *x,
                      const int8_t *errors, int32_t *gradient, int32_t sparse, int32_t *error_acc);

#endif /* TT_CONV_GRADIENT_H */
