/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_weight_update.h"
#include "tt_magnitude.h"

int32_t tt_tintin_gradients(int8_t *weights, int32_t weight_offset, const int32_t *gradients, int32_t gradient_offset,
                            int32_t count, int32_t mantissa, int32_t shift, uint32_t *random)
{
    /* The random addend has at most 32 bits: a larger shift is split into an exact pre-shift of the product. */
    int32_t pre_shift = shift > 32 ? tt_sub32(shift, 32) : 0;
    int32_t post_shift = tt_sub32(shift, pre_shift);
    int64_t mask = tt_sub64(tt_shl64(1, post_shift), 1);
    uint32_t s = *random;
    int32_t clamped = 0;
    int32_t g = gradient_offset;
    int32_t end = weight_offset + count;
    int32_t w;
    if (pre_shift == 0 && post_shift >= 0 && post_shift <= 30 && mantissa >= 0 && mantissa < 32768 && count > 0)
    {
        /*
         * The 32-bit path, the same values: when |gradient| * mantissa + 2^shift stays below 2^31, the
         * product, the dithered sum and its shift are exact in int32 (checked on the largest gradient).
         */
        int32_t largest = tt_max_abs_i32(gradients, gradient_offset, count);
        if ((int64_t)largest * mantissa < ((int64_t)1 << 30))
        {
            const int32_t *pg = gradients + gradient_offset;
            int8_t *pw = weights + weight_offset;
            int8_t *pend = pw + count;
            uint32_t mask32 = (uint32_t)mask;
            uint32_t right = (uint32_t)post_shift;
            for (; pw != pend; pw++)
            {
                int32_t v;
                s = tt_xorshift32(s);
                v = *pw - ((int32_t)((uint32_t)(*pg++ * mantissa) + (s & mask32)) >> right);
                if ((uint32_t)(v + 127) > 254u)
                {
                    v = v > 0 ? 127 : -127;
                    clamped++;
                }

                *pw = (int8_t)v;
            }

            *random = s;
            return clamped;
        }
    }

    for (w = weight_offset; w < end; w++)
    {
        int64_t p;
        int64_t v;
        s = tt_xorshift32(s);
        p = tt_shr64((int64_t)gradients[g++] * mantissa, pre_shift);
        v = tt_sub64(weights[w], tt_shr64(tt_add64(p, (int64_t)s & mask), post_shift));
        if (v > 127 || v < -127)
        {
            v = v > 0 ? 127 : -127;
            clamped++;
        }

        weights[w] = (int8_t)v;
    }

    *random = s;
    return clamped;
}

int32_t tt_niti_gradients(int8_t *weights, int32_t weight_offset, const int32_t *gradients, int32_t gradient_offset,
                          int32_t count, int32_t shift)
{
    int32_t half = shift >> 1;
    int32_t half_mask = tt_sub32(tt_shl32(1, half), 1);
    int32_t low_mask = tt_sub32(tt_shl32(1, shift), 1);
    int32_t align = tt_sub32(shift, tt_shl32(half, 1));
    int32_t clamped = 0;
    int32_t g = gradient_offset;
    int32_t end = weight_offset + count;
    int32_t w;
    for (w = weight_offset; w < end; w++)
    {
        int32_t v0 = gradients[g++];
        int32_t m = v0 < 0 ? tt_neg32(v0) : v0;
        int32_t low = m & low_mask;
        int32_t q = tt_shr32(m, shift);
        int32_t v;
        if (tt_shl32(low & half_mask, align) < tt_shr32(low, half))
        {
            q = tt_add32(q, 1);
        }

        v = tt_sub32(weights[w], v0 < 0 ? tt_neg32(q) : q);
        if ((uint32_t)tt_add32(v, 127) > 254u)
        {
            v = v > 0 ? 127 : -127;
            clamped++;
        }

        weights[w] = (int8_t)v;
    }

    return clamped;
}

int32_t tt_accumulate_row(int32_t *accumulators, int32_t offset, int32_t error, const int8_t *inputs,
                          int32_t count, int32_t mantissa, int32_t shift)
{
    int64_t scaled_error = (int64_t)error * mantissa;
    int32_t left;
    int32_t right;
    int64_t half;
    int64_t negative_bias;
    int32_t saturated = 0;
    int32_t a = offset;
    int32_t i;
    if (shift > 62 || scaled_error == 0)
    {
        return 0; /* every contribution rounds to 0 */
    }

    /* |e * mantissa * x| < 2^29: a left shift of 33 already saturates every nonzero term. */
    left = shift < 0 ? (shift < -33 ? 33 : tt_neg32(shift)) : 0;
    right = shift > 0 ? shift : 0;
    half = right > 0 ? tt_shl64(1, right - 1) : 0;
    negative_bias = right > 0 ? -1 : 0; /* (p + half - 1) >> right rounds a negative p half away from zero */
    for (i = 0; i < count; i++)
    {
        int64_t p = tt_shl64(tt_mul64(scaled_error, inputs[i]), left);
        int64_t sum = tt_add64(accumulators[a], tt_shr64(tt_add64(tt_add64(p, half), tt_shr64(p, 63) & negative_bias), right));
        if (sum > INT32_MAX || sum < -INT32_MAX)
        {
            sum = sum > 0 ? INT32_MAX : -INT32_MAX;
            saturated++;
        }

        accumulators[a++] = (int32_t)sum;
    }

    return saturated;
}

/* A multiplier above 2^31 steps: each product is clamped to 2^31 first, which saturates the accumulator just the same. */
static int32_t accumulate_gradients_huge(int32_t *accumulators, int32_t offset, const int32_t *gradients, int32_t gradient_offset,
                                         int32_t count, int32_t mantissa, int32_t left)
{
    int32_t saturated = 0;
    int32_t g = gradient_offset;
    int32_t end = offset + count;
    int32_t shift = left > 31 ? 31 : left;
    int32_t a;
    for (a = offset; a < end; a++)
    {
        int64_t p = (int64_t)gradients[g++] * mantissa;
        int64_t sum;
        p = p > INT32_MAX ? INT32_MAX : (p < -INT32_MAX ? -INT32_MAX : p);
        sum = tt_add64(accumulators[a], tt_shl64(p, shift));
        if (sum > INT32_MAX || sum < -INT32_MAX)
        {
            sum = sum > 0 ? INT32_MAX : -INT32_MAX;
            saturated++;
        }

        accumulators[a] = (int32_t)sum;
    }

    return saturated;
}

int32_t tt_accumulate_gradients(int32_t *accumulators, int32_t offset, const int32_t *gradients, int32_t gradient_offset,
                                int32_t count, int32_t mantissa, int32_t shift)
{
    int32_t left;
    int32_t right;
    int64_t half;
    int64_t negative_bias;
    int32_t saturated = 0;
    int32_t g = gradient_offset;
    int32_t end = offset + count;
    int32_t a;
    if (shift > 62)
    {
        return 0; /* every contribution rounds to 0 */
    }

    if (shift < -16)
    {
        return accumulate_gradients_huge(accumulators, offset, gradients, gradient_offset, count, mantissa, tt_neg32(shift));
    }

    left = shift < 0 ? -shift : 0;
    right = shift > 0 ? shift : 0;
    half = right > 0 ? tt_shl64(1, right - 1) : 0;
    negative_bias = right > 0 ? -1 : 0;
    for (a = offset; a < end; a++)
    {
        int64_t p = tt_shl64((int64_t)gradients[g++] * mantissa, left);
        int64_t sum = tt_add64(accumulators[a], tt_shr64(tt_add64(tt_add64(p, half), tt_shr64(p, 63) & negative_bias), right));
        if (sum > INT32_MAX || sum < -INT32_MAX)
        {
            sum = sum > 0 ? INT32_MAX : -INT32_MAX;
            saturated++;
        }

        accumulators[a] = (int32_t)sum;
    }

    return saturated;
}
