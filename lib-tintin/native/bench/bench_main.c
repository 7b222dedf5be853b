/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * The Cortex-M3 benchmark (run.sh builds and runs it under QEMU): for every catalog model, inference and
 * training steps of the native Tin-Tin model (tt_model.c, the lib-tintin/native kernels) and of the
 * soft-float FP32 reference (fp32_model.c), from the same initial weights on the same samples. Each
 * measured call sits between two tt_bench_mark() calls; the QEMU plugin records the instruction count
 * at every mark and run.sh pairs the counts with the REGION lines printed here, in order.
 *
 * Per model: 8 inferences of each engine with the initial weights (samples 0..7), then 8 training steps
 * of each engine (samples 0..7 in order, the int8 and FP32 steps interleaved, each model on its own
 * weights). The RESULT lines carry the int8 losses and a CRC-32 of the int8 weights after the 8 steps,
 * which the host test compares with lib-tintin's managed Model on the same samples.
 */
#include "bench_samples.h"
#include "fp32_model.h"
#include "harness.h"
#include "tt_model.h"

static float s_input[1024];
static char s_line[160];
static int32_t s_length;

static void put(const char *text)
{
    while (*text != 0 && s_length < (int32_t)sizeof(s_line) - 2)
    {
        s_line[s_length++] = *text++;
    }
}

static void put_int(int64_t value)
{
    char digits[24];
    int32_t n = 0;
    uint64_t magnitude = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
    if (value < 0)
    {
        put("-");
    }

    do
    {
        digits[n++] = (char)('0' + (int32_t)(magnitude % 10u));
        magnitude /= 10u;
    } while (magnitude != 0);

    while (n > 0 && s_length < (int32_t)sizeof(s_line) - 2)
    {
        s_line[s_length++] = digits[--n];
    }
}

static void put_hex(uint32_t value)
{
    int32_t shift;
    for (shift = 28; shift >= 0; shift -= 4)
    {
        uint32_t digit = (value >> shift) & 15u;
        char c[2];
        c[0] = (char)(digit < 10 ? '0' + (int32_t)digit : 'a' + (int32_t)digit - 10);
        c[1] = 0;
        put(c);
    }
}

static void line(void)
{
    s_line[s_length++] = '\n';
    s_line[s_length] = 0;
    tt_print(s_line);
    s_length = 0;
}

static void region(const char *model, const char *engine, const char *kind, int32_t sample)
{
    put("REGION ");
    put(model);
    put(" ");
    put(engine);
    put(" ");
    put(kind);
    put(" ");
    put_int(sample);
    line();
}

/* CRC-32 (IEEE, reflected), as TinTin.Persistence.Crc32, over every weight of every layer in order. */
static uint32_t weights_crc(const tt_model *m)
{
    uint32_t crc = 0xFFFFFFFFu;
    int32_t l;
    for (l = 0; l < m->count; l++)
    {
        int32_t i;
        for (i = 0; i < m->layers[l].weight_count; i++)
        {
            int32_t bit;
            crc ^= (uint8_t)m->layers[l].weights[i];
            for (bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
            }
        }
    }

    return ~crc;
}

static const char *const s_names[TT_MODEL_CATALOG_COUNT] = { "mnist-mlp", "mnist-lenet5", "cwru-fft-mlp", "cwru-cnn1d" };

int main(void)
{
    int32_t model;
    tt_print("tintin-bench cortex-m3\n");

    tt_bench_mark();
    tt_bench_mark();
    region("calibration", "-", "empty", 0);
    tt_bench_mark();
    tt_bench_calibration_loop(1000);
    tt_bench_mark();
    region("calibration", "-", "loop", 1000);
    tt_bench_mark();
    tt_bench_calibration_loop(3000);
    tt_bench_mark();
    region("calibration", "-", "loop", 3000);

    for (model = 0; model < TT_MODEL_CATALOG_COUNT; model++)
    {
        const char *name = s_names[model];
        int32_t rate = model == TT_MODEL_MNIST_LENET5 ? -7 : -6;
        tt_model *im = tt_model_build(model, 1, rate);
        fp32_model *fm = im == NULL ? NULL : fp32_model_build(im, rate == -7 ? 0.0078125f : 0.015625f);
        int32_t s;
        int32_t losses[TT_BENCH_SAMPLES];
        int32_t float_losses[TT_BENCH_SAMPLES];
        if (im == NULL || fm == NULL)
        {
            tt_print("FAIL: a model does not fit its arena\n");
            return 1;
        }

        for (s = 0; s < TT_BENCH_SAMPLES; s++)
        {
            int32_t length, scale, label;
            const int8_t *q = tt_bench_sample(model, s, &length, &scale, &label);
            volatile int32_t predicted;
            fp32_input(q, length, scale, s_input);
            tt_bench_mark();
            predicted = tt_model_predict(im, q, scale);
            tt_bench_mark();
            region(name, "int8", "infer", s);
            tt_bench_mark();
            predicted = fp32_model_predict(fm, s_input);
            tt_bench_mark();
            region(name, "fp32", "infer", s);
            (void)predicted;
        }

        for (s = 0; s < TT_BENCH_SAMPLES; s++)
        {
            int32_t length, scale, label;
            const int8_t *q = tt_bench_sample(model, s, &length, &scale, &label);
            float loss;
            fp32_input(q, length, scale, s_input);
            tt_bench_mark();
            losses[s] = tt_model_train(im, q, scale, label);
            tt_bench_mark();
            region(name, "int8", "train", s);
            tt_bench_mark();
            loss = fp32_model_train(fm, s_input, label);
            tt_bench_mark();
            region(name, "fp32", "train", s);
            float_losses[s] = (int32_t)(loss * 65536.0f);
        }

        put("RESULT ");
        put(name);
        put(" int8-weights-crc ");
        put_hex(weights_crc(im));
        put(" random ");
        put_hex(im->random);
        put(" int8-losses-q16");
        for (s = 0; s < TT_BENCH_SAMPLES; s++)
        {
            put(" ");
            put_int(losses[s]);
        }

        line();
        put("RESULT ");
        put(name);
        put(" fp32-losses-q16");
        for (s = 0; s < TT_BENCH_SAMPLES; s++)
        {
            put(" ");
            put_int(float_losses[s]);
        }

        line();
    }

    tt_print("DONE\n");
    return 0;
}
