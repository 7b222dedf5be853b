// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Runtime.InteropServices;
using TinTin.Numerics;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.NativeHost;

/// <summary>
/// lib-tintin's kernel seam over the C kernels (lib-tintin/native) on the host: every kernel of
/// <see cref="TrainingKernels"/> is one call into the shared library <see cref="NativeLibraryBuild"/>
/// builds, through an unmanaged function pointer, with the arrays pinned for the call. The results are
/// the managed ones bit for bit (the C kernels' contract, tested in tests/TinTin.Native.Tests), so a
/// model trains to the same weights on either engine.
/// </summary>
/// <remarks>
/// As in lib-tintin/native/bench/tt_model.c, a Dense layer whose input is mostly zeros runs its forward
/// sums over the list of nonzero inputs (<c>tt_nonzero_inputs</c> + <c>tt_dense_forward_nonzero</c>) and its
/// Tin-Tin update rows always do (<c>tt_dense_update_rows_tintin_nonzero</c>: the list is rebuilt in the
/// call, since the seam passes the input, not the forward pass's list). The list buffer is kept between
/// calls: nothing allocates per step once the largest layer has run. Not thread-safe (one engine per model).
/// </remarks>
public sealed unsafe class HostNativeKernels : TrainingKernels
{
    private readonly delegate* unmanaged<sbyte*, sbyte*, int, int, int, int, int*, int> _denseForward;
    private readonly delegate* unmanaged<sbyte*, int, int*, int> _nonzeroInputs;
    private readonly delegate* unmanaged<sbyte*, int*, int, int, int, int, int*, int> _denseForwardNonzero;
    private readonly delegate* unmanaged<sbyte*, sbyte*, int, int, int*, void> _denseInputError;
    private readonly delegate* unmanaged<sbyte*, sbyte*, int*, int, int, int, int, int, uint*, int*, int> _denseRowsTinTinNonzero;
    private readonly delegate* unmanaged<sbyte*, sbyte*, sbyte*, int, int, int, int*, int> _denseRowsNiti;
    private readonly delegate* unmanaged<int*, sbyte*, sbyte*, int, int, int, int, int> _denseAccumulateRows;
    private readonly delegate* unmanaged<int*, int, sbyte*, sbyte*, int, int*, void> _convForward;
    private readonly delegate* unmanaged<int*, int, sbyte*, sbyte*, int, int, int*, void> _convForwardRange;
    private readonly delegate* unmanaged<int*, int, int, sbyte*, sbyte*, int*, void> _convInputError;
    private readonly delegate* unmanaged<int*, int, int, int, sbyte*, sbyte*, sbyte*, int*, int, int*, void> _convGradient;
    private readonly delegate* unmanaged<sbyte*, int, int*, int, int, int, int, uint*, int> _tinTinGradients;
    private readonly delegate* unmanaged<sbyte*, int, int*, int, int, int, int> _nitiGradients;
    private readonly delegate* unmanaged<int*, int, int*, int, int, int, int, int> _accumulateGradients;
    private readonly delegate* unmanaged<int*, int, int, int, sbyte*, int*, int> _requantize;
    private readonly delegate* unmanaged<sbyte*, int, int, long, int, int, int*, sbyte*, int*, int*, int> _softmaxXent;
    private int[] _list = new int[2];

    private HostNativeKernels(string path, IntPtr library)
    {
        LibraryPath = path;
        _denseForward = (delegate* unmanaged<sbyte*, sbyte*, int, int, int, int, int*, int>)Export(library, "tt_dense_forward");
        _nonzeroInputs = (delegate* unmanaged<sbyte*, int, int*, int>)Export(library, "tt_nonzero_inputs");
        _denseForwardNonzero = (delegate* unmanaged<sbyte*, int*, int, int, int, int, int*, int>)Export(library, "tt_dense_forward_nonzero");
        _denseInputError = (delegate* unmanaged<sbyte*, sbyte*, int, int, int*, void>)Export(library, "tt_dense_input_error");
        _denseRowsTinTinNonzero = (delegate* unmanaged<sbyte*, sbyte*, int*, int, int, int, int, int, uint*, int*, int>)Export(library, "tt_dense_update_rows_tintin_nonzero");
        _denseRowsNiti = (delegate* unmanaged<sbyte*, sbyte*, sbyte*, int, int, int, int*, int>)Export(library, "tt_dense_update_rows_niti");
        _denseAccumulateRows = (delegate* unmanaged<int*, sbyte*, sbyte*, int, int, int, int, int>)Export(library, "tt_dense_accumulate_rows");
        _convForward = (delegate* unmanaged<int*, int, sbyte*, sbyte*, int, int*, void>)Export(library, "tt_conv_forward");
        _convForwardRange = (delegate* unmanaged<int*, int, sbyte*, sbyte*, int, int, int*, void>)Export(library, "tt_conv_forward_range");
        _convInputError = (delegate* unmanaged<int*, int, int, sbyte*, sbyte*, int*, void>)Export(library, "tt_conv_input_error");
        _convGradient = (delegate* unmanaged<int*, int, int, int, sbyte*, sbyte*, sbyte*, int*, int, int*, void>)Export(library, "tt_conv_gradient");
        _tinTinGradients = (delegate* unmanaged<sbyte*, int, int*, int, int, int, int, uint*, int>)Export(library, "tt_tintin_gradients");
        _nitiGradients = (delegate* unmanaged<sbyte*, int, int*, int, int, int, int>)Export(library, "tt_niti_gradients");
        _accumulateGradients = (delegate* unmanaged<int*, int, int*, int, int, int, int, int>)Export(library, "tt_accumulate_gradients");
        _requantize = (delegate* unmanaged<int*, int, int, int, sbyte*, int*, int>)Export(library, "tt_requantize");
        _softmaxXent = (delegate* unmanaged<sbyte*, int, int, long, int, int, int*, sbyte*, int*, int*, int>)Export(library, "tt_softmax_xent");
    }

    /// <summary>Gets the shared library the kernels run in.</summary>
    public string LibraryPath { get; }

    /// <summary>Builds (or finds in the cache) the kernels' library with the machine's C compiler and loads it.</summary>
    /// <returns>The engine.</returns>
    /// <exception cref="NativeEngineUnavailableException">No C compiler, the build failed, or the library did not load.</exception>
    public static HostNativeKernels Load() => Load(NativeLibraryBuild.BuildDefault());

    /// <summary>Loads the kernels from a library built from lib-tintin/native.</summary>
    /// <param name="libraryPath">The shared library.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="NativeEngineUnavailableException">The library did not load or lacks a kernel.</exception>
    public static HostNativeKernels Load(string libraryPath)
    {
        if (!BitConverter.IsLittleEndian)
        {
            // Dense weights are passed as the int8 bytes of their packed longs: that view needs little-endian memory.
            throw new NativeEngineUnavailableException("the native engine reads packed Dense weights as int8 and needs a little-endian host");
        }

        IntPtr library;
        try
        {
            library = NativeLibrary.Load(libraryPath);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            throw new NativeEngineUnavailableException($"the native engine's library {libraryPath} did not load: {ex.Message}", ex);
        }

        return new HostNativeKernels(libraryPath, library);
    }

    /// <inheritdoc/>
    internal override int DenseForward(long[] weights, sbyte[] input, long[] packedInput, int inputs, int outputs, bool hasBias, int[] acc)
    {
        // The C kernels read the packed weights as the int8 matrix they are in little-endian memory.
        bool sparse = Magnitude.MostlyZeros(input, inputs);
        fixed (long* packed = weights)
        fixed (sbyte* x = input)
        fixed (int* a = acc)
        {
            if (!sparse)
            {
                return _denseForward((sbyte*)packed, x, inputs, outputs, hasBias ? 1 : 0, 0, a);
            }

            fixed (int* list = List(inputs))
            {
                int nonzero = _nonzeroInputs(x, inputs, list);
                return _denseForwardNonzero((sbyte*)packed, list, nonzero, inputs, outputs, hasBias ? 1 : 0, a);
            }
        }
    }

    /// <inheritdoc/>
    internal override void DenseInputError(long[] weights, sbyte[] errors, int inputs, int outputs, int[] acc)
    {
        fixed (long* packed = weights)
        fixed (sbyte* e = errors)
        fixed (int* a = acc)
        {
            _denseInputError((sbyte*)packed, e, inputs, outputs, a);
        }
    }

    /// <inheritdoc/>
    internal override int DenseUpdateRowsTinTin(long[] weights, sbyte[] errors, sbyte[] input, int inputs, int outputs, int mantissa, int shift, ref uint random, int[] inputError)
    {
        uint state = random;
        int clamped;
        fixed (long* packed = weights)
        fixed (sbyte* e = errors)
        fixed (sbyte* x = input)
        fixed (int* list = List(inputs))
        fixed (int* d = inputError)
        {
            int nonzero = _nonzeroInputs(x, inputs, list);
            clamped = _denseRowsTinTinNonzero((sbyte*)packed, e, list, nonzero, inputs, outputs, mantissa, shift, &state, d);
        }

        random = state;
        return clamped;
    }

    /// <inheritdoc/>
    internal override int DenseUpdateRowsNiti(long[] weights, sbyte[] errors, sbyte[] input, int inputs, int outputs, int shift, int[] inputError)
    {
        fixed (long* packed = weights)
        fixed (sbyte* e = errors)
        fixed (sbyte* x = input)
        fixed (int* d = inputError)
        {
            return _denseRowsNiti((sbyte*)packed, e, x, inputs, outputs, shift, d);
        }
    }

    /// <inheritdoc/>
    internal override void DenseAccumulateRows(int[] accumulators, sbyte[] errors, sbyte[] input, int inputs, int outputs, int mantissa, int shift)
    {
        fixed (int* a = accumulators)
        fixed (sbyte* e = errors)
        fixed (sbyte* x = input)
        {
            _denseAccumulateRows(a, e, x, inputs, outputs, mantissa, shift);
        }
    }

    /// <inheritdoc/>
    /// <remarks>As on the board: the C kernel sums, the bias and the largest magnitude take one managed pass.</remarks>
    internal override int ConvForward(int[] geometry, int filter, sbyte[] weights, sbyte[] input, bool sparse, int bias, int[] acc)
    {
        fixed (int* g = Geometry(geometry))
        fixed (sbyte* w = weights)
        fixed (sbyte* x = input)
        fixed (int* a = acc)
        {
            _convForward(g, filter, w, x, sparse ? 1 : 0, a);
        }

        return AddBias(acc, 0, geometry[10] * geometry[11], bias);
    }

    /// <inheritdoc/>
    /// <remarks>As on the board (NativeTrainingKernels): one call of the C filter kernel per filter, over whole rows or the segment.</remarks>
    internal override void ConvForwardPacked(int[] geometry, int filter, int lanes, sbyte[] weights, sbyte[] input, bool sparse, int[] biases, int[] acc, long[] packed, int start, int count, int[] maxima)
    {
        CheckPacked(geometry, filter, lanes, 1, start, count);
        fixed (int* g = Geometry(geometry))
        fixed (sbyte* w = weights)
        fixed (sbyte* x = input)
        fixed (int* a = acc)
        {
            for (int lane = 0; lane < lanes; lane++)
            {
                _convForwardRange(g, filter + lane, w, x, start, count, a + (lane * count));
            }
        }

        for (int lane = 0; lane < lanes; lane++)
        {
            maxima[lane] = AddBias(acc, lane * count, count, biases[lane]);
        }
    }

    /// <inheritdoc/>
    internal override void ConvInputError(int[] geometry, int firstChannel, int channelCount, sbyte[] weights, sbyte[] errors, int[] acc)
    {
        fixed (int* g = Geometry(geometry))
        fixed (sbyte* w = weights)
        fixed (sbyte* e = errors)
        fixed (int* a = acc)
        {
            _convInputError(g, firstChannel, channelCount, w, e, a);
        }
    }

    /// <inheritdoc/>
    internal override void ConvGradient(int[] geometry, int filter, int firstChannel, int channelCount, sbyte[] weights, sbyte[] input, sbyte[] errors, int[] gradient, bool sparse, int[] errorAcc)
    {
        fixed (int* g = Geometry(geometry))
        fixed (sbyte* w = weights)
        fixed (sbyte* x = input)
        fixed (sbyte* e = errors)
        fixed (int* gr = gradient)
        fixed (int* ea = errorAcc)
        {
            _convGradient(g, filter, firstChannel, channelCount, w, x, e, gr, sparse ? 1 : 0, ea);
        }
    }

    /// <inheritdoc/>
    internal override int TinTinGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int mantissa, int shift, ref uint random)
    {
        uint state = random;
        int clamped;
        fixed (sbyte* w = weights)
        fixed (int* g = gradients)
        {
            clamped = _tinTinGradients(w, weightOffset, g, gradientOffset, count, mantissa, shift, &state);
        }

        random = state;
        return clamped;
    }

    /// <inheritdoc/>
    internal override int NitiGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int shift)
    {
        fixed (sbyte* w = weights)
        fixed (int* g = gradients)
        {
            return _nitiGradients(w, weightOffset, g, gradientOffset, count, shift);
        }
    }

    /// <inheritdoc/>
    internal override void AccumulateGradients(int[] accumulators, int offset, int[] gradients, int gradientOffset, int count, int mantissa, int shift)
    {
        fixed (int* a = accumulators)
        fixed (int* g = gradients)
        {
            _accumulateGradients(a, offset, g, gradientOffset, count, mantissa, shift);
        }
    }

    /// <inheritdoc/>
    internal override void Requantize(int[] acc, int count, int maxAbs, bool compound, sbyte[] destination, ref RescaleStep step)
    {
        int* s = stackalloc int[4];
        fixed (int* a = acc)
        fixed (sbyte* d = destination)
        {
            _requantize(a, count, maxAbs, compound ? 1 : 0, d, s);
        }

        step.Shift = s[0];
        step.Up = s[1];
        step.Down = s[2];
        step.ResultMaxAbs = s[3];
    }

    /// <inheritdoc/>
    internal override int SoftmaxLoss(Tensor8 logits, int label, Tensor8 error, int[] scratch, bool compound)
    {
        int classes = logits.Length;
        if (label < 0 || label >= classes)
        {
            throw new ArgumentOutOfRangeException(nameof(label));
        }

        long factor = SoftmaxCrossEntropy.ExponentFactor(logits.Scale, out int shift);
        int* s = stackalloc int[4];
        int loss;
        int status;
        fixed (sbyte* q = logits.Data)
        fixed (int* scr = scratch)
        fixed (sbyte* e = error.Data)
        {
            status = _softmaxXent(q, classes, label, factor, shift, compound ? 1 : 0, scr, e, s, &loss);
        }

        if (status != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(logits), $"tt_softmax_xent refused {classes} classes (status {status})");
        }

        var step = new RescaleStep { Shift = s[0], Up = s[1], Down = s[2], ResultMaxAbs = s[3] };
        error.Length = classes;
        error.Scale = Requantizer.OutputScale(Scale.PowerOfTwo(-SoftmaxCrossEntropy.ProbabilityBits), step);
        error.MaxAbs = step.ResultMaxAbs;
        return loss;
    }

    private static IntPtr Export(IntPtr library, string name)
    {
        if (!NativeLibrary.TryGetExport(library, name, out IntPtr address))
        {
            throw new NativeEngineUnavailableException($"the native engine's library lacks {name}: rebuild it from this version's lib-tintin/native");
        }

        return address;
    }

    private static int[] Geometry(int[] geometry)
    {
        if (geometry.Length < GeometryLength)
        {
            throw new ArgumentException($"a convolution geometry has {GeometryLength} ints", nameof(geometry));
        }

        return geometry;
    }

    // The list of nonzero inputs (index, value pairs and the end mark) for a layer of this many inputs.
    private int[] List(int inputs)
    {
        if (_list.Length < 2 * inputs + 2)
        {
            _list = new int[2 * inputs + 2];
        }

        return _list;
    }
}
