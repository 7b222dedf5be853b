// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Linq;
using Mono.Cecil.Cil;
using TinTin.IlCost.Fixture;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost.Tests;

/// <summary>
/// With <see cref="InstrumentationOptions.PerMethod"/>, every block's weight goes to its own method:
/// the per-method costs add up to the total, which is what the plain instrumentation counts, and
/// each method's exclusive cost is the hand-listed weight of its own blocks.
/// </summary>
[Collection(CostCounterCollection.Name)]
public class PerMethodProfileTests
{
    public static IEnumerable<object[]> Cases()
    {
        int[] values = Enumerable.Range(-20, 70).Select(i => i * 3).ToArray();
        yield return ["StraightLine", "IntOps", new object[] { -4, 11 }];
        yield return ["Loops", "IntDot", new object[] { values, values, values.Length }];
        yield return ["Calls", "ClampedSumWithHelper", new object[] { values }];
        yield return ["Calls", "Fibonacci", new object[] { 12 }];
        yield return ["ControlFlow", "SwitchInFinally", new object[] { 23 }];
        yield return ["ControlFlow", "CatchEveryThird", new object[] { 31 }];
        yield return ["ControlFlow", "FilteredCatch", new object[] { 41 }];
        yield return ["ControlFlow", "ThrowOut", new object[] { -1 }];
        yield return ["Shapes", "TotalArea", new object[] { 9 }];
        yield return ["Natives", "ClearEither", new object[] { values.ToArray(), 50, true }];
        yield return ["Natives", "CopyFloatsAt", new object[] { values.Select(v => v * 0.5f).ToArray(), 60 }];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ThePerMethodCostsAddUpToTheTotalThePlainCopyCounts(string type, string method, object[] args)
    {
        Measured plain = Fixture.Run(type, method, args);
        (Measured run, CostProfile profile) = Fixture.Profile(type, method, args);

        Assert.True(run.Cost > 0);
        Assert.Equal(plain, run);
        Assert.Equal(run.Cost, profile.Total);
        Assert.Equal(run.Cost, profile.Entries.Sum(e => e.Cost));
        Assert.Equal(run.Cost, CostCounter.PerMethod.Sum());
        Assert.True(profile.CostOf(Fixture.Name(type, method)) > 0);
    }

    [Fact]
    public void AStraightLineMethodCostsItsHandListedWeights()
    {
        // IntOps, as listed in ExactnessTests: ldarg.0 35, ldarg.1 40, mul 28, ldc.i4.3 23, add 30,
        // ldarg.0 35, xor 20, ldarg.1 40, sub 31, ret 0.
        (Measured run, CostProfile profile) = Fixture.Profile("StraightLine", "IntOps", 6, 7);

        CostProfileEntry only = Assert.Single(profile.Entries);
        Assert.Equal(new CostProfileEntry(Fixture.Name("StraightLine", "IntOps"), 282), only);
        Assert.Equal(StraightLine.IntOps(6, 7), run.Result);
    }

    [Fact]
    public void TheSwitchInAFinallyCostsWhatExactnessTestsCount()
    {
        // The blocks of SwitchInFinally(5), as in ExactnessTests.EverySwitchArmAndTheFinallyCountOnce.
        long perIteration = 11 + 258 + 169 + 136;
        long arms = 165 + 168 + 168 + 166 + (30 + 163);
        long expected = 168 + (5 * perIteration) + arms + (6 * 143) + 36;

        (_, CostProfile profile) = Fixture.Profile("ControlFlow", "SwitchInFinally", 5);

        Assert.Equal(new CostProfileEntry(Fixture.Name("ControlFlow", "SwitchInFinally"), expected), Assert.Single(profile.Entries));
    }

    [Fact]
    public void ACallIsChargedToTheCallerAndTheCalleeBodyToTheCallee()
    {
        // Clamp: ldarg.0 stloc.0 ldloc.0 ldc.i4.s ble.s (214), for a value above the limit ldc.i4.s stloc.0
        // (72), then ldloc.0 ret (36). ClampedSumWithHelper: entry ldc.i4.0 stloc.0 ldc.i4.0 stloc.1 br.s
        // (168); per element the loop body with the call (443 + 47 for Clamp's local) and the increment
        // (899, see CallCostTests); the condition ldloc.1 ldarg.0 ldlen conv.i4 blt.s (37+49+32+60+71 = 249)
        // once more than the elements; the exit ldloc.0 ret (36).
        Assert.Equal(
            [Code.Ldarg_0, Code.Stloc_0, Code.Ldloc_0, Code.Ldc_I4_S, Code.Ble_S, Code.Ldc_I4_S, Code.Stloc_0, Code.Ldloc_0, Code.Ret],
            Fixture.Original("Calls", "Clamp").Body.Instructions.Select(i => i.OpCode.Code));
        int[] values = [5, 150, 100, 101, 0, 99, 300];
        int above = values.Count(v => v > Calls.Limit);
        long clamp = (values.Length * (214 + 36)) + (above * 72);
        long caller = 168 + (values.Length * 899) + ((values.Length + 1) * 249) + 36;

        (Measured run, CostProfile profile) = Fixture.Profile("Calls", "ClampedSumWithHelper", values);

        Assert.Equal(
            [new CostProfileEntry(Fixture.Name("Calls", "ClampedSumWithHelper"), caller), new CostProfileEntry(Fixture.Name("Calls", "Clamp"), clamp)],
            profile.Entries);
        Assert.Equal(caller + clamp, run.Cost);
        Assert.Equal(Calls.ClampedSumWithHelper(values), run.Result);
    }

    [Fact]
    public void VirtualCallsAreChargedToTheOverrideThatRuns()
    {
        // Per iteration, as in CallCostTests: DoubleArea 792 (its callvirt of Area included), the Area of a
        // Square or a Rectangle 380 each; TotalArea(10) alternates them.
        (Measured run, CostProfile profile) = Fixture.Profile("Shapes", "TotalArea", 10);

        Assert.Equal(10 * 792, profile.CostOf(Fixture.Name("Shape", "DoubleArea")));
        Assert.Equal(5 * 380, profile.CostOf(Fixture.Name("Square", "Area")));
        Assert.Equal(5 * 380, profile.CostOf(Fixture.Name("Rectangle", "Area")));
        Assert.Equal(0, profile.CostOf(Fixture.Name("Shape", "Area"))); // abstract: no body, no slot
        Assert.True(profile.CostOf(Fixture.Name("Square", ".ctor")) > 0);
        Assert.Equal(run.Cost, profile.Total);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void ARecursionIsOneMethod(int n)
    {
        // As in CallCostTests.RecursionCountsEveryCall.
        long leaves = Calls.Fibonacci(n + 1);
        long expected = (leaves * (129 + 35)) + ((leaves - 1) * (129 + 1094));

        (_, CostProfile profile) = Fixture.Profile("Calls", "Fibonacci", n);

        Assert.Equal(new CostProfileEntry(Fixture.Name("Calls", "Fibonacci"), expected), Assert.Single(profile.Entries));
    }

    [Fact]
    public void OverloadsAreNamedWithTheirParameterTypes()
    {
        (Measured run, CostProfile profile) = Fixture.Profile("Overloads", "Both", 4);

        Assert.Equal(
            [Fixture.Name("Overloads", "Both"), Fixture.Name("Overloads", "Scale(Int32)"), Fixture.Name("Overloads", "Scale(Single)")],
            profile.Entries.Select(e => e.Method).Order());
        Assert.Equal(Overloads.Both(4), run.Result);
    }
}
