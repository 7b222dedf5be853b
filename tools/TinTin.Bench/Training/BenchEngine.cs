// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.NativeHost;
using TinTin.Training;

namespace TinTin.Bench.Training;

/// <summary>The kernels lib-tintin's layers run on in a benchmark run (the kernel seam, <see cref="TrainingKernels"/>).</summary>
public enum BenchEngine
{
    /// <summary>lib-tintin's managed kernels (<see cref="ManagedKernels"/>): the default, and the only engine the interpreter cost is counted on.</summary>
    Managed,

    /// <summary>The C kernels of lib-tintin/native in a shared library built with the machine's C compiler (<see cref="HostNativeKernels"/>).</summary>
    Native,
}

/// <summary>Command-line names of <see cref="BenchEngine"/>, and the kernels of each.</summary>
public static class BenchEngineNames
{
    /// <summary>The name used on the command line and in JSON.</summary>
    /// <param name="engine">The engine.</param>
    /// <returns><c>managed</c> or <c>native</c>.</returns>
    public static string Name(this BenchEngine engine) => engine switch
    {
        BenchEngine.Managed => "managed",
        BenchEngine.Native => "native",
        _ => throw new ArgumentOutOfRangeException(nameof(engine)),
    };

    /// <summary>Parses a command-line name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="ArgumentException">Not an engine name.</exception>
    public static BenchEngine Parse(string name) => name switch
    {
        "managed" => BenchEngine.Managed,
        "native" => BenchEngine.Native,
        _ => throw new ArgumentException($"unknown engine '{name}' (managed or native)", nameof(name)),
    };

    /// <summary>Fresh kernels of an engine, for one model.</summary>
    /// <param name="engine">The engine.</param>
    /// <returns>The kernels.</returns>
    /// <exception cref="NativeEngineUnavailableException">The native engine cannot be built or loaded here (e.g. no C compiler).</exception>
    public static TrainingKernels CreateKernels(this BenchEngine engine) => engine switch
    {
        BenchEngine.Managed => new ManagedKernels(),
        BenchEngine.Native => HostNativeKernels.Load(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine)),
    };
}
