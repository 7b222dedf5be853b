/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_dense_forward.h"

/*
 * Four rows' sums over every input (the dense loop): sums[k] += row_k . x, rows `inputs` apart. Each
 * input is loaded once for four multiply-accumulates, every stream walks a post-incremented pointer.
 * The order of the terms does not matter (wrapping int32 sums).
 */
TT_NOINLINE static void dense_quad(const int8_t *row, const int8_t *x, int32_t inputs, int32_t has_bias, int32_t *sums)
{
    uint32_t s0 = has_bias ? (uint32_t)sums[0] : 0u;
    uint32_t s1 = has_bias ? (uint32_t)sums[1] : 0u;
    uint32_t s2 = has_bias ? (uint32_t)sums[2] : 0u;
    uint32_t s3 = has_bias ? (uint32_t)sums[3] : 0u;
    const int8_t *a = row;
    const int8_t *b = a + inputs;
    const int8_t *c = b + inputs;
    const int8_t *d = c + inputs;
    int32_t n = inputs;
    if (n > 0)
    {
        /* counted down to 0 (the loop's test is the decrement's own flags) */
        do
        {
            int32_t v = *x++;
            s0 += (uint32_t)(*a++ * v);
            TT_KEEP(s0);
            s1 += (uint32_t)(*b++ * v);
            TT_KEEP(s1);
            s2 += (uint32_t)(*c++ * v);
            TT_KEEP(s2);
            s3 += (uint32_t)(*d++ * v);
            TT_KEEP(s3);
        } while (--n != 0);
    }

    sums[0] = (int32_t)s0;
    sums[1] = (int32_t)s1;
    sums[2] = (int32_t)s2;
    sums[3] = (int32_t)s3;
}

int32_t tt_dense_forward(const int8_t *weights, const int8_t *x, int32_t inputs, int32_t outputs,
                         int32_t has_bias, int32_t sparse, int32_t *acc)
{
    int32_t max = 0;
    int32_t row = 0;
    int32_t o = 0;
    if (!sparse && inputs > 0)
    {
        /* the dense loop four rows at a time; the rest below */
        for (; o + 3 < outputs; o += 4)
        {
            int32_t k;
            dense_quad(weights + row, x, inputs, has_bias, acc + o);
            for (k = 0; k < 4; k++)
            {
                int32_t sum = acc[o + k];
                if (sum < 0)
                {
                    sum = tt_neg32(sum);
                }

                if (sum > max)
                {
                    max = sum;
                }
            }

            row += 4 * inputs;
        }
    }

    for (; o < outputs; o++)
    {
        int32_t sum = has_bias ? acc[o] : 0;
        int32_t i;
        const int8_t *w = weights + row;
        if (sparse)
        {
            for (i = 0; i < inputs; i++)
            {
                int32_t xi = x[i];
                if (xi != 0)
                {
                    sum = tt_add32(sum, w[i] * xi);
                }
            }
        }
        else
        {
            for (i = 0; i < inputs; i++)
            {
                sum = tt_add32(sum, w[i] * x[i]);
            }
        }

        acc[o] = sum;
        if (sum < 0)
        {
            sum = tt_neg32(sum);
        }

        if (sum > max)
        {
            max = sum;
        }

        row += inputs;
    }

    return max;
}

int32_t tt_nonzero_inputs(const int8_t *x, int32_t count, int32_t *list)
{
    int32_t *out = list;
    int32_t i = 0;
    if (count < 0)
    {
        return TT_EINVAL;
    }

    /* four inputs per pass: on sparse data most passes find four zeros */
    for (; i + 3 < count; i += 4)
    {
        int32_t a = x[i];
        int32_t b = x[i + 1];
        int32_t c = x[i + 2];
        int32_t d = x[i + 3];
        if ((a | b | c | d) == 0)
        {
            continue;
        }

        if (a != 0)
        {
            out[0] = i;
            out[1] = a;
            out += 2;
        }

        if (b != 0)
        {
            out[0] = i + 1;
            out[1] = b;
            out += 2;
        }

        if (c != 0)
        {
            out[0] = i + 2;
            out[1] = c;
            out += 2;
        }

        if (d != 0)
        {
            out[0] = i + 3;
            out[1] = d;
            out += 2;
        }
    }

    for (; i < count; i++)
    {
        int32_t v = x[i];
        if (v != 0)
        {
            out[0] = i;
            out[1] = v;
            out += 2;
        }
    }

    out[0] = -1; /* the end mark: loops may stop on a negative index instead of keeping a count */
    out[1] = 0;
    return (int32_t)((out - list) >> 1);
}

/* As Dense.Forward: |sum|, where INT32_MIN stays negative and does not count. */
static int32_t larger_magnitude(int32_t max, int32_t sum)
{
    if (sum < 0)
    {
        sum = tt_neg32(sum);
    }

    return sum > max ? sum : max;
}

/*
 * Two rows' sums over the listed inputs: sums[0] += row . x, sums[1] += next . x. Its own function
 * (TT_NOINLINE): at -Os its loop then gets the registers it needs. Each entry (index, value) is one
 * load pair for two multiply-accumulates.
 */
TT_NOINLINE static void nonzero_pair(const int8_t *row, const int8_t *next, const int32_t *p, int32_t n, uint32_t *sums)
{
    uint32_t s0 = sums[0];
    uint32_t s1 = sums[1];
    if ((n & 1) != 0)
    {
        int32_t i = p[0];
        int32_t v = p[1];
        p += 2;
        s0 += (uint32_t)(row[i] * v);
        s1 += (uint32_t)(next[i] * v);
    }

    n >>= 1;
    if (n > 0)
    {
        /* two inputs per pass, counted down to 0 (the loop's test is the decrement's own flags) */
        do
        {
            int32_t i = p[0];
            int32_t v = p[1];
            int32_t j = p[2];
            int32_t u = p[3];
            p += 4;
            s0 += (uint32_t)(row[i] * v);
            TT_KEEP(s0);
            s1 += (uint32_t)(next[i] * v);
            TT_KEEP(s1);
            s0 += (uint32_t)(row[j] * u);
            TT_KEEP(s0);
            s1 += (uint32_t)(next[j] * u);
            TT_KEEP(s1);
        } while (--n != 0);
    }

    sums[0] = s0;
    sums[1] = s1;
}

/*
 * Four rows' sums over the listed inputs, rows `inputs` apart: one list entry (one load pair) and one
 * address computation feed four multiply-accumulates.
 */
TT_NOINLINE static void nonzero_quad(const int8_t *row, int32_t inputs, const int32_t *p, int32_t n, int32_t has_bias, int32_t *sums)
{
    uint32_t s0 = has_bias ? (uint32_t)sums[0] : 0u;
    uint32_t s1 = has_bias ? (uint32_t)sums[1] : 0u;
    uint32_t s2 = has_bias ? (uint32_t)sums[2] : 0u;
    uint32_t s3 = has_bias ? (uint32_t)sums[3] : 0u;
    int32_t two = inputs * 2;
    int32_t three = inputs * 3;
    if (n > 0)
    {
        /* counted down to 0 (the loop's test is the decrement's own flags) */
        do
        {
            const int8_t *w = row + p[0];
            int32_t v = p[1];
            p += 2;
            s0 += (uint32_t)(w[0] * v);
            TT_KEEP(s0);
            s1 += (uint32_t)(w[inputs] * v);
            TT_KEEP(s1);
            s2 += (uint32_t)(w[two] * v);
            TT_KEEP(s2);
            s3 += (uint32_t)(w[three] * v);
            TT_KEEP(s3);
        } while (--n != 0);
    }

    sums[0] = (int32_t)s0;
    sums[1] = (int32_t)s1;
    sums[2] = (int32_t)s2;
    sums[3] = (int32_t)s3;
}

int32_t tt_dense_forward_nonzero(const int8_t *weights, const int32_t *list, int32_t nonzero, int32_t inputs, int32_t outputs,
                                 int32_t has_bias, int32_t *acc)
{
    int32_t max = 0;
    const int8_t *row = weights;
    int32_t o;
    for (o = 0; o + 3 < outputs; o += 4)
    {
        int32_t *a = acc + o;
        nonzero_quad(row, inputs, list, nonzero, has_bias, a);
        max = larger_magnitude(max, a[0]);
        max = larger_magnitude(max, a[1]);
        max = larger_magnitude(max, a[2]);
        max = larger_magnitude(max, a[3]);
        row += 4 * inputs;
    }

    for (; o < outputs; o += 2)
    {
        /* The last row of an odd count is paired with itself. */
        const int8_t *next = o + 1 < outputs ? row + inputs : row;
        uint32_t sums[2];
        sums[0] = has_bias ? (uint32_t)acc[o] : 0u;
        sums[1] = o + 1 < outputs && has_bias ? (uint32_t)acc[o + 1] : sums[0];
        nonzero_pair(row, next, list, nonzero, sums);
        acc[o] = (int32_t)sums[0];
        max = larger_magnitude(max, (int32_t)sums[0]);
        if (o + 1 < outputs)
        {
            acc[o + 1] = (int32_t)sums[1];
            max = larger_magnitude(max, (int32_t)sums[1]);
        }

        row = next + inputs;
    }

    return max;
}
