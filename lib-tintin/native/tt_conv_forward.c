/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_conv_forward.h"
#include "tt_conv_rows.h"

/*
 * Every sum is a chain of wrapping int32 additions of int8 x int8 products (as the managed loop:
 * unchecked int, no saturation in between), so the order of the products does not change a bit of
 * the result. That frees the loop structure:
 *
 * - the output columns whose kernel window lies wholly inside the input row ("interior") are
 *   computed without any bounds arithmetic, two output positions at a time (one weight load feeds
 *   two multiply-accumulates), with the kernel row unrolled for widths 5 and 9 (the catalog's) and
 *   pointer walking instead of index arithmetic;
 * - the few border columns keep the managed per-position ranges;
 * - `sparse` is accepted for the managed signature but not needed: skipping zero inputs gives the
 *   same sums, and on a core with a single-cycle multiply-accumulate the unrolled dense loop is
 *   cheaper than a test per input.
 */

typedef uint32_t tt_sum; /* wrapping accumulation without signed overflow */

#define TT_MAC(s, w, x) ((s) += (uint32_t)((int32_t)(w) * (int32_t)(x)))

/* One output position at a generic kernel column range [kx_lo, kx_hi), `rows` kernel rows from (px, pw). */
static tt_sum conv_position(const int8_t *pw, const int8_t *px, int32_t rows, int32_t channels, int32_t count,
                            int32_t width, int32_t kernel_width, int32_t plane, int32_t kernel_area)
{
    tt_sum s = 0;
    int32_t c;
    for (c = 0; c < channels; c++)
    {
        const int8_t *xr = px;
        const int8_t *wr = pw;
        int32_t r;
        for (r = 0; r < rows; r++)
        {
            int32_t k;
            for (k = 0; k < count; k++)
            {
                TT_MAC(s, wr[k], xr[k]);
            }

            xr += width;
            wr += kernel_width;
        }

        px += plane;
        pw += kernel_area;
    }

    return s;
}

/*
 * Two interior output positions: p0 and p0 + stride in the input, the same weights. Per channel
 * `rows` kernel rows; `skip` moves the input pointer from the end of one channel's rows to the next
 * channel, `wskip` the weights likewise. The row is unrolled for the catalog's kernel widths and
 * strides, where the second position's inputs are the first's shifted by a constant: each weight and
 * each input is loaded once for both sums.
 */
#define TT_PAIR_TAP(k, s) w = pw[k]; TT_MAC(s0, w, p0[k]); TT_MAC(s1, w, p0[(k) + (s)]); TT_KEEP(s0); TT_KEEP(s1);
#define TT_PAIR_5(s) TT_PAIR_TAP(0, s) TT_PAIR_TAP(1, s) TT_PAIR_TAP(2, s) TT_PAIR_TAP(3, s) TT_PAIR_TAP(4, s)
#define TT_PAIR_9(s) TT_PAIR_5(s) TT_PAIR_TAP(5, s) TT_PAIR_TAP(6, s) TT_PAIR_TAP(7, s) TT_PAIR_TAP(8, s)
#define TT_PAIR_LOOP(BODY)                                      \
    for (c = channels; c > 0; c--)                              \
    {                                                           \
        const int8_t *row_end = pw + line;                      \
        do                                                      \
        {                                                       \
            int32_t w;                                          \
            BODY                                                \
            pw += kernel_width;                                 \
            p0 += width;                                        \
        } while (pw != row_end);                                \
        pw += wskip;                                            \
        p0 += skip;                                             \
    }

static void conv_pair(const int8_t *pw, const int8_t *p0, int32_t stride, int32_t rows, int32_t channels, int32_t kernel_width,
                      int32_t width, int32_t skip, int32_t wskip, int32_t *out)
{
    tt_sum s0 = 0;
    tt_sum s1 = 0;
    int32_t line = rows * kernel_width;
    int32_t c;
    if (kernel_width == 5 && stride == 1)
    {
        TT_PAIR_LOOP(TT_PAIR_5(1))
    }
    else if (kernel_width == 9 && stride == 1)
    {
        TT_PAIR_LOOP(TT_PAIR_9(1))
    }
    else if (kernel_width == 9 && stride == 2)
    {
        TT_PAIR_LOOP(TT_PAIR_9(2))
    }
    else if (kernel_width == 5 && stride == 2)
    {
        TT_PAIR_LOOP(TT_PAIR_5(2))
    }
    else
    {
        const int8_t *p1 = p0 + stride;
        for (c = channels; c > 0; c--)
        {
            int32_t r;
            for (r = 0; r < rows; r++)
            {
                int32_t k;
                for (k = 0; k < kernel_width; k++)
                {
                    int32_t w = pw[k];
                    TT_MAC(s0, w, p0[k]);
                    TT_MAC(s1, w, p1[k]);
                }

                pw += kernel_width;
                p0 += width;
                p1 += width;
            }

            pw += wskip;
            p0 += skip;
            p1 += skip;
        }
    }

    out[0] = (int32_t)s0;
    out[1] = (int32_t)s1;
}

void tt_conv_forward(const tt_conv_geometry *geometry, int32_t filter, const int8_t *weights, const int8_t *x, int32_t sparse, int32_t *acc)
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
    int32_t filter_size = channels * kernel_area;
    /*
     * The interior columns [inner_lo, inner_hi): left = ox * stride - padding >= 0 and left + kernel_width
     * <= width. Found by stepping over the border columns (no division: a Cortex-M0 has no divider).
     */
    int32_t inner_lo = 0;
    int32_t inner_hi = out_width;
    int32_t *out = acc;
    const int8_t *filter_weights = weights + filter * filter_size;
    int32_t oy;
    (void)sparse;
    while (inner_lo < out_width && inner_lo * stride_x < padding_x)
    {
        inner_lo++;
    }

    while (inner_hi > inner_lo && (inner_hi - 1) * stride_x - padding_x + kernel_width > width)
    {
        inner_hi--;
    }

    for (oy = 0; oy < out_height; oy++)
    {
        int32_t ky_lo;
        int32_t rows;
        int32_t row_start = tt_conv_kernel_rows(geometry, oy, &ky_lo, &rows);
        const int8_t *w_rows = filter_weights + ky_lo * kernel_width;
        int32_t skip = plane - rows * width;
        int32_t wskip = kernel_area - rows * kernel_width;
        int32_t ox;
        if (rows <= 0)
        {
            for (ox = 0; ox < out_width; ox++)
            {
                *out++ = 0;
            }

            continue;
        }

        /* Left border, interior in pairs, the interior's odd one out, right border. */
        for (ox = 0; ox < out_width; ox++)
        {
            int32_t left;
            int32_t kx_lo;
            int32_t kx_hi;
            if (ox == inner_lo)
            {
                const int8_t *p = x + row_start + ox * stride_x - padding_x;
                int32_t step = 2 * stride_x;
                for (; ox + 1 < inner_hi; ox += 2)
                {
                    conv_pair(w_rows, p, stride_x, rows, channels, kernel_width, width, skip, wskip, out);
                    out += 2;
                    p += step;
                }

                if (ox >= out_width)
                {
                    break;
                }
            }

            left = ox * stride_x - padding_x;
            kx_lo = left < 0 ? -left : 0;
            kx_hi = width - left;
            if (kx_hi > kernel_width)
            {
                kx_hi = kernel_width;
            }

            *out++ = kx_hi > kx_lo
                ? (int32_t)conv_position(w_rows + kx_lo, x + row_start + left + kx_lo, rows, channels, kx_hi - kx_lo, width, kernel_width, plane, kernel_area)
                : 0;
        }
    }
}

void tt_conv_forward_range(const tt_conv_geometry *geometry, int32_t filter, const int8_t *weights, const int8_t *x, int32_t start, int32_t count,
                           int32_t *acc)
{
    /*
     * Whole rows take tt_conv_forward's loop (interior positions in pairs). A segment is short and rare
     * (one layer of one catalog model): every position takes the generic path of that kernel's border
     * columns, so its whole-row loop stays as it is.
     */
    const int32_t width = geometry->width;
    const int32_t kernel_width = geometry->kernel_width;
    const int32_t out_width = geometry->out_width;
    const int32_t plane = geometry->height * width;
    const int32_t kernel_area = geometry->kernel_height * kernel_width;
    const int8_t *filter_weights = weights + filter * geometry->channels * kernel_area;
    const int32_t end = start + count;
    int32_t oy = 0;
    int32_t line = 0; /* oy * out_width: no division on a Cortex-M0 */
    if (start == 0 && count == geometry->out_height * out_width)
    {
        tt_conv_forward(geometry, filter, weights, x, 0, acc);
        return;
    }

    while (line + out_width <= start)
    {
        line += out_width;
        oy++;
    }

    for (; line < end; oy++, line += out_width)
    {
        int32_t ky_lo;
        int32_t rows;
        int32_t row_start = tt_conv_kernel_rows(geometry, oy, &ky_lo, &rows);
        const int8_t *w_rows = filter_weights + ky_lo * kernel_width;
        int32_t to = end - line < out_width ? end - line : out_width;
        int32_t ox;
        for (ox = start > line ? start - line : 0; ox < to; ox++)
        {
            int32_t left = ox * geometry->stride_x - geometry->padding_x;
            int32_t kx_lo = left < 0 ? -left : 0;
            int32_t kx_hi = width - left;
            if (kx_hi > kernel_width)
            {
                kx_hi = kernel_width;
            }

            *acc++ = rows > 0 && kx_hi > kx_lo
                ? (int32_t)conv_position(w_rows + kx_lo, x + row_start + left + kx_lo, rows, geometry->channels, kx_hi - kx_lo, width, kernel_width, plane, kernel_area)
                : 0;
        }
    }
}
