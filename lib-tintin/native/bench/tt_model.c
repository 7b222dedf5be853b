/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* See tt_model.h. Each function names the managed code it mirrors. */
#include "tt_model.h"

#ifndef TT_MODEL_ARENA_BYTES
#define TT_MODEL_ARENA_BYTES (256 * 1024)
#endif

#define TT_FIXED_BITS 15
#define TT_FIXED_MAX_POW3 39
#define TT_MAX_BIAS_CONTRIBUTION (1 << 30)
#define TT_PROBABILITY_BITS 14
#define TT_EXPONENT_FRACTION_BITS 10
#define TT_LOG2E_Q15 47274

static uint32_t s_arena_words[TT_MODEL_ARENA_BYTES / 4];
static int32_t s_arena_used;
static tt_model s_model;
static tt_model *s_current;

/* ---- allocation ---- */

static void *arena_take(int32_t bytes)
{
    int32_t words = (bytes + 3) / 4;
    void *p;
    if (words > (int32_t)(sizeof(s_arena_words) / 4) - s_arena_used)
    {
        return NULL;
    }

    p = &s_arena_words[s_arena_used];
    s_arena_used += words;
    return p;
}

static void clear_i32(int32_t *a, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; i++)
    {
        a[i] = 0;
    }
}

static void clear_i8(int8_t *a, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; i++)
    {
        a[i] = 0;
    }
}

/* ---- Scale and FixedMultiplier ---- */

typedef struct tt_fixed
{
    int32_t mantissa;
    int32_t right_shift;
} tt_fixed;

static tt_scale scale_make(int32_t shift, int32_t up, int32_t down)
{
    tt_scale s;
    s.shift = shift;
    s.up = up;
    s.down = down;
    return s;
}

static int32_t scale_pow2(tt_scale s) { return s.shift - s.up - s.down * 2; }
static int32_t scale_pow3(tt_scale s) { return s.up + s.down; }
static tt_scale scale_product(tt_scale x, tt_scale y) { return scale_make(x.shift + y.shift, x.up + y.up, x.down + y.down); }
static tt_scale scale_quotient(tt_scale x, tt_scale y) { return scale_make(x.shift - y.shift, x.up - y.up, x.down - y.down); }

/* Requantizer.OutputScale */
static tt_scale output_scale(tt_scale input, const tt_rescale_step *step)
{
    return scale_make(input.shift + step->shift, input.up - step->up, input.down - step->down);
}

static int32_t bit_length64(int64_t value)
{
    uint32_t high;
    if (value <= 0)
    {
        return 0;
    }

    high = (uint32_t)(value >> 32);
    return high != 0 ? 32 + tt_bit_length_u32(high) : tt_bit_length_u32((uint32_t)value);
}

/* FixedMultiplier.FromPowersExact */
static tt_fixed from_powers_exact(int32_t pow2, int32_t pow3)
{
    tt_fixed r;
    int64_t power = 1;
    int32_t magnitude = pow3 < 0 ? -pow3 : pow3;
    int32_t i;
    for (i = 0; i < magnitude; i++)
    {
        power *= 3;
    }

    if (pow3 >= 0)
    {
        int32_t excess = bit_length64(power) - TT_FIXED_BITS;
        int64_t mantissa;
        if (excess > 0)
        {
            mantissa = (power + ((int64_t)1 << (excess - 1))) >> excess;
        }
        else
        {
            mantissa = power << -excess;
        }

        if (mantissa >= ((int64_t)1 << TT_FIXED_BITS))
        {
            mantissa >>= 1;
            excess++;
        }

        r.mantissa = (int32_t)mantissa;
        r.right_shift = -(pow2 + excess);
    }
    else
    {
        int32_t length = bit_length64(power);
        int64_t remainder = (int64_t)1 << (length - 1);
        int64_t mantissa = 0;
        int32_t shift;
        for (i = 0; i < TT_FIXED_BITS; i++)
        {
            remainder <<= 1;
            mantissa <<= 1;
            if (remainder >= power)
            {
                remainder -= power;
                mantissa++;
            }
        }

        if ((remainder << 1) > power)
        {
            mantissa++;
        }

        shift = TT_FIXED_BITS - 1 + length - pow2;
        if (mantissa >= ((int64_t)1 << TT_FIXED_BITS))
        {
            mantissa >>= 1;
            shift--;
        }

        r.mantissa = (int32_t)mantissa;
        r.right_shift = shift;
    }

    return r;
}

/* FixedMultiplier.Multiply */
static tt_fixed fixed_multiply(tt_fixed a, tt_fixed b)
{
    tt_fixed r;
    int64_t product = (int64_t)a.mantissa * b.mantissa;
    int32_t drop = product >= ((int64_t)1 << (2 * TT_FIXED_BITS - 1)) ? TT_FIXED_BITS : TT_FIXED_BITS - 1;
    int64_t mantissa = (product + ((int64_t)1 << (drop - 1))) >> drop;
    if (mantissa >= ((int64_t)1 << TT_FIXED_BITS))
    {
        mantissa >>= 1;
        drop++;
    }

    r.mantissa = (int32_t)mantissa;
    r.right_shift = a.right_shift + b.right_shift - drop;
    return r;
}

/* FixedMultiplier.FromPowers */
static tt_fixed from_powers(int32_t pow2, int32_t pow3)
{
    if (pow3 > TT_FIXED_MAX_POW3 || pow3 < -TT_FIXED_MAX_POW3)
    {
        int32_t step = pow3 > 0 ? TT_FIXED_MAX_POW3 : -TT_FIXED_MAX_POW3;
        return fixed_multiply(from_powers_exact(pow2, step), from_powers(0, pow3 - step));
    }

    return from_powers_exact(pow2, pow3);
}

/* FixedMultiplier.Ratio */
static tt_fixed fixed_ratio(tt_scale from, tt_scale to)
{
    return from_powers(scale_pow2(from) - scale_pow2(to), scale_pow3(from) - scale_pow3(to));
}

/* WeightedLayer.LimitShift */
static tt_fixed limit_shift(tt_fixed m, int32_t max_shift)
{
    if (m.right_shift > max_shift)
    {
        int32_t excess = m.right_shift - max_shift;
        m.mantissa = excess > 30 ? 0 : (m.mantissa + (1 << (excess - 1))) >> excess;
        m.right_shift = max_shift;
    }
    else if (m.right_shift < 0)
    {
        m.mantissa = (1 << TT_FIXED_BITS) - 1;
        m.right_shift = 0;
    }

    return m;
}

/* WeightedLayer.UpdateMultiplier, Tin-Tin, not accumulating */
static tt_fixed update_multiplier(const tt_model *m, const tt_layer *layer, tt_scale gradient_scale)
{
    tt_scale s = scale_product(scale_quotient(gradient_scale, layer->weight_scale), m->learning_rate);
    return from_powers(scale_pow2(s), scale_pow3(s));
}

/* ---- WeightedLayer helpers ---- */

static int32_t clamp_to_int(int64_t v)
{
    return v > INT32_MAX ? INT32_MAX : (v < -INT32_MAX ? -INT32_MAX : (int32_t)v);
}

/* WeightedLayer.ShiftLeftSaturating */
static int64_t shift_left_saturating(int64_t p, int32_t left)
{
    int64_t limit = left > 31 ? 0 : (int64_t)INT32_MAX >> left;
    if (p > limit || p < -limit)
    {
        return p > 0 ? INT64_MAX : -INT64_MAX;
    }

    return tt_shl64(p, left);
}

/* WeightedLayer.ScaleValueStochastic */
static int32_t scale_value_stochastic(int32_t value, tt_fixed m, uint32_t *random)
{
    uint32_t s = tt_xorshift32(*random);
    int64_t p = (int64_t)value * m.mantissa;
    int32_t shift = m.right_shift;
    *random = s;
    if (shift <= 0)
    {
        return clamp_to_int(shift_left_saturating(p, -shift));
    }

    if (shift > 32)
    {
        p >>= shift - 32;
        shift = 32;
    }

    return clamp_to_int((p + (int64_t)(s & (uint32_t)(((int64_t)1 << shift) - 1))) >> shift);
}

/* WeightedLayer.Requantize */
static void requantize(const int32_t *acc, int32_t count, int32_t max_abs, tt_scale acc_scale, tt_tensor8 *result)
{
    tt_rescale_step step;
    (void)tt_requantize(acc, count, max_abs, 1, result->data, &step);
    result->length = count;
    result->scale = output_scale(acc_scale, &step);
    result->max_abs = step.result_max_abs;
}

/* WeightedLayer.RescaleWeights: the weights by the kernel, the scale here */
static void rescale_weights(tt_layer *layer, int32_t up, int32_t down, int32_t shift)
{
    tt_rescale_weights(layer->weights, layer->weight_count, up, down, shift);
    layer->weight_scale = scale_make(layer->weight_scale.shift + shift, layer->weight_scale.up - up, layer->weight_scale.down - down);
}

/* WeightedLayer.AfterUpdate, Tin-Tin */
static void after_update(const tt_model *m, tt_layer *layer, int32_t clamped)
{
    if (clamped > 0)
    {
        rescale_weights(layer, 0, 1, 0);
        layer->updates_since_check = 0;
        return;
    }

    if (m->weight_check_interval > 0 && ++layer->updates_since_check >= m->weight_check_interval)
    {
        int32_t max;
        layer->updates_since_check = 0;
        max = tt_max_abs_i8(layer->weights, 0, layer->weight_count);
        if (max > 0 && max < 64)
        {
            tt_rescale_step step;
            tt_requantize_choose(max, 1, &step);
            rescale_weights(layer, step.up, step.down, step.shift);
        }
    }
}

/* WeightedLayer.UpdateBiases, batch size 1 */
static void update_biases(tt_model *m, tt_layer *layer, const tt_tensor8 *errors, int32_t per_channel)
{
    int32_t *b = layer->biases;
    tt_scale s;
    tt_fixed fm;
    int64_t mantissa;
    int32_t shift;
    int32_t inline_path;
    int64_t mask;
    uint32_t random;
    int32_t c;
    if (b == NULL)
    {
        return;
    }

    s = scale_product(scale_quotient(errors->scale, layer->bias_scale), m->learning_rate);
    fm = from_powers(scale_pow2(s), scale_pow3(s));
    mantissa = fm.mantissa;
    shift = fm.right_shift;
    inline_path = shift > 0 && shift <= 32;
    mask = inline_path ? ((int64_t)1 << shift) - 1 : 0;
    random = m->random;
    for (c = 0; c < layer->bias_count; c++)
    {
        int32_t sum = 0;
        int32_t start = c * per_channel;
        int32_t end = start + per_channel;
        int32_t i;
        int64_t step;
        int64_t v;
        for (i = start; i < end; i++)
        {
            sum += errors->data[i];
        }

        if (sum == 0)
        {
            continue;
        }

        if (inline_path && shift <= 30 && mantissa < 32768 && (uint32_t)sum + 32767u < 65535u)
        {
            /* the same step in 32 bits: |sum * mantissa| < 2^30 and the random part below 2^30 */
            random = tt_xorshift32(random);
            step = (int32_t)(sum * (int32_t)mantissa + (int32_t)(random & (uint32_t)mask)) >> shift;
        }
        else if (inline_path)
        {
            random = tt_xorshift32(random);
            step = ((int64_t)sum * mantissa + (int64_t)(random & (uint64_t)mask)) >> shift;
            step = step > INT32_MAX ? INT32_MAX : (step < -INT32_MAX ? -INT32_MAX : step);
        }
        else
        {
            step = scale_value_stochastic(sum, fm, &random);
        }

        v = (int64_t)b[c] - step;
        b[c] = (int32_t)(v > INT32_MAX ? INT32_MAX : (v < -INT32_MAX ? -INT32_MAX : v));
    }

    m->random = random;
}

/* ---- the layers ---- */

/* Dense.Forward */
static void dense_forward(tt_model *m, tt_layer *layer, tt_tensor8 *input, tt_tensor8 *output)
{
    int32_t inputs = layer->in_size;
    int32_t outputs = layer->out_size;
    int32_t *acc = m->accumulators;
    tt_scale acc_scale = scale_product(input->scale, layer->weight_scale);
    int32_t sparse;
    int32_t max;
    if (layer->biases != NULL)
    {
        tt_fixed fm = fixed_ratio(layer->bias_scale, acc_scale);
        tt_scale_biases(layer->biases, layer->bias_count, fm.mantissa, fm.right_shift, acc);
    }

    /* The nonzero inputs once per sample: the forward pass and the update rows visit only those (same sums, same updates). */
    layer->nonzero = tt_nonzero_inputs(input->data, inputs, layer->nonzero_list);
    if (layer->nonzero >= 0 && layer->nonzero * 4 > inputs * 3)
    {
        /* mostly nonzero inputs: the dense loop (4 rows per pass, 2.75 instructions a product) beats the list (3.5-3.75) */
        max = tt_dense_forward(layer->weights, input->data, inputs, outputs, layer->biases != NULL, 0, acc);
    }
    else if (layer->nonzero >= 0)
    {
        max = tt_dense_forward_nonzero(layer->weights, layer->nonzero_list, layer->nonzero, inputs, outputs, layer->biases != NULL, acc);
    }
    else
    {
        sparse = tt_mostly_zeros(input->data, inputs);
        max = tt_dense_forward(layer->weights, input->data, inputs, outputs, layer->biases != NULL, sparse, acc);
    }

    requantize(acc, outputs, max, acc_scale, output);
}

/*
 * A step in one int (Convolution.PackStep): the shift (|shift| < 128), the largest result (0..127) and the
 * two factor counts (0..2); 0 only for a row of zeros (largest result 0), which needs no alignment.
 */
#define TT_FACTORS_AND_SHIFT (~(127 << 4))

static int32_t pack_step(const tt_rescale_step *step)
{
    return step->result_max_abs == 0 ? 0 : ((step->shift + 128) << 11) | (step->result_max_abs << 4) | (step->up << 2) | step->down;
}

static void unpack_step(int32_t packed, tt_rescale_step *step)
{
    step->shift = (packed >> 11) - 128;
    step->result_max_abs = (packed >> 4) & 127;
    step->up = (packed >> 2) & 3;
    step->down = packed & 3;
}

/*
 * Convolution.RequantizeRow: count accumulators (a filter's output or a pass's input error), row `row` of
 * the tensor, into destination at `offset` at their own step; the step is kept for align_rows. Returns
 * the running maximum.
 */
static int32_t requantize_row(tt_model *m, const int32_t *acc, int32_t row, int32_t offset, int32_t count, int32_t max, int8_t *destination)
{
    tt_rescale_step step;
    int32_t row_max = tt_max_abs_i32(acc, 0, count);
    tt_requantize_choose(row_max, 1, &step);
    tt_requantize_apply(acc, 0, destination, offset, count, &step);
    m->row_steps[row] = pack_step(&step);
    return row_max > max ? row_max : max;
}

/*
 * Convolution.AlignRows: the tensor (length values in rows of row_length, the last one possibly shorter,
 * each in segments of segment_length, the last one possibly shorter) takes the step its largest
 * accumulator asks for; every other segment that is not all zeros and not already at that step (shift and
 * factors; at least the segment holding the largest accumulator is) is re-expressed in it.
 */
static void align_rows(const tt_model *m, int32_t segment_length, int32_t row_length, int32_t length, int32_t max, tt_scale acc_scale, tt_tensor8 *result)
{
    tt_rescale_step tensor_step;
    tt_rescale_step row_step;
    int32_t tensor_packed;
    int32_t result_max;
    int32_t row = 0;
    int32_t row_start;
    tt_requantize_choose(max, 1, &tensor_step);
    tensor_packed = pack_step(&tensor_step) & TT_FACTORS_AND_SHIFT;
    result_max = tensor_step.result_max_abs;
    for (row_start = 0; row_start < length; row_start += row_length)
    {
        int32_t row_end = length - row_start < row_length ? length : row_start + row_length;
        int32_t start;
        for (start = row_start; start < row_end; start += segment_length)
        {
            int32_t packed = m->row_steps[row++];
            int32_t count;
            int32_t aligned;
            if ((packed & TT_FACTORS_AND_SHIFT) == tensor_packed || packed == 0)
            {
                continue;
            }

            unpack_step(packed, &row_step);
            count = row_end - start < segment_length ? row_end - start : segment_length;
            aligned = tt_requantize_align(result->data, start, count, &row_step, &tensor_step);
            result_max = aligned > result_max ? aligned : result_max;
        }
    }

    result->length = length;
    result->scale = output_scale(acc_scale, &tensor_step);
    result->max_abs = result_max;
}

/*
 * Convolution.Forward: each filter's row summed and its bias added, then requantized at its own step in
 * the segments the managed layer sums its filters in (LayerFactory.SegmentLength; whole rows in most
 * layers), then the segments aligned. The sums do not depend on how many filters the managed kernel packs
 * per long, only the segments do.
 */
static void conv_forward(tt_model *m, tt_layer *layer, tt_tensor8 *input, tt_tensor8 *output)
{
    const tt_conv_geometry *g = &layer->geometry;
    int32_t *acc = m->accumulators;
    int32_t positions = g->out_height * g->out_width;
    int32_t segment = layer->segment_length;
    int32_t segments = (positions + segment - 1) / segment;
    int32_t sparse = tt_mostly_zeros(input->data, g->channels * g->height * g->width);
    tt_scale acc_scale = scale_product(input->scale, layer->weight_scale);
    tt_fixed fm;
    int32_t max = 0;
    int32_t f;
    fm.mantissa = 0;
    fm.right_shift = 0;
    if (layer->biases != NULL)
    {
        fm = fixed_ratio(layer->bias_scale, acc_scale);
    }

    for (f = 0; f < g->filters; f++)
    {
        int32_t start;
        tt_conv_forward(g, f, layer->weights, input->data, sparse, acc);
        if (layer->biases != NULL)
        {
            tt_add_biases(acc, positions, layer->biases + f, 1, fm.mantissa, fm.right_shift); /* this filter's bias only */
        }

        for (start = 0; start < positions; start += segment)
        {
            int32_t count = positions - start < segment ? positions - start : segment;
            max = requantize_row(m, acc + start, (f * segments) + (start / segment), (f * positions) + start, count, max, output->data);
        }
    }

    align_rows(m, segment, positions, g->filters * positions, max, acc_scale, output);
}

/* ReLU.Forward */
static void relu_forward(tt_tensor8 *input, tt_tensor8 *output)
{
    int8_t *x = input->data;
    int8_t *y = output->data;
    int32_t n = input->length;
    int32_t i;
    if (x == y)
    {
        int8_t *p = y;
        int8_t *end = y + n;
        int8_t *end4 = y + (n & ~3);
        for (; p != end4; p += 4)
        {
            if (p[0] < 0)
            {
                p[0] = 0;
            }

            if (p[1] < 0)
            {
                p[1] = 0;
            }

            if (p[2] < 0)
            {
                p[2] = 0;
            }

            if (p[3] < 0)
            {
                p[3] = 0;
            }
        }

        for (; p != end; p++)
        {
            if (*p < 0)
            {
                *p = 0;
            }
        }
    }
    else
    {
        for (i = 0; i < n; i++)
        {
            y[i] = x[i] < 0 ? (int8_t)0 : x[i];
        }
    }

    output->length = n;
    output->scale = input->scale;
    output->max_abs = input->max_abs;
}

/* MaxPool.Forward */
static void maxpool_forward(tt_layer *layer, tt_tensor8 *input, tt_tensor8 *output)
{
    int32_t plane = layer->in_height * layer->in_width;
    int32_t width = layer->in_width;
    const int8_t *x = input->data;
    int8_t *y = output->data;
    uint8_t *kept = layer->arg_max;
    int32_t o = 0;
    int32_t c;
    if (layer->window_height == 2 && layer->window_width == 2 && layer->column_stride == 2)
    {
        /* 2 x 2 windows (LeNet-5): the same scan order and ties (the first largest wins), unrolled */
        for (c = 0; c < layer->out_channels; c++)
        {
            const int8_t *row = x + c * plane;
            int32_t oy;
            for (oy = 0; oy < layer->out_height; oy++, row += layer->row_step)
            {
                const int8_t *r0 = row;
                const int8_t *r1 = row + width;
                int8_t *y_end = y + o + layer->out_width;
                int8_t *py = y + o;
                uint8_t *pk = kept + o;
                for (; py != y_end; py++, pk++, r0 += 2, r1 += 2)
                {
                    int32_t best = r0[0];
                    uint8_t k = 0;
                    if (r0[1] > best)
                    {
                        best = r0[1];
                        k = 1;
                    }

                    if (r1[0] > best)
                    {
                        best = r1[0];
                        k = 2;
                    }

                    if (r1[1] > best)
                    {
                        best = r1[1];
                        k = 3;
                    }

                    *py = (int8_t)best;
                    *pk = k;
                }

                o += layer->out_width;
            }
        }

        output->length = o;
        output->scale = input->scale;
        output->max_abs = input->max_abs;
        return;
    }

    if (layer->window_height == 1 && layer->column_stride == layer->window_width)
    {
        /* one-row windows (Conv1D models): the same scan order and ties */
        int32_t window = layer->window_width;
        for (c = 0; c < layer->out_channels; c++)
        {
            const int8_t *p = x + c * plane;
            int8_t *py = y + o;
            int8_t *y_end = py + layer->out_width;
            uint8_t *pk = kept + o;
            for (; py != y_end; py++, pk++, p += window)
            {
                int32_t best = p[0];
                int32_t k = 0;
                int32_t j;
                for (j = 1; j < window; j++)
                {
                    if (p[j] > best)
                    {
                        best = p[j];
                        k = j;
                    }
                }

                *py = (int8_t)best;
                *pk = (uint8_t)k;
            }

            o += layer->out_width;
        }

        output->length = o;
        output->scale = input->scale;
        output->max_abs = input->max_abs;
        return;
    }

    for (c = 0; c < layer->out_channels; c++)
    {
        int32_t row_start = c * plane;
        int32_t oy;
        for (oy = 0; oy < layer->out_height; oy++)
        {
            int32_t window_start = row_start;
            int32_t ox;
            for (ox = 0; ox < layer->out_width; ox++)
            {
                int32_t best = x[window_start];
                int32_t best_position = window_start;
                int32_t best_row = 0;
                int32_t line = window_start;
                int32_t p = window_start + 1;
                int32_t ky;
                for (ky = 0; ky < layer->window_height; ky++)
                {
                    int32_t end = line + layer->window_width;
                    for (; p < end; p++)
                    {
                        int32_t v = x[p];
                        if (v > best)
                        {
                            best = v;
                            best_position = p;
                            best_row = ky;
                        }
                    }

                    line += width;
                    p = line;
                }

                y[o] = (int8_t)best;
                kept[o] = (uint8_t)(best_position - window_start - best_row * layer->row_gap);
                o++;
                window_start += layer->column_stride;
            }

            row_start += layer->row_step;
        }
    }

    output->length = o;
    output->scale = input->scale;
    output->max_abs = input->max_abs;
}

/* Dense.Backward, batch size 1, Tin-Tin (PropagateError, UpdateRows, Requantize, AfterUpdate, UpdateBiases) */
static void dense_backward(tt_model *m, tt_layer *layer, tt_tensor8 *input, tt_tensor8 *output_error, tt_tensor8 *input_error)
{
    int32_t inputs = layer->in_size;
    int32_t outputs = layer->out_size;
    int32_t *acc = m->accumulators;
    int32_t fused_error = input_error != NULL && layer->zero_inputs_drop_error;
    tt_fixed fm;
    int32_t clamped;
    if (input_error != NULL && !fused_error)
    {
        tt_dense_input_error(layer->weights, output_error->data, inputs, outputs, acc);
    }
    else if (fused_error)
    {
        clear_i32(acc, inputs);
    }

    fm = limit_shift(update_multiplier(m, layer, scale_product(output_error->scale, input->scale)), 30);
    clamped = layer->nonzero >= 0
        ? tt_dense_update_rows_tintin_nonzero(layer->weights, output_error->data, layer->nonzero_list, layer->nonzero, inputs, outputs,
                                              fm.mantissa, fm.right_shift, &m->random, fused_error ? acc : NULL)
        : tt_dense_update_rows_tintin(layer->weights, output_error->data, input->data, inputs, outputs, fm.mantissa, fm.right_shift,
                                      &m->random, fused_error ? acc : NULL);
    if (input_error != NULL)
    {
        requantize(acc, inputs, -1, scale_product(output_error->scale, layer->weight_scale), input_error);
    }

    after_update(m, layer, clamped);
    update_biases(m, layer, output_error, 1);
}

/*
 * Convolution.Backward, batch size 1, Tin-Tin (PropagateError, UpdateWeights, AlignRows, UpdateBiases): the
 * input channels in passes of channels_per_pass (the last one possibly shorter), filters inside: one
 * tt_conv_gradient and one update per filter and pass, so a pass's fused input error is complete (and
 * requantized at its own step) before the next pass reuses the accumulator row.
 */
static void conv_backward(tt_model *m, tt_layer *layer, tt_tensor8 *input, tt_tensor8 *output_error, tt_tensor8 *input_error)
{
    const tt_conv_geometry *g = &layer->geometry;
    int32_t channels = g->channels;
    int32_t per_pass = layer->channels_per_pass;
    int32_t plane = g->height * g->width;
    int32_t kernel_area = g->kernel_height * g->kernel_width;
    int32_t filter_size = channels * kernel_area;
    int32_t fuse_error = input_error != NULL && layer->zero_inputs_drop_error;
    int32_t *error_acc = fuse_error ? m->accumulators : NULL;
    int32_t error_max = 0;
    tt_scale error_scale;
    tt_fixed fm;
    int32_t c;
    if (input_error != NULL && !fuse_error)
    {
        int32_t max = 0;
        for (c = 0; c < channels; c += per_pass)
        {
            int32_t count = channels - c < per_pass ? channels - c : per_pass;
            tt_conv_input_error(g, c, count, layer->weights, output_error->data, m->accumulators);
            max = requantize_row(m, m->accumulators, c / per_pass, c * plane, count * plane, max, input_error->data);
        }

        align_rows(m, per_pass * plane, per_pass * plane, channels * plane, max, scale_product(output_error->scale, layer->weight_scale), input_error);
    }

    /* The fused error is summed with the weights before this update: their scale, taken before after_update may rescale them. */
    error_scale = scale_product(output_error->scale, layer->weight_scale);

    /* UpdateWeights */
    fm = limit_shift(update_multiplier(m, layer, scale_product(output_error->scale, input->scale)), 62);
    if (!(fm.mantissa == 0 && error_acc == NULL))
    {
        int32_t sparse = error_acc != NULL || tt_mostly_zeros(input->data, channels * plane);
        uint32_t random = m->random;
        int32_t clamped = 0;
        for (c = 0; c < channels; c += per_pass)
        {
            int32_t count = channels - c < per_pass ? channels - c : per_pass;
            int32_t length = count * kernel_area;
            int32_t f;
            if (error_acc != NULL)
            {
                clear_i32(error_acc, count * plane);
            }

            for (f = 0; f < g->filters; f++)
            {
                tt_conv_gradient(g, f, c, count, layer->weights, input->data, output_error->data, m->gradients, sparse, error_acc);
                if (fm.mantissa == 0)
                {
                    continue;
                }

                clamped += tt_tintin_gradients(layer->weights, f * filter_size + c * kernel_area, m->gradients, 0, length, fm.mantissa,
                                               fm.right_shift, &random);
            }

            if (error_acc != NULL)
            {
                error_max = requantize_row(m, error_acc, c / per_pass, c * plane, count * plane, error_max, input_error->data);
            }
        }

        m->random = random;
        after_update(m, layer, clamped);
    }

    if (fuse_error)
    {
        align_rows(m, per_pass * plane, per_pass * plane, channels * plane, error_max, error_scale, input_error);
    }

    update_biases(m, layer, output_error, g->out_height * g->out_width);
}

/* ReLU.Backward */
static void relu_backward(tt_tensor8 *output, tt_tensor8 *output_error, tt_tensor8 *input_error)
{
    const int8_t *y = output->data;
    int8_t *e = output_error->data;
    int8_t *d = input_error->data;
    int32_t n = output->length;
    int32_t i;
    if (d == e)
    {
        for (i = 0; i < n; i++)
        {
            if (y[i] == 0)
            {
                d[i] = 0;
            }
        }
    }
    else
    {
        for (i = 0; i < n; i++)
        {
            d[i] = y[i] == 0 ? (int8_t)0 : e[i];
        }
    }

    input_error->length = n;
    input_error->scale = output_error->scale;
    input_error->max_abs = output_error->max_abs;
}

/* MaxPool.Backward */
static void maxpool_backward(tt_layer *layer, tt_tensor8 *output_error, tt_tensor8 *input_error)
{
    int32_t plane = layer->in_height * layer->in_width;
    const int8_t *e = output_error->data;
    int8_t *d = input_error->data;
    const uint8_t *kept = layer->arg_max;
    int32_t o = 0;
    int32_t c;
    clear_i8(d, layer->in_size);
    for (c = 0; c < layer->out_channels; c++)
    {
        int32_t row_start = c * plane;
        int32_t oy;
        for (oy = 0; oy < layer->out_height; oy++)
        {
            int32_t window_start = row_start;
            int32_t ox;
            for (ox = 0; ox < layer->out_width; ox++)
            {
                int32_t index = kept[o];
                d[window_start + index + (index / layer->window_width) * layer->row_gap] = e[o];
                o++;
                window_start += layer->column_stride;
            }

            row_start += layer->row_step;
        }
    }

    input_error->length = layer->in_size;
    input_error->scale = output_error->scale;
    input_error->max_abs = output_error->max_abs;
}

/* ---- the model ---- */

/* The largest |x| of a Dense layer's input x, from its list of nonzero inputs (from x itself without a list). */
static int32_t list_max_abs(const tt_layer *layer, const tt_tensor8 *x)
{
    const int32_t *p = layer->nonzero_list;
    const int32_t *end = p + 2 * layer->nonzero;
    int32_t highest = 0;
    int32_t lowest = 0;
    if (layer->nonzero < 0)
    {
        return tt_max_abs_i8(x->data, 0, x->length);
    }

    for (; p != end; p += 2)
    {
        int32_t v = p[1];
        highest = v > highest ? v : highest;
        lowest = v < lowest ? v : lowest;
    }

    return -lowest > highest ? -lowest : highest;
}

/* Model.Forward */
static void model_forward(tt_model *m, const int8_t *input, int32_t input_log2_scale)
{
    tt_tensor8 *x = m->activations[0];
    int32_t l;
    x->data = (int8_t *)(size_t)input; /* never written: no layer of the catalog works in place on the input */
    x->length = m->input_size;
    x->scale = scale_make(input_log2_scale, 0, 0);
    /*
     * Magnitude.MaxAbs of the input. Before a Dense layer it is taken from that layer's list of nonzero
     * inputs (the same value: zeros do not change a largest magnitude), once the list is built below;
     * no layer reads it in between.
     */
    if (m->count == 0 || m->layers[0].kind != TT_LAYER_DENSE)
    {
        x->max_abs = tt_max_abs_i8(input, 0, m->input_size);
    }

    for (l = 0; l < m->count; l++)
    {
        tt_layer *layer = &m->layers[l];
        tt_tensor8 *in = m->activations[l];
        tt_tensor8 *out = m->activations[l + 1];
        switch (layer->kind)
        {
        case TT_LAYER_DENSE:
            dense_forward(m, layer, in, out);
            if (l == 0)
            {
                x->max_abs = list_max_abs(layer, x);
            }

            break;
        case TT_LAYER_CONV:
            conv_forward(m, layer, in, out);
            break;
        case TT_LAYER_RELU:
            relu_forward(in, out);
            break;
        case TT_LAYER_MAXPOOL:
            maxpool_forward(layer, in, out);
            break;
        default:
            break; /* Flatten shares its input's buffer */
        }
    }
}

int32_t tt_model_predict(tt_model *m, const int8_t *input, int32_t input_log2_scale)
{
    const tt_tensor8 *out;
    int32_t best = 0;
    int32_t i;
    model_forward(m, input, input_log2_scale);
    out = m->activations[m->count];
    for (i = 1; i < out->length; i++)
    {
        if (out->data[i] > out->data[best])
        {
            best = i;
        }
    }

    return best;
}

int32_t tt_model_train(tt_model *m, const int8_t *input, int32_t input_log2_scale, int32_t label)
{
    tt_tensor8 *logits;
    tt_fixed fm;
    tt_rescale_step step;
    int32_t loss = 0;
    tt_tensor8 *error = &m->error_a;
    tt_tensor8 *spare = &m->error_b;
    int32_t l;
    model_forward(m, input, input_log2_scale);

    /* SoftmaxCrossEntropy.Compute with ExponentFactor */
    logits = m->activations[m->count];
    fm = from_powers(scale_pow2(logits->scale) + TT_EXPONENT_FRACTION_BITS, scale_pow3(logits->scale));
    if (tt_softmax_xent(logits->data, logits->length, label, (int64_t)fm.mantissa * TT_LOG2E_Q15, fm.right_shift + 15, 1,
                        m->accumulators, m->error_a.data, &step, &loss) != TT_OK)
    {
        return INT32_MIN;
    }

    m->error_a.length = logits->length;
    m->error_a.scale = output_scale(scale_make(-TT_PROBABILITY_BITS, 0, 0), &step);
    m->error_a.max_abs = step.result_max_abs;

    for (l = m->count - 1; l >= 0; l--)
    {
        tt_layer *layer = &m->layers[l];
        tt_tensor8 *input_error = l == 0 ? NULL : (layer->in_place ? error : spare);
        switch (layer->kind)
        {
        case TT_LAYER_DENSE:
            dense_backward(m, layer, m->activations[l], error, input_error);
            break;
        case TT_LAYER_CONV:
            conv_backward(m, layer, m->activations[l], error, input_error);
            break;
        case TT_LAYER_RELU:
            if (input_error != NULL)
            {
                relu_backward(m->activations[l + 1], error, input_error);
            }

            break;
        case TT_LAYER_MAXPOOL:
            if (input_error != NULL)
            {
                maxpool_backward(layer, error, input_error);
            }

            break;
        default:
            break; /* Flatten: the error stays where it is */
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

/* ---- building (ModelSpec, Model's constructor, WeightedLayer.Initialize) ---- */

static int32_t extent(int32_t size, int32_t kernel, int32_t stride, int32_t padding)
{
    return (size + 2 * padding - kernel) / stride + 1;
}

static tt_layer *add_layer(tt_model *m, int32_t kind, int32_t channels, int32_t height, int32_t width)
{
    tt_layer *layer;
    if (m->count >= TT_MAX_LAYERS)
    {
        return NULL;
    }

    layer = &m->layers[m->count++];
    layer->kind = kind;
    layer->out_channels = channels;
    layer->out_height = height;
    layer->out_width = width;
    layer->out_size = channels * height * width;
    return layer;
}

static void set_input(tt_model *m, int32_t channels, int32_t height, int32_t width)
{
    m->input_channels = channels;
    m->input_height = height;
    m->input_width = width;
    m->input_size = channels * height * width;
}

/* the shape layer `count` reads (the model input for the first) */
static void current_shape(const tt_model *m, int32_t *c, int32_t *h, int32_t *w)
{
    if (m->count == 0)
    {
        *c = m->input_channels;
        *h = m->input_height;
        *w = m->input_width;
    }
    else
    {
        const tt_layer *p = &m->layers[m->count - 1];
        *c = p->out_channels;
        *h = p->out_height;
        *w = p->out_width;
    }
}

static tt_layer *add_shaped(tt_model *m, int32_t kind, int32_t channels, int32_t height, int32_t width)
{
    int32_t c, h, w;
    tt_layer *layer;
    current_shape(m, &c, &h, &w);
    layer = add_layer(m, kind, channels, height, width);
    if (layer != NULL)
    {
        layer->in_channels = c;
        layer->in_height = h;
        layer->in_width = w;
        layer->in_size = c * h * w;
    }

    return layer;
}

static void add_dense(tt_model *m, int32_t units)
{
    tt_layer *layer = add_shaped(m, TT_LAYER_DENSE, units, 1, 1);
    layer->weight_count = units * layer->in_size;
    layer->bias_count = units;
    layer->fan_in = layer->in_size;
}

static void add_conv(tt_model *m, int32_t filters, int32_t kernel, int32_t stride, int32_t padding, int32_t square)
{
    int32_t c, h, w;
    tt_layer *layer;
    tt_conv_geometry *g;
    current_shape(m, &c, &h, &w);
    layer = add_shaped(m, TT_LAYER_CONV, filters, square ? extent(h, kernel, stride, padding) : 1, extent(w, kernel, stride, padding));
    g = &layer->geometry;
    g->channels = c;
    g->height = h;
    g->width = w;
    g->filters = filters;
    g->kernel_height = square ? kernel : 1;
    g->kernel_width = kernel;
    g->stride_y = square ? stride : 1;
    g->stride_x = stride;
    g->padding_y = square ? padding : 0;
    g->padding_x = padding;
    g->out_height = layer->out_height;
    g->out_width = layer->out_width;
    layer->fan_in = c * g->kernel_height * kernel;
    layer->weight_count = filters * layer->fan_in;
    layer->bias_count = filters;
}

static void add_relu(tt_model *m)
{
    int32_t c, h, w;
    current_shape(m, &c, &h, &w);
    add_shaped(m, TT_LAYER_RELU, c, h, w)->in_place = 1;
}

static void add_maxpool(tt_model *m, int32_t window, int32_t square)
{
    int32_t c, h, w;
    tt_layer *layer;
    current_shape(m, &c, &h, &w);
    layer = add_shaped(m, TT_LAYER_MAXPOOL, c, square ? extent(h, window, window, 0) : 1, extent(w, window, window, 0));
    layer->window_height = square ? window : 1;
    layer->window_width = window;
    layer->column_stride = window;
    layer->row_step = (square ? window : 1) * w;
    layer->row_gap = w - window;
}

static void add_flatten(tt_model *m)
{
    int32_t c, h, w;
    current_shape(m, &c, &h, &w);
    add_shaped(m, TT_LAYER_FLATTEN, c * h * w, 1, 1)->in_place = 1;
}

/* Xorshift32.NextInt(bound) */
static int32_t next_int(uint32_t *state, uint32_t bound)
{
    uint32_t x = tt_xorshift32(*state);
    uint64_t product = (uint64_t)x * bound;
    uint32_t low = (uint32_t)product;
    if (low < bound)
    {
        uint32_t threshold = (0u - bound) % bound;
        while (low < threshold)
        {
            x = tt_xorshift32(x);
            product = (uint64_t)x * bound;
            low = (uint32_t)product;
        }
    }

    *state = x;
    return (int32_t)(product >> 32);
}

/* WeightedLayer.KaimingExponent */
static int32_t kaiming_exponent(int32_t fan_in)
{
    int64_t target = (int64_t)16129 * fan_in;
    int32_t k = 0;
    while (((int64_t)6 << (2 * (k + 1))) <= target)
    {
        k++;
    }

    if (target >= ((int64_t)6 << (2 * k + 1)))
    {
        k++;
    }

    return k;
}

static int32_t max_i32(int32_t a, int32_t b) { return a > b ? a : b; }

static int32_t ceiling_divide(int32_t a, int32_t b) { return (a - 1) / b + 1; }

/* TrainingKernels.LaneLimit: filters one long sums, three for a kernel of fewer than 64 taps per channel */
static int32_t lane_limit(const tt_conv_geometry *g)
{
    int32_t lanes = g->kernel_height * g->kernel_width < 64 ? 3 : 2;
    return lanes < g->filters ? lanes : g->filters;
}

/*
 * MemoryPlan and LayerFactory.SegmentLength: the managed model's packed-weight scratch holds one backward
 * pass's kernels within 1/16 of the weight bytes; its accumulator row grows, within the same budget, to two
 * output rows of a convolution, or for a convolution to be summed in fewer segments; a convolution
 * sums lanes filters at once (LayerFactory.FiltersPerPass) and, when its row cannot hold them whole,
 * requantizes its output in segments. This model sums one filter at a time, but
 * requantizes in the same segments, so the bits are the same. Sets each convolution's segment_length and
 * raises *rows to the row steps it needs.
 */
static void plan_segments(tt_model *m, int32_t pass_row, int32_t *rows)
{
    int32_t weight_bytes = 0;
    int32_t row = pass_row;
    int32_t packed = 0;
    int32_t l;
    for (l = 0; l < m->count; l++)
    {
        tt_layer *layer = &m->layers[l];
        weight_bytes += layer->weight_count + 4 * layer->bias_count;
        if (layer->kind == TT_LAYER_CONV && lane_limit(&layer->geometry) >= 2)
        {
            const tt_conv_geometry *g = &layer->geometry;
            packed = max_i32(packed, layer->channels_per_pass * g->kernel_height * g->kernel_width);
        }
    }

    if ((int64_t)packed * 8 * 16 > weight_bytes)
    {
        packed = 0; /* MemoryPlan: the packed weights stay within 1/16 of the weight bytes */
    }

    /* MemoryPlan: the row grows for whole-row pairs, and for fewer segments (LayerFactory.SegmentRowLength) */
    for (l = 0; l < m->count; l++)
    {
        tt_layer *layer = &m->layers[l];
        if (layer->kind == TT_LAYER_CONV && layer->geometry.filters >= 2)
        {
            const tt_conv_geometry *g = &layer->geometry;
            int32_t positions = g->out_height * g->out_width;
            int32_t lanes = lane_limit(g);
            int32_t n;
            if ((int64_t)(2 * positions - pass_row) * 4 * 16 <= weight_bytes)
            {
                row = max_i32(row, 2 * positions);
            }

            for (n = 1; packed >= g->kernel_height * g->kernel_width && n <= positions; n++)
            {
                int64_t need = (int64_t)lanes * ceiling_divide(positions, n);
                if (need <= pass_row)
                {
                    break;
                }

                if ((need - pass_row) * 4 * 16 <= weight_bytes)
                {
                    row = max_i32(row, (int32_t)need);
                    break;
                }
            }
        }
    }

    for (l = 0; l < m->count; l++)
    {
        tt_layer *layer = &m->layers[l];
        if (layer->kind == TT_LAYER_CONV)
        {
            const tt_conv_geometry *g = &layer->geometry;
            int32_t positions = g->out_height * g->out_width;
            int32_t limit = lane_limit(g);
            int32_t lanes = 1;
            int32_t segments = 1;
            if (limit >= 2 && packed >= g->kernel_height * g->kernel_width)
            {
                int32_t whole = row / positions;
                lanes = whole >= 2 ? (whole >= limit ? limit : whole) : (limit <= row ? limit : (row >= 2 ? row : 1));
            }

            if ((int64_t)lanes * positions > row)
            {
                segments = 2;
                while ((int64_t)lanes * ceiling_divide(positions, segments) > row)
                {
                    segments++;
                }
            }

            layer->segment_length = ceiling_divide(positions, segments);
            *rows = max_i32(*rows, g->filters * ceiling_divide(positions, layer->segment_length));
        }
    }
}

static int32_t allocate(tt_model *m)
{
    int32_t l;
    int32_t acc = m->classes; /* MemoryPlan: the loss uses one int per class */
    int32_t errors = 0;
    int32_t gradients = 0;
    int32_t rows = 0;
    m->tensors[0].length = m->input_size;
    m->activations[0] = &m->tensors[0];
    for (l = 0; l < m->count; l++)
    {
        tt_layer *layer = &m->layers[l];
        int32_t shares = layer->in_place; /* LayerFactory.SharesInputBuffer: no catalog ReLU reads the model input */
        errors = max_i32(errors, max_i32(layer->in_size, layer->out_size));
        if (layer->kind == TT_LAYER_CONV)
        {
            /* LayerFactory.AccumulatorLength, RowCount: one filter's row, one channel's error row; the gradient row below */
            const tt_conv_geometry *g = &layer->geometry;
            acc = max_i32(acc, max_i32(g->out_height * g->out_width, l > 0 ? g->height * g->width : 0));
            rows = max_i32(rows, max_i32(g->filters, g->channels));
        }
        else if (layer->weight_count > 0)
        {
            acc = max_i32(acc, max_i32(l > 0 ? layer->in_size : 0, layer->out_size));
        }

        if (shares)
        {
            m->activations[l + 1] = m->activations[l];
        }
        else
        {
            m->activations[l + 1] = &m->tensors[l + 1];
            m->tensors[l + 1].data = (int8_t *)arena_take(layer->out_size);
            if (m->tensors[l + 1].data == NULL)
            {
                return -1;
            }
        }

        if (layer->weight_count > 0)
        {
            layer->weights = (int8_t *)arena_take(layer->weight_count);
            layer->biases = (int32_t *)arena_take(4 * layer->bias_count);
            if (layer->weights == NULL || layer->biases == NULL)
            {
                return -1;
            }
        }

        if (layer->kind == TT_LAYER_DENSE)
        {
            layer->nonzero_list = (int32_t *)arena_take(8 * layer->in_size + 8); /* + the end mark */
            if (layer->nonzero_list == NULL)
            {
                return -1;
            }
        }

        if (layer->kind == TT_LAYER_MAXPOOL)
        {
            layer->arg_max = (uint8_t *)arena_take(layer->out_size);
            if (layer->arg_max == NULL)
            {
                return -1;
            }
        }
    }

    /*
     * MemoryPlan.GradientRowLength: a convolution's backward pass takes as many input channels as one plane
     * each of the accumulator row holds (LayerFactory.ChannelsPerPass), its gradient row one filter's
     * kernels over them.
     */
    for (l = 0; l < m->count; l++)
    {
        tt_layer *layer = &m->layers[l];
        if (layer->kind == TT_LAYER_CONV)
        {
            const tt_conv_geometry *g = &layer->geometry;
            int32_t fit = acc / (g->height * g->width);
            layer->channels_per_pass = fit < 1 ? 1 : (fit > g->channels ? g->channels : fit);
            gradients = max_i32(gradients, layer->channels_per_pass * g->kernel_height * g->kernel_width);
        }
    }

    plan_segments(m, acc, &rows);
    m->accumulator_length = acc;
    m->error_length = errors;
    m->gradient_length = gradients;
    m->accumulators = (int32_t *)arena_take(4 * acc);
    m->gradients = (int32_t *)arena_take(4 * (gradients > 0 ? gradients : 1));
    m->row_steps = (int32_t *)arena_take(4 * (rows > 0 ? rows : 1)); /* one layer's at a time: the rows are aligned before the next layer runs */
    m->error_a.data = (int8_t *)arena_take(errors);
    m->error_b.data = (int8_t *)arena_take(errors);
    if (m->accumulators == NULL || m->gradients == NULL || m->row_steps == NULL || m->error_a.data == NULL || m->error_b.data == NULL)
    {
        return -1;
    }

    return 0;
}

/* Model.BelowIsReLU */
static int32_t below_is_relu(const tt_model *m, int32_t l)
{
    int32_t k;
    for (k = l - 1; k >= 0; k--)
    {
        int32_t kind = m->layers[k].kind;
        if (kind == TT_LAYER_RELU)
        {
            return 1;
        }

        if (kind != TT_LAYER_FLATTEN && kind != TT_LAYER_MAXPOOL)
        {
            return 0;
        }
    }

    return 0;
}

tt_model *tt_model_build(int32_t model, uint32_t seed, int32_t learning_rate_shift)
{
    tt_model *m = &s_model;
    int32_t l;
    {
        /* a fresh model: every field zero */
        uint8_t *bytes = (uint8_t *)m;
        size_t i;
        for (i = 0; i < sizeof(*m); i++)
        {
            bytes[i] = 0;
        }
    }

    s_arena_used = 0;
    s_current = NULL;
    switch (model)
    {
    case TT_MODEL_MNIST_MLP:
        set_input(m, 1, 1, 784); /* ModelCatalog: Shape.Vector(input.Size) */
        add_dense(m, 128);
        add_relu(m);
        add_dense(m, 10);
        break;
    case TT_MODEL_MNIST_LENET5:
        set_input(m, 1, 28, 28);
        add_conv(m, 6, 5, 1, 2, 1);
        add_relu(m);
        add_maxpool(m, 2, 1);
        add_conv(m, 16, 5, 1, 0, 1);
        add_relu(m);
        add_maxpool(m, 2, 1);
        add_flatten(m);
        add_dense(m, 120);
        add_relu(m);
        add_dense(m, 84);
        add_relu(m);
        add_dense(m, 10);
        break;
    case TT_MODEL_CWRU_FFT_MLP:
        set_input(m, 1, 1, 64);
        add_dense(m, 64);
        add_relu(m);
        add_dense(m, 10);
        break;
    case TT_MODEL_CWRU_CNN1D:
        set_input(m, 1, 1, 1024);
        add_conv(m, 8, 9, 2, 4, 0);
        add_relu(m);
        add_maxpool(m, 4, 0);
        add_conv(m, 16, 9, 1, 4, 0);
        add_relu(m);
        add_maxpool(m, 4, 0);
        add_flatten(m);
        add_dense(m, 10);
        break;
    default:
        return NULL;
    }

    m->classes = m->layers[m->count - 1].out_size;
    m->learning_rate = scale_make(learning_rate_shift, 0, 0);
    m->weight_check_interval = 32;
    m->random = seed == 0 ? 0x9E3779B9u : seed;
    if (allocate(m) != 0)
    {
        return NULL;
    }

    for (l = 1; l < m->count; l++)
    {
        m->layers[l].zero_inputs_drop_error = below_is_relu(m, l);
    }

    /* WeightedLayer.Initialize with initial upscaling, layer by layer from one PRNG */
    for (l = 0; l < m->count; l++)
    {
        tt_layer *layer = &m->layers[l];
        int32_t i;
        if (layer->weight_count == 0)
        {
            continue;
        }

        layer->weight_scale = scale_make(-kaiming_exponent(layer->fan_in), 0, 0);
        layer->bias_scale = scale_make(-20, 0, 0);
        for (i = 0; i < layer->weight_count; i++)
        {
            layer->weights[i] = (int8_t)(next_int(&m->random, 2 * 127 + 1) - 127);
        }

        clear_i32(layer->biases, layer->bias_count);
    }

    s_current = m;
    return m;
}

/* ---- accessors (host test, harness) ---- */

int32_t tt_bench_build(int32_t model, uint32_t seed, int32_t learning_rate_shift)
{
    return tt_model_build(model, seed, learning_rate_shift) == NULL ? -1 : 0;
}

int32_t tt_bench_layer_count(void)
{
    return s_current == NULL ? 0 : s_current->count;
}

int32_t tt_bench_layer_info(int32_t layer, int32_t *info)
{
    const tt_layer *p;
    if (s_current == NULL || layer < 0 || layer >= s_current->count)
    {
        return -1;
    }

    p = &s_current->layers[layer];
    info[0] = p->kind;
    info[1] = p->in_size;
    info[2] = p->out_size;
    info[3] = p->weight_count;
    info[4] = p->bias_count;
    info[5] = p->kind == TT_LAYER_CONV ? p->channels_per_pass : 0;
    return 0;
}

void tt_bench_buffers(int32_t *info)
{
    info[0] = s_current == NULL ? 0 : s_current->accumulator_length;
    info[1] = s_current == NULL ? 0 : s_current->gradient_length;
}

int8_t *tt_bench_weights(int32_t layer)
{
    return s_current == NULL ? NULL : s_current->layers[layer].weights;
}

int32_t *tt_bench_biases(int32_t layer)
{
    return s_current == NULL ? NULL : s_current->layers[layer].biases;
}

void tt_bench_weight_scale(int32_t layer, int32_t *scale)
{
    const tt_layer *p = &s_current->layers[layer];
    scale[0] = p->weight_scale.shift;
    scale[1] = p->weight_scale.up;
    scale[2] = p->weight_scale.down;
    scale[3] = p->updates_since_check;
}

int32_t tt_bench_train(const int8_t *input, int32_t input_log2_scale, int32_t label)
{
    return tt_model_train(s_current, input, input_log2_scale, label);
}

int32_t tt_bench_predict(const int8_t *input, int32_t input_log2_scale)
{
    return tt_model_predict(s_current, input, input_log2_scale);
}

int8_t *tt_bench_output(int32_t *info)
{
    const tt_tensor8 *out = s_current->activations[s_current->count];
    info[0] = out->scale.shift;
    info[1] = out->scale.up;
    info[2] = out->scale.down;
    info[3] = out->max_abs;
    info[4] = out->length;
    return out->data;
}

uint32_t tt_bench_random(void)
{
    return s_current == NULL ? 0 : s_current->random;
}
