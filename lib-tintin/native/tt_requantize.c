/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_requantize.h"
#include "tt_magnitude.h"

#define TT_LIMIT 127

/* tt_requantize_align reads a table of its results when a row is longer than FACTOR * R + EXTRA (R: the row's largest magnitude). */
#ifndef TT_ALIGN_TABLE_FACTOR
#define TT_ALIGN_TABLE_FACTOR 2
#endif
#ifndef TT_ALIGN_TABLE_EXTRA
#define TT_ALIGN_TABLE_EXTRA 16
#endif

/*
 * The candidates that can win, one per power of three 3^(u+d) = 3^0 .. 3^4: (0,0), (1,0), (2,0), (2,1),
 * (2,2). The result depends only on u+d, and of the nine (u, d) pairs with u, d in 0..2, listed fewest
 * factors first, the first of each power is the one a tie keeps (Requantizer.Choose).
 */
static const uint8_t s_candidate_up[5] = { 0, 1, 2, 2, 2 };
static const uint8_t s_candidate_down[5] = { 0, 0, 0, 1, 2 };

int32_t tt_pow3(int32_t n)
{
    int32_t p = 1;
    int32_t i;
    for (i = 0; i < n; i++)
    {
        p = tt_mul32(p, 3);
    }

    return p;
}

/* Smallest total right shift t (negative: left) with round(value / 2^t) <= 127; *result gets that value. value >= 1. */
static int32_t total_shift(int64_t value, int32_t *result)
{
    uint32_t high;
    int32_t length;
    int32_t shift;
    int64_t rounded;
    if (value <= TT_LIMIT)
    {
        int32_t left = 0;
        while (tt_shl64(value, left + 1) <= TT_LIMIT)
        {
            left++;
        }

        *result = (int32_t)tt_shl64(value, left);
        return -left;
    }

    /* value < 2^39 (an int magnitude times at most 3^4). */
    high = (uint32_t)(value >> 32);
    length = high != 0 ? 32 + tt_bit_length_u32(high) : tt_bit_length_u32((uint32_t)value);
    shift = length - 7;
    rounded = tt_shr64(value + tt_shl64(1, shift - 1), shift);
    if (rounded > TT_LIMIT)
    {
        shift++;
        rounded = tt_shr64(value + tt_shl64(1, shift - 1), shift);
    }

    *result = (int32_t)rounded;
    return shift;
}

/* total_shift for value in [1, 2^31): the same arithmetic in 32 bits (value + half stays below 2^32). */
static int32_t total_shift32(uint32_t value, int32_t *result)
{
    int32_t shift;
    uint32_t rounded;
    if (value <= TT_LIMIT)
    {
        int32_t left = 0;
        while ((value << (left + 1)) <= TT_LIMIT)
        {
            left++;
        }

        *result = (int32_t)(value << left);
        return -left;
    }

    shift = tt_bit_length_u32(value) - 7;
    rounded = (value + (1u << (shift - 1))) >> shift;
    if (rounded > TT_LIMIT)
    {
        shift++;
        rounded = (value + (1u << (shift - 1))) >> shift;
    }

    *result = (int32_t)rounded;
    return shift;
}

void tt_requantize_choose(int32_t max_abs, int32_t compound, tt_rescale_step *step)
{
    int32_t candidates = compound ? 5 : 1;
    int32_t best_result = -1;
    int64_t scaled = max_abs;
    int32_t c;
    step->up = 0;
    step->down = 0;
    step->shift = 0;
    step->result_max_abs = 0;
    if (max_abs <= 0)
    {
        return;
    }

    for (c = 0; c < candidates; c++)
    {
        int32_t result;
        int32_t total = scaled < ((int64_t)1 << 31) ? total_shift32((uint32_t)scaled, &result) : total_shift(scaled, &result);
        scaled *= 3; /* the next candidate has one factor of 3 more */
        if (result > best_result)
        {
            int32_t up = s_candidate_up[c];
            int32_t down = s_candidate_down[c];
            best_result = result;
            step->up = up;
            step->down = down;
            step->shift = total - up - (down << 1);
            step->result_max_abs = result;
        }
    }
}

void tt_requantize_apply(const int32_t *source, int32_t source_offset, int8_t *destination, int32_t destination_offset,
                         int32_t count, const tt_rescale_step *step)
{
    int64_t multiplier = tt_pow3(tt_add32(step->up, step->down));
    int32_t shift = tt_add32(tt_add32(step->shift, step->up), tt_shl32(step->down, 1));
    int32_t end = source_offset + count;
    int32_t d = destination_offset;
    int32_t i;
    int64_t half;
    if (shift <= 0)
    {
        /* Upscaling a small tensor: exact. */
        int32_t left = tt_neg32(shift);
        for (i = source_offset; i < end; i++)
        {
            destination[d++] = (int8_t)tt_shl64(source[i] * multiplier, left);
        }

        return;
    }

    half = tt_shl64(1, shift - 1);
    if (shift <= 30 && multiplier > 0 && multiplier < 65536)
    {
        /*
         * The 32-bit path, the same values: for |v| < 2^k with 2^k * multiplier <= 2^30, v * multiplier
         * plus the half (at most 2^29) is exact in int32; larger values take the 64-bit formula.
         */
        int32_t k = 30 - tt_bit_length_i32((int32_t)multiplier);
        uint32_t bound = (uint32_t)1 << k;
        int32_t m32 = (int32_t)multiplier;
        int32_t half32 = (int32_t)half;
        const int32_t *p = source + source_offset;
        const int32_t *p_end = p + (count > 0 ? count : 0);
        int8_t *q = destination + destination_offset;
        for (; p != p_end; p++, q++)
        {
            int32_t v = *p;
            if ((uint32_t)v + bound < bound << 1)
            {
                int32_t t = v * m32;
                *q = (int8_t)(t >= 0 ? (t + half32) >> shift : -((half32 - t) >> shift));
            }
            else
            {
                int64_t t = v * multiplier;
                *q = (int8_t)(t >= 0 ? tt_shr64(tt_add64(t, half), shift) : tt_neg64(tt_shr64(tt_sub64(half, t), shift)));
            }
        }

        return;
    }

    for (i = source_offset; i < end; i++)
    {
        int64_t t = source[i] * multiplier;
        destination[d++] = (int8_t)(t >= 0 ? tt_shr64(tt_add64(t, half), shift) : tt_neg64(tt_shr64(tt_sub64(half, t), shift)));
    }
}

int32_t tt_requantize(const int32_t *acc, int32_t count, int32_t max_abs, int32_t compound, int8_t *destination, tt_rescale_step *step)
{
    if (max_abs < 0)
    {
        max_abs = tt_max_abs_i32(acc, 0, count);
    }

    tt_requantize_choose(max_abs, compound, step);
    tt_requantize_apply(acc, 0, destination, 0, count, step);
    return step->up + step->down > 0 ? 1 : 0;
}

int32_t tt_requantize_align(int8_t *data, int32_t offset, int32_t count, const tt_rescale_step *from, const tt_rescale_step *to)
{
    int32_t from_pow3 = from->up + from->down;
    int32_t to_pow3 = to->up + to->down;
    int32_t shift = (to->shift + to->up + (to->down << 1)) - (from->shift + from->up + (from->down << 1)); /* > 0: right */
    uint32_t numerator = (uint32_t)tt_pow3(to_pow3 > from_pow3 ? to_pow3 - from_pow3 : 0);
    uint32_t divisor = (uint32_t)tt_pow3(from_pow3 > to_pow3 ? from_pow3 - to_pow3 : 0);
    int8_t *p = data + offset;
    int8_t *end = p + (count > 0 ? count : 0);
    int32_t max = 0;
    if (shift > 15)
    {
        /* |q| * 3^4 < 2^14: every value rounds to 0. */
        for (; p != end; p++)
        {
            *p = 0;
        }

        return 0;
    }

    if (shift < 0)
    {
        /*
         * The managed code shifts the numerator left by up to 24 bits in 64-bit arithmetic. Capped at
         * 2^16 instead, no result changes: from a numerator of 127.5 * 81 up, every nonzero value clamps
         * to 127 with any divisor (and 0 stays 0). The cap keeps |q| * n * 2 + d below 2^25, so every
         * product, sum and quotient below is exact in 32 bits (no 64-bit helper on Cortex-M0 or RV32).
         */
        int32_t left = -shift;
        numerator = left >= 16 ? 65536u : numerator << left;
        numerator = numerator > 65536u ? 65536u : numerator;
        shift = 0;
    }

    /*
     * No clamp needed (n <= d, d = divisor * 2^shift): the managed branch-free form, floor((2|q|n + d) / 2d)
     * with the sign, as ((q * 2n) + d + (q < 0 ? -2d : 0)) / 2d (division truncates toward zero). Every
     * term stays below 2^31 (2 * 127 * 81 * 2^15 + 2^23). Rounding is monotonic in |q|, so the largest
     * result is that of from->result_max_abs, the largest value Apply left. A long row reads a table of
     * the results for -R..R (R = from->result_max_abs) instead.
     */
    if (numerator <= (divisor << shift))
    {
        int32_t n2 = (int32_t)numerator * 2;
        int32_t d = (int32_t)(divisor << shift);
        int32_t twice = d << 1;
        int32_t minus_twice = -twice;
        int32_t largest = from->result_max_abs;
        if (count > TT_ALIGN_TABLE_FACTOR * largest + TT_ALIGN_TABLE_EXTRA)
        {
            int8_t table[2 * TT_LIMIT + 1];
            int8_t *centre = table + TT_LIMIT;
            int32_t v;
            int8_t *end4 = p + ((end - p) & ~3);
            for (v = 0; v <= largest; v++)
            {
                int32_t r = ((v * n2) + d) / twice;
                centre[v] = (int8_t)r;
                centre[-v] = (int8_t)-r;
            }

            for (; p != end4; p += 4)
            {
                int8_t a0 = centre[p[0]];
                int8_t a1 = centre[p[1]];
                int8_t a2 = centre[p[2]];
                int8_t a3 = centre[p[3]];
                p[0] = a0;
                p[1] = a1;
                p[2] = a2;
                p[3] = a3;
            }

            for (; p != end; p++)
            {
                *p = centre[*p];
            }
        }
        else
        {
            for (; p != end; p++)
            {
                int32_t q = *p;
                *p = (int8_t)(((q * n2) + d + ((q >> 31) & minus_twice)) / twice);
            }
        }

        return ((largest * n2) + d) / twice;
    }

    if (divisor == 1)
    {
        uint32_t half = shift > 0 ? 1u << (shift - 1) : 0u;
        for (; p != end; p++)
        {
            int32_t q = *p;
            uint32_t a = (uint32_t)(q < 0 ? -q : q);
            uint32_t r = (a * numerator + half) >> shift;
            int32_t m = r > TT_LIMIT ? TT_LIMIT : (int32_t)r;
            *p = (int8_t)(q < 0 ? -m : m);
            max = m > max ? m : max;
        }

        return max;
    }

    /*
     * A factor 3 to divide out: the managed exact rational rounding floor((2|q|n + d) / 2d) with
     * d = divisor * 2^shift, as floor(floor((2|q|n + d) / 2^(shift + 1)) / divisor) (nested floors of
     * nonnegative integers): one 32-bit division, which every target has (Cortex-M0: __aeabi_uidiv).
     */
    {
        uint32_t d = divisor << shift;
        for (; p != end; p++)
        {
            int32_t q = *p;
            uint32_t a = (uint32_t)(q < 0 ? -q : q);
            uint32_t r = ((a * numerator * 2u + d) >> (shift + 1)) / divisor;
            int32_t m = r > TT_LIMIT ? TT_LIMIT : (int32_t)r;
            *p = (int8_t)(q < 0 ? -m : m);
            max = m > max ? m : max;
        }
    }

    return max;
}
