// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
//
// Test driver (tests/TinTin.Native.Tests, InteropGlueTests; never part of a firmware): calls every
// native method of TinTin.Engine.Native through the generated lookup table
// (g_CLR_AssemblyNative_TinTin_Engine_Native), with arguments on a stand-in stack frame, and checks
// each result and output array against the C kernel called directly; then checks that bad ranges,
// null arrays and bad sizes are rejected with the documented HRESULT and write nothing.
// Prints one line per failed check and "glue: N checks, F failed"; exits 1 on a failure.

#include "TinTin_Engine_Native.h"

extern "C"
{
#include "tintin_native.h"
}

#include <stdio.h>
#include <string.h>
#include <algorithm>
#include <vector>

namespace
{

int checks = 0;
int failures = 0;

void Check(bool ok, const char *what, int line)
{
    checks++;
    if (!ok)
    {
        failures++;
        printf("FAILED line %d: %s\n", line, what);
    }
}

#define CHECK(cond) Check((cond), #cond, __LINE__)

uint32_t seed = 12345u;

int32_t Next(int32_t lo, int32_t hi)
{
    seed = seed * 1664525u + 1013904223u;
    return lo + (int32_t)((seed >> 8) % (uint32_t)(hi - lo + 1));
}

std::vector<int8_t> Bytes(size_t n, int32_t lo = -127, int32_t hi = 127, int zero_percent = 30)
{
    std::vector<int8_t> v(n);
    for (size_t i = 0; i < n; i++)
    {
        v[i] = Next(0, 99) < zero_percent ? 0 : (int8_t)Next(lo, hi);
    }
    return v;
}

std::vector<int32_t> Ints(size_t n, int32_t lo, int32_t hi)
{
    std::vector<int32_t> v(n);
    for (size_t i = 0; i < n; i++)
    {
        v[i] = Next(lo, hi);
    }
    return v;
}

// Managed arrays: a heap-block array header over a vector's storage.
struct Arrays
{
    std::vector<CLR_RT_HeapBlock_Array *> all;

    ~Arrays()
    {
        for (size_t i = 0; i < all.size(); i++)
        {
            delete all[i];
        }
    }

    CLR_RT_HeapBlock_Array *Of(void *data, size_t count, CLR_UINT8 size)
    {
        CLR_RT_HeapBlock_Array *a = new CLR_RT_HeapBlock_Array();
        a->m_numOfElements = (CLR_UINT32)count;
        a->m_sizeOfElement = size;
        a->m_typeOfElement = 0;
        a->m_elements = (CLR_UINT8 *)data;
        all.push_back(a);
        return a;
    }

    CLR_RT_HeapBlock_Array *Of(std::vector<int8_t> &v) { return Of(v.data(), v.size(), 1); }
    // Dense weights are a long[] (PackedDense): the same bytes, eight to an element. v holds whole longs (Padded).
    CLR_RT_HeapBlock_Array *OfLongs(std::vector<int8_t> &v) { return Of(v.data(), v.size() / 8, 8); }
    CLR_RT_HeapBlock_Array *Of(std::vector<int32_t> &v) { return Of(v.data(), v.size(), 4); }
};

struct Args
{
    std::vector<CLR_RT_HeapBlock> blocks;

    Args &I4(int32_t v)
    {
        CLR_RT_HeapBlock b = CLR_RT_HeapBlock();
        b.m_numeric.s4 = v;
        blocks.push_back(b);
        return *this;
    }

    Args &U4(uint32_t v)
    {
        CLR_RT_HeapBlock b = CLR_RT_HeapBlock();
        b.m_numeric.u4 = v;
        blocks.push_back(b);
        return *this;
    }

    Args &I8(int64_t v)
    {
        CLR_RT_HeapBlock b = CLR_RT_HeapBlock();
        b.m_numeric.s8 = v;
        blocks.push_back(b);
        return *this;
    }

    Args &Array(CLR_RT_HeapBlock_Array *a)
    {
        CLR_RT_HeapBlock b = CLR_RT_HeapBlock();
        b.m_array = a;
        blocks.push_back(b);
        return *this;
    }
};

// The method_lookup index of each native method (its order in NativeKernels.cs, all static).
enum
{
    DenseForward,
    NonzeroInputs,
    DenseForwardNonzero,
    RowUpdateTinTin,
    RowUpdateTinTinPropagating,
    RowUpdateNiti,
    ConvForward,
    ConvForwardRange,
    ConvGradient,
    Requantize,
    SoftmaxCrossEntropy,
    MethodCount
};

HRESULT Call(int method, Args &args, int32_t *result = NULL)
{
    const CLR_RT_MethodHandler *table = (const CLR_RT_MethodHandler *)g_CLR_AssemblyNative_TinTin_Engine_Native.m_pNativeMethods;
    CLR_RT_StackFrame frame = CLR_RT_StackFrame();
    frame.m_arguments = args.blocks.data();
    HRESULT hr = table[method](frame);
    if (result != NULL)
    {
        *result = frame.m_hasResult ? frame.m_result.m_numeric.s4 : -999999;
    }
    return hr;
}

// Bytes padded with zeros to whole longs, as a Dense layer's packed weights end.
std::vector<int8_t> Padded(std::vector<int8_t> v)
{
    v.resize((v.size() + 7) / 8 * 8, 0);
    return v;
}

void TestDense()
{
    for (int round = 0; round < 50; round++)
    {
        Arrays arrays;
        const int32_t inputs = Next(1, 40), outputs = Next(1, 11), wo = Next(0, 5), xo = Next(0, 5), ao = Next(0, 3);
        const int32_t has_bias = Next(0, 1), sparse = Next(0, 1);
        std::vector<int8_t> w = Padded(Bytes(wo + inputs * outputs + Next(0, 3)));
        std::vector<int8_t> x = Bytes(xo + inputs + Next(0, 3), -127, 127, 60);
        std::vector<int32_t> acc = Ints(ao + outputs + 2, -5000, 5000);
        std::vector<int32_t> expected = acc;
        const int32_t max = tt_dense_forward(w.data() + wo, x.data() + xo, inputs, outputs, has_bias, sparse, expected.data() + ao);
        Args args;
        args.Array(arrays.OfLongs(w)).I4(wo).Array(arrays.Of(x)).I4(xo).I4(inputs).I4(outputs).I4(has_bias).I4(sparse).Array(arrays.Of(acc)).I4(ao);
        int32_t result;
        CHECK(Call(DenseForward, args, &result) == S_OK);
        CHECK(result == max);
        CHECK(acc == expected);

        // The nonzero list, and the forward pass over it.
        std::vector<int32_t> list(2 * inputs + 2, 77), expected_list(2 * inputs + 2, 77);
        const int32_t nonzero = tt_nonzero_inputs(x.data() + xo, inputs, expected_list.data());
        Args la;
        la.Array(arrays.Of(x)).I4(xo).I4(inputs).Array(arrays.Of(list));
        CHECK(Call(NonzeroInputs, la, &result) == S_OK);
        CHECK(result == nonzero);
        CHECK(list == expected_list);

        std::vector<int32_t> acc2 = Ints(ao + outputs, -5000, 5000);
        std::vector<int32_t> expected2 = acc2;
        const int32_t max2 = tt_dense_forward_nonzero(w.data() + wo, list.data(), nonzero, inputs, outputs, has_bias, expected2.data() + ao);
        Args na;
        na.Array(arrays.OfLongs(w)).I4(wo).Array(arrays.Of(list)).I4(nonzero).I4(inputs).I4(outputs).I4(has_bias).Array(arrays.Of(acc2)).I4(ao);
        CHECK(Call(DenseForwardNonzero, na, &result) == S_OK);
        CHECK(result == max2);
        CHECK(acc2 == expected2);
    }

    // Rejected arguments write nothing.
    Arrays arrays;
    std::vector<int8_t> w = Bytes(16), x = Bytes(4);
    std::vector<int32_t> acc(3, 5), untouched(3, 5);
    Args far; // 12 weights from byte 5 of two longs
    far.Array(arrays.OfLongs(w)).I4(5).Array(arrays.Of(x)).I4(0).I4(4).I4(3).I4(0).I4(0).Array(arrays.Of(acc)).I4(0);
    CHECK(Call(DenseForward, far) == CLR_E_INDEX_OUT_OF_RANGE);
    Args negative_offset;
    negative_offset.Array(arrays.OfLongs(w)).I4(0).Array(arrays.Of(x)).I4(-1).I4(4).I4(3).I4(0).I4(0).Array(arrays.Of(acc)).I4(0);
    CHECK(Call(DenseForward, negative_offset) == CLR_E_INDEX_OUT_OF_RANGE);
    Args null_x;
    null_x.Array(arrays.OfLongs(w)).I4(0).Array(NULL).I4(0).I4(4).I4(3).I4(0).I4(0).Array(arrays.Of(acc)).I4(0);
    CHECK(Call(DenseForward, null_x) == CLR_E_ARGUMENT_NULL);
    Args negative;
    negative.Array(arrays.OfLongs(w)).I4(0).Array(arrays.Of(x)).I4(0).I4(-4).I4(3).I4(0).I4(0).Array(arrays.Of(acc)).I4(0);
    CHECK(Call(DenseForward, negative) == CLR_E_OUT_OF_RANGE);
    Args short_acc;
    short_acc.Array(arrays.OfLongs(w)).I4(0).Array(arrays.Of(x)).I4(0).I4(4).I4(3).I4(0).I4(0).Array(arrays.Of(acc)).I4(1);
    CHECK(Call(DenseForward, short_acc) == CLR_E_INDEX_OUT_OF_RANGE);
    Args wrong_type;
    wrong_type.Array(arrays.OfLongs(w)).I4(0).Array(arrays.Of(acc)).I4(0).I4(3).I4(3).I4(0).I4(0).Array(arrays.Of(acc)).I4(0);
    CHECK(Call(DenseForward, wrong_type) == CLR_E_INVALID_PARAMETER);
    Args int8_weights; // an sbyte[] where the packed long[] belongs
    int8_weights.Array(arrays.Of(w)).I4(0).Array(arrays.Of(x)).I4(0).I4(4).I4(3).I4(0).I4(0).Array(arrays.Of(acc)).I4(0);
    CHECK(Call(DenseForward, int8_weights) == CLR_E_INVALID_PARAMETER);
    CHECK(acc == untouched);

    std::vector<int32_t> bad_list(4, 0);
    bad_list[0] = 4; // input 4 of a 4-input row
    Args bl;
    bl.Array(arrays.OfLongs(w)).I4(0).Array(arrays.Of(bad_list)).I4(1).I4(4).I4(3).I4(0).Array(arrays.Of(acc)).I4(0);
    CHECK(Call(DenseForwardNonzero, bl) == CLR_E_INDEX_OUT_OF_RANGE);
    CHECK(acc == untouched);
}

void TestRowUpdates()
{
    for (int round = 0; round < 60; round++)
    {
        Arrays arrays;
        const int32_t count = Next(1, 50), offset = Next(0, 7), io = Next(0, 4), eo = Next(0, 4);
        const int32_t error = Next(-127, 127), mantissa = Next(0, 32767), shift = Next(0, 30);
        const uint32_t dither = (uint32_t)Next(0, 0x7FFFFFFF) * 2u + 1u;
        std::vector<int8_t> w = Padded(Bytes(offset + count + 3)), inputs = Bytes(io + count, -127, 127, 40);
        std::vector<int32_t> input_error = Ints(eo + count, -1000, 1000);
        int32_t result;

        std::vector<int8_t> w1 = w, e1 = w;
        const int32_t clamped = tt_row_update_tintin(e1.data(), offset, error, inputs.data() + io, count, mantissa, shift, dither);
        Args a;
        a.Array(arrays.OfLongs(w1)).I4(offset).I4(error).Array(arrays.Of(inputs)).I4(io).I4(count).I4(mantissa).I4(shift).U4(dither);
        CHECK(Call(RowUpdateTinTin, a, &result) == S_OK);
        CHECK(result == clamped);
        CHECK(w1 == e1);

        std::vector<int8_t> w2 = w, e2 = w;
        std::vector<int32_t> d2 = input_error, ed2 = input_error;
        const int32_t clamped2 = tt_row_update_tintin_propagating(e2.data(), offset, error, inputs.data() + io, count, mantissa, shift, dither, ed2.data() + eo);
        Args b;
        b.Array(arrays.OfLongs(w2)).I4(offset).I4(error).Array(arrays.Of(inputs)).I4(io).I4(count).I4(mantissa).I4(shift).U4(dither).Array(arrays.Of(d2)).I4(eo);
        CHECK(Call(RowUpdateTinTinPropagating, b, &result) == S_OK);
        CHECK(result == clamped2);
        CHECK(w2 == e2);
        CHECK(d2 == ed2);

        const bool propagate = Next(0, 1) == 1;
        std::vector<int8_t> w3 = w, e3 = w;
        std::vector<int32_t> d3 = input_error, ed3 = input_error;
        const int32_t clamped3 = tt_row_update_niti(e3.data(), offset, error, inputs.data() + io, count, shift, propagate ? ed3.data() + eo : NULL);
        Args c;
        c.Array(arrays.OfLongs(w3)).I4(offset).I4(error).Array(arrays.Of(inputs)).I4(io).I4(count).I4(shift).Array(propagate ? arrays.Of(d3) : NULL).I4(eo);
        CHECK(Call(RowUpdateNiti, c, &result) == S_OK);
        CHECK(result == clamped3);
        CHECK(w3 == e3);
        CHECK(d3 == ed3);
    }

    Arrays arrays;
    std::vector<int8_t> w = Bytes(8), untouched = w, inputs = Bytes(8);
    Args a;
    a.Array(arrays.OfLongs(w)).I4(1).I4(3).Array(arrays.Of(inputs)).I4(0).I4(8).I4(100).I4(4).U4(7u);
    CHECK(Call(RowUpdateTinTin, a) == CLR_E_INDEX_OUT_OF_RANGE);
    std::vector<int32_t> small(7, 0);
    Args b;
    b.Array(arrays.OfLongs(w)).I4(0).I4(3).Array(arrays.Of(inputs)).I4(0).I4(8).I4(100).I4(4).U4(7u).Array(arrays.Of(small)).I4(0);
    CHECK(Call(RowUpdateTinTinPropagating, b) == CLR_E_INDEX_OUT_OF_RANGE);
    Args c;
    c.Array(arrays.OfLongs(w)).I4(0).I4(3).Array(NULL).I4(0).I4(8).I4(4).Array(NULL).I4(0);
    CHECK(Call(RowUpdateNiti, c) == CLR_E_ARGUMENT_NULL);
    CHECK(w == untouched);
}

void TestConvolution()
{
    for (int round = 0; round < 30; round++)
    {
        Arrays arrays;
        tt_conv_geometry g;
        g.channels = Next(1, 3);
        g.height = Next(1, 8);
        g.width = Next(2, 9);
        g.filters = Next(1, 4);
        g.kernel_height = Next(1, 3);
        g.kernel_width = Next(1, 3);
        g.stride_y = Next(1, 2);
        g.stride_x = Next(1, 2);
        g.padding_y = Next(0, g.kernel_height - 1);
        g.padding_x = Next(0, g.kernel_width - 1);
        if (g.height + 2 * g.padding_y < g.kernel_height || g.width + 2 * g.padding_x < g.kernel_width)
        {
            continue;
        }
        g.out_height = (g.height + 2 * g.padding_y - g.kernel_height) / g.stride_y + 1;
        g.out_width = (g.width + 2 * g.padding_x - g.kernel_width) / g.stride_x + 1;
        int32_t geometry_values[12] = {g.channels, g.height, g.width, g.filters, g.kernel_height, g.kernel_width,
                                       g.stride_y, g.stride_x, g.padding_y, g.padding_x, g.out_height, g.out_width};
        std::vector<int32_t> geometry(geometry_values, geometry_values + 12);
        const int32_t in_size = g.channels * g.height * g.width, out_size = g.filters * g.out_height * g.out_width;
        const int32_t row = g.out_height * g.out_width, plane = g.height * g.width, kernel = g.kernel_height * g.kernel_width;
        const int32_t xo = Next(0, 3), ao = Next(0, 3), eo = Next(0, 3);
        std::vector<int8_t> w = Bytes(g.filters * g.channels * kernel), x = Bytes(xo + in_size, -127, 127, 50), errors = Bytes(eo + out_size);
        const int32_t sparse = Next(0, 1);

        // One filter's row: the accumulator array needs only that row past its offset.
        const int32_t filter = Next(0, g.filters - 1);
        std::vector<int32_t> acc = Ints(ao + row, -9, 9), expected = acc;
        tt_conv_forward(&g, filter, w.data(), x.data() + xo, sparse, expected.data() + ao);
        Args f;
        f.Array(arrays.Of(geometry)).I4(filter).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).I4(sparse).Array(arrays.Of(acc)).I4(ao);
        CHECK(Call(ConvForward, f) == S_OK);
        CHECK(acc == expected);

        // A segment of that row, [start, start + count): the accumulator array needs only count ints past its offset.
        const int32_t start = Next(0, row - 1);
        const int32_t length = Next(1, row - start);
        std::vector<int32_t> segment = Ints(ao + length, -9, 9), expected_segment = segment;
        tt_conv_forward_range(&g, filter, w.data(), x.data() + xo, start, length, expected_segment.data() + ao);
        CHECK(std::equal(expected_segment.begin() + ao, expected_segment.end(), expected.begin() + ao + start));
        Args fr;
        fr.Array(arrays.Of(geometry)).I4(filter).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).I4(start).I4(length).Array(arrays.Of(segment)).I4(ao);
        CHECK(Call(ConvForwardRange, fr) == S_OK);
        CHECK(segment == expected_segment);

        // A segment that leaves the row, an empty one, a negative start, a short accumulator array: rejected, nothing written.
        std::vector<int32_t> segment_before = segment;
        Args rp;
        rp.Array(arrays.Of(geometry)).I4(filter).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).I4(start).I4(row - start + 1).Array(arrays.Of(segment)).I4(0);
        CHECK(Call(ConvForwardRange, rp) == CLR_E_OUT_OF_RANGE);
        Args r0;
        r0.Array(arrays.Of(geometry)).I4(filter).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).I4(start).I4(0).Array(arrays.Of(segment)).I4(ao);
        CHECK(Call(ConvForwardRange, r0) == CLR_E_OUT_OF_RANGE);
        Args rn;
        rn.Array(arrays.Of(geometry)).I4(filter).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).I4(-1).I4(1).Array(arrays.Of(segment)).I4(ao);
        CHECK(Call(ConvForwardRange, rn) == CLR_E_OUT_OF_RANGE);
        Args ra;
        ra.Array(arrays.Of(geometry)).I4(filter).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).I4(start).I4(length).Array(arrays.Of(segment)).I4(ao + 1);
        CHECK(Call(ConvForwardRange, ra) == CLR_E_INDEX_OUT_OF_RANGE);
        CHECK(segment == segment_before);

        // One filter over a pass of channels [first, first + count): the gradient array holds count kernels, the error count planes.
        const int32_t first = Next(0, g.channels - 1);
        const int32_t count = Next(1, g.channels - first);
        const bool propagate = Next(0, 1) == 1;
        std::vector<int32_t> gradient = Ints(count * kernel, -9, 9), expected_gradient = gradient;
        std::vector<int32_t> error_acc = Ints(ao + count * plane, -99, 99), expected_error_acc = error_acc;
        tt_conv_gradient(&g, filter, first, count, w.data(), x.data() + xo, errors.data() + eo, expected_gradient.data(), sparse,
                         propagate ? expected_error_acc.data() + ao : NULL);
        Args gr;
        gr.Array(arrays.Of(geometry)).I4(filter).I4(first).I4(count).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).Array(arrays.Of(errors)).I4(eo)
            .Array(arrays.Of(gradient)).I4(sparse).Array(propagate ? arrays.Of(error_acc) : NULL).I4(ao);
        CHECK(Call(ConvGradient, gr) == S_OK);
        CHECK(gradient == expected_gradient);
        CHECK(error_acc == expected_error_acc);

        // An inconsistent geometry, a filter or channel outside the layer, a short input or row: rejected, nothing written.
        std::vector<int32_t> bad = geometry;
        bad[10] += 1;
        std::vector<int32_t> before = acc;
        Args bf;
        bf.Array(arrays.Of(bad)).I4(filter).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).I4(sparse).Array(arrays.Of(acc)).I4(ao);
        CHECK(Call(ConvForward, bf) == CLR_E_OUT_OF_RANGE);
        Args bff;
        bff.Array(arrays.Of(geometry)).I4(g.filters).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).I4(sparse).Array(arrays.Of(acc)).I4(ao);
        CHECK(Call(ConvForward, bff) == CLR_E_OUT_OF_RANGE);
        Args bx;
        bx.Array(arrays.Of(geometry)).I4(filter).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo + 4).I4(sparse).Array(arrays.Of(acc)).I4(ao);
        CHECK(Call(ConvForward, bx) == CLR_E_INDEX_OUT_OF_RANGE);
        Args ba;
        ba.Array(arrays.Of(geometry)).I4(filter).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).I4(sparse).Array(arrays.Of(acc)).I4(ao + 1);
        CHECK(Call(ConvForward, ba) == CLR_E_INDEX_OUT_OF_RANGE);
        CHECK(acc == before);
        std::vector<int32_t> gradient_before = gradient;
        Args bg;
        bg.Array(arrays.Of(geometry)).I4(g.filters).I4(first).I4(count).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).Array(arrays.Of(errors)).I4(eo)
            .Array(arrays.Of(gradient)).I4(sparse).Array(NULL).I4(0);
        CHECK(Call(ConvGradient, bg) == CLR_E_OUT_OF_RANGE);
        Args bc;
        bc.Array(arrays.Of(geometry)).I4(filter).I4(g.channels).I4(1).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).Array(arrays.Of(errors)).I4(eo)
            .Array(arrays.Of(gradient)).I4(sparse).Array(NULL).I4(0);
        CHECK(Call(ConvGradient, bc) == CLR_E_OUT_OF_RANGE);
        Args bn;
        bn.Array(arrays.Of(geometry)).I4(filter).I4(first).I4(g.channels - first + 1).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo)
            .Array(arrays.Of(errors)).I4(eo).Array(arrays.Of(gradient)).I4(sparse).Array(NULL).I4(0);
        CHECK(Call(ConvGradient, bn) == CLR_E_OUT_OF_RANGE);
        Args bz;
        bz.Array(arrays.Of(geometry)).I4(filter).I4(first).I4(0).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).Array(arrays.Of(errors)).I4(eo)
            .Array(arrays.Of(gradient)).I4(sparse).Array(NULL).I4(0);
        CHECK(Call(ConvGradient, bz) == CLR_E_OUT_OF_RANGE);
        Args be;
        be.Array(arrays.Of(geometry)).I4(filter).I4(first).I4(count).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).Array(arrays.Of(errors)).I4(eo)
            .Array(arrays.Of(gradient)).I4(sparse).Array(arrays.Of(error_acc)).I4(ao + 1);
        CHECK(Call(ConvGradient, be) == CLR_E_INDEX_OUT_OF_RANGE);
        if (count > 1)
        {
            // A gradient array of one kernel is too short for a pass of several channels.
            std::vector<int32_t> short_gradient(kernel, 0);
            Args bs;
            bs.Array(arrays.Of(geometry)).I4(filter).I4(first).I4(count).Array(arrays.Of(w)).Array(arrays.Of(x)).I4(xo).Array(arrays.Of(errors)).I4(eo)
                .Array(arrays.Of(short_gradient)).I4(sparse).Array(NULL).I4(0);
            CHECK(Call(ConvGradient, bs) == CLR_E_INDEX_OUT_OF_RANGE);
        }

        CHECK(gradient == gradient_before);
    }
}

void TestRequantizeAndSoftmax()
{
    for (int round = 0; round < 40; round++)
    {
        Arrays arrays;
        const int32_t count = Next(1, 30), ao = Next(0, 3), dof = Next(0, 3), compound = Next(0, 1);
        std::vector<int32_t> acc = Ints(ao + count, -200000, 200000);
        const int32_t max_abs = Next(0, 1) == 1 ? -1 : 200000;
        std::vector<int8_t> destination = Bytes(dof + count + 2), expected = destination;
        tt_rescale_step step;
        const int32_t compound_result = tt_requantize(acc.data() + ao, count, max_abs, compound, expected.data() + dof, &step);
        std::vector<int32_t> step_out(4, 0);
        Args a;
        a.Array(arrays.Of(acc)).I4(ao).I4(count).I4(max_abs).I4(compound).Array(arrays.Of(destination)).I4(dof).Array(arrays.Of(step_out));
        int32_t result;
        CHECK(Call(Requantize, a, &result) == S_OK);
        CHECK(result == compound_result);
        CHECK(destination == expected);
        CHECK(step_out[0] == step.shift && step_out[1] == step.up && step_out[2] == step.down && step_out[3] == step.result_max_abs);

        const int32_t classes = Next(2, 12), label = Next(0, classes - 1), lo = Next(0, 3), eo = Next(0, 3);
        const int64_t factor = (int64_t)Next(16384, 32767) * 47274;
        const int32_t shift = Next(14, 22) + 15;
        std::vector<int8_t> logits = Bytes(lo + classes, -127, 127, 5);
        std::vector<int32_t> scratch(classes, 0), expected_scratch(classes, 0), step_and_loss(5, 0);
        std::vector<int8_t> error = Bytes(eo + classes), expected_error = error;
        tt_rescale_step softmax_step;
        int32_t loss;
        CHECK(tt_softmax_xent(logits.data() + lo, classes, label, factor, shift, compound, expected_scratch.data(), expected_error.data() + eo, &softmax_step, &loss) == TT_OK);
        Args s;
        s.Array(arrays.Of(logits)).I4(lo).I4(classes).I4(label).I8(factor).I4(shift).I4(compound).Array(arrays.Of(scratch))
            .Array(arrays.Of(error)).I4(eo).Array(arrays.Of(step_and_loss));
        CHECK(Call(SoftmaxCrossEntropy, s) == S_OK);
        CHECK(scratch == expected_scratch);
        CHECK(error == expected_error);
        CHECK(step_and_loss[0] == softmax_step.shift && step_and_loss[1] == softmax_step.up && step_and_loss[2] == softmax_step.down &&
              step_and_loss[3] == softmax_step.result_max_abs && step_and_loss[4] == loss);

        std::vector<int8_t> error_before = error;
        Args bad_label;
        bad_label.Array(arrays.Of(logits)).I4(lo).I4(classes).I4(classes).I8(factor).I4(shift).I4(compound).Array(arrays.Of(scratch))
            .Array(arrays.Of(error)).I4(eo).Array(arrays.Of(step_and_loss));
        CHECK(Call(SoftmaxCrossEntropy, bad_label) == CLR_E_OUT_OF_RANGE);
        std::vector<int32_t> short_out(4, 0);
        Args short_result;
        short_result.Array(arrays.Of(logits)).I4(lo).I4(classes).I4(label).I8(factor).I4(shift).I4(compound).Array(arrays.Of(scratch))
            .Array(arrays.Of(error)).I4(eo).Array(arrays.Of(short_out));
        CHECK(Call(SoftmaxCrossEntropy, short_result) == CLR_E_INDEX_OUT_OF_RANGE);
        CHECK(error == error_before);
    }
}

} // namespace

int main()
{
    CHECK(strcmp(g_CLR_AssemblyNative_TinTin_Engine_Native.m_szAssemblyName, "TinTin.Engine.Native") == 0);
    TestDense();
    TestRowUpdates();
    TestConvolution();
    TestRequantizeAndSoftmax();
    printf("glue: %d checks, %d failed\n", checks, failures);
    return failures == 0 && checks > 0 ? 0 : 1;
}
