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
