/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* One filter's weight gradient (managed: TinTin.Training.ManagedKernels.ConvGradient), optionally fused with its share of the input error. */
#ifndef TT_CONV_GRADIENT_H
#define TT_CONV_GRADIENT_H

#include "tt_types.h"

/**
 * gradient[c, ky, kx] = sum over output positions of e[filter, oy, ox] * x[c, oy*sy + ky - py, ox*sx + kx - px]
 * into gradient (channels * kernel area ints, cleared first). sparse (visit only nonzero inputs, as
 * the managed loop) gives the same gradient as dense: both run one loop without a test. With
 * error_acc not NULL (then sparse is implied), also error_acc[i] += w_old[filter, ...] * e at the
 * nonzero inputs only, with the weights before this filter's update. Apply the gradient with tt_tintin_gradients,
 * tt_niti_gradients or tt_accumulate_gradients. Contract: out_height * out_width * 127^2 < 2^31.
 */
void tt_conv_gradient(const tt_conv_geometry *geometry, int32_t filter, const int8_t *weights, const int8_t *x, const int8_t *errors,
                      int32_t *gradient, int32_t sparse, int32_t *error_acc);

#endif /* TT_CONV_GRADIENT_H */
