/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * Integer softmax cross-entropy, base 2 (managed: TinTin.Training.SoftmaxCrossEntropy.Compute): the
 * error softmax - onehot as int8 at the scale 2^-14 rescaled by *step, and the loss in Q16 nats.
 */
#ifndef TT_SOFTMAX_XENT_H
#define TT_SOFTMAX_XENT_H

#include "tt_types.h"

/** 2^(-d / 2^10) in Q15 for d >= 0, 0 below 2^-15 (SoftmaxCrossEntropy.Exp2Negative). */
int32_t tt_exp2_negative(int32_t d);

/** log2(x) in Q16 for x >= 1 (SoftmaxCrossEntropy.Log2Q16). */
int64_t tt_log2_q16(int64_t x);

/**
 * One sample's error and loss (SoftmaxCrossEntropy.Compute). The logits' scale enters as the exponent
 * factor and shift the managed code derives from it (ExponentFactor): with m =
 * FixedMultiplier.FromPowers(scale.Pow2 + 10, scale.Pow3), factor = m.Mantissa * 47274 and shift =
 * m.RightShift + 15, so that d = (q_max - q) * factor >> shift is the base-2 exponent in Q10.
 * scratch (classes ints) ends holding the error at scale 2^-14; error receives it rescaled to int8
 * with *step (compound: Tin-Tin's non-power-of-two factors allowed); *loss receives the loss in Q16
 * nats. Returns TT_OK, or TT_EINVAL (nothing written) when label is not in [0, classes) or classes is
 * not in [1, 65535] (the probabilities are normalised with a 32-bit division).
 */
int32_t tt_softmax_xent(const int8_t *logits, int32_t classes, int32_t label, int64_t factor, int32_t shift, int32_t compound,
                        int32_t *scratch, int8_t *error, tt_rescale_step *step, int32_t *loss);

#endif /* TT_SOFTMAX_XENT_H */
