/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_row_update.h"

int32_t tt_row_update_tintin(int8_t *weights, int32_t offset, int32_t error, const int8_t *inputs,
                             int32_t count, int32_t mantissa, int32_t shift, uint32_t dither)
{
    int32_t clamped = 0;
    int32_t scaled = tt_mul32(error, mantissa); /* |e * mantissa| < 2^22 in contract */
    uint32_t step;
    int32_t down;
    uint32_t u;
    int32_t i;
    if (scaled == 0)
    {
        return 0;
    }

    step = shift == 0 ? 0u : TT_DITHER_STEP;
    down = shift == 0 ? 31 : tt_sub32(32, shift);
    u = shift == 0 ? 0u : dither;
    for (i = 0; i < count; i++)
    {
        int32_t x = inputs[i];
        if (x != 0)
        {
            int32_t delta;
            u += step;
            delta = tt_shr32(tt_add32(tt_mul32(scaled, x), (int32_t)tt_shru32(u, down)), shift);
            if (delta != 0)
            {
                int32_t k = offset + i;
                int32_t v = tt_sub32(weights[k], delta);
                if ((uint32_t)tt_add32(v, 127) > 254u)
                {
                    v = v > 0 ? 127 : -127;
                    clamped++;
                }

                weights[k] = (int8_t)v;
            }
        }
    }

    return clamped;
}

int32_t tt_row_update_tintin_propagating(int8_t *weights, int32_t offset, int32_t error, const int8_t *inputs,
                                         int32_t count, int32_t mantissa, int32_t shift, uint32_t dither,
                                         int32_t *input_error)
{
    int32_t clamped = 0;
    int32_t scaled = tt_mul32(error, mantissa);
    uint32_t step = shift == 0 ? 0u : TT_DITHER_STEP;
    int32_t down = shift == 0 ? 31 : tt_sub32(32, shift);
    uint32_t u = shift == 0 ? 0u : dither;
    int32_t i;
    for (i = 0; i < count; i++)
    {
        int32_t x = inputs[i];
        if (x != 0)
        {
            int32_t k = offset + i;
            int32_t w = weights[k];
            int32_t delta;
            input_error[i] = tt_add32(input_error[i], tt_mul32(w, error));
            u += step;
            delta = tt_shr32(tt_add32(tt_mul32(scaled, x), (int32_t)tt_shru32(u, down)), shift);
            if (delta != 0)
            {
                w = tt_sub32(w, delta);
                if ((uint32_t)tt_add32(w, 127) > 254u)
                {
                    w = w > 0 ? 127 : -127;
                    clamped++;
                }

                weights[k] = (int8_t)w;
            }
        }
    }

    return clamped;
}

int32_t tt_row_update_niti(int8_t *weights, int32_t offset, int32_t error, const int8_t *inputs,
                           int32_t count, int32_t shift, int32_t *input_error)
{
    int32_t clamped = 0;
    int32_t half;
    int32_t half_mask;
    int32_t low_mask;
    int32_t align;
    int32_t i;
    if (error == 0)
    {
        return 0;
    }

    half = shift >> 1;
    half_mask = tt_sub32(tt_shl32(1, half), 1);
    low_mask = tt_sub32(tt_shl32(1, shift), 1);
    align = tt_sub32(shift, tt_shl32(half, 1)); /* 1 when shift is odd: the random half is one bit short */
    for (i = 0; i < count; i++)
    {
        int32_t x = inputs[i];
        if (x != 0)
        {
            int32_t k = offset + i;
            int32_t w = weights[k];
            int32_t g;
            int32_t m;
            int32_t low;
            int32_t q;
            if (input_error != NULL)
            {
                input_error[i] = tt_add32(input_error[i], tt_mul32(w, error));
            }

            g = tt_mul32(error, x);
            m = g < 0 ? tt_neg32(g) : g;
            low = m & low_mask;
            q = tt_shr32(m, shift);
            if (tt_shl32(low & half_mask, align) < tt_shr32(low, half))
            {
                q = tt_add32(q, 1);
            }

            if (q != 0)
            {
                w = tt_sub32(w, g < 0 ? tt_neg32(q) : q);
                if ((uint32_t)tt_add32(w, 127) > 254u)
                {
                    w = w > 0 ? 127 : -127;
                    clamped++;
                }

                weights[k] = (int8_t)w;
            }
        }
    }

    return clamped;
}
