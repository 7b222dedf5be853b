// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using TinTin.IlCost.Fixture;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost.Tests;

/// <summary>
/// Array.Clear and Array.Copy are native on nanoCLR and their cost grows with their length: a call is priced
/// at its calibrated fixed weight, plus 3 instructions per byte cleared or 4 per byte moved, charged at run time
/// (see docs/results.md, "Calibrating the cost counter"). A framework method's .NET locals are not charged.
/// </summary>
[Collection(CostCounterCollection.Name)]
public class NativeCallCostTests
{
    [Theory]
    [InlineData(0, 1000)]
    [InlineData(7, 4096)]
    public void ClearingIntsCostsTwelveMorePerElement(int shorter, int longer)
    {
        long small = Fixture.Run("Natives", "ClearInts", Ones(4096), shorter).Cost;
        long large = Fixture.Run("Natives", "ClearInts", Ones(4096), longer).Cost;

        Assert.Equal((longer - shorter) * 4 * NativeCosts.ClearPerByte, large - small);
        Assert.Equal(12, 4 * NativeCosts.ClearPerByte);
    }

    [Fact]
    public void ClearingSbytesCostsAQuarterOfClearingInts()
    {
        long none = Fixture.Run("Natives", "ClearBytes", new sbyte[1000], 0).Cost;
        long all = Fixture.Run("Natives", "ClearBytes", new sbyte[1000], 1000).Cost;

        Assert.Equal(1000 * NativeCosts.ClearPerByte, all - none);
    }

    [Fact]
    public void ClearingAfterABranchIsChargedToo()
    {
        // The length comes from a conditional expression, so the call starts a basic block; the stand-in is
        // reached from both branches, with and without the per-method profile.
        long short1 = Fixture.Run("Natives", "ClearEither", Ones(500), 100, true).Cost;
        long long1 = Fixture.Run("Natives", "ClearEither", Ones(500), 400, true).Cost;
        (Measured profiled, CostProfile profile) = Fixture.Profile("Natives", "ClearEither", Ones(500), 400, true);

        Assert.Equal(300 * 12, long1 - short1);
        Assert.Equal(long1, profiled.Cost);
        Assert.Equal(long1, profile.Total);
        Assert.Equal(100, Fixture.Run("Natives", "ClearEither", Ones(500), 400, true).Result);
        Assert.Equal(499, Fixture.Run("Natives", "ClearEither", Ones(500), 400, false).Result);
    }

    [Fact]
    public void CopyingCostsFourPerByteMovedInBothOverloads()
    {
        int[] source = Enumerable.Range(1, 600).ToArray();
        float[] floats = source.Select(v => (float)v).ToArray();

        long ints = Fixture.Run("Natives", "CopyInts", source, 600).Cost - Fixture.Run("Natives", "CopyInts", source, 100).Cost;
        long atOffsets = Fixture.Run("Natives", "CopyFloatsAt", floats, 500).Cost - Fixture.Run("Natives", "CopyFloatsAt", floats, 0).Cost;

        Assert.Equal(500 * 4 * NativeCosts.CopyPerByte, ints);
        Assert.Equal(500 * 4 * NativeCosts.CopyPerByte, atOffsets);
        Assert.Equal(Natives.CopyInts(source, 600), Fixture.Run("Natives", "CopyInts", source, 600).Result);
    }

    [Fact]
    public void TheLengthDependentPartGoesToTheCallersProfileSlot()
    {
        (Measured run, CostProfile profile) = Fixture.Profile("Natives", "ClearInts", Ones(2000), 2000);
        (Measured shorter, CostProfile shorterProfile) = Fixture.Profile("Natives", "ClearInts", Ones(2000), 0);

        string clear = Fixture.Name("Natives", "ClearInts");
        Assert.Equal(2000 * 12, profile.CostOf(clear) - shorterProfile.CostOf(clear));
        Assert.Equal(run.Cost, profile.Entries.Sum(e => e.Cost));
        Assert.Equal(shorter.Cost, shorterProfile.Total);
    }

    [Fact]
    public void ANativeCallInstructionWeighsItsCalibratedCall()
    {
        Assert.Equal(InterpreterCostTable.ArrayClearCall, CallWeight("ClearInts", "Clear"));
        Assert.Equal(InterpreterCostTable.ArrayCopyCall, CallWeight("CopyInts", "Copy"));
        Assert.Equal(InterpreterCostTable.ArrayCopyCall, CallWeight("CopyFloatsAt", "Copy"));
        Assert.True(InterpreterCostTable.ArrayClearCall > InterpreterCostTable.StaticCall);
        Assert.True(InterpreterCostTable.ArrayCopyCall > InterpreterCostTable.ArrayClearCall);
    }

    [Fact]
    public void AFrameworkCalleesDotNetLocalsAreNotCharged()
    {
        MethodDefinition concat = Callee("ConcatLength", "Concat").Resolve();
        Assert.True(concat.HasBody && concat.Body.Variables.Count > 0, "the test needs a framework callee with IL locals");

        Assert.Equal(InterpreterCostTable.StaticCall, CallWeight("ConcatLength", "Concat"));
    }

    [Theory]
    [InlineData(typeof(sbyte), 1)]
    [InlineData(typeof(bool), 1)]
    [InlineData(typeof(short), 2)]
    [InlineData(typeof(char), 2)]
    [InlineData(typeof(int), 4)]
    [InlineData(typeof(float), 4)]
    [InlineData(typeof(DayOfWeek), 4)]
    [InlineData(typeof(long), 8)]
    [InlineData(typeof(double), 8)]
    [InlineData(typeof(string), NativeCosts.ReferenceElementBytes)]
    public void ElementsTakeTheirMcuSize(Type element, int bytes)
    {
        Assert.Equal(bytes, NativeCosts.ElementBytes(element));
        Assert.Equal(3L * bytes, NativeCosts.Bytes(Array.CreateInstance(element, 5), 3));
    }

    [Fact]
    public void ANegativeLengthOrANullArrayChargesNothingAndStillThrows()
    {
        Assert.Equal(0, NativeCosts.Bytes(null, 10));
        Assert.Equal(0, NativeCosts.Bytes(new int[4], -1));
        long before = CostCounter.Total;
        Assert.Throws<IndexOutOfRangeException>(() => NativeCosts.Clear(new int[4], 0, -1)); // what .NET's Array.Clear throws
        Assert.Equal(before, CostCounter.Total);
    }

    private static int[] Ones(int length) => Enumerable.Repeat(1, length).ToArray();

    private static Instruction CallOf(string method, string callee) =>
        Fixture.Original("Natives", method).Body.Instructions.Single(i => i.OpCode.Code == Code.Call && ((MethodReference)i.Operand).Name == callee);

    private static MethodReference Callee(string method, string callee) => (MethodReference)CallOf(method, callee).Operand;

    private static int CallWeight(string method, string callee)
    {
        MethodDefinition original = Fixture.Original("Natives", method);
        Instruction call = CallOf(method, callee);
        BasicBlock block = BlockAnalyzer.Analyze(original.Body).Single(b => b.Instructions.Contains(call));
        return block.Weights[block.Instructions.ToList().IndexOf(call)];
    }
}
