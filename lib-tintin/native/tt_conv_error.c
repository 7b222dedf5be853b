/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_conv_error.h"
#include "tt_conv_rows.h"

void tt_conv_input_error(const tt_conv_geometry *geometry, int32_t first_channel, int32_t channel_count, const int8_t *weights, const int8_t *errors,
                         int32_t *acc)
{
    const int32_t channels = geometry->channels;
    const int32_t height = geometry->height;
    const int32_t width = geometry->width;
    const int32_t filters = geometry->filters;
    const int32_t kernel_height = geometry->kernel_height;
    const int32_t kernel_width = geometry->kernel_width;
    const int32_t stride_x = geometry->stride_x;
    const int32_t padding_x = geometry->padding_x;
    const int32_t out_height = geometry->out_height;
    const int32_t out_width = geometry->out_width;
    int32_t plane = height * width;
    int32_t kernel_area = kernel_height * kernel_width;
    int32_t filter_size = channels * kernel_area;
    int32_t channel_step = kernel_area - plane; /* how the weight-minus-input offset moves from one channel to the next */
    int32_t length = channel_count * plane;
    int32_t o = 0;
    int32_t f;
    int32_t n;
    for (n = 0; n < length; n++)
    {
        acc[n] = 0;
    }

    for (f = 0; f < filters; f++)
    {
        /* The weights of this filter's kernels over the channels; acc is indexed from the first channel's plane. */
        int32_t kernel_start = f * filter_size + first_channel * kernel_area;
        int32_t oy;
        for (oy = 0; oy < out_height; oy++)
        {
            int32_t ky_lo;
            int32_t rows;
            int32_t row_start = tt_conv_kernel_rows(geometry, oy, &ky_lo, &rows);
            int32_t w_row_start = kernel_start + ky_lo * kernel_width;
            int32_t ox;
            for (ox = 0; ox < out_width; ox++)
            {
                int32_t eo = errors[o++];
                int32_t left;
                int32_t kx_lo;
                int32_t kx_hi;
                int32_t x_row;
                int32_t w_row;
                int32_t r;
                if (eo == 0)
                {
                    continue; /* common after ReLU */
                }

                left = ox * stride_x - padding_x;
                kx_lo = left < 0 ? -left : 0;
                kx_hi = width - left;
                if (kx_hi > kernel_width)
                {
                    kx_hi = kernel_width;
                }

                x_row = row_start + left;
                w_row = w_row_start;
                for (r = 0; r < rows; r++)
                {
                    int32_t d = w_row - x_row;
                    int32_t start = x_row + kx_lo;
                    int32_t end = x_row + kx_hi;
                    int32_t c;
                    for (c = 0; c < channel_count; c++)
                    {
                        int32_t i;
                        for (i = start; i < end; i++)
                        {
                            acc[i] = tt_add32(acc[i], weights[i + d] * eo);
                        }

                        start += plane;
                        end += plane;
                        d += channel_step;
                    }

                    x_row += width;
                    w_row += kernel_width;
                }
            }
        }
    }
}
