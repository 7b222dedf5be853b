/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* See fp32_model.h. Each function names the C# of tools/TinTin.Reference it mirrors. */
#include <math.h>
#include "fp32_model.h"

#ifndef FP32_MODEL_ARENA_BYTES
#define FP32_MODEL_ARENA_BYTES (640 * 1024)
#endif

static float s_arena[FP32_MODEL_ARENA_BYTES / 4];
static int32_t s_used;
static fp32_model s_model;

static float *take(int32_t count)
{
    float *p;
    if (count > (int32_t)(sizeof(s_arena) / 4) - s_used)
    {
        return NULL;
    }

    p = &s_arena[s_used];
    s_used += count;
    return p;
}

static float power_of_two(int32_t shift)
{
    float f = 1.0f;
    for (; shift > 0; shift--)
    {
        f *= 2.0f;
    }

    for (; shift < 0; shift++)
    {
        f *= 0.5f;
    }

    return f;
}

static int32_t max_i32(int32_t a, int32_t b) { return a > b ? a : b; }

/*
 * x == 0 (either sign) from the bits: a soft-float comparison would be a libgcc call. The reference
 * gets the int8 engine's zero-skipping shortcuts with this integer test (see fp32_model.h).
 */
static int32_t is_zero(float x)
{
    union
    {
        float f;
        uint32_t u;
    } bits;
    bits.f = x;
    return (bits.u << 1) == 0;
}

/* At least a quarter zeros, as tt_mostly_zeros picks the int8 engine's sparse loops. */
static int32_t mostly_zeros(const float *x, int32_t count)
{
    int32_t zeros = 0;
    int32_t i;
    for (i = 0; i < count; i++)
    {
        zeros += is_zero(x[i]);
    }

    return zeros * 4 >= count;
}

fp32_model *fp32_model_build(const tt_model *source, float rate)
{
    fp32_model *m = &s_model;
    int32_t l;
    int32_t errors = 0;
    int32_t gradients = 1;
    s_used = 0;
    m->count = source->count;
    m->input_size = source->input_size;
    m->classes = source->classes;
    m->rate = rate;
    m->activations[0] = NULL;
    for (l = 0; l < source->count; l++)
    {
        const tt_layer *shape = &source->layers[l];
        fp32_layer *layer = &m->layers[l];
        layer->shape = shape;
        layer->weights = NULL;
        layer->biases = NULL;
        layer->arg_max = NULL;
        layer->nonzero_indices = NULL;
        layer->nonzero = 0;
        if (shape->kind == TT_LAYER_DENSE)
        {
            layer->nonzero_indices = (int32_t *)take(shape->in_size);
            if (layer->nonzero_indices == NULL)
            {
                return NULL;
            }
        }

        errors = max_i32(errors, max_i32(shape->in_size, shape->out_size));
        m->activations[l + 1] = shape->in_place ? m->activations[l] : take(shape->out_size);
        if (shape->weight_count > 0)
        {
            /* real value q * 2^shift * 1.5^up * 0.75^down: 3^(up+down) * 2^(shift-up-2down) */
            float unit = power_of_two(shape->weight_scale.shift - shape->weight_scale.up - 2 * shape->weight_scale.down);
            float bias_unit = power_of_two(shape->bias_scale.shift);
            int32_t i;
            for (i = 0; i < shape->weight_scale.up + shape->weight_scale.down; i++)
            {
                unit *= 3.0f;
            }

            layer->weights = take(shape->weight_count);
            layer->biases = take(shape->bias_count);
            if (layer->weights == NULL || layer->biases == NULL)
            {
                return NULL;
            }

            for (i = 0; i < shape->weight_count; i++)
            {
                layer->weights[i] = (float)shape->weights[i] * unit;
            }

            for (i = 0; i < shape->bias_count; i++)
            {
                layer->biases[i] = (float)shape->biases[i] * bias_unit;
            }

            if (shape->kind == TT_LAYER_CONV)
            {
                gradients = max_i32(gradients, shape->fan_in);
            }
        }

        if (shape->kind == TT_LAYER_MAXPOOL)
        {
            layer->arg_max = (uint8_t *)take((shape->out_size + 3) / 4);
        }

        if ((!shape->in_place && m->activations[l + 1] == NULL) || (shape->kind == TT_LAYER_MAXPOOL && layer->arg_max == NULL))
        {
            return NULL;
        }
    }

    m->error_a = take(errors);
    m->error_b = take(errors);
    m->gradient_row = take(gradients);
    if (m->error_a == NULL || m->error_b == NULL || m->gradient_row == NULL)
    {
        return NULL;
    }

    return m;
}

void fp32_input(const int8_t *q, int32_t count, int32_t log2_scale, float *x)
{
    float unit = power_of_two(log2_scale);
    int32_t i;
    for (i = 0; i < count; i++)
    {
        x[i] = (float)q[i] * unit;
    }
}

/* Fp32Dense.Forward, over the nonzero inputs gathered once per sample (reused by the update) */
static void dense_forward(fp32_layer *layer, const float *x, float *y)
{
    int32_t inputs = layer->shape->in_size;
    int32_t outputs = layer->shape->out_size;
    const float *w = layer->weights;
    const float *b = layer->biases;
    int32_t *list = layer->nonzero_indices;
    int32_t n = 0;
    int32_t o;
    int32_t i;
    for (i = 0; i < inputs; i++)
    {
        if (!is_zero(x[i]))
        {
            list[n++] = i;
        }
    }

    layer->nonzero = n;
    for (o = 0; o < outputs; o++)
    {
        float sum = b == NULL ? 0.0f : b[o];
        const int32_t *p = list;
        const int32_t *end = list + n;
        for (; p != end; p++)
        {
            sum += w[*p] * x[*p];
        }

        y[o] = sum;
        w += inputs;
    }
}

/* Fp32Convolution.KernelRows */
static int32_t kernel_rows(const tt_conv_geometry *g, int32_t oy, int32_t *ky_lo, int32_t *rows)
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

/* Fp32Convolution.Forward */
static void conv_forward(const fp32_layer *layer, const float *x, float *y)
{
    const tt_conv_geometry *g = &layer->shape->geometry;
    int32_t plane = g->height * g->width;
    int32_t kernel_area = g->kernel_height * g->kernel_width;
    int32_t filter_size = g->channels * kernel_area;
    int32_t channel_step = kernel_area - plane;
    const float *w = layer->weights;
    const float *b = layer->biases;
    int32_t sparse = mostly_zeros(x, g->channels * plane);
    int32_t o = 0;
    int32_t f;
    for (f = 0; f < g->filters; f++)
    {
        int32_t filter_start = f * filter_size;
        float bias = b == NULL ? 0.0f : b[f];
        int32_t oy;
        for (oy = 0; oy < g->out_height; oy++)
        {
            int32_t ky_lo, rows;
            int32_t row_start = kernel_rows(g, oy, &ky_lo, &rows);
            int32_t w_row_start = filter_start + ky_lo * g->kernel_width;
            int32_t ox;
            for (ox = 0; ox < g->out_width; ox++)
            {
                int32_t left = ox * g->stride_x - g->padding_x;
                int32_t kx_lo = left < 0 ? -left : 0;
                int32_t kx_hi = g->width - left;
                int32_t x_row = row_start + left;
                int32_t w_row = w_row_start;
                float sum = bias;
                int32_t r;
                if (kx_hi > g->kernel_width)
                {
                    kx_hi = g->kernel_width;
                }

                for (r = 0; r < rows; r++)
                {
                    int32_t d = w_row - x_row;
                    int32_t start = x_row + kx_lo;
                    int32_t end = x_row + kx_hi;
                    int32_t c;
                    for (c = 0; c < g->channels; c++)
                    {
                        int32_t i;
                        if (sparse)
                        {
                            for (i = start; i < end; i++)
                            {
                                if (!is_zero(x[i]))
                                {
                                    sum += w[i + d] * x[i];
                                }
                            }
                        }
                        else
                        {
                            for (i = start; i < end; i++)
                            {
                                sum += w[i + d] * x[i];
                            }
                        }

                        start += plane;
                        end += plane;
                        d += channel_step;
                    }

                    x_row += g->width;
                    w_row += g->kernel_width;
                }

                y[o++] = sum;
            }
        }
    }
}

/* Fp32ReLU.Forward (in place, as the network runs it) */
static void relu_forward(const fp32_layer *layer, const float *x, float *y)
{
    int32_t n = layer->shape->in_size;
    int32_t i;
    if (x == y)
    {
        for (i = 0; i < n; i++)
        {
            if (x[i] < 0.0f)
            {
                y[i] = 0.0f;
            }
        }
    }
    else
    {
        for (i = 0; i < n; i++)
        {
            float v = x[i];
            y[i] = v < 0.0f ? 0.0f : v;
        }
    }
}

/* Fp32MaxPool.Forward */
static void maxpool_forward(const fp32_layer *layer, const float *x, float *y)
{
    const tt_layer *s = layer->shape;
    int32_t plane = s->in_height * s->in_width;
    uint8_t *kept = layer->arg_max;
    int32_t o = 0;
    int32_t c;
    for (c = 0; c < s->out_channels; c++)
    {
        int32_t row_start = c * plane;
        int32_t oy;
        for (oy = 0; oy < s->out_height; oy++)
        {
            int32_t window_start = row_start;
            int32_t ox;
            for (ox = 0; ox < s->out_width; ox++)
            {
                float best = x[window_start];
                int32_t best_position = window_start;
                int32_t best_row = 0;
                int32_t line = window_start;
                int32_t p = window_start + 1;
                int32_t ky;
                for (ky = 0; ky < s->window_height; ky++)
                {
                    int32_t end = line + s->window_width;
                    for (; p < end; p++)
                    {
                        float v = x[p];
                        if (v > best)
                        {
                            best = v;
                            best_position = p;
                            best_row = ky;
                        }
                    }

                    line += s->in_width;
                    p = line;
                }

                y[o] = best;
                kept[o] = (uint8_t)(best_position - window_start - best_row * s->row_gap);
                o++;
                window_start += s->column_stride;
            }

            row_start += s->row_step;
        }
    }
}

/* Fp32Network.Forward */
static const float *forward(fp32_model *m, const float *input)
{
    int32_t l;
    m->activations[0] = (float *)(size_t)input; /* never written: no catalog layer works in place on the input */
    for (l = 0; l < m->count; l++)
    {
        fp32_layer *layer = &m->layers[l];
        if (layer->shape->in_place && m->activations[l + 1] != m->activations[l])
        {
            m->activations[l + 1] = m->activations[l];
        }

        switch (layer->shape->kind)
        {
        case TT_LAYER_DENSE:
            dense_forward(layer, m->activations[l], m->activations[l + 1]);
            break;
        case TT_LAYER_CONV:
            conv_forward(layer, m->activations[l], m->activations[l + 1]);
            break;
        case TT_LAYER_RELU:
            relu_forward(layer, m->activations[l], m->activations[l + 1]);
            break;
        case TT_LAYER_MAXPOOL:
            maxpool_forward(layer, m->activations[l], m->activations[l + 1]);
            break;
        default:
            break;
        }
    }

    return m->activations[m->count];
}

int32_t fp32_model_predict(fp32_model *m, const float *input)
{
    const float *z = forward(m, input);
    int32_t best = 0;
    float top = z[0];
    int32_t k;
    for (k = 1; k < m->classes; k++)
    {
        if (z[k] > top)
        {
            top = z[k];
            best = k;
        }
    }

    return best;
}

/*
 * Fp32Dense.Backward, over the nonzero inputs gathered by the forward pass: a zero input leaves its
 * weights unchanged, and where the layer below is a ReLU its error is dropped anyway (as the int8
 * engine's fused update does); otherwise the error goes to every input.
 */
static void dense_backward(fp32_layer *layer, const float *x, const float *e, float *d, float rate)
{
    int32_t inputs = layer->shape->in_size;
    int32_t outputs = layer->shape->out_size;
    int32_t drop = layer->shape->zero_inputs_drop_error;
    const int32_t *list = layer->nonzero_indices;
    const int32_t *end = list + layer->nonzero;
    float *w = layer->weights;
    float *b = layer->biases;
    int32_t o;
    int32_t i;
    if (d != NULL)
    {
        for (i = 0; i < inputs; i++)
        {
            d[i] = 0.0f;
        }
    }

    for (o = 0; o < outputs; o++, w += inputs)
    {
        float eo = e[o];
        const int32_t *p;
        if (is_zero(eo))
        {
            continue;
        }

        if (d != NULL && !drop)
        {
            for (i = 0; i < inputs; i++)
            {
                d[i] += w[i] * eo;
            }
        }

        {
            float step = rate * eo;
            if (d != NULL && drop)
            {
                for (p = list; p != end; p++)
                {
                    int32_t k = *p;
                    float wk = w[k];
                    d[k] += wk * eo;
                    w[k] = wk - step * x[k];
                }
            }
            else
            {
                for (p = list; p != end; p++)
                {
                    w[*p] -= step * x[*p];
                }
            }

            if (b != NULL)
            {
                b[o] -= step;
            }
        }
    }
}

/* Fp32Convolution.Backward */
static void conv_backward(fp32_layer *layer, const float *x, const float *e, float *d, float *g, float rate)
{
    const tt_conv_geometry *geo = &layer->shape->geometry;
    int32_t plane = geo->height * geo->width;
    int32_t kernel_area = geo->kernel_height * geo->kernel_width;
    int32_t filter_size = geo->channels * kernel_area;
    int32_t channel_step = kernel_area - plane;
    float *w = layer->weights;
    float *b = layer->biases;
    int32_t drop = layer->shape->zero_inputs_drop_error;
    int32_t sparse = mostly_zeros(x, geo->channels * plane);
    int32_t o = 0;
    int32_t f;
    int32_t k;
    if (d != NULL)
    {
        for (k = 0; k < geo->channels * plane; k++)
        {
            d[k] = 0.0f;
        }
    }

    for (f = 0; f < geo->filters; f++)
    {
        int32_t filter_start = f * filter_size;
        float error_sum = 0.0f;
        int32_t oy;
        for (k = 0; k < filter_size; k++)
        {
            g[k] = 0.0f;
        }

        for (oy = 0; oy < geo->out_height; oy++)
        {
            int32_t ky_lo, rows;
            int32_t row_start = kernel_rows(geo, oy, &ky_lo, &rows);
            int32_t g_row_start = ky_lo * geo->kernel_width;
            int32_t ox;
            for (ox = 0; ox < geo->out_width; ox++)
            {
                float eo = e[o++];
                int32_t left, kx_lo, kx_hi, x_row, g_row, r;
                if (is_zero(eo))
                {
                    continue;
                }

                error_sum += eo;
                left = ox * geo->stride_x - geo->padding_x;
                kx_lo = left < 0 ? -left : 0;
                kx_hi = geo->width - left;
                if (kx_hi > geo->kernel_width)
                {
                    kx_hi = geo->kernel_width;
                }

                x_row = row_start + left;
                g_row = g_row_start;
                for (r = 0; r < rows; r++)
                {
                    int32_t dg = g_row - x_row;
                    int32_t start = x_row + kx_lo;
                    int32_t end = x_row + kx_hi;
                    int32_t c;
                    if (d != NULL && drop)
                    {
                        /* the layer below is a ReLU: the error of a zero input is dropped, and its gradient term is 0 */
                        int32_t dw = dg + filter_start;
                        for (c = 0; c < geo->channels; c++)
                        {
                            int32_t i;
                            for (i = start; i < end; i++)
                            {
                                if (!is_zero(x[i]))
                                {
                                    d[i] += w[i + dw] * eo;
                                    g[i + dg] += x[i] * eo;
                                }
                            }

                            start += plane;
                            end += plane;
                            dg += channel_step;
                            dw += channel_step;
                        }
                    }
                    else if (d != NULL)
                    {
                        int32_t dw = dg + filter_start;
                        for (c = 0; c < geo->channels; c++)
                        {
                            int32_t i;
                            for (i = start; i < end; i++)
                            {
                                d[i] += w[i + dw] * eo;
                                g[i + dg] += x[i] * eo;
                            }

                            start += plane;
                            end += plane;
                            dg += channel_step;
                            dw += channel_step;
                        }
                    }
                    else if (sparse)
                    {
                        for (c = 0; c < geo->channels; c++)
                        {
                            int32_t i;
                            for (i = start; i < end; i++)
                            {
                                if (!is_zero(x[i]))
                                {
                                    g[i + dg] += x[i] * eo;
                                }
                            }

                            start += plane;
                            end += plane;
                            dg += channel_step;
                        }
                    }
                    else
                    {
                        for (c = 0; c < geo->channels; c++)
                        {
                            int32_t i;
                            for (i = start; i < end; i++)
                            {
                                g[i + dg] += x[i] * eo;
                            }

                            start += plane;
                            end += plane;
                            dg += channel_step;
                        }
                    }

                    x_row += geo->width;
                    g_row += geo->kernel_width;
                }
            }
        }

        for (k = 0; k < filter_size; k++)
        {
            if (!is_zero(g[k]))
            {
                w[filter_start + k] -= rate * g[k];
            }
        }

        if (b != NULL)
        {
            b[f] -= rate * error_sum;
        }
    }
}

/* Fp32ReLU.Backward */
static void relu_backward(const fp32_layer *layer, const float *y, const float *e, float *d)
{
    int32_t n = layer->shape->in_size;
    int32_t i;
    if (d == e)
    {
        for (i = 0; i < n; i++)
        {
            if (y[i] == 0.0f)
            {
                d[i] = 0.0f;
            }
        }
    }
    else
    {
        for (i = 0; i < n; i++)
        {
            d[i] = y[i] == 0.0f ? 0.0f : e[i];
        }
    }
}

/* Fp32MaxPool.Backward */
static void maxpool_backward(const fp32_layer *layer, const float *e, float *d)
{
    const tt_layer *s = layer->shape;
    int32_t plane = s->in_height * s->in_width;
    const uint8_t *kept = layer->arg_max;
    int32_t o = 0;
    int32_t c;
    int32_t i;
    for (i = 0; i < s->in_size; i++)
    {
        d[i] = 0.0f;
    }

    for (c = 0; c < s->out_channels; c++)
    {
        int32_t row_start = c * plane;
        int32_t oy;
        for (oy = 0; oy < s->out_height; oy++)
        {
            int32_t window_start = row_start;
            int32_t ox;
            for (ox = 0; ox < s->out_width; ox++)
            {
                int32_t index = kept[o];
                d[window_start + index + (index / s->window_width) * s->row_gap] = e[o];
                o++;
                window_start += s->column_stride;
            }

            row_start += s->row_step;
        }
    }
}

float fp32_model_train(fp32_model *m, const float *input, int32_t label)
{
    const float *z = forward(m, input);
    int32_t n = m->classes;
    float *g = m->error_a;
    float max = z[0];
    float sum = 0.0f;
    float inverse;
    float loss;
    float *error = m->error_a;
    float *spare = m->error_b;
    int32_t k;
    int32_t l;
    for (k = 1; k < n; k++)
    {
        if (z[k] > max)
        {
            max = z[k];
        }
    }

    for (k = 0; k < n; k++)
    {
        float p = expf(z[k] - max);
        g[k] = p;
        sum += p;
    }

    inverse = 1.0f / sum;
    for (k = 0; k < n; k++)
    {
        g[k] *= inverse;
    }

    g[label] -= 1.0f;
    loss = logf(sum) - (z[label] - max);

    for (l = m->count - 1; l >= 0; l--)
    {
        fp32_layer *layer = &m->layers[l];
        float *input_error = l == 0 ? NULL : (layer->shape->in_place ? error : spare);
        switch (layer->shape->kind)
        {
        case TT_LAYER_DENSE:
            dense_backward(layer, m->activations[l], error, input_error, m->rate);
            break;
        case TT_LAYER_CONV:
            conv_backward(layer, m->activations[l], error, input_error, m->gradient_row, m->rate);
            break;
        case TT_LAYER_RELU:
            if (input_error != NULL)
            {
                relu_backward(layer, m->activations[l + 1], error, input_error);
            }

            break;
        case TT_LAYER_MAXPOOL:
            if (input_error != NULL)
            {
                maxpool_backward(layer, error, input_error);
            }

            break;
        default:
            break;
        }

        if (input_error != NULL && input_error != error)
        {
            spare = error;
            error = input_error;
        }
    }

    m->last_loss = loss;
    return loss;
}
