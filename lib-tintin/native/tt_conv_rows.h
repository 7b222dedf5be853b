/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* Internal to the convolution kernels: the kernel rows of one output row that fall inside the input. */
#ifndef TT_CONV_ROWS_H
#define TT_CONV_ROWS_H

#include "tt_types.h"

/*
 * Convolution.KernelRows: for output row oy, the first kernel row inside the input (*ky_lo) and how
 * many (*rows, none when <= 0); returns the input index of that first row's column 0 in channel 0.
 */
static inline int32_t tt_conv_kernel_rows(const tt_conv_geometry *g, int32_t oy, int32_t *ky_lo, int32_t *rows)
{
    int32_t top = oy * g->stride_y - g->padding_y;
    int32_t lo = top < 0 ? -top : 0;
    int32_t hi = g->height - top;
    if (hi > g->kernel_height)
    {
        hi = g->kernel_height;
    }

    *ky_lo = lo;
    *rows = hi - lo;
    return (top + lo) * g->width;
}

#endif /* TT_CONV_ROWS_H */
