// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost.Tests;

/// <summary>What an instrumented call returned and what it cost.</summary>
/// <param name="Result">The return value.</param>
/// <param name="Cost">Estimated interpreter instructions counted during the call.</param>
internal readonly record struct Measured(object? Result, long Cost);
