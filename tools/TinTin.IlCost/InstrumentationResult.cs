// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost;

/// <summary>What <see cref="Instrumenter.Instrument"/> did.</summary>
/// <param name="AssemblyName">The simple name of the assembly (unchanged by instrumentation).</param>
/// <param name="Methods">Method bodies that received at least one probe.</param>
/// <param name="Probes">Basic blocks that received a probe (blocks of weight 0 get none).</param>
public sealed record InstrumentationResult(string AssemblyName, int Methods, int Probes);
