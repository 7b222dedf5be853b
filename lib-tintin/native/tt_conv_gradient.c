/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_conv_gradient.h"
#include "tt_conv_rows.h"

/*
 * Every gradient and error element is a chain of wrapping int32 additions of products (as the managed
 * loop: unchecked int, no saturation), so neither the order of the additions nor adding a zero
 * product changes a bit. Hence:
 *
 * - without error_acc, the dense and the sparse form are one loop: a zero input adds x * e = 0, and the
 *   kernel row is unrolled for the catalog's widths (5 and 9) with pointer walking and no test;
 * - with error_acc, only nonzero inputs are visited, as the managed loop does: there the error of a
 *   zero input must stay untouched (it is not a product that vanishes, the weight is not 0).
 *
 * Output positions with a zero error are skipped (the managed loop does too): after ReLU and
 * max-pooling most of them are.
 */

#define TT_GRAD_TAP(k) g[k] = (int32_t)((uint32_t)g[k] + (uint32_t)((int32_t)x[k] * e));

#define TT_FUSED_TAP(k)                                                                   \
    if (x[k] != 0)                                                                        \
    {                                                                                     \
        g[k] = (int32_t)((uint32_t)g[k] + (uint32_t)((int32_t)x[k] * e));                 \
        acc[k] = (int32_t)((uint32_t)acc[k] + (uint32_t)((int32_t)w[k] * e));             \
    }

/* One kernel row fused with the input error: only nonzero inputs, unrolled for widths 5 and 9. */
static void fused_line(int32_t *g, int32_t *acc, const int8_t *x, const int8_t *w, int32_t e, int32_t count)
{
    if (count == 5)
    {
        TT_FUSED_TAP(0) TT_FUSED_TAP(1) TT_FUSED_TAP(2) TT_FUSED_TAP(3) TT_FUSED_TAP(4)
    }
    else if (count == 9)
    {
        TT_FUSED_TAP(0) TT_FUSED_TAP(1) TT_FUSED_TAP(2) TT_FUSED_TAP(3) TT_FUSED_TAP(4)
        TT_FUSED_TAP(5) TT_FUSED_TAP(6) TT_FUSED_TAP(7) TT_FUSED_TAP(8)
    }
    else
    {
        int32_t k;
        for (k = 0; k < count; k++)
        {
            TT_FUSED_TAP(k)
        }
    }
}

static void gradient_line(int32_t *g, const int8_t *x, int32_t e, int32_t count)
{
    if (count == 5)
    {
        TT_GRAD_TAP(0) TT_GRAD_TAP(1) TT_GRAD_TAP(2) TT_GRAD_TAP(3) TT_GRAD_TAP(4)
    }
    else if (count == 9)
    {
        TT_GRAD_TAP(0) TT_GRAD_TAP(1) TT_GRAD_TAP(2) TT_GRAD_TAP(3) TT_GRAD_TAP(4)
        TT_GRAD_TAP(5) TT_GRAD_TAP(6) TT_GRAD_TAP(7) TT_GRAD_TAP(8)
    }
    else
    {
        int32_t k;
        for (k = 0; k < count; k++)
        {
            TT_GRAD_TAP(k)
        }
    }
}

void tt_conv_gradient(const tt_conv_geometry *geometry, int32_t filter, int32_t first_channel, int32_t channel_count, const int8_t *weights,
                      const int8_t *x, const int8_t *errors, int32_t *gradient, int32_t sparse, int32_t *error_acc)
{
    const int32_t channels = geometry->channels;
    const int32_t height = geometry->height;
    const int32_t width = geometry->width;
    const int32_t kernel_height = geometry->kernel_height;
    const int32_t kernel_width = geometry->kernel_width;
    const int32_t stride_x = geometry->stride_x;
    const int32_t padding_x = geometry->padding_x;
    const int32_t out_height = geometry->out_height;
    const int32_t out_width = geometry->out_width;
    int32_t plane = height * width;
    int32_t kernel_area = kernel_height * kernel_width;
    int32_t length = channel_count * kernel_area;
    /*
     * The first channel's plane of the input (error_acc is indexed from it) and the first kernel's weights
     * (weight index = gradient index): the pass's channels follow one plane, one kernel apart.
     */
    const int8_t *x_first = x + first_channel * plane;
    const int8_t *kernel_weights = weights + (filter * channels + first_channel) * kernel_area;
    const int8_t *e_row = errors + filter * out_height * out_width;
    int32_t n;
    int32_t oy;
    (void)sparse;
    for (n = 0; n < length; n++)
    {
        gradient[n] = 0;
    }

    for (oy = 0; oy < out_height; oy++, e_row += out_width)
    {
        int32_t ky_lo;
        int32_t rows;
        int32_t row_start = tt_conv_kernel_rows(geometry, oy, &ky_lo, &rows);
        int32_t g_row_start = ky_lo * kernel_width;
        int32_t skip = plane - rows * width;              /* from the end of a channel's rows to the next channel's */
        int32_t gskip = kernel_area - rows * kernel_width; /* likewise in the gradient and the weights */
        int32_t ox;
        if (rows <= 0)
        {
            continue;
        }

        for (ox = 0; ox < out_width; ox++)
        {
            int32_t e = e_row[ox];
            int32_t left;
            int32_t kx_lo;
            int32_t kx_hi;
            int32_t count;
            int32_t offset;
            const int8_t *px;
            int32_t *pg;
            int32_t c;
            int32_t r;
            if (e == 0)
            {
                continue;
            }

            left = ox * stride_x - padding_x;
            kx_lo = left < 0 ? -left : 0;
            kx_hi = width - left;
            if (kx_hi > kernel_width)
            {
                kx_hi = kernel_width;
            }

            count = kx_hi - kx_lo;
            if (count <= 0)
            {
                continue;
            }

            /* The window once per output position, then the pass's channels inside. */
            offset = row_start + left + kx_lo; /* the index in the first channel's plane of the first input */
            px = x_first + offset;
            pg = gradient + g_row_start + kx_lo;
            if (error_acc == NULL)
            {
                for (c = channel_count; c > 0; c--)
                {
                    for (r = 0; r < rows; r++)
                    {
                        gradient_line(pg, px, e, count);
                        pg += kernel_width;
                        px += width;
                    }

                    pg += gskip;
                    px += skip;
                }
            }
            else
            {
                const int8_t *pw = kernel_weights + g_row_start + kx_lo;
                int32_t *pa = error_acc + offset;
                for (c = channel_count; c > 0; c--)
                {
                    for (r = 0; r < rows; r++)
                    {
                        fused_line(pg, pa, px, pw, e, count);
                        pg += kernel_width;
                        pw += kernel_width;
                        px += width;
                        pa += width;
                    }

                    pg += gskip;
                    pw += gskip;
                    px += skip;
                    pa += skip;
                }
            }
        }
    }
}
