// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Bench.Training;

/// <summary>The ways a model is trained in the benchmark.</summary>
public enum BenchMode
{
    /// <summary>The float reference (tools/TinTin.Reference).</summary>
    Fp32,

    /// <summary>lib-tintin in NITI mode (power-of-two scales, μ-bit updates).</summary>
    Niti,

    /// <summary>lib-tintin in Tin-Tin mode (compound scales, gradient-aligned updates, initial upscaling).</summary>
    TinTin,

    /// <summary>
    /// lib-tintin in NITI mode as published: int32 weight gradients accumulated over a mini-batch
    /// (<see cref="Models.LearningSchedule.NitiBatchSize"/> samples), then one μ-bit update
    /// (<see cref="Models.LearningSchedule.NitiBatchMuBits"/>) per batch.
    /// </summary>
    NitiBatch,
}

/// <summary>Command-line names of <see cref="BenchMode"/>.</summary>
public static class BenchModeNames
{
    /// <summary>The modes <c>--mode all</c> runs, in table order (<see cref="BenchMode.NitiBatch"/> runs only when asked for).</summary>
    public static readonly BenchMode[] All = [BenchMode.Fp32, BenchMode.Niti, BenchMode.TinTin];

    /// <summary>Every command-line name, <c>all</c> excluded.</summary>
    public static readonly string[] Names = ["fp32", "niti", "niti-batch", "tintin"];

    /// <summary>The name used on the command line and in JSON.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns><c>fp32</c>, <c>niti</c>, <c>niti-batch</c> or <c>tintin</c>.</returns>
    public static string Name(this BenchMode mode) => mode switch
    {
        BenchMode.Fp32 => "fp32",
        BenchMode.Niti => "niti",
        BenchMode.TinTin => "tintin",
        BenchMode.NitiBatch => "niti-batch",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>Parses a command-line name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The mode.</returns>
    /// <exception cref="ArgumentException">Not a mode name.</exception>
    public static BenchMode Parse(string name) => name switch
    {
        "fp32" => BenchMode.Fp32,
        "niti" => BenchMode.Niti,
        "tintin" => BenchMode.TinTin,
        "niti-batch" => BenchMode.NitiBatch,
        _ => throw new ArgumentException($"unknown mode '{name}' (fp32, niti, niti-batch or tintin)", nameof(name)),
    };
}
