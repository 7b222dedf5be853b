/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_rescale.h"
#include "tt_requantize.h"

/* RescaleWeights' formula for one weight, with C#'s masked shift counts. */
static int8_t rescale_one(int32_t w, int32_t multiplier, int32_t total)
{
    int32_t p = tt_mul32(w, multiplier);
    int32_t q;
    if (total <= 0)
    {
        q = tt_shl32(p, tt_neg32(total));
    }
    else
    {
        int32_t half = tt_shl32(1, tt_sub32(total, 1));
        q = p >= 0 ? tt_shr32(tt_add32(p, half), total) : tt_neg32(tt_shr32(tt_add32(tt_neg32(p), half), total));
    }

    return (int8_t)(q > 127 ? 127 : (q < -127 ? -127 : q));
}

void tt_rescale_weights(int8_t *weights, int32_t count, int32_t up, int32_t down, int32_t shift)
{
    int32_t multiplier = tt_pow3(tt_add32(up, down));
    int32_t total = tt_add32(tt_add32(shift, up), tt_shl32(down, 1));
    int8_t *w = weights;
    int8_t *end = weights + (count > 0 ? count : 0);
    if (count < 512)
    {
        for (; w != end; w++)
        {
            *w = rescale_one(*w, multiplier, total);
        }
    }
    else
    {
        int8_t table[256]; /* table[v & 255] = the result for weight v */
        int32_t octets = count >> 3;
        int32_t v;
        /* the formula of rescale_one with the sign of total hoisted and v * multiplier stepped (wrapping, as tt_mul32) */
        if (total <= 0)
        {
            uint32_t left = (uint32_t)tt_neg32(total) & 31u;
            uint32_t p = (uint32_t)tt_mul32(-128, multiplier);
            for (v = -128; v < 128; v++, p += (uint32_t)multiplier)
            {
                int32_t q = (int32_t)(p << left);
                table[v & 255] = (int8_t)(q > 127 ? 127 : (q < -127 ? -127 : q));
            }
        }
        else
        {
            int32_t half = tt_shl32(1, tt_sub32(total, 1));
            uint32_t right = (uint32_t)total & 31u;
            uint32_t p = (uint32_t)tt_mul32(-128, multiplier);
            for (v = -128; v < 128; v++, p += (uint32_t)multiplier)
            {
                int32_t signed_p = (int32_t)p;
                int32_t q = signed_p >= 0 ? tt_add32(signed_p, half) >> right : tt_neg32(tt_add32(tt_neg32(signed_p), half) >> right);
                table[v & 255] = (int8_t)(q > 127 ? 127 : (q < -127 ? -127 : q));
            }
        }

        /* eight weights per pass, counted down to 0 (the loop's test is the decrement's own flags); TT_KEEP(w)
           keeps them byte stores, which GCC -O2 would otherwise merge into a word built with bit-field inserts */
        do
        {
            w[0] = table[(uint8_t)w[0]];
            TT_KEEP(w);
            w[1] = table[(uint8_t)w[1]];
            TT_KEEP(w);
            w[2] = table[(uint8_t)w[2]];
            TT_KEEP(w);
            w[3] = table[(uint8_t)w[3]];
            TT_KEEP(w);
            w[4] = table[(uint8_t)w[4]];
            TT_KEEP(w);
            w[5] = table[(uint8_t)w[5]];
            TT_KEEP(w);
            w[6] = table[(uint8_t)w[6]];
            TT_KEEP(w);
            w[7] = table[(uint8_t)w[7]];
            w += 8;
        } while (--octets != 0);

        for (; w != end; w++)
        {
            *w = table[(uint8_t)*w];
        }
    }
}
