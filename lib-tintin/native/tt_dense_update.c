/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_dense_update.h"
#include "tt_row_update.h"
#include "tt_weight_update.h"

int32_t tt_dense_update_rows_tintin(int8_t *weights, const int8_t *errors, const int8_t *x, int32_t inputs, int32_t outputs,
                                    int32_t mantissa, int32_t shift, uint32_t *random, int32_t *input_error)
{
    int32_t clamped = 0;
    uint32_t r;
    int32_t o;
    if (mantissa == 0 && input_error == NULL)
    {
        return 0; /* every update rounds to 0 */
    }

    r = *random;
    for (o = 0; o < outputs; o++)
    {
        int32_t eo = errors[o];
        if (eo == 0)
        {
            continue;
        }

        r = tt_xorshift32(r); /* one step per row: the dither's start */
        clamped += input_error == NULL
            ? tt_row_update_tintin(weights, tt_mul32(o, inputs), eo, x, inputs, mantissa, shift, r)
            : tt_row_update_tintin_propagating(weights, tt_mul32(o, inputs), eo, x, inputs, mantissa, shift, r, input_error);
    }

    *random = r;
    return clamped;
}

int32_t tt_dense_update_rows_niti(int8_t *weights, const int8_t *errors, const int8_t *x, int32_t inputs, int32_t outputs,
                                  int32_t shift, int32_t *input_error)
{
    int32_t clamped = 0;
    int32_t o;
    for (o = 0; o < outputs; o++)
    {
        int32_t eo = errors[o];
        if (eo != 0)
        {
            clamped += tt_row_update_niti(weights, tt_mul32(o, inputs), eo, x, inputs, shift, input_error);
        }
    }

    return clamped;
}

int32_t tt_dense_accumulate_rows(int32_t *accumulators, const int8_t *errors, const int8_t *x, int32_t inputs, int32_t outputs,
                                 int32_t mantissa, int32_t shift)
{
    int32_t saturated = 0;
    int32_t o;
    for (o = 0; o < outputs; o++)
    {
        saturated += tt_accumulate_row(accumulators, tt_mul32(o, inputs), errors[o], x, inputs, mantissa, shift);
    }

    return saturated;
}

/* Applies delta to row[i] as the row kernels do (clamp to +-127, counted). */
#define TT_APPLY(row, i, delta, clamped)                   \
    do                                                     \
    {                                                      \
        int32_t v_ = tt_sub32((row)[i], (delta));          \
        if ((uint32_t)tt_add32(v_, 127) > 254u)            \
        {                                                  \
            v_ = v_ > 0 ? 127 : -127;                      \
            (clamped)++;                                   \
        }                                                  \
        (row)[i] = (int8_t)v_;                             \
    } while (0)

/* tt_row_update_tintin / tt_row_update_tintin_propagating over the listed inputs (row = the row's first weight). */
static int32_t nonzero_row_tintin(int8_t *row, int32_t error, const int32_t *p, int32_t n, int32_t mantissa, int32_t shift,
                                  uint32_t dither, int32_t *input_error)
{
    int32_t clamped = 0;
    uint32_t scaled = (uint32_t)tt_mul32(error, mantissa);
    uint32_t step = shift == 0 ? 0u : TT_DITHER_STEP;
    uint32_t down = (uint32_t)(shift == 0 ? 31 : tt_sub32(32, shift)) & 31u;
    uint32_t right = (uint32_t)shift & 31u;
    uint32_t u = shift == 0 ? 0u : dither;
    const int32_t *end = p + 2 * n;
    if (input_error == NULL && scaled == 0)
    {
        return 0; /* tt_row_update_tintin's early exit */
    }

    for (; p != end; p += 2)
    {
        int32_t i = p[0];
        int32_t delta;
        if (input_error != NULL)
        {
            input_error[i] = tt_add32(input_error[i], tt_mul32(row[i], error));
        }

        u += step;
        delta = (int32_t)(scaled * (uint32_t)p[1] + (u >> down)) >> right;
        if (delta != 0)
        {
            TT_APPLY(row, i, delta, clamped);
        }
    }

    return clamped;
}

/*
 * Two rows at once (both errors nonzero, both scaled products nonzero): each list entry is loaded
 * once for both; every row keeps its own dither sequence, so each weight gets exactly the update the
 * one-row loop gives it. With input_error, the two rows' terms are added one after the other (a
 * wrapping int32 sum: the order does not matter), each with its row's weight before its update.
 */
/*
 * nonzero_rows_pair without input error, in a function of its own (fewer live values for the register
 * allocator), running until the list's end mark (a negative index): no count to keep in a register.
 */
TT_NOINLINE static int32_t nonzero_rows_pair_plain(int8_t *row0, int8_t *row1, uint32_t scaled0, uint32_t scaled1, const int32_t *p,
                                                   uint32_t step, uint32_t down, uint32_t right, uint32_t u0, uint32_t u1)
{
    int32_t clamped = 0;
    for (;;)
    {
        int32_t i = p[0];
        uint32_t v = (uint32_t)p[1];
        int32_t d0;
        int32_t d1;
        if (i < 0)
        {
            break;
        }

        p += 2;
        u0 += step;
        u1 += step;
        TT_KEEP(u0);
        TT_KEEP(u1);
        d0 = (int32_t)(scaled0 * v + (u0 >> down)) >> right;
        d1 = (int32_t)(scaled1 * v + (u1 >> down)) >> right;
        if (d0 != 0)
        {
            TT_APPLY(row0, i, d0, clamped);
        }

        if (d1 != 0)
        {
            TT_APPLY(row1, i, d1, clamped);
        }
    }

    return clamped;
}

TT_NOINLINE static int32_t nonzero_rows_pair(int8_t *row0, int8_t *row1, int32_t error0, int32_t error1, const int32_t *p, int32_t n,
                                             int32_t mantissa, int32_t shift, uint32_t dither0, uint32_t dither1, int32_t *input_error)
{
    int32_t clamped = 0;
    uint32_t scaled0 = (uint32_t)tt_mul32(error0, mantissa);
    uint32_t scaled1 = (uint32_t)tt_mul32(error1, mantissa);
    uint32_t step = shift == 0 ? 0u : TT_DITHER_STEP;
    uint32_t down = (uint32_t)(shift == 0 ? 31 : tt_sub32(32, shift)) & 31u;
    uint32_t right = (uint32_t)shift & 31u;
    uint32_t u0 = shift == 0 ? 0u : dither0;
    uint32_t u1 = shift == 0 ? 0u : dither1;
    if (n <= 0)
    {
        return 0;
    }

    if (input_error == NULL)
    {
        return nonzero_rows_pair_plain(row0, row1, scaled0, scaled1, p, step, down, right, u0, u1);
    }

    /* with input error: counted down to 0 (the loop's test is the decrement's own flags) */
    do
    {
        int32_t i = p[0];
        uint32_t v = (uint32_t)p[1];
        int32_t w0 = row0[i];
        int32_t w1 = row1[i];
        int32_t d0;
        int32_t d1;
        p += 2;
        input_error[i] = (int32_t)((uint32_t)input_error[i] + (uint32_t)(w0 * error0) + (uint32_t)(w1 * error1));
        u0 += step;
        u1 += step;
        TT_KEEP(u0);
        TT_KEEP(u1);
        d0 = (int32_t)(scaled0 * v + (u0 >> down)) >> right;
        d1 = (int32_t)(scaled1 * v + (u1 >> down)) >> right;
        if (d0 != 0)
        {
            TT_APPLY(row0, i, d0, clamped);
        }

        if (d1 != 0)
        {
            TT_APPLY(row1, i, d1, clamped);
        }
    } while (--n != 0);

    return clamped;
}

int32_t tt_dense_update_rows_tintin_nonzero(int8_t *weights, const int8_t *errors, const int32_t *list, int32_t nonzero, int32_t inputs,
                                            int32_t outputs, int32_t mantissa, int32_t shift, uint32_t *random, int32_t *input_error)
{
    int32_t clamped = 0;
    uint32_t r;
    int32_t o;
    int8_t *pending = NULL; /* a row waiting for a partner */
    int32_t pending_error = 0;
    uint32_t pending_dither = 0;
    if (mantissa == 0 && input_error == NULL)
    {
        return 0; /* every update rounds to 0 */
    }

    r = *random;
    for (o = 0; o < outputs; o++)
    {
        int32_t eo = errors[o];
        int8_t *row;
        if (eo == 0)
        {
            continue;
        }

        r = tt_xorshift32(r); /* one step per row: the dither's start */
        row = weights + (size_t)o * (size_t)inputs;
        if (tt_mul32(eo, mantissa) == 0)
        {
            /* the one-row kernel's own early exit (only outside the contract: a wrapped product) */
            clamped += nonzero_row_tintin(row, eo, list, nonzero, mantissa, shift, r, input_error);
        }
        else if (pending == NULL)
        {
            pending = row;
            pending_error = eo;
            pending_dither = r;
        }
        else
        {
            clamped += nonzero_rows_pair(pending, row, pending_error, eo, list, nonzero, mantissa, shift, pending_dither, r, input_error);
            pending = NULL;
        }
    }

    if (pending != NULL)
    {
        clamped += nonzero_row_tintin(pending, pending_error, list, nonzero, mantissa, shift, pending_dither, input_error);
    }

    *random = r;
    return clamped;
}
