// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using TinTin.Native.Tests.Support;

namespace TinTin.Native.Tests.ModelStep;

/// <summary>
/// lib-tintin/native/bench/tt_model.c (the C model runner the Cortex-M3 benchmark measures) with the
/// kernels and the benchmark's samples, built with the machine's gcc into one shared library per test
/// run, with the kernels' warning flags, -O2 and -O1 with the undefined-behaviour sanitizer trapping.
/// The runner keeps one model in static storage: callers must not use it from two threads.
/// </summary>
public sealed unsafe class ModelRunner
{
    private const string Warnings = "-std=c99 -pedantic -Wall -Wextra -Wconversion -Wshadow -Werror";

    private static readonly Lazy<ModelRunner> s_optimized = new(() => new ModelRunner(Build("O2", "-O2")));
    private static readonly Lazy<ModelRunner> s_ubsan = new(() => new ModelRunner(Build("ubsan", "-O1 -fsanitize=undefined -fsanitize-undefined-trap-on-error -fno-sanitize-recover=all")));

    private readonly delegate* unmanaged<int, uint, int, int> _build;
    private readonly delegate* unmanaged<int> _layerCount;
    private readonly delegate* unmanaged<int, int*, int> _layerInfo;
    private readonly delegate* unmanaged<int*, void> _buffers;
    private readonly delegate* unmanaged<int, sbyte*> _weights;
    private readonly delegate* unmanaged<int, int*> _biases;
    private readonly delegate* unmanaged<int, int*, void> _weightScale;
    private readonly delegate* unmanaged<sbyte*, int, int, int> _train;
    private readonly delegate* unmanaged<sbyte*, int, int> _predict;
    private readonly delegate* unmanaged<int*, sbyte*> _output;
    private readonly delegate* unmanaged<uint> _random;
    private readonly delegate* unmanaged<int, int, int*, int*, int*, sbyte*> _sample;

    private ModelRunner(string path)
    {
        IntPtr lib = NativeLibrary.Load(path);
        _build = (delegate* unmanaged<int, uint, int, int>)NativeLibrary.GetExport(lib, "tt_bench_build");
        _layerCount = (delegate* unmanaged<int>)NativeLibrary.GetExport(lib, "tt_bench_layer_count");
        _layerInfo = (delegate* unmanaged<int, int*, int>)NativeLibrary.GetExport(lib, "tt_bench_layer_info");
        _buffers = (delegate* unmanaged<int*, void>)NativeLibrary.GetExport(lib, "tt_bench_buffers");
        _weights = (delegate* unmanaged<int, sbyte*>)NativeLibrary.GetExport(lib, "tt_bench_weights");
        _biases = (delegate* unmanaged<int, int*>)NativeLibrary.GetExport(lib, "tt_bench_biases");
        _weightScale = (delegate* unmanaged<int, int*, void>)NativeLibrary.GetExport(lib, "tt_bench_weight_scale");
        _train = (delegate* unmanaged<sbyte*, int, int, int>)NativeLibrary.GetExport(lib, "tt_bench_train");
        _predict = (delegate* unmanaged<sbyte*, int, int>)NativeLibrary.GetExport(lib, "tt_bench_predict");
        _output = (delegate* unmanaged<int*, sbyte*>)NativeLibrary.GetExport(lib, "tt_bench_output");
        _random = (delegate* unmanaged<uint>)NativeLibrary.GetExport(lib, "tt_bench_random");
        _sample = (delegate* unmanaged<int, int, int*, int*, int*, sbyte*>)NativeLibrary.GetExport(lib, "tt_bench_sample");
    }

    /// <summary>The -O2 build.</summary>
    public static ModelRunner Optimized => s_optimized.Value;

    /// <summary>The -O1 build whose signed overflows and bad shifts trap.</summary>
    public static ModelRunner UndefinedBehaviourTrap => s_ubsan.Value;

    public static ModelRunner For(string flavour) => flavour == NativeBuild.Optimized ? Optimized : UndefinedBehaviourTrap;

    public bool Build(int model, uint seed, int learningRateShift) => _build(model, seed, learningRateShift) == 0;

    public int LayerCount => _layerCount();

    /// <summary>kind, in size, out size, weight count, bias count, channels per backward pass (convolutions, else 0).</summary>
    public int[] LayerInfo(int layer)
    {
        var info = new int[6];
        fixed (int* p = info)
        {
            Assert.Equal(0, _layerInfo(layer, p));
        }

        return info;
    }

    /// <summary>The accumulator row's and the gradient row's lengths (ints).</summary>
    public int[] Buffers()
    {
        var info = new int[2];
        fixed (int* p = info)
        {
            _buffers(p);
        }

        return info;
    }

    public sbyte[] Weights(int layer, int count)
    {
        var copy = new sbyte[count];
        Marshal.Copy((IntPtr)_weights(layer), (byte[])(Array)copy, 0, count);
        return copy;
    }

    public int[] Biases(int layer, int count)
    {
        var copy = new int[count];
        Marshal.Copy((IntPtr)_biases(layer), copy, 0, count);
        return copy;
    }

    /// <summary>shift, up, down of the weight scale, and the updates since the last range check.</summary>
    public int[] WeightScale(int layer)
    {
        var scale = new int[4];
        fixed (int* p = scale)
        {
            _weightScale(layer, p);
        }

        return scale;
    }

    public int Train(sbyte[] input, int log2Scale, int label)
    {
        fixed (sbyte* x = input)
        {
            return _train(x, log2Scale, label);
        }
    }

    public int Predict(sbyte[] input, int log2Scale)
    {
        fixed (sbyte* x = input)
        {
            return _predict(x, log2Scale);
        }
    }

    /// <summary>The output values, and shift, up, down, max |value|, length.</summary>
    public (sbyte[] Data, int[] Info) Output()
    {
        var info = new int[5];
        sbyte* data;
        fixed (int* p = info)
        {
            data = _output(p);
        }

        var copy = new sbyte[info[4]];
        Marshal.Copy((IntPtr)data, (byte[])(Array)copy, 0, copy.Length);
        return (copy, info);
    }

    public uint Random => _random();

    /// <summary>The benchmark's sample (bench_samples.c).</summary>
    public (sbyte[] Input, int Log2Scale, int Label) Sample(int model, int index)
    {
        int length, scale, label;
        sbyte* p = _sample(model, index, &length, &scale, &label);
        Assert.True(p != null, $"no benchmark sample {index} for model {model}");
        var copy = new sbyte[length];
        Marshal.Copy((IntPtr)p, (byte[])(Array)copy, 0, length);
        return (copy, scale, label);
    }

    private static string Build(string name, string flags)
    {
        string gcc = Tool.Find("gcc")
            ?? throw new InvalidOperationException("gcc was not found on the PATH: the model-step tests build lib-tintin/native/bench with the machine's C compiler (Debian: apt-get install gcc).");
        string folder = Directory.CreateTempSubdirectory("tintin-model-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => CrossToolchain.TryDelete(folder);
        string bench = Path.Combine(Repo.NativeSources, "bench");
        string output = Path.Combine(folder, "tintin_model_" + name + (RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? ".dylib" : ".so"));
        string link = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? " -Wl,-Bsymbolic" : "";
        string sources = string.Join(" ", Directory.GetFiles(Repo.NativeSources, "*.c")
            .Concat(new[] { Path.Combine(bench, "tt_model.c"), Path.Combine(bench, "bench_samples.c") })
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => "\"" + f + "\""));
        var result = Tool.Run(gcc, $"{Warnings} {flags} -fPIC -shared{link} -o \"{output}\" {sources}");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe($"gcc {Warnings} {flags} -fPIC -shared (lib-tintin/native + bench/tt_model.c)"));
        }

        return output;
    }
}
