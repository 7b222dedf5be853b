/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
/*
 * The TinTin native kernels: C99 twins of lib-tintin's hot managed kernels, bit-exact with them
 * (tests/TinTin.Native.Tests compares every output and counter on randomized cases). No heap, no
 * floating point, no C library beyond <stdint.h> and <stddef.h>. See docs/native-kernels.md.
 */
#ifndef TINTIN_NATIVE_H
#define TINTIN_NATIVE_H

#include "tt_types.h"
#include "tt_magnitude.h"
#include "tt_dense_forward.h"
#include "tt_dense_error.h"
#include "tt_dense_update.h"
#include "tt_row_update.h"
#include "tt_weight_update.h"
#include "tt_conv_forward.h"
#include "tt_conv_error.h"
#include "tt_conv_gradient.h"
#include "tt_bias.h"
#include "tt_requantize.h"
#include "tt_rescale.h"
#include "tt_softmax_xent.h"

#endif /* TINTIN_NATIVE_H */
