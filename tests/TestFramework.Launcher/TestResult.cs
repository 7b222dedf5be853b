// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.TestLauncher;

/// <summary>The outcome the device prints for a case.</summary>
public enum TestOutcome
{
    /// <summary>The case ran without an exception.</summary>
    Passed,

    /// <summary>The case threw, or was rejected by a device rule.</summary>
    Failed,

    /// <summary>The case threw SkipTestException, or its class's [Setup] did.</summary>
    Skipped,
}

/// <summary>One result line of the device launcher, as an object.</summary>
/// <param name="Name">The case name.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Message">The failure or skip message; empty when passed.</param>
/// <param name="Ticks">Run time in 100 ns ticks (the device prints DateTime ticks).</param>
/// <param name="Output">What the case wrote to the console (OutputHelper), for diagnosis.</param>
/// <param name="Exception">The exception the case threw, if any, for its host stack trace.</param>
public sealed record TestResult(
    string Name,
    TestOutcome Outcome,
    string Message,
    long Ticks = 0,
    string Output = "",
    Exception? Exception = null)
{
    /// <summary>The line the device launcher prints for this result.</summary>
    public string DeviceLine => Outcome switch
    {
        TestOutcome.Passed => $"Test passed,{Name},{Ticks}",
        TestOutcome.Failed => $"Test failed,{Name},{Message}",
        _ => $"Test skipped,{Name},{Message}",
    };
}
