// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost.Tests;

/// <summary>Reading a profile: snapshots, their difference, the text table.</summary>
[Collection(CostCounterCollection.Name)]
public class CostProfileTests
{
    // ClampedSumWithHelper over 40 values below the limit (see PerMethodProfileTests): the caller
    // 168 + 40 * 899 + 41 * 249 + 36, Clamp 40 * (214 + 36).
    private const long Caller = 46_373;
    private const long Clamp = 10_000;

    private static readonly int[] Values = [.. System.Linq.Enumerable.Range(0, 40)];

    [Fact]
    public void TheDifferenceOfTwoSnapshotsIsWhatRanBetween()
    {
        (_, CostProfile first) = Fixture.Profile("Calls", "ClampedSumWithHelper", Values);
        Fixture.ProfilingContext.InvokeStatic(Fixture.AssemblyName, "TinTin.IlCost.Fixture.Calls", "Fibonacci", 10);
        CostProfile both = CostProfile.Snapshot();

        CostProfile difference = CostProfile.Difference(first, both);

        Assert.Equal(Caller, first.CostOf(Fixture.Name("Calls", "ClampedSumWithHelper")));
        Assert.Equal(Clamp, first.CostOf(Fixture.Name("Calls", "Clamp")));
        Assert.Equal(CostCounter.Total - first.Total, difference.Total);
        Assert.Equal(Fixture.Name("Calls", "Fibonacci"), Assert.Single(difference.Entries).Method);
        Assert.Equal(3, both.Entries.Count);
        Assert.Empty(CostProfile.Difference(both, both).Entries);
    }

    [Fact]
    public void ASnapshotIsACopy()
    {
        (_, CostProfile profile) = Fixture.Profile("Calls", "ClampedSumWithHelper", Values);
        Fixture.ProfilingContext.InvokeStatic(Fixture.AssemblyName, "TinTin.IlCost.Fixture.Calls", "ClampedSumWithHelper", Values);

        Assert.Equal(Caller + Clamp, profile.Total);
        Assert.Equal(2 * (Caller + Clamp), CostProfile.Snapshot().Total);
    }

    [Fact]
    public void TheTableListsTheTopMethodsTheRestAndTheTotal()
    {
        (_, CostProfile profile) = Fixture.Profile("Calls", "ClampedSumWithHelper", Values);

        string expected =
            "rank  share %             cost  method\n" +
            "   1     82.3           46,373  TinTin.IlCost.Fixture.Calls::ClampedSumWithHelper\n" +
            "         17.7           10,000  (1 more method)\n" +
            "        100.0           56,373  total (2 methods)\n";
        Assert.Equal(expected, profile.Format(1));
        Assert.Contains("   2     17.7           10,000  TinTin.IlCost.Fixture.Calls::Clamp\n", profile.Format(5));
        Assert.DoesNotContain("more", profile.Format(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => profile.Format(-1));
    }
}
