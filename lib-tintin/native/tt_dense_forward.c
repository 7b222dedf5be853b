/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_dense_forward.h"

int32_t tt_dense_forward(const int8_t *weights, const int8_t *x, int32_t inputs, int32_t outputs,
                         int32_t has_bias, int32_t sparse, int32_t *acc)
{
    int32_t max = 0;
    int32_t row = 0;
    int32_t o;
    for (o = 0; o < outputs; o++)
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
