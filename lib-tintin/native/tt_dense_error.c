/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_dense_error.h"

void tt_dense_input_error(const int8_t *weights, const int8_t *errors, int32_t inputs, int32_t outputs, int32_t *acc)
{
    int32_t row = 0;
    int32_t i;
    int32_t o;
    for (i = 0; i < inputs; i++)
    {
        acc[i] = 0;
    }

    for (o = 0; o < outputs; o++)
    {
        int32_t eo = errors[o];
        if (eo != 0)
        {
            const int8_t *w = weights + row;
            for (i = 0; i < inputs; i++)
            {
                acc[i] = tt_add32(acc[i], w[i] * eo);
            }
        }

        row += inputs;
    }
}
