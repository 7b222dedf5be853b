// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using TinTin.IlCost.Fixture;

namespace TinTin.IlCost.Tests;

/// <summary>The float dot product differs from the int one only where the table prices float apart.</summary>
[Collection(CostCounterCollection.Name)]
public class FloatVersusIntTests
{
    [Fact]
    public void TheFloatLoopCostsWhatTheTablePredictsMore()
    {
        int[] ia = Enumerable.Range(0, 100).ToArray();
        float[] fa = ia.Select(i => (float)i).ToArray();

        long intPerIteration = PerIteration("IntDot", ia, 50, 100);
        long floatPerIteration = PerIteration("FloatDot", fa, 50, 100);

        // Same loads (ldelem.r4 = ldelem.i4 = 75); float mul 61 vs int 28, float add 80 vs int 30.
        Assert.Equal((61 - 28) + (80 - 30), floatPerIteration - intPerIteration);
        Assert.Equal(603 + 148 + 83, floatPerIteration);
    }

    [Fact]
    public void OnlyTheAccumulatorsConstantDiffersOutsideTheLoop()
    {
        int[] ia = [1, 2, 3];
        float[] fa = [1, 2, 3];

        long intZeroTrip = Fixture.Cost("Loops", "IntDot", ia, ia, 0);
        long floatZeroTrip = Fixture.Cost("Loops", "FloatDot", fa, fa, 0);

        Assert.Equal(48 - 23, floatZeroTrip - intZeroTrip); // ldc.r4 0 vs ldc.i4.0
        Assert.Equal(Loops.FloatDot(fa, fa, 3), Fixture.Run("Loops", "FloatDot", fa, fa, 3).Result);
    }

    private static long PerIteration<T>(string method, T[] values, int n, int twice)
    {
        long once = Fixture.Cost("Loops", method, values, values, n);
        long more = Fixture.Cost("Loops", method, values, values, twice);
        Assert.Equal(0, (more - once) % (twice - n));
        return (more - once) / (twice - n);
    }
}
