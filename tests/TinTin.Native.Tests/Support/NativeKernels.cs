// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using TinTin.Scaling;

namespace TinTin.Native.Tests.Support;

/// <summary>tt_rescale_step.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeStep
{
    public int Shift;
    public int Up;
    public int Down;
    public int ResultMaxAbs;

    public readonly bool SameAs(RescaleStep s) => Shift == s.Shift && Up == s.Up && Down == s.Down && ResultMaxAbs == s.ResultMaxAbs;

    public override readonly string ToString() => $"shift {Shift} up {Up} down {Down} max {ResultMaxAbs}";
}

/// <summary>tt_conv_geometry.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeGeometry
{
    public int Channels;
    public int Height;
    public int Width;
    public int Filters;
    public int KernelHeight;
    public int KernelWidth;
    public int StrideY;
    public int StrideX;
    public int PaddingY;
    public int PaddingX;
    public int OutHeight;
    public int OutWidth;
}

/// <summary>
/// The exported kernels of one build of lib-tintin/native, called through unmanaged function pointers
/// resolved from the library's path (NativeLibrary.Load + GetExport): two builds of the same exports
/// (optimised and sanitizer-trapping) live side by side, which one DllImport name could not resolve.
/// Arrays are pinned for the call; a null array is passed as NULL.
/// </summary>
internal sealed unsafe class NativeKernels
{
    private static readonly ConcurrentDictionary<string, NativeKernels> s_loaded = new();

    private readonly delegate* unmanaged<uint, int> _bitLengthU32;
    private readonly delegate* unmanaged<int, int> _bitLengthI32;
    private readonly delegate* unmanaged<int*, int, int, int> _maxAbsI32;
    private readonly delegate* unmanaged<sbyte*, int, int, int> _maxAbsI8;
    private readonly delegate* unmanaged<sbyte*, int, int> _mostlyZeros;
    private readonly delegate* unmanaged<sbyte*, int, int, sbyte*, int, int, int, uint, int> _rowTinTin;
    private readonly delegate* unmanaged<sbyte*, int, int, sbyte*, int, int, int, uint, int*, int> _rowTinTinPropagating;
    private readonly delegate* unmanaged<sbyte*, int, int, sbyte*, int, int, int*, int> _rowNiti;
    private readonly delegate* unmanaged<sbyte*, int, int*, int, int, int, int, uint*, int> _tinTinGradients;
    private readonly delegate* unmanaged<sbyte*, int, int*, int, int, int, int> _nitiGradients;
    private readonly delegate* unmanaged<int*, int, int, sbyte*, int, int, int, int> _accumulateRow;
    private readonly delegate* unmanaged<int*, int, int*, int, int, int, int, int> _accumulateGradients;
    private readonly delegate* unmanaged<sbyte*, sbyte*, int, int, int, int, int*, int> _denseForward;
    private readonly delegate* unmanaged<sbyte*, sbyte*, int, int, int*, void> _denseInputError;
    private readonly delegate* unmanaged<sbyte*, sbyte*, sbyte*, int, int, int, int, uint*, int*, int> _denseRowsTinTin;
    private readonly delegate* unmanaged<sbyte*, sbyte*, sbyte*, int, int, int, int*, int> _denseRowsNiti;
    private readonly delegate* unmanaged<int*, sbyte*, sbyte*, int, int, int, int, int> _denseAccumulateRows;
    private readonly delegate* unmanaged<NativeGeometry*, int, sbyte*, sbyte*, int, int*, void> _convForward;
    private readonly delegate* unmanaged<NativeGeometry*, int, int, sbyte*, sbyte*, int*, void> _convInputError;
    private readonly delegate* unmanaged<NativeGeometry*, int, int, int, sbyte*, sbyte*, sbyte*, int*, int, int*, void> _convGradient;
    private readonly delegate* unmanaged<int, int, int, int> _scaleValue;
    private readonly delegate* unmanaged<int, int, int, int> _biasContribution;
    private readonly delegate* unmanaged<int*, int, int, int, int*, void> _scaleBiases;
    private readonly delegate* unmanaged<int*, int, int*, int, int, int, void> _addBiases;
    private readonly delegate* unmanaged<int, int> _pow3;
    private readonly delegate* unmanaged<int, int, NativeStep*, void> _choose;
    private readonly delegate* unmanaged<int*, int, sbyte*, int, int, NativeStep*, void> _apply;
    private readonly delegate* unmanaged<int*, int, int, int, sbyte*, NativeStep*, int> _requantize;
    private readonly delegate* unmanaged<sbyte*, int, int, NativeStep*, NativeStep*, int> _align;
    private readonly delegate* unmanaged<int, int> _exp2Negative;
    private readonly delegate* unmanaged<long, long> _log2Q16;
    private readonly delegate* unmanaged<sbyte*, int, int, long, int, int, int*, sbyte*, NativeStep*, int*, int> _softmax;

    private NativeKernels(string path)
    {
        IntPtr lib = NativeLibrary.Load(path);
        Path = path;
        _bitLengthU32 = (delegate* unmanaged<uint, int>)NativeLibrary.GetExport(lib, "tt_bit_length_u32");
        _bitLengthI32 = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(lib, "tt_bit_length_i32");
        _maxAbsI32 = (delegate* unmanaged<int*, int, int, int>)NativeLibrary.GetExport(lib, "tt_max_abs_i32");
        _maxAbsI8 = (delegate* unmanaged<sbyte*, int, int, int>)NativeLibrary.GetExport(lib, "tt_max_abs_i8");
        _mostlyZeros = (delegate* unmanaged<sbyte*, int, int>)NativeLibrary.GetExport(lib, "tt_mostly_zeros");
        _rowTinTin = (delegate* unmanaged<sbyte*, int, int, sbyte*, int, int, int, uint, int>)NativeLibrary.GetExport(lib, "tt_row_update_tintin");
        _rowTinTinPropagating = (delegate* unmanaged<sbyte*, int, int, sbyte*, int, int, int, uint, int*, int>)NativeLibrary.GetExport(lib, "tt_row_update_tintin_propagating");
        _rowNiti = (delegate* unmanaged<sbyte*, int, int, sbyte*, int, int, int*, int>)NativeLibrary.GetExport(lib, "tt_row_update_niti");
        _tinTinGradients = (delegate* unmanaged<sbyte*, int, int*, int, int, int, int, uint*, int>)NativeLibrary.GetExport(lib, "tt_tintin_gradients");
        _nitiGradients = (delegate* unmanaged<sbyte*, int, int*, int, int, int, int>)NativeLibrary.GetExport(lib, "tt_niti_gradients");
        _accumulateRow = (delegate* unmanaged<int*, int, int, sbyte*, int, int, int, int>)NativeLibrary.GetExport(lib, "tt_accumulate_row");
        _accumulateGradients = (delegate* unmanaged<int*, int, int*, int, int, int, int, int>)NativeLibrary.GetExport(lib, "tt_accumulate_gradients");
        _denseForward = (delegate* unmanaged<sbyte*, sbyte*, int, int, int, int, int*, int>)NativeLibrary.GetExport(lib, "tt_dense_forward");
        _denseInputError = (delegate* unmanaged<sbyte*, sbyte*, int, int, int*, void>)NativeLibrary.GetExport(lib, "tt_dense_input_error");
        _denseRowsTinTin = (delegate* unmanaged<sbyte*, sbyte*, sbyte*, int, int, int, int, uint*, int*, int>)NativeLibrary.GetExport(lib, "tt_dense_update_rows_tintin");
        _denseRowsNiti = (delegate* unmanaged<sbyte*, sbyte*, sbyte*, int, int, int, int*, int>)NativeLibrary.GetExport(lib, "tt_dense_update_rows_niti");
        _denseAccumulateRows = (delegate* unmanaged<int*, sbyte*, sbyte*, int, int, int, int, int>)NativeLibrary.GetExport(lib, "tt_dense_accumulate_rows");
        _convForward = (delegate* unmanaged<NativeGeometry*, int, sbyte*, sbyte*, int, int*, void>)NativeLibrary.GetExport(lib, "tt_conv_forward");
        _convInputError = (delegate* unmanaged<NativeGeometry*, int, int, sbyte*, sbyte*, int*, void>)NativeLibrary.GetExport(lib, "tt_conv_input_error");
        _convGradient = (delegate* unmanaged<NativeGeometry*, int, int, int, sbyte*, sbyte*, sbyte*, int*, int, int*, void>)NativeLibrary.GetExport(lib, "tt_conv_gradient");
        _scaleValue = (delegate* unmanaged<int, int, int, int>)NativeLibrary.GetExport(lib, "tt_scale_value");
        _biasContribution = (delegate* unmanaged<int, int, int, int>)NativeLibrary.GetExport(lib, "tt_bias_contribution");
        _scaleBiases = (delegate* unmanaged<int*, int, int, int, int*, void>)NativeLibrary.GetExport(lib, "tt_scale_biases");
        _addBiases = (delegate* unmanaged<int*, int, int*, int, int, int, void>)NativeLibrary.GetExport(lib, "tt_add_biases");
        _pow3 = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(lib, "tt_pow3");
        _choose = (delegate* unmanaged<int, int, NativeStep*, void>)NativeLibrary.GetExport(lib, "tt_requantize_choose");
        _apply = (delegate* unmanaged<int*, int, sbyte*, int, int, NativeStep*, void>)NativeLibrary.GetExport(lib, "tt_requantize_apply");
        _requantize = (delegate* unmanaged<int*, int, int, int, sbyte*, NativeStep*, int>)NativeLibrary.GetExport(lib, "tt_requantize");
        _align = (delegate* unmanaged<sbyte*, int, int, NativeStep*, NativeStep*, int>)NativeLibrary.GetExport(lib, "tt_requantize_align");
        _exp2Negative = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(lib, "tt_exp2_negative");
        _log2Q16 = (delegate* unmanaged<long, long>)NativeLibrary.GetExport(lib, "tt_log2_q16");
        _softmax = (delegate* unmanaged<sbyte*, int, int, long, int, int, int*, sbyte*, NativeStep*, int*, int>)NativeLibrary.GetExport(lib, "tt_softmax_xent");
    }

    public string Path { get; }

    /// <summary>The kernels of one build flavour (<see cref="NativeBuild.Flavours"/>), built and loaded on first use.</summary>
    public static NativeKernels For(string flavour) =>
        s_loaded.GetOrAdd(flavour, f => new NativeKernels(NativeBuild.Library(f)));

    public int BitLength(uint value) => _bitLengthU32(value);

    public int BitLength(int value) => _bitLengthI32(value);

    public int MaxAbs(int[] values, int offset, int count)
    {
        fixed (int* p = values)
        {
            return _maxAbsI32(p, offset, count);
        }
    }

    public int MaxAbs(sbyte[] values, int offset, int count)
    {
        fixed (sbyte* p = values)
        {
            return _maxAbsI8(p, offset, count);
        }
    }

    public bool MostlyZeros(sbyte[] values, int count)
    {
        fixed (sbyte* p = values)
        {
            return _mostlyZeros(p, count) != 0;
        }
    }

    public int RowTinTin(sbyte[] weights, int offset, int error, sbyte[] inputs, int count, int mantissa, int shift, uint dither)
    {
        fixed (sbyte* w = weights)
        fixed (sbyte* x = inputs)
        {
            return _rowTinTin(w, offset, error, x, count, mantissa, shift, dither);
        }
    }

    public int RowTinTinPropagating(sbyte[] weights, int offset, int error, sbyte[] inputs, int count, int mantissa, int shift, uint dither, int[] inputError)
    {
        fixed (sbyte* w = weights)
        fixed (sbyte* x = inputs)
        fixed (int* d = inputError)
        {
            return _rowTinTinPropagating(w, offset, error, x, count, mantissa, shift, dither, d);
        }
    }

    public int RowNiti(sbyte[] weights, int offset, int error, sbyte[] inputs, int count, int shift, int[]? inputError)
    {
        fixed (sbyte* w = weights)
        fixed (sbyte* x = inputs)
        fixed (int* d = inputError)
        {
            return _rowNiti(w, offset, error, x, count, shift, d);
        }
    }

    public int TinTinGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int mantissa, int shift, ref uint random)
    {
        uint r = random;
        int clamped;
        fixed (sbyte* w = weights)
        fixed (int* g = gradients)
        {
            clamped = _tinTinGradients(w, weightOffset, g, gradientOffset, count, mantissa, shift, &r);
        }

        random = r;
        return clamped;
    }

    public int NitiGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int shift)
    {
        fixed (sbyte* w = weights)
        fixed (int* g = gradients)
        {
            return _nitiGradients(w, weightOffset, g, gradientOffset, count, shift);
        }
    }

    public int AccumulateRow(int[] accumulators, int offset, int error, sbyte[] inputs, int count, int mantissa, int shift)
    {
        fixed (int* a = accumulators)
        fixed (sbyte* x = inputs)
        {
            return _accumulateRow(a, offset, error, x, count, mantissa, shift);
        }
    }

    public int AccumulateGradients(int[] accumulators, int offset, int[] gradients, int gradientOffset, int count, int mantissa, int shift)
    {
        fixed (int* a = accumulators)
        fixed (int* g = gradients)
        {
            return _accumulateGradients(a, offset, g, gradientOffset, count, mantissa, shift);
        }
    }

    public int DenseForward(sbyte[] weights, sbyte[] x, int inputs, int outputs, bool hasBias, bool sparse, int[] acc)
    {
        fixed (sbyte* w = weights)
        fixed (sbyte* px = x)
        fixed (int* a = acc)
        {
            return _denseForward(w, px, inputs, outputs, hasBias ? 1 : 0, sparse ? 1 : 0, a);
        }
    }

    public void DenseInputError(sbyte[] weights, sbyte[] errors, int inputs, int outputs, int[] acc)
    {
        fixed (sbyte* w = weights)
        fixed (sbyte* e = errors)
        fixed (int* a = acc)
        {
            _denseInputError(w, e, inputs, outputs, a);
        }
    }

    public int DenseRowsTinTin(sbyte[] weights, sbyte[] errors, sbyte[] x, int inputs, int outputs, int mantissa, int shift, ref uint random, int[]? inputError)
    {
        uint r = random;
        int clamped;
        fixed (sbyte* w = weights)
        fixed (sbyte* e = errors)
        fixed (sbyte* px = x)
        fixed (int* d = inputError)
        {
            clamped = _denseRowsTinTin(w, e, px, inputs, outputs, mantissa, shift, &r, d);
        }

        random = r;
        return clamped;
    }

    public int DenseRowsNiti(sbyte[] weights, sbyte[] errors, sbyte[] x, int inputs, int outputs, int shift, int[]? inputError)
    {
        fixed (sbyte* w = weights)
        fixed (sbyte* e = errors)
        fixed (sbyte* px = x)
        fixed (int* d = inputError)
        {
            return _denseRowsNiti(w, e, px, inputs, outputs, shift, d);
        }
    }

    public int DenseAccumulateRows(int[] accumulators, sbyte[] errors, sbyte[] x, int inputs, int outputs, int mantissa, int shift)
    {
        fixed (int* a = accumulators)
        fixed (sbyte* e = errors)
        fixed (sbyte* px = x)
        {
            return _denseAccumulateRows(a, e, px, inputs, outputs, mantissa, shift);
        }
    }

    public void ConvForward(NativeGeometry geometry, int filter, sbyte[] weights, sbyte[] x, bool sparse, int[] acc)
    {
        fixed (sbyte* w = weights)
        fixed (sbyte* px = x)
        fixed (int* a = acc)
        {
            _convForward(&geometry, filter, w, px, sparse ? 1 : 0, a);
        }
    }

    public void ConvInputError(NativeGeometry geometry, int firstChannel, int channelCount, sbyte[] weights, sbyte[] errors, int[] acc)
    {
        fixed (sbyte* w = weights)
        fixed (sbyte* e = errors)
        fixed (int* a = acc)
        {
            _convInputError(&geometry, firstChannel, channelCount, w, e, a);
        }
    }

    public void ConvGradient(NativeGeometry geometry, int filter, int firstChannel, int channelCount, sbyte[] weights, sbyte[] x, sbyte[] errors, int[] gradient, bool sparse, int[]? errorAcc)
    {
        fixed (sbyte* w = weights)
        fixed (sbyte* px = x)
        fixed (sbyte* e = errors)
        fixed (int* g = gradient)
        fixed (int* d = errorAcc)
        {
            _convGradient(&geometry, filter, firstChannel, channelCount, w, px, e, g, sparse ? 1 : 0, d);
        }
    }

    public int ScaleValue(int value, FixedMultiplier m) => _scaleValue(value, m.Mantissa, m.RightShift);

    public int BiasContribution(int bias, FixedMultiplier m) => _biasContribution(bias, m.Mantissa, m.RightShift);

    public void ScaleBiases(int[] biases, FixedMultiplier m, int[] destination)
    {
        fixed (int* b = biases)
        fixed (int* d = destination)
        {
            _scaleBiases(b, biases.Length, m.Mantissa, m.RightShift, d);
        }
    }

    public void AddBiases(int[] acc, int perChannel, int[] biases, FixedMultiplier m)
    {
        fixed (int* a = acc)
        fixed (int* b = biases)
        {
            _addBiases(a, perChannel, b, biases.Length, m.Mantissa, m.RightShift);
        }
    }

    public int Pow3(int n) => _pow3(n);

    public NativeStep Choose(int maxAbs, bool compound)
    {
        NativeStep step = default;
        _choose(maxAbs, compound ? 1 : 0, &step);
        return step;
    }

    public void Apply(int[] source, int sourceOffset, sbyte[] destination, int destinationOffset, int count, NativeStep step)
    {
        fixed (int* s = source)
        fixed (sbyte* d = destination)
        {
            _apply(s, sourceOffset, d, destinationOffset, count, &step);
        }
    }

    public int Requantize(int[] acc, int count, int maxAbs, bool compound, sbyte[] destination, out NativeStep step)
    {
        NativeStep s = default;
        int compoundRescales;
        fixed (int* a = acc)
        fixed (sbyte* d = destination)
        {
            compoundRescales = _requantize(a, count, maxAbs, compound ? 1 : 0, d, &s);
        }

        step = s;
        return compoundRescales;
    }

    public int Align(sbyte[] data, int offset, int count, NativeStep from, NativeStep to)
    {
        fixed (sbyte* d = data)
        {
            return _align(d, offset, count, &from, &to);
        }
    }

    public int Exp2Negative(int d) => _exp2Negative(d);

    public long Log2Q16(long x) => _log2Q16(x);

    public int SoftmaxCrossEntropy(sbyte[] logits, int classes, int label, long factor, int shift, bool compound, int[] scratch, sbyte[] error, out NativeStep step, out int loss)
    {
        NativeStep s = default;
        int l = 0;
        int status;
        fixed (sbyte* q = logits)
        fixed (int* sc = scratch)
        fixed (sbyte* e = error)
        {
            status = _softmax(q, classes, label, factor, shift, compound ? 1 : 0, sc, e, &s, &l);
        }

        step = s;
        loss = l;
        return status;
    }
}
