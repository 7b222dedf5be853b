/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_bias.h"

#define TT_MAX_BIAS_CONTRIBUTION (1 << 30)

/* p * 2^left, or +-INT64_MAX when the result leaves the int range anyway (WeightedLayer.ShiftLeftSaturating). */
static int64_t shift_left_saturating(int64_t p, int32_t left)
{
    int64_t limit = left > 31 ? 0 : tt_shr64(INT32_MAX, left);
    if (p > limit || p < -limit)
    {
        return p > 0 ? INT64_MAX : -INT64_MAX;
    }

    return tt_shl64(p, left);
}

int32_t tt_scale_value(int32_t value, int32_t mantissa, int32_t right_shift)
{
    int64_t p = (int64_t)value * mantissa;
    if (p >= INT32_MIN && p <= INT32_MAX && right_shift >= 1 && right_shift <= 31)
    {
        /*
         * The 32-bit path, the same value: the product fits an int32, so |p| + half < 2^32 as an
         * unsigned sum and the rounded quotient stays below 2^31 (no clamp reached).
         */
        int32_t q = (int32_t)p;
        uint32_t half = 1u << (right_shift - 1);
        return q >= 0 ? (int32_t)(((uint32_t)q + half) >> right_shift) : -(int32_t)((half - (uint32_t)q) >> right_shift);
    }

    if (right_shift <= 0)
    {
        p = shift_left_saturating(p, tt_neg32(right_shift));
    }
    else if (right_shift < 63)
    {
        int64_t half = tt_shl64(1, right_shift - 1);
        p = p >= 0 ? tt_shr64(p + half, right_shift) : -tt_shr64(half - p, right_shift);
    }
    else
    {
        p = 0;
    }

    if (p > INT32_MAX)
    {
        return INT32_MAX;
    }

    return p < -INT32_MAX ? -INT32_MAX : (int32_t)p;
}

int32_t tt_bias_contribution(int32_t bias, int32_t mantissa, int32_t right_shift)
{
    int32_t add = tt_scale_value(bias, mantissa, right_shift);
    return add > TT_MAX_BIAS_CONTRIBUTION ? TT_MAX_BIAS_CONTRIBUTION : (add < -TT_MAX_BIAS_CONTRIBUTION ? -TT_MAX_BIAS_CONTRIBUTION : add);
}

void tt_scale_biases(const int32_t *biases, int32_t count, int32_t mantissa, int32_t right_shift, int32_t *destination)
{
    int32_t c;
    for (c = 0; c < count; c++)
    {
        destination[c] = tt_bias_contribution(biases[c], mantissa, right_shift);
    }
}

void tt_add_biases(int32_t *acc, int32_t per_channel, const int32_t *biases, int32_t channels, int32_t mantissa, int32_t right_shift)
{
    int32_t c;
    for (c = 0; c < channels; c++)
    {
        int32_t add = tt_bias_contribution(biases[c], mantissa, right_shift);
        int32_t start = c * per_channel;
        int32_t end = start + per_channel;
        int32_t i;
        for (i = start; i < end; i++)
        {
            acc[i] = tt_add32(acc[i], add);
        }
    }
}
