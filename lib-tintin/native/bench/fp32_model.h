/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * The FP32 reference of the benchmark: tools/TinTin.Reference (Fp32Network: plain SGD at batch size 1,
 * softmax cross-entropy with the largest logit subtracted) written in plain C float code, with the same
 * layer shapes and weight layouts as the integer model it is built from, and that model's initial
 * weights as real values. Compiled for a core without FPU (-mfloat-abi=soft), every float operation is
 * a libgcc soft-float call; expf/logf come from the C library (newlib), 10 and 1 calls per step.
 *
 * It gets the integer engine's algorithmic shortcuts, each skipping exact zeros only (the losses do
 * not change), with an integer test of the float's bits instead of a soft-float compare: Dense layers
 * gather their nonzero inputs once per sample for the forward sums and the update (and, above a ReLU,
 * the input error); convolutions skip zero inputs in the forward sums when at least a quarter are
 * zero, and in the gradient and the fused input error, and skip zero gradients in the update; rows
 * and output positions with a zero error are skipped.
 */
#ifndef FP32_MODEL_H
#define FP32_MODEL_H
#include "tt_model.h"

typedef struct fp32_layer
{
    const tt_layer *shape; /* the integer layer with the same shapes (kind, sizes, geometry, pooling) */
    float *weights;
    float *biases;
    uint8_t *arg_max;
    int32_t *nonzero_indices; /* Dense: the inputs that are not 0 in the current sample, gathered by the forward pass */
    int32_t nonzero;
} fp32_layer;

typedef struct fp32_model
{
    int32_t count;
    fp32_layer layers[TT_MAX_LAYERS];
    float *activations[TT_MAX_LAYERS + 1];
    float *error_a;
    float *error_b;
    float *gradient_row;
    int32_t input_size;
    int32_t classes;
    float rate;
    float last_loss;
} fp32_model;

/** Builds the FP32 twin of `source` (its current weights as real values, its biases at 2^-20), learning rate `rate`. NULL when the arena is too small. */
fp32_model *fp32_model_build(const tt_model *source, float rate);

/** The real values q * 2^log2_scale of an int8 sample, as the bench's SampleSet gives the FP32 reference. */
void fp32_input(const int8_t *q, int32_t count, int32_t log2_scale, float *x);

/** Fp32Network.Predict: forward and the arg-max of the logits. */
int32_t fp32_model_predict(fp32_model *m, const float *input);

/** Fp32Network.TrainStep: forward, softmax cross-entropy, fused backward and update. Returns the loss in nats. */
float fp32_model_train(fp32_model *m, const float *input, int32_t label);

#endif /* FP32_MODEL_H */
