// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using Mono.Cecil.Cil;
using TinTin.IlCost.Fixture;

namespace TinTin.IlCost.Tests;

/// <summary>
/// The counted cost of a method equals the sum of the table weights of the IL it executes. The IL is
/// listed by hand (and checked against the compiled fixture), each instruction with its weight from
/// mcu-cost.md, so the expected sums do not come from the code under test.
/// </summary>
[Collection(CostCounterCollection.Name)]
public class ExactnessTests
{
    [Fact]
    public void IntArithmetic()
    {
        AssertStraightLine(
            "IntOps",
            [
                (Code.Ldarg_0, 35), (Code.Ldarg_1, 40), (Code.Mul, 28), (Code.Ldc_I4_3, 23), (Code.Add, 30),
                (Code.Ldarg_0, 35), (Code.Xor, 20), (Code.Ldarg_1, 40), (Code.Sub, 31), (Code.Ret, 0),
            ],
            [6, 7],
            StraightLine.IntOps(6, 7));
    }

    [Fact]
    public void FloatThenDoubleArithmetic()
    {
        // float mul 61, conv.r8 of a float 48 (a same-class copy), double add 102
        AssertStraightLine(
            "Mixed",
            [(Code.Ldarg_0, 35), (Code.Ldc_R4, 48), (Code.Mul, 61), (Code.Conv_R8, 48), (Code.Ldarg_1, 40), (Code.Add, 102), (Code.Ret, 0)],
            [1.5f, 0.25],
            StraightLine.Mixed(1.5f, 0.25));
    }

    [Fact]
    public void LongArithmetic()
    {
        AssertStraightLine(
            "LongOps",
            [(Code.Ldarg_0, 35), (Code.Ldarg_1, 40), (Code.Add, 35), (Code.Ldarg_0, 35), (Code.Mul, 35), (Code.Ldarg_1, 40), (Code.Div, 541), (Code.Ret, 0)],
            [9L, 4L],
            StraightLine.LongOps(9, 4));
    }

    [Fact]
    public void ArrayReferenceLoadsAndLength()
    {
        // ldarg.0 of an array: 35 + 14; conv.i4 after ldlen: 60
        int[] values = [5, 6, 7];
        AssertStraightLine(
            "HeadPlusLength",
            [(Code.Ldarg_0, 49), (Code.Ldc_I4_0, 23), (Code.Ldelem_I4, 75), (Code.Ldarg_0, 49), (Code.Ldlen, 32), (Code.Conv_I4, 60), (Code.Add, 30), (Code.Ret, 0)],
            [values],
            StraightLine.HeadPlusLength(values));
    }

    [Fact]
    public void EverySwitchArmAndTheFinallyCountOnce()
    {
        // SwitchInFinally(5) takes each arm once. Its blocks (weights from the table, as in the IL):
        //   entry      ldc.i4.0 stloc.0 ldc.i4.0 stloc.1 br.s            23+46+23+46+30 = 168
        //   loop head  nop (the try's first instruction)                             11
        //   switch     ldloc.1 ldc.i4.5 rem stloc.2 ldloc.2 switch     37+23+44+46+37+71 = 258
        //   arms       ldloc.0 ldc.i4.{1 | s 10 | s 100 | 7} {add | sub} stloc.0 leave.s
        //                                              165, 168, 168, 166
        //   default    br.s (switch fall-through) 30, then ldloc.0 ldc.i4.3 mul stloc.0 leave.s 163
        //   finally    ldloc.0 ldloc.1 xor stloc.0 endfinally          36+37+20+46+30 = 169
        //   increment  ldloc.1 ldc.i4.1 add stloc.1                       37+23+30+46 = 136
        //   condition  ldloc.1 ldarg.0 blt.s (6 times)                       37+35+71 = 143
        //   exit       ldloc.0 ret                                                     36
        long perIteration = 11 + 258 + 169 + 136;
        long arms = 165 + 168 + 168 + 166 + (30 + 163);
        long expected = 168 + (5 * perIteration) + arms + (6 * 143) + 36;

        Measured run = Fixture.Run("ControlFlow", "SwitchInFinally", 5);

        Assert.Equal(ControlFlow.SwitchInFinally(5), run.Result);
        Assert.Equal(expected, run.Cost);
    }

    private static void AssertStraightLine(string method, (Code Code, int Weight)[] il, object[] args, object expected)
    {
        Code[] compiled = Fixture.Original("StraightLine", method).Body.Instructions.Select(i => i.OpCode.Code).ToArray();
        Assert.Equal(il.Select(i => i.Code), compiled);

        Measured run = Fixture.Run("StraightLine", method, args);

        Assert.Equal(expected, run.Result);
        Assert.Equal(il.Sum(i => (long)i.Weight), run.Cost);
    }
}
