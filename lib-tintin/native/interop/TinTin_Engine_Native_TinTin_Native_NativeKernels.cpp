//-----------------------------------------------------------------------------
//
// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
//
// The native bodies of TinTin.Native.NativeKernels (lib-tintin/interop/NativeKernels.cs): each one
// unpacks its arguments from the managed stack frame, checks every array range, calls the C kernel
// (lib-tintin/native, tintin_native.h) and sets the result. Hand-written, in the form of the
// metadata processor's stubs for a library "without interop code" (the form of nf-interpreter's own
// class libraries: HRESULT Library_<assembly>_<class>::<declaration>(CLR_RT_StackFrame &stack)).
// The declarations are in the generated TinTin_Engine_Native.h; tests/TinTin.Native.Tests
// (InteropSkeletonTests) checks that every one is defined here.
//
// Errors, raised in the caller as managed exceptions: a required array that is null:
// CLR_E_ARGUMENT_NULL (ArgumentNullException); an offset/length range outside its array:
// CLR_E_INDEX_OUT_OF_RANGE (IndexOutOfRangeException); a negative size, an inconsistent convolution
// geometry, a filter, channel, label or class count outside the kernel's contract: CLR_E_OUT_OF_RANGE
// (ArgumentOutOfRangeException). Nothing is written when an argument is rejected.
//
//-----------------------------------------------------------------------------

#include "TinTin_Engine_Native.h"

extern "C"
{
#include "tintin_native.h"
}

namespace
{

// The array argument `arg` viewed from element `offset` on, checked to hold `count` elements of
// `size` bytes. A null array is CLR_E_ARGUMENT_NULL, unless `optional` (then *first is NULL and
// offset and count are not checked).
HRESULT Span(CLR_RT_HeapBlock &arg, CLR_INT32 offset, CLR_INT64 count, CLR_UINT32 size, bool optional, CLR_UINT8 **first)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock_Array *array = arg.DereferenceArray();
    *first = NULL;
    if (array == NULL)
    {
        if (optional)
        {
            NANOCLR_SET_AND_LEAVE(S_OK);
        }

        NANOCLR_SET_AND_LEAVE(CLR_E_ARGUMENT_NULL);
    }

    if (array->m_sizeOfElement != size)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    if (offset < 0 || count < 0 || (CLR_INT64)offset + count > (CLR_INT64)array->m_numOfElements)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INDEX_OUT_OF_RANGE);
    }

    *first = array->GetFirstElement() + (CLR_UINT32)offset * size;

    NANOCLR_NOCLEANUP();
}

HRESULT Bytes(CLR_RT_HeapBlock &arg, CLR_INT32 offset, CLR_INT64 count, int8_t **first)
{
    return Span(arg, offset, count, 1, false, (CLR_UINT8 **)first);
}

// Dense weights stored eight to a long (PackedDense): the long[] argument viewed as the int8 matrix it
// is in little-endian memory, from byte `offset` on, checked to hold `count` bytes.
HRESULT PackedBytes(CLR_RT_HeapBlock &arg, CLR_INT32 offset, CLR_INT64 count, int8_t **first)
{
    NANOCLR_HEADER();

    CLR_UINT8 *longs;
    NANOCLR_CHECK_HRESULT(Span(arg, 0, 0, 8, false, &longs));
    if (offset < 0 || count < 0 || (CLR_INT64)offset + count > 8 * (CLR_INT64)arg.DereferenceArray()->m_numOfElements)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INDEX_OUT_OF_RANGE);
    }

    *first = (int8_t *)(longs + (CLR_UINT32)offset);

    NANOCLR_NOCLEANUP();
}

HRESULT Ints(CLR_RT_HeapBlock &arg, CLR_INT32 offset, CLR_INT64 count, int32_t **first)
{
    return Span(arg, offset, count, 4, false, (CLR_UINT8 **)first);
}

HRESULT OptionalInts(CLR_RT_HeapBlock &arg, CLR_INT32 offset, CLR_INT64 count, int32_t **first)
{
    return Span(arg, offset, count, 4, true, (CLR_UINT8 **)first);
}

CLR_INT32 I4(CLR_RT_HeapBlock &arg)
{
    return arg.NumericByRef().s4;
}

// A convolution geometry from the int[12] argument (NativeKernels.GeometryLength), checked as
// ModelSpec computes it: positive sizes, strides >= 1, paddings >= 0, out sizes
// (size + 2 * padding - kernel) / stride + 1, and every tensor's element count below 2^31.
HRESULT Geometry(CLR_RT_HeapBlock &arg, tt_conv_geometry *g)
{
    NANOCLR_HEADER();

    int32_t *v;
    NANOCLR_CHECK_HRESULT(Ints(arg, 0, 12, &v));
    g->channels = v[0];
    g->height = v[1];
    g->width = v[2];
    g->filters = v[3];
    g->kernel_height = v[4];
    g->kernel_width = v[5];
    g->stride_y = v[6];
    g->stride_x = v[7];
    g->padding_y = v[8];
    g->padding_x = v[9];
    g->out_height = v[10];
    g->out_width = v[11];

    {
        const CLR_INT64 padded_height = (CLR_INT64)g->height + 2 * (CLR_INT64)g->padding_y;
        const CLR_INT64 padded_width = (CLR_INT64)g->width + 2 * (CLR_INT64)g->padding_x;
        if (g->channels < 1 || g->height < 1 || g->width < 1 || g->filters < 1 || g->kernel_height < 1 ||
            g->kernel_width < 1 || g->stride_y < 1 || g->stride_x < 1 || g->padding_y < 0 || g->padding_x < 0 ||
            padded_height < g->kernel_height || padded_width < g->kernel_width ||
            g->out_height != (padded_height - g->kernel_height) / g->stride_y + 1 ||
            g->out_width != (padded_width - g->kernel_width) / g->stride_x + 1)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
        }

        const CLR_INT64 limit = 0x7FFFFFFF;
        if ((CLR_INT64)g->channels * g->height * g->width > limit ||
            (CLR_INT64)g->filters * g->channels * g->kernel_height * g->kernel_width > limit ||
            (CLR_INT64)g->filters * g->out_height * g->out_width > limit)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
        }
    }

    NANOCLR_NOCLEANUP();
}

CLR_INT64 InputSize(const tt_conv_geometry &g)
{
    return (CLR_INT64)g.channels * g.height * g.width;
}

CLR_INT64 WeightCount(const tt_conv_geometry &g)
{
    return (CLR_INT64)g.filters * g.channels * g.kernel_height * g.kernel_width;
}

CLR_INT64 OutputSize(const tt_conv_geometry &g)
{
    return (CLR_INT64)g.filters * g.out_height * g.out_width;
}

// One filter's output row (tt_conv_forward writes one filter at a time).
CLR_INT64 RowSize(const tt_conv_geometry &g)
{
    return (CLR_INT64)g.out_height * g.out_width;
}

void StoreStep(const tt_rescale_step &step, int32_t *to)
{
    to[0] = step.shift;
    to[1] = step.up;
    to[2] = step.down;
    to[3] = step.result_max_abs;
}

} // namespace

// int DenseForward(long[] weights, int weightsOffset, sbyte[] x, int xOffset, int inputs, int outputs, int hasBias, int sparse, int[] acc, int accOffset)
HRESULT Library_TinTin_Engine_Native_TinTin_Native_NativeKernels::
    DenseForward___STATIC__I4__SZARRAY_I8__I4__SZARRAY_I1__I4__I4__I4__I4__I4__SZARRAY_I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int8_t *weights;
    int8_t *x;
    int32_t *acc;
    const CLR_INT32 inputs = I4(stack.Arg4());
    const CLR_INT32 outputs = I4(stack.Arg5());
    if (inputs < 0 || outputs < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(PackedBytes(stack.Arg0(), I4(stack.Arg1()), (CLR_INT64)inputs * outputs, &weights));
    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg2(), I4(stack.Arg3()), inputs, &x));
    NANOCLR_CHECK_HRESULT(Ints(stack.ArgN(8), I4(stack.ArgN(9)), outputs, &acc));

    stack.SetResult_I4(tt_dense_forward(weights, x, inputs, outputs, I4(stack.Arg6()) != 0, I4(stack.Arg7()) != 0, acc));

    NANOCLR_NOCLEANUP();
}

// int NonzeroInputs(sbyte[] x, int xOffset, int count, int[] list)
HRESULT Library_TinTin_Engine_Native_TinTin_Native_NativeKernels::NonzeroInputs___STATIC__I4__SZARRAY_I1__I4__I4__SZARRAY_I4(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int8_t *x;
    int32_t *list;
    const CLR_INT32 count = I4(stack.Arg2());
    if (count < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg0(), I4(stack.Arg1()), count, &x));
    NANOCLR_CHECK_HRESULT(Ints(stack.Arg3(), 0, 2 * (CLR_INT64)count + 2, &list));

    stack.SetResult_I4(tt_nonzero_inputs(x, count, list));

    NANOCLR_NOCLEANUP();
}

// int DenseForwardNonzero(long[] weights, int weightsOffset, int[] list, int nonzero, int inputs, int outputs, int hasBias, int[] acc, int accOffset)
HRESULT Library_TinTin_Engine_Native_TinTin_Native_NativeKernels::
    DenseForwardNonzero___STATIC__I4__SZARRAY_I8__I4__SZARRAY_I4__I4__I4__I4__I4__SZARRAY_I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int8_t *weights;
    int32_t *list;
    int32_t *acc;
    const CLR_INT32 nonzero = I4(stack.Arg3());
    const CLR_INT32 inputs = I4(stack.Arg4());
    const CLR_INT32 outputs = I4(stack.Arg5());
    if (nonzero < 0 || inputs < 0 || outputs < 0 || nonzero > inputs)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(PackedBytes(stack.Arg0(), I4(stack.Arg1()), (CLR_INT64)inputs * outputs, &weights));
    NANOCLR_CHECK_HRESULT(Ints(stack.Arg2(), 0, 2 * (CLR_INT64)nonzero, &list));
    NANOCLR_CHECK_HRESULT(Ints(stack.ArgN(7), I4(stack.ArgN(8)), outputs, &acc));

    // The kernel indexes each weight row with the listed input numbers: every one must be inside the row.
    for (CLR_INT32 k = 0; k < nonzero; k++)
    {
        if (list[2 * k] < 0 || list[2 * k] >= inputs)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_INDEX_OUT_OF_RANGE);
        }
    }

    stack.SetResult_I4(tt_dense_forward_nonzero(weights, list, nonzero, inputs, outputs, I4(stack.Arg6()) != 0, acc));

    NANOCLR_NOCLEANUP();
}

// int RowUpdateTinTin(long[] weights, int offset, int error, sbyte[] inputs, int inputsOffset, int count, int mantissa, int shift, uint dither)
HRESULT Library_TinTin_Engine_Native_TinTin_Native_NativeKernels::
    RowUpdateTinTin___STATIC__I4__SZARRAY_I8__I4__I4__SZARRAY_I1__I4__I4__I4__I4__U4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int8_t *row;
    int8_t *inputs;
    const CLR_INT32 count = I4(stack.Arg5());
    if (count < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(PackedBytes(stack.Arg0(), I4(stack.Arg1()), count, &row));
    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg3(), I4(stack.Arg4()), count, &inputs));

    // row already points at weights[offset]: the kernel's offset is 0.
    stack.SetResult_I4(tt_row_update_tintin(
        row,
        0,
        I4(stack.Arg2()),
        inputs,
        count,
        I4(stack.Arg6()),
        I4(stack.Arg7()),
        stack.ArgN(8).NumericByRef().u4));

    NANOCLR_NOCLEANUP();
}

// int RowUpdateTinTinPropagating(long[] weights, int offset, int error, sbyte[] inputs, int inputsOffset, int count, int mantissa, int shift, uint dither, int[] inputError, int inputErrorOffset)
HRESULT Library_TinTin_Engine_Native_TinTin_Native_NativeKernels::
    RowUpdateTinTinPropagating___STATIC__I4__SZARRAY_I8__I4__I4__SZARRAY_I1__I4__I4__I4__I4__U4__SZARRAY_I4__I4(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int8_t *row;
    int8_t *inputs;
    int32_t *input_error;
    const CLR_INT32 count = I4(stack.Arg5());
    if (count < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(PackedBytes(stack.Arg0(), I4(stack.Arg1()), count, &row));
    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg3(), I4(stack.Arg4()), count, &inputs));
    NANOCLR_CHECK_HRESULT(Ints(stack.ArgN(9), I4(stack.ArgN(10)), count, &input_error));

    stack.SetResult_I4(tt_row_update_tintin_propagating(
        row,
        0,
        I4(stack.Arg2()),
        inputs,
        count,
        I4(stack.Arg6()),
        I4(stack.Arg7()),
        stack.ArgN(8).NumericByRef().u4,
        input_error));

    NANOCLR_NOCLEANUP();
}

// int RowUpdateNiti(long[] weights, int offset, int error, sbyte[] inputs, int inputsOffset, int count, int shift, int[] inputError, int inputErrorOffset)
HRESULT Library_TinTin_Engine_Native_TinTin_Native_NativeKernels::
    RowUpdateNiti___STATIC__I4__SZARRAY_I8__I4__I4__SZARRAY_I1__I4__I4__I4__SZARRAY_I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int8_t *row;
    int8_t *inputs;
    int32_t *input_error;
    const CLR_INT32 count = I4(stack.Arg5());
    if (count < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(PackedBytes(stack.Arg0(), I4(stack.Arg1()), count, &row));
    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg3(), I4(stack.Arg4()), count, &inputs));
    NANOCLR_CHECK_HRESULT(OptionalInts(stack.Arg7(), I4(stack.ArgN(8)), count, &input_error));

    stack.SetResult_I4(tt_row_update_niti(row, 0, I4(stack.Arg2()), inputs, count, I4(stack.Arg6()), input_error));

    NANOCLR_NOCLEANUP();
}

// void ConvForward(int[] geometry, int filter, sbyte[] weights, sbyte[] x, int xOffset, int sparse, int[] acc, int accOffset)
HRESULT Library_TinTin_Engine_Native_TinTin_Native_NativeKernels::
    ConvForward___STATIC__VOID__SZARRAY_I4__I4__SZARRAY_I1__SZARRAY_I1__I4__I4__SZARRAY_I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    tt_conv_geometry g;
    int8_t *weights;
    int8_t *x;
    int32_t *acc;
    const CLR_INT32 filter = I4(stack.Arg1());
    NANOCLR_CHECK_HRESULT(Geometry(stack.Arg0(), &g));
    if (filter < 0 || filter >= g.filters)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg2(), 0, WeightCount(g), &weights));
    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg3(), I4(stack.Arg4()), InputSize(g), &x));
    NANOCLR_CHECK_HRESULT(Ints(stack.Arg6(), I4(stack.Arg7()), RowSize(g), &acc));

    tt_conv_forward(&g, filter, weights, x, I4(stack.Arg5()) != 0, acc);

    NANOCLR_NOCLEANUP();
}

// void ConvForwardRange(int[] geometry, int filter, sbyte[] weights, sbyte[] x, int xOffset, int start, int count, int[] acc, int accOffset)
HRESULT Library_TinTin_Engine_Native_TinTin_Native_NativeKernels::
    ConvForwardRange___STATIC__VOID__SZARRAY_I4__I4__SZARRAY_I1__SZARRAY_I1__I4__I4__I4__SZARRAY_I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    tt_conv_geometry g;
    int8_t *weights;
    int8_t *x;
    int32_t *acc;
    const CLR_INT32 filter = I4(stack.Arg1());
    const CLR_INT32 start = I4(stack.Arg5());
    const CLR_INT32 count = I4(stack.Arg6());
    NANOCLR_CHECK_HRESULT(Geometry(stack.Arg0(), &g));
    if (filter < 0 || filter >= g.filters || start < 0 || count < 1 || (CLR_INT64)start + count > RowSize(g))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg2(), 0, WeightCount(g), &weights));
    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg3(), I4(stack.Arg4()), InputSize(g), &x));
    NANOCLR_CHECK_HRESULT(Ints(stack.Arg7(), I4(stack.ArgN(8)), count, &acc));

    tt_conv_forward_range(&g, filter, weights, x, start, count, acc);

    NANOCLR_NOCLEANUP();
}

// void ConvGradient(int[] geometry, int filter, int firstChannel, int channelCount, sbyte[] weights, sbyte[] x, int xOffset, sbyte[] errors, int errorsOffset, int[] gradient, int sparse, int[] errorAcc, int errorAccOffset)
HRESULT Library_TinTin_Engine_Native_TinTin_Native_NativeKernels::
    ConvGradient___STATIC__VOID__SZARRAY_I4__I4__I4__I4__SZARRAY_I1__SZARRAY_I1__I4__SZARRAY_I1__I4__SZARRAY_I4__I4__SZARRAY_I4__I4(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    tt_conv_geometry g;
    int8_t *weights;
    int8_t *x;
    int8_t *errors;
    int32_t *gradient;
    int32_t *error_acc;
    const CLR_INT32 filter = I4(stack.Arg1());
    const CLR_INT32 first_channel = I4(stack.Arg2());
    const CLR_INT32 channel_count = I4(stack.Arg3());
    NANOCLR_CHECK_HRESULT(Geometry(stack.Arg0(), &g));
    if (filter < 0 || filter >= g.filters || first_channel < 0 || channel_count < 1 || channel_count > g.channels - first_channel)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg4(), 0, WeightCount(g), &weights));
    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg5(), I4(stack.Arg6()), InputSize(g), &x));
    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg7(), I4(stack.ArgN(8)), OutputSize(g), &errors));
    NANOCLR_CHECK_HRESULT(Ints(stack.ArgN(9), 0, (CLR_INT64)channel_count * g.kernel_height * g.kernel_width, &gradient));
    NANOCLR_CHECK_HRESULT(OptionalInts(stack.ArgN(11), I4(stack.ArgN(12)), (CLR_INT64)channel_count * g.height * g.width, &error_acc));

    tt_conv_gradient(&g, filter, first_channel, channel_count, weights, x, errors, gradient, I4(stack.ArgN(10)) != 0, error_acc);

    NANOCLR_NOCLEANUP();
}

// int Requantize(int[] acc, int accOffset, int count, int maxAbs, int compound, sbyte[] destination, int destinationOffset, int[] step)
HRESULT Library_TinTin_Engine_Native_TinTin_Native_NativeKernels::
    Requantize___STATIC__I4__SZARRAY_I4__I4__I4__I4__I4__SZARRAY_I1__I4__SZARRAY_I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int32_t *acc;
    int8_t *destination;
    int32_t *step_out;
    tt_rescale_step step;
    const CLR_INT32 count = I4(stack.Arg2());
    if (count < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(Ints(stack.Arg0(), I4(stack.Arg1()), count, &acc));
    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg5(), I4(stack.Arg6()), count, &destination));
    NANOCLR_CHECK_HRESULT(Ints(stack.Arg7(), 0, 4, &step_out));

    {
        const int32_t compound = tt_requantize(acc, count, I4(stack.Arg3()), I4(stack.Arg4()), destination, &step);
        StoreStep(step, step_out);
        stack.SetResult_I4(compound);
    }

    NANOCLR_NOCLEANUP();
}

// void SoftmaxCrossEntropy(sbyte[] logits, int logitsOffset, int classes, int label, long factor, int shift, int compound, int[] scratch, sbyte[] error, int errorOffset, int[] stepAndLoss)
HRESULT Library_TinTin_Engine_Native_TinTin_Native_NativeKernels::
    SoftmaxCrossEntropy___STATIC__VOID__SZARRAY_I1__I4__I4__I4__I8__I4__I4__SZARRAY_I4__SZARRAY_I1__I4__SZARRAY_I4(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int8_t *logits;
    int32_t *scratch;
    int8_t *error;
    int32_t *step_and_loss;
    tt_rescale_step step;
    int32_t loss;
    const CLR_INT32 classes = I4(stack.Arg2());
    const CLR_INT32 label = I4(stack.Arg3());
    const CLR_INT64 factor = (CLR_INT64)stack.Arg4().NumericByRef().s8;
    if (classes < 1 || classes > 65535 || label < 0 || label >= classes)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(Bytes(stack.Arg0(), I4(stack.Arg1()), classes, &logits));
    NANOCLR_CHECK_HRESULT(Ints(stack.Arg7(), 0, classes, &scratch));
    NANOCLR_CHECK_HRESULT(Bytes(stack.ArgN(8), I4(stack.ArgN(9)), classes, &error));
    NANOCLR_CHECK_HRESULT(Ints(stack.ArgN(10), 0, 5, &step_and_loss));

    if (tt_softmax_xent(logits, classes, label, factor, I4(stack.Arg5()), I4(stack.Arg6()), scratch, error, &step, &loss) != TT_OK)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    StoreStep(step, step_and_loss);
    step_and_loss[4] = loss;

    NANOCLR_NOCLEANUP();
}
