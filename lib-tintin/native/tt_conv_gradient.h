/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* The weight gradient of one filter over a backward pass's input channels (managed: TinTin.Training.ManagedKernels.ConvGradient), optionally fused with its share of those channels' input error. */
#ifndef TT_CONV_GRADIENT_H
#define TT_CONV_GRADIENT_H

#include "tt_types.h"

/**
 * gradient[c', ky, kx] = sum over output positions of e[filter, oy, ox] * x[first_channel + c', oy*sy + ky - py, ox*sx + kx - px]
 * into gradient (channel_count * kernel area ints, cleared first; the weights' layout): the kernels of one
 * filter over the input channels [first_channel, first_channel + channel_count) of one backward pass, so
 * the layer can update them at weight offset (filter * channels + first_channel) * kernel area before the
 * next filter. Each output position's window is computed once for all the pass's channels. sparse (visit
 * only nonzero inputs, as the managed loop) gives the same gradient as dense: both run one loop without a
 * test. With error_acc not NULL (then sparse is implied), also error_acc[i] += w_old[filter, channel, ...]
 * * e at the nonzero inputs only, with the kernels' weights before their update; error_acc holds the
 * pass's planes from the first channel's (channel_count * height * width ints, index i in them). Apply
 * the gradient with tt_tintin_gradients, tt_niti_gradients or tt_accumulate_gradients. Contract:
 * out_height * out_width * 127^2 < 2^31, 0 <= filter < filters, 0 <= first_channel, 1 <= channel_count,
 * first_channel + channel_count <= channels.
 */
void tt_conv_gradient(const tt_conv_geometry *geometry, int32_t filter, int32_t first_channel, int32_t channel_count, const int8_t *weights,
                      const int8_t *x, const int8_t *errors, int32_t *gradient, int32_t sparse, int32_t *error_acc);

#endif /* TT_CONV_GRADIENT_H */
