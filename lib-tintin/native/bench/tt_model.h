/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * A whole Tin-Tin training step in C: lib-tintin's TinTin.Model (batch size 1, Tin-Tin mode) composed
 * from the native kernels of lib-tintin/native, in the managed engine's order and with its sizes:
 * forward (Dense, Conv2D/Conv1D, ReLU, max-pooling, Flatten), the integer softmax cross-entropy, then
 * backward from the last layer with the fused error propagation, weight update, bias update,
 * requantization and weight-range bookkeeping (AfterUpdate). The scale bookkeeping the kernels leave to
 * their caller (Scale, FixedMultiplier.FromPowers, LimitShift, UpdateMultiplier) is ported here.
 *
 * It exists to measure the native step (bench/run.sh: instructions on a Cortex-M3 under QEMU); the
 * host test tests/TinTin.Native.Tests/ModelStep compares it with lib-tintin's Model after every step.
 * C99, no heap (one static arena), no floating point, nothing from the C library.
 */
#ifndef TT_MODEL_H
#define TT_MODEL_H
#include "../tintin_native.h"

/** The catalog models (lib-tintin/Description/ModelCatalog.cs), in the order of its Names(). */
#define TT_MODEL_MNIST_MLP 0
#define TT_MODEL_MNIST_LENET5 1
#define TT_MODEL_CWRU_FFT_MLP 2
#define TT_MODEL_CWRU_CNN1D 3
#define TT_MODEL_CATALOG_COUNT 4

#define TT_LAYER_DENSE 0
#define TT_LAYER_CONV 1
#define TT_LAYER_RELU 2
#define TT_LAYER_MAXPOOL 3
#define TT_LAYER_FLATTEN 4

#define TT_MAX_LAYERS 16

/** TinTin.Scaling.Scale: 2^shift * 1.5^up * 0.75^down. */
typedef struct tt_scale
{
    int32_t shift;
    int32_t up;
    int32_t down;
} tt_scale;

/** TinTin.Scaling.Tensor8. */
typedef struct tt_tensor8
{
    int8_t *data;
    int32_t length;
    tt_scale scale;
    int32_t max_abs;
} tt_tensor8;

typedef struct tt_layer
{
    int32_t kind;
    int32_t in_channels, in_height, in_width;
    int32_t out_channels, out_height, out_width;
    int32_t in_size, out_size;
    int32_t in_place;
    int32_t zero_inputs_drop_error;
    /* convolution */
    tt_conv_geometry geometry;
    int32_t channels_per_pass; /* LayerFactory.ChannelsPerPass with the model's accumulator row: input channels per backward pass */
    int32_t segment_length;    /* LayerFactory.SegmentLength: output positions requantized as one row (all of them but in cwru-cnn1d's first layer) */
    /* max pooling */
    int32_t window_height, window_width, column_stride, row_step, row_gap;
    uint8_t *arg_max;
    /* weighted layers */
    int8_t *weights;
    int32_t weight_count;
    int32_t *biases;
    int32_t bias_count;
    int32_t fan_in;
    tt_scale weight_scale;
    tt_scale bias_scale;
    int32_t updates_since_check;
    /* Dense: the nonzero inputs of the current sample (tt_nonzero_inputs), built by the forward pass and reused by the update */
    int32_t *nonzero_list;
    int32_t nonzero;
} tt_layer;

typedef struct tt_model
{
    int32_t count;
    tt_layer layers[TT_MAX_LAYERS];
    tt_tensor8 tensors[TT_MAX_LAYERS + 1];
    tt_tensor8 *activations[TT_MAX_LAYERS + 1];
    tt_tensor8 error_a;
    tt_tensor8 error_b;
    int32_t *accumulators;
    int32_t *gradients;
    int32_t *row_steps; /* a convolution's row steps (packed) (filters forward, passes of input channels backward) until its rows are aligned */
    int32_t accumulator_length;
    int32_t error_length;
    int32_t gradient_length;
    uint32_t random;
    tt_scale learning_rate;
    int32_t weight_check_interval;
    int32_t input_channels, input_height, input_width;
    int32_t input_size;
    int32_t classes;
    int32_t last_loss;
} tt_model;

/**
 * Builds catalog model `model` (TT_MODEL_*) in the static arena, initialised as lib-tintin's Model with
 * TrainingOptions { Mode = TinTin, Seed = seed, LearningRate = 2^learning_rate_shift, InitialUpscale,
 * WeightCheckInterval = 32, BatchSize = 1 } (the bench's options). Returns the model, or NULL for an
 * unknown model or an arena too small.
 */
tt_model *tt_model_build(int32_t model, uint32_t seed, int32_t learning_rate_shift);

/** TinTin.Model.Predict: forward and the arg-max of the output. */
int32_t tt_model_predict(tt_model *m, const int8_t *input, int32_t input_log2_scale);

/** TinTin.Model.TrainStep: forward, loss, backward with fused updates. Returns the loss in Q16 nats. */
int32_t tt_model_train(tt_model *m, const int8_t *input, int32_t input_log2_scale, int32_t label);

/* Accessors for the host test (the model is the one tt_model_build returned last). */
int32_t tt_bench_build(int32_t model, uint32_t seed, int32_t learning_rate_shift);
int32_t tt_bench_layer_count(void);
/** kind, in_size, out_size, weight_count, bias_count, channels per backward pass (convolutions, else 0) into info[0..6); returns 0, or -1 for a bad layer. */
int32_t tt_bench_layer_info(int32_t layer, int32_t *info);
/** The accumulator row's and the gradient row's lengths (ints) into info[0..2) (MemoryPlan.AccumulatorLength, GradientRowLength). */
void tt_bench_buffers(int32_t *info);
int8_t *tt_bench_weights(int32_t layer);
int32_t *tt_bench_biases(int32_t layer);
/** shift, up, down of the layer's weight scale, updates since check into scale[0..4). */
void tt_bench_weight_scale(int32_t layer, int32_t *scale);
int32_t tt_bench_train(const int8_t *input, int32_t input_log2_scale, int32_t label);
int32_t tt_bench_predict(const int8_t *input, int32_t input_log2_scale);
/** The output tensor: data pointer; shift, up, down, max_abs, length into info[0..5). */
int8_t *tt_bench_output(int32_t *info);
uint32_t tt_bench_random(void);

#endif /* TT_MODEL_H */
