// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using TinTin.IlCost.Fixture;

namespace TinTin.IlCost.Tests;

/// <summary>Calls cost what the table says: 443 + 47 per callee local for a static call, 493 / 692 for callvirt.</summary>
[Collection(CostCounterCollection.Name)]
public class CallCostTests
{
    [Fact]
    public void AHelperCallPerElementCostsAboutACallAndItsLocals()
    {
        int locals = Fixture.Original("Calls", "Clamp").Body.Variables.Count;
        int[] small = Enumerable.Range(0, 40).Select(i => i * 7).ToArray(); // some above the limit
        int[] large = [.. small, .. small];

        long flat = Fixture.Cost("Calls", "ClampedSumFlat", large) - Fixture.Cost("Calls", "ClampedSumFlat", small);
        long helper = Fixture.Cost("Calls", "ClampedSumWithHelper", large) - Fixture.Cost("Calls", "ClampedSumWithHelper", small);
        long perElement = (helper - flat) / small.Length;

        // The call, plus the few loads and stores that moving the clamp into a method adds.
        long call = InterpreterCostTable.StaticCall + (locals * InterpreterCostTable.CalleeLocalSurcharge);
        Assert.Equal(1, locals);
        Assert.InRange(perElement, call, call + 60);

        // Exactly: the helper loop's body keeps ldloc.0 ldarg.0 ldloc.1 ldelem.i4 call add stloc.0 and the
        // increment (899 with the call's 490) and runs Clamp's ldarg.0 stloc.0 ldloc.0 ldc.i4.s ble.s
        // ldloc.0 ret (214 + 36); the flat loop's body is 341 + 285. The clamp itself (72) is the same.
        Assert.Equal(899 + 214 + 36 - (341 + 285), perElement);
        Assert.Equal(Calls.ClampedSumFlat(large), Fixture.Run("Calls", "ClampedSumWithHelper", large).Result);
    }

    [Fact]
    public void VirtualAndNonVirtualCallsArePricedApart()
    {
        // Per iteration of TotalArea: the loop body with callvirt DoubleArea (non-virtual: 493) 1104,
        // the condition 143, DoubleArea (ldc.i4.2 ldarg.0 callvirt Area (virtual: 692) mul ret) 792,
        // Area (ldarg.0 ldfld ldarg.0 ldfld mul ret, this being a reference: 49 + 127 twice + 28) 380.
        const long perIteration = 1104 + 143 + 792 + 380;

        long once = Fixture.Cost("Shapes", "TotalArea", 10);
        long twice = Fixture.Cost("Shapes", "TotalArea", 20);

        Assert.Equal(perIteration, (twice - once) / 10);
        Assert.Equal(Shapes.TotalArea(20), Fixture.Run("Shapes", "TotalArea", 20).Result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(15)]
    public void RecursionCountsEveryCall(int n)
    {
        // Each call runs ldarg.0 ldc.i4.2 blt.s (129), then either ldarg.0 ret (35) or both recursive calls
        // (ldarg.0 ldc.i4.1 sub call, ldarg.0 ldc.i4.2 sub call, add ret: 1094, no locals). Fibonacci(n)
        // makes Fibonacci(n + 1) leaf calls and Fibonacci(n + 1) - 1 inner ones.
        long leaves = Fibonacci(n + 1);
        long expected = (leaves * (129 + 35)) + ((leaves - 1) * (129 + 1094));

        Measured run = Fixture.Run("Calls", "Fibonacci", n);

        Assert.Equal(Calls.Fibonacci(n), run.Result);
        Assert.Equal(expected, run.Cost);
    }

    private static long Fibonacci(int n)
    {
        long a = 0;
        long b = 1;
        for (int i = 0; i < n; i++)
        {
            (a, b) = (b, a + b);
        }

        return a;
    }
}
