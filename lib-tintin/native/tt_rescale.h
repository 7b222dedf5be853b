/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* Rescaling a whole weight tensor (managed: WeightedLayer.RescaleWeights). */
#ifndef TT_RESCALE_H
#define TT_RESCALE_H

#include "tt_types.h"

/**
 * w = clamp(round(w * 3^(up+down) / 2^(shift + up + 2 down)), -127, 127) for every weight, rounding
 * half away from zero (a non-positive total shifts left), exactly as WeightedLayer.RescaleWeights
 * (the caller updates the weight scale). The result depends on the int8 weight only, so from 512
 * weights on the 256 results are computed once into a table on the stack and the weights are mapped
 * through it.
 */
void tt_rescale_weights(int8_t *weights, int32_t count, int32_t up, int32_t down, int32_t shift);

#endif /* TT_RESCALE_H */
