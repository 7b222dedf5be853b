// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost.Tests;

/// <summary>
/// Tests that run instrumented code share one process-wide counter, so they run one at a time,
/// apart from every other test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CostCounterCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "CostCounter";
}
