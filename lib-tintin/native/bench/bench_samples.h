/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/* The benchmark's samples (bench_samples.c, written by make_samples.sh from the bench's data pipeline). */
#ifndef BENCH_SAMPLES_H
#define BENCH_SAMPLES_H
#include <stdint.h>

/** Samples per model: 8 training samples evenly spread over the training split. */
#define TT_BENCH_SAMPLES 8

/**
 * Sample `index` of catalog model `model` (TT_MODEL_*): the int8 values, their count, the power of two
 * they are scaled by, and the label; NULL for a bad model or index.
 */
const int8_t *tt_bench_sample(int32_t model, int32_t index, int32_t *length, int32_t *log2_scale, int32_t *label);

#endif /* BENCH_SAMPLES_H */
