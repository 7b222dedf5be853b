// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Linq;
using Mono.Cecil.Cil;

namespace TinTin.IlCost.Tests;

public class InterpreterCostTableTests
{
    [Fact]
    public void EveryOpcodeHasAWeightAndOnlyRetIsFree()
    {
        Code[] free = Enum.GetValues<Code>().Where(code => InterpreterCostTable.Weight(code) == 0).ToArray();

        Assert.Equal([Code.Ret], free);
        Assert.DoesNotContain(Enum.GetValues<Code>(), code => InterpreterCostTable.Weight(code) < 0);
    }

    [Theory]
    // the rows of mcu-cost.md, as printed
    [InlineData(Code.Nop, StackKind.Int32, 11)]
    [InlineData(Code.Pop, StackKind.Int32, 11)]
    [InlineData(Code.Dup, StackKind.Int32, 29)]
    [InlineData(Code.Ldloc_0, StackKind.Int32, 36)]
    [InlineData(Code.Ldloc_2, StackKind.Int32, 37)]
    [InlineData(Code.Ldloc_S, StackKind.Int32, 42)]
    [InlineData(Code.Ldarg_0, StackKind.Int32, 35)]
    [InlineData(Code.Ldarg_3, StackKind.Int32, 40)]
    [InlineData(Code.Stloc_1, StackKind.Int32, 46)]
    [InlineData(Code.Stloc_S, StackKind.Int32, 48)]
    [InlineData(Code.Ldc_I4_7, StackKind.Int32, 23)]
    [InlineData(Code.Ldc_I4_S, StackKind.Int32, 26)]
    [InlineData(Code.Ldc_I4, StackKind.Int32, 38)]
    [InlineData(Code.Ldc_R4, StackKind.Int32, 48)]
    [InlineData(Code.Add, StackKind.Int32, 30)]
    [InlineData(Code.Sub, StackKind.Int32, 31)]
    [InlineData(Code.Mul, StackKind.Int32, 28)]
    [InlineData(Code.Div, StackKind.Int32, 42)]
    [InlineData(Code.Rem, StackKind.Int32, 44)]
    [InlineData(Code.And, StackKind.Int32, 19)]
    [InlineData(Code.Or, StackKind.Int32, 20)]
    [InlineData(Code.Xor, StackKind.Int32, 20)]
    [InlineData(Code.Not, StackKind.Int32, 18)]
    [InlineData(Code.Shl, StackKind.Int32, 26)]
    [InlineData(Code.Shr, StackKind.Int32, 27)]
    [InlineData(Code.Shr_Un, StackKind.Int32, 26)]
    [InlineData(Code.Neg, StackKind.Int32, 28)]
    [InlineData(Code.Ceq, StackKind.Int32, 72)]
    [InlineData(Code.Clt, StackKind.Int32, 72)]
    [InlineData(Code.Cgt, StackKind.Int32, 75)]
    [InlineData(Code.Add, StackKind.Int64, 35)]
    [InlineData(Code.Sub, StackKind.Int64, 36)]
    [InlineData(Code.Mul, StackKind.Int64, 35)]
    [InlineData(Code.Div, StackKind.Int64, 541)]
    [InlineData(Code.Conv_I1, StackKind.Int32, 87)]
    [InlineData(Code.Conv_U1, StackKind.Int32, 70)]
    [InlineData(Code.Conv_I2, StackKind.Int32, 89)]
    [InlineData(Code.Conv_I4, StackKind.NativeInt, 60)]
    [InlineData(Code.Conv_I4, StackKind.Int32, 83)]
    [InlineData(Code.Conv_I4, StackKind.Int64, 48)]
    [InlineData(Code.Conv_I8, StackKind.Int32, 83)]
    [InlineData(Code.Conv_R4, StackKind.Int32, 156)]
    [InlineData(Code.Conv_I4, StackKind.Float32, 266)]
    [InlineData(Code.Ldelem_I1, StackKind.Int32, 87)]
    [InlineData(Code.Ldelem_U1, StackKind.Int32, 86)]
    [InlineData(Code.Ldelem_I4, StackKind.Int32, 75)]
    [InlineData(Code.Ldelem_R4, StackKind.Int32, 75)]
    [InlineData(Code.Stelem_I1, StackKind.Int32, 107)]
    [InlineData(Code.Stelem_I4, StackKind.Int32, 97)]
    [InlineData(Code.Stelem_R4, StackKind.Int32, 97)]
    [InlineData(Code.Ldlen, StackKind.Int32, 32)]
    [InlineData(Code.Ldelema, StackKind.Int32, 49)]
    [InlineData(Code.Ldfld, StackKind.Int32, 127)]
    [InlineData(Code.Stfld, StackKind.Int32, 123)]
    [InlineData(Code.Ldsfld, StackKind.Int32, 135)]
    [InlineData(Code.Stsfld, StackKind.Int32, 127)]
    [InlineData(Code.Br, StackKind.Int32, 30)]
    [InlineData(Code.Blt, StackKind.Int32, 71)]
    [InlineData(Code.Brtrue, StackKind.Int32, 38)]
    [InlineData(Code.Call, StackKind.Int32, 443)]
    [InlineData(Code.Callvirt, StackKind.Int32, 493)]
    [InlineData(Code.Newobj, StackKind.Int32, 1649)]
    [InlineData(Code.Newarr, StackKind.Int32, 422)]
    [InlineData(Code.Add, StackKind.Float32, 80)]
    [InlineData(Code.Mul, StackKind.Float32, 61)]
    [InlineData(Code.Div, StackKind.Float32, 228)]
    [InlineData(Code.Clt, StackKind.Float32, 232)]
    [InlineData(Code.Add, StackKind.Float64, 102)]
    [InlineData(Code.Mul, StackKind.Float64, 95)]
    // filled-in neighbours (see the comments in InterpreterCostTable)
    [InlineData(Code.Ret, StackKind.Int32, 0)]
    [InlineData(Code.Blt, StackKind.Float32, 232)]
    [InlineData(Code.Conv_R8, StackKind.Float32, 48)]
    [InlineData(Code.Conv_U2, StackKind.Int32, 70)]
    [InlineData(Code.Ldelem_Ref, StackKind.Int32, 89)]
    [InlineData(Code.Ldarg_S, StackKind.Int32, 40)]
    [InlineData(Code.Add, StackKind.Unknown, 30)]
    public void WeightsAreTheDocumentedOnes(Code code, StackKind operand, int expected)
    {
        Assert.Equal(expected, InterpreterCostTable.Weight(code, operand));
    }

    [Fact]
    public void TheContextConstantsAreTheDocumentedOnes()
    {
        Assert.Equal(
            [14, 47, 443, 493, 692, 1649, 422],
            new[]
            {
                InterpreterCostTable.ReferenceLoadSurcharge, InterpreterCostTable.CalleeLocalSurcharge,
                InterpreterCostTable.StaticCall, InterpreterCostTable.InstanceCall, InterpreterCostTable.VirtualCall,
                InterpreterCostTable.NewObject, InterpreterCostTable.NewArray,
            });
    }
}
