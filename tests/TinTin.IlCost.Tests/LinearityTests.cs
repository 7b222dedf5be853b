// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using TinTin.IlCost.Fixture;

namespace TinTin.IlCost.Tests;

/// <summary>A loop of n iterations costs a + n·b, with b the hand-summed weights of one iteration.</summary>
[Collection(CostCounterCollection.Name)]
public class LinearityTests
{
    // IntSum: entry  ldc.i4.0 stloc.0 ldc.i4.0 stloc.1 br.s               23+46+23+46+30 = 168
    //         body   ldloc.0 ldloc.1 add stloc.0 ldloc.1 ldc.i4.1 add stloc.1
    //                                                        36+37+30+46+37+23+30+46 = 285
    //         cond   ldloc.1 ldarg.0 blt.s (n + 1 times)                   37+35+71 = 143
    //         exit   ldloc.0 ret                                                      36
    private const long IntSumPerIteration = 285 + 143;
    private const long IntSumFixed = 168 + 143 + 36;

    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    public void IntSumIsAPlusNTimesB(int n)
    {
        long once = Fixture.Cost("Loops", "IntSum", n);
        long twice = Fixture.Cost("Loops", "IntSum", 2 * n);

        Assert.Equal(IntSumPerIteration, (twice - once) / n);
        Assert.Equal(0, (twice - once) % n);
        Assert.Equal(IntSumFixed, once - (n * IntSumPerIteration));
        Assert.Equal(IntSumFixed, Fixture.Cost("Loops", "IntSum", 0));
    }

    [Fact]
    public void IntDotIsAPlusNTimesB()
    {
        // body: ldloc.0 36, ldarg.0 (array) 49, ldloc.1 37, ldelem.i4 75, ldarg.1 (array) 54, ldloc.1 37,
        //       ldelem.i4 75, mul 28, add 30, stloc.0 46, ldloc.1 37, ldc.i4.1 23, add 30, stloc.1 46 = 603
        // cond: ldloc.1 37, ldarg.2 40, blt.s 71 = 148
        const long perIteration = 603 + 148;
        const long fixedPart = 168 + 148 + 36;
        int[] a = Enumerable.Range(1, 64).ToArray();
        int[] b = Enumerable.Range(3, 64).ToArray();

        Measured half = Fixture.Run("Loops", "IntDot", a, b, 32);
        Measured full = Fixture.Run("Loops", "IntDot", a, b, 64);

        Assert.Equal(Loops.IntDot(a, b, 64), full.Result);
        Assert.Equal(fixedPart + (32 * perIteration), half.Cost);
        Assert.Equal(fixedPart + (64 * perIteration), full.Cost);
    }
}
