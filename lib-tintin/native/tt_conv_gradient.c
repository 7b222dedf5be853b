/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_conv_gradient.h"
#include "tt_conv_rows.h"

void tt_conv_gradient(const tt_conv_geometry *geometry, int32_t filter, const int8_t *weights, const int8_t *x, const int8_t *errors,
                      int32_t *gradient, int32_t sparse, int32_t *error_acc)
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
    int32_t channel_step = kernel_area - plane;
    int32_t filter_start = filter * channels * kernel_area; /* weight index = gradient index + filter_start */
    int32_t o = filter * out_height * out_width;
    int32_t size = channels * kernel_area;
    int32_t n;
    int32_t oy;
    for (n = 0; n < size; n++)
    {
        gradient[n] = 0;
    }

    for (oy = 0; oy < out_height; oy++)
    {
        int32_t ky_lo;
        int32_t rows;
        int32_t row_start = tt_conv_kernel_rows(geometry, oy, &ky_lo, &rows);
        int32_t g_row_start = ky_lo * kernel_width;
        int32_t ox;
        for (ox = 0; ox < out_width; ox++)
        {
            int32_t eo = errors[o++];
            int32_t left;
            int32_t kx_lo;
            int32_t kx_hi;
            int32_t x_row;
            int32_t g_row;
            int32_t r;
            if (eo == 0)
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

            x_row = row_start + left;
            g_row = g_row_start;
            for (r = 0; r < rows; r++)
            {
                int32_t d = g_row - x_row;
                int32_t start = x_row + kx_lo;
                int32_t end = x_row + kx_hi;
                int32_t c;
                for (c = 0; c < channels; c++)
                {
                    int32_t i;
                    if (error_acc != NULL)
                    {
                        int32_t dw = d + filter_start;
                        for (i = start; i < end; i++)
                        {
                            int32_t xi = x[i];
                            if (xi != 0)
                            {
                                gradient[i + d] = tt_add32(gradient[i + d], xi * eo);
                                error_acc[i] = tt_add32(error_acc[i], weights[i + dw] * eo);
                            }
                        }
                    }
                    else if (sparse)
                    {
                        for (i = start; i < end; i++)
                        {
                            int32_t xi = x[i];
                            if (xi != 0)
                            {
                                gradient[i + d] = tt_add32(gradient[i + d], xi * eo);
                            }
                        }
                    }
                    else
                    {
                        for (i = start; i < end; i++)
                        {
                            gradient[i + d] = tt_add32(gradient[i + d], x[i] * eo);
                        }
                    }

                    start += plane;
                    end += plane;
                    d += channel_step;
                }

                x_row += width;
                g_row += kernel_width;
            }
        }
    }
}
