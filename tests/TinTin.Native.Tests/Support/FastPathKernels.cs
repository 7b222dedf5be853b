// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace TinTin.Native.Tests.Support;

/// <summary>
/// The kernels added for speed on the MCU (the list of nonzero inputs, the Dense loops over it, the
/// table rescale), loaded from the same builds as <see cref="NativeKernels"/>.
/// </summary>
public sealed unsafe class FastPathKernels
{
    private static readonly ConcurrentDictionary<string, FastPathKernels> s_loaded = new();

    private readonly delegate* unmanaged<sbyte*, int, int*, int> _nonzeroInputs;
    private readonly delegate* unmanaged<sbyte*, int*, int, int, int, int, int*, int> _denseForwardNonzero;
    private readonly delegate* unmanaged<sbyte*, sbyte*, int*, int, int, int, int, int, uint*, int*, int> _denseRowsTinTinNonzero;
    private readonly delegate* unmanaged<sbyte*, int, int, int, int, void> _rescaleWeights;

    private FastPathKernels(string path)
    {
        IntPtr lib = NativeLibrary.Load(path);
        _nonzeroInputs = (delegate* unmanaged<sbyte*, int, int*, int>)NativeLibrary.GetExport(lib, "tt_nonzero_inputs");
        _denseForwardNonzero = (delegate* unmanaged<sbyte*, int*, int, int, int, int, int*, int>)NativeLibrary.GetExport(lib, "tt_dense_forward_nonzero");
        _denseRowsTinTinNonzero = (delegate* unmanaged<sbyte*, sbyte*, int*, int, int, int, int, int, uint*, int*, int>)NativeLibrary.GetExport(lib, "tt_dense_update_rows_tintin_nonzero");
        _rescaleWeights = (delegate* unmanaged<sbyte*, int, int, int, int, void>)NativeLibrary.GetExport(lib, "tt_rescale_weights");
    }

    public static FastPathKernels For(string flavour) =>
        s_loaded.GetOrAdd(flavour, f => new FastPathKernels(NativeBuild.Library(f)));

    public int NonzeroInputs(sbyte[] x, int count, int[] list)
    {
        fixed (sbyte* px = x)
        fixed (int* pl = list)
        {
            return _nonzeroInputs(px, count, pl);
        }
    }

    public int DenseForwardNonzero(sbyte[] weights, int[] list, int nonzero, int inputs, int outputs, bool hasBias, int[] acc)
    {
        fixed (sbyte* w = weights)
        fixed (int* pl = list)
        fixed (int* a = acc)
        {
            return _denseForwardNonzero(w, pl, nonzero, inputs, outputs, hasBias ? 1 : 0, a);
        }
    }

    public int DenseRowsTinTinNonzero(sbyte[] weights, sbyte[] errors, int[] list, int nonzero, int inputs, int outputs, int mantissa, int shift, ref uint random, int[]? inputError)
    {
        uint r = random;
        int clamped;
        fixed (sbyte* w = weights)
        fixed (sbyte* e = errors)
        fixed (int* pl = list)
        fixed (int* d = inputError)
        {
            clamped = _denseRowsTinTinNonzero(w, e, pl, nonzero, inputs, outputs, mantissa, shift, &r, d);
        }

        random = r;
        return clamped;
    }

    public void RescaleWeights(sbyte[] weights, int count, int up, int down, int shift)
    {
        fixed (sbyte* w = weights)
        {
            _rescaleWeights(w, count, up, down, shift);
        }
    }
}
