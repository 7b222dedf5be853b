// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.IlCost.Runtime;

namespace TinTin.IlCost;

/// <summary>How <see cref="Instrumenter"/> instruments an assembly. Part of the cache key of an instrumented copy.</summary>
public sealed record InstrumentationOptions
{
    /// <summary>The plain instrumentation: each block adds its weight to <see cref="CostCounter.Total"/> only.</summary>
    public static InstrumentationOptions Default { get; } = new();

    /// <summary>The per-method profile: <see cref="PerMethod"/> on.</summary>
    public static InstrumentationOptions Profiling { get; } = new() { PerMethod = true };

    /// <summary>
    /// Whether each block also adds its weight to its method's slot of <see cref="CostCounter.PerMethod"/>
    /// (read with <see cref="CostProfile"/>). <see cref="CostCounter.Total"/> counts the same either way:
    /// the extra probe code is host-side bookkeeping, not priced. Off by default.
    /// </summary>
    public bool PerMethod { get; init; }
}
