/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_softmax_xent.h"
#include "tt_requantize.h"

#define TT_EXPONENT_FRACTION_BITS 10
#define TT_PROBABILITY_BITS 14
#define TT_LOSS_FRACTION_BITS 16
#define TT_LN2_Q16 45426
#define TT_MAX_CLASSES 65535

/* 2^(-j/64) in Q15, j = 0..64. */
static const uint16_t s_exp2[65] =
{
    32768, 32415, 32066, 31720, 31379, 31041, 30706, 30376, 30048, 29725, 29405, 29088, 28774, 28464, 28158, 27855,
    27554, 27258, 26964, 26674, 26386, 26102, 25821, 25543, 25268, 24995, 24726, 24460, 24196, 23936, 23678, 23423,
    23170, 22921, 22674, 22430, 22188, 21949, 21713, 21479, 21247, 21019, 20792, 20568, 20347, 20127, 19911, 19696,
    19484, 19274, 19066, 18861, 18658, 18457, 18258, 18061, 17867, 17674, 17484, 17296, 17109, 16925, 16743, 16562,
    16384,
};

/* log2(1 + j/64) in Q16, j = 0..64. */
static const int32_t s_log2[65] =
{
    0, 1466, 2909, 4331, 5732, 7112, 8473, 9814, 11136, 12440, 13727, 14996, 16248, 17484, 18704, 19909,
    21098, 22272, 23433, 24579, 25711, 26830, 27936, 29029, 30109, 31178, 32234, 33279, 34312, 35334, 36346, 37346,
    38336, 39316, 40286, 41246, 42196, 43137, 44068, 44990, 45904, 46809, 47705, 48593, 49472, 50344, 51207, 52063,
    52911, 53751, 54584, 55410, 56229, 57040, 57845, 58643, 59434, 60219, 60997, 61769, 62534, 63294, 64047, 64794,
    65536,
};

int32_t tt_exp2_negative(int32_t d)
{
    int32_t whole = d >> TT_EXPONENT_FRACTION_BITS;
    int32_t fraction;
    int32_t j;
    int32_t within;
    int32_t value;
    if (whole > 15)
    {
        return 0;
    }

    fraction = d & ((1 << TT_EXPONENT_FRACTION_BITS) - 1);
    j = fraction >> 4;       /* 64 table steps */
    within = fraction & 15;  /* interpolate the remaining 4 bits */
    value = s_exp2[j] - ((((int32_t)s_exp2[j] - s_exp2[j + 1]) * within + 8) >> 4);
    return tt_shr32(value, whole);
}

int64_t tt_log2_q16(int64_t x)
{
    int32_t k = -1;
    int64_t v;
    int64_t fraction;
    int32_t j;
    int32_t within;
    int64_t value;
    for (v = x; v > 0; v >>= 1)
    {
        k++;
    }

    /* mantissa x / 2^k in [1, 2) as 16 fraction bits */
    fraction = k >= 16 ? tt_shr64(x, k - 16) & 0xFFFF : tt_shl64(x, 16 - k) & 0xFFFF;
    j = (int32_t)(fraction >> 10);
    within = (int32_t)(fraction & 1023);
    value = s_log2[j] + tt_shr64((int64_t)(s_log2[j + 1] - s_log2[j]) * within + 512, 10);
    return tt_add64(tt_shl64(k, TT_LOSS_FRACTION_BITS), value);
}

/* SoftmaxCrossEntropy.ShiftClamp: value >> shift rounded (or << -shift, at most 30), at most 31 in Q10. */
static int32_t shift_clamp(int64_t value, int32_t shift)
{
    int64_t r;
    if (shift >= 0)
    {
        r = shift > 62 ? 0 : tt_shr64(tt_add64(value, shift > 0 ? tt_shl64(1, shift - 1) : 0), shift);
    }
    else
    {
        int32_t left = tt_neg32(shift);
        r = tt_shl64(value, left > 30 ? 30 : left);
    }

    return r > (31 << TT_EXPONENT_FRACTION_BITS) ? (31 << TT_EXPONENT_FRACTION_BITS) : (int32_t)r;
}

int32_t tt_softmax_xent(const int8_t *logits, int32_t classes, int32_t label, int64_t factor, int32_t shift, int32_t compound,
                        int32_t *scratch, int8_t *error, tt_rescale_step *step, int32_t *loss)
{
    int32_t max_index = 0;
    int32_t q_max;
    uint32_t sum = 0; /* at most classes * 2^15 < 2^31 */
    int32_t d_label = 0;
    int32_t max_error = 0;
    int64_t bits;
    int32_t i;
    if (classes < 1 || classes > TT_MAX_CLASSES || label < 0 || label >= classes)
    {
        return TT_EINVAL;
    }

    for (i = 1; i < classes; i++)
    {
        if (logits[i] > logits[max_index])
        {
            max_index = i;
        }
    }

    /* d = (q_max - q) * factor >= 0 and 2^-d in Q15. */
    q_max = logits[max_index];
    for (i = 0; i < classes; i++)
    {
        int32_t d = shift_clamp(tt_mul64(q_max - logits[i], factor), shift);
        int32_t p;
        if (i == label)
        {
            d_label = d;
        }

        p = tt_exp2_negative(d);
        scratch[i] = p;
        sum += (uint32_t)p;
    }

    /* P = p * 2^14 / sum; error = P - onehot * 2^14 (scale 2^-14). p <= 2^15 and sum >= 2^15 (the largest
       logit's own term): both fit 32 bits unsigned, so this division equals the managed 64-bit one. */
    for (i = 0; i < classes; i++)
    {
        int32_t probability = (int32_t)(((uint32_t)scratch[i] << TT_PROBABILITY_BITS) / sum);
        int32_t e = i == label ? probability - (1 << TT_PROBABILITY_BITS) : probability;
        int32_t a = e < 0 ? -e : e;
        scratch[i] = e;
        if (a > max_error)
        {
            max_error = a;
        }
    }

    tt_requantize_choose(max_error, compound, step);
    tt_requantize_apply(scratch, 0, error, 0, classes, step);

    /* loss = (log2(sum / 2^15) + d_label / 2^10) * ln 2, in Q16. */
    bits = tt_add64(tt_log2_q16((int64_t)sum) - ((int64_t)15 << TT_LOSS_FRACTION_BITS), tt_shl64(d_label, TT_LOSS_FRACTION_BITS - TT_EXPONENT_FRACTION_BITS));
    *loss = (int32_t)tt_shr64(tt_mul64(bits, TT_LN2_Q16), TT_LOSS_FRACTION_BITS);
    return TT_OK;
}
