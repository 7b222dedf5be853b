// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using TinTin.IlCost.Fixture;

namespace TinTin.IlCost.Tests;

/// <summary>Instrumented methods compute what the originals compute, and throw what they throw.</summary>
[Collection(CostCounterCollection.Name)]
public class ResultPreservationTests
{
    public static IEnumerable<object[]> Cases()
    {
        int[] values = Enumerable.Range(-20, 70).Select(i => i * 3).ToArray();
        float[] floats = values.Select(v => v * 0.5f).ToArray();
        yield return ["StraightLine", "IntOps", new object[] { -4, 11 }];
        yield return ["StraightLine", "Mixed", new object[] { -2.5f, 1e10 }];
        yield return ["StraightLine", "LongOps", new object[] { long.MaxValue / 3, -7L }];
        yield return ["Loops", "IntSum", new object[] { 1234 }];
        yield return ["Loops", "IntDot", new object[] { values, values, values.Length }];
        yield return ["Loops", "FloatDot", new object[] { floats, floats, floats.Length }];
        yield return ["Calls", "ClampedSumFlat", new object[] { values }];
        yield return ["Calls", "ClampedSumWithHelper", new object[] { values }];
        yield return ["Calls", "Fibonacci", new object[] { 17 }];
        yield return ["ControlFlow", "SwitchInFinally", new object[] { 97 }];
        yield return ["ControlFlow", "CatchEveryThird", new object[] { 31 }];
        yield return ["ControlFlow", "FilteredCatch", new object[] { 41 }];
        yield return ["ControlFlow", "ThrowOut", new object[] { 21 }];
        yield return ["ControlFlow", "ThrowOut", new object[] { -1 }];
        yield return ["Shapes", "TotalArea", new object[] { 9 }];
        yield return ["Natives", "ClearInts", new object[] { values.ToArray(), 40 }];
        yield return ["Natives", "ClearBytes", new object[] { values.Select(v => (sbyte)v).ToArray(), 40 }];
        yield return ["Natives", "ClearEither", new object[] { values.ToArray(), 40, true }];
        yield return ["Natives", "ClearEither", new object[] { values.ToArray(), 40, false }];
        yield return ["Natives", "CopyInts", new object[] { values, 30 }];
        yield return ["Natives", "CopyFloatsAt", new object[] { floats, 30 }];
        yield return ["Natives", "ConcatLength", new object[] { "ab", "cde" }];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheInstrumentedMethodReturnsWhatTheOriginalReturns(string type, string method, object[] args)
    {
        object? original = InvokeOriginal(type, method, args);

        Measured run = Fixture.Run(type, method, args);

        Assert.Equal(original, run.Result);
        Assert.True(run.Cost > 0);
    }

    [Fact]
    public void AnUncaughtExceptionLeavesTheInstrumentedMethodAsItLeavesTheOriginal()
    {
        // The filter runs before the inner finally: n is still -5, so nothing catches the exception.
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlFlow.ThrowOut(-5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fixture.Run("ControlFlow", "ThrowOut", -5));
    }

    private static object? InvokeOriginal(string type, string method, object[] args)
    {
        Type original = typeof(Loops).Assembly.GetType($"{Fixture.AssemblyName}.{type}", throwOnError: true)!;
        try
        {
            return original.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
