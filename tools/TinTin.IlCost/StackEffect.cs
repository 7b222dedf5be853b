// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace TinTin.IlCost;

/// <summary>What one instruction does to the kinds on the evaluation stack.</summary>
internal static class StackEffect
{
    /// <summary>Applies <paramref name="instruction"/> to <paramref name="stack"/> (bottom first).</summary>
    public static void Apply(Instruction instruction, MethodBody body, List<StackKind> stack)
    {
        int count = PopCount(instruction, body, stack.Count);
        var popped = new StackKind[count];
        for (int i = 0; i < count; i++)
        {
            if (stack.Count == 0)
            {
                popped[i] = StackKind.Unknown; // invalid IL: keep going, the kinds only price instructions
                continue;
            }

            popped[i] = stack[^1];
            stack.RemoveAt(stack.Count - 1);
        }

        if (instruction.OpCode.Code == Code.Dup)
        {
            StackKind top = count > 0 ? popped[0] : StackKind.Unknown;
            stack.Add(top);
            stack.Add(top);
            return;
        }

        if (Pushes(instruction))
        {
            stack.Add(PushedKind(instruction, body, popped));
        }
    }

    /// <summary>The wider kind of two operands of a binary operation.</summary>
    public static StackKind Binary(StackKind a, StackKind b)
    {
        if (a == StackKind.Float64 || b == StackKind.Float64)
        {
            return StackKind.Float64;
        }

        if (a == StackKind.Float32 || b == StackKind.Float32)
        {
            return StackKind.Float32;
        }

        if (a == StackKind.Int64 || b == StackKind.Int64)
        {
            return StackKind.Int64;
        }

        if (a == StackKind.NativeInt || b == StackKind.NativeInt)
        {
            return StackKind.NativeInt;
        }

        return a == StackKind.Int32 && b == StackKind.Int32 ? StackKind.Int32 : StackKind.Unknown;
    }

    private static int PopCount(Instruction instruction, MethodBody body, int depth) => instruction.OpCode.StackBehaviourPop switch
    {
        StackBehaviour.Pop0 => 0,
        StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
        StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
            or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1
            or StackBehaviour.Popref_popi => 2,
        StackBehaviour.PopAll => depth,
        StackBehaviour.Varpop => VariablePopCount(instruction, body),
        _ => 3,
    };

    private static int VariablePopCount(Instruction instruction, MethodBody body)
    {
        switch (instruction.Operand)
        {
            case MethodReference method when instruction.OpCode.Code == Code.Newobj:
                return method.Parameters.Count;
            case MethodReference method:
                return method.Parameters.Count + (method.HasThis ? 1 : 0);
            case CallSite site:
                return site.Parameters.Count + (site.HasThis ? 1 : 0) + 1;
            default:
                return instruction.OpCode.Code == Code.Ret && !IsVoid(body.Method.ReturnType) ? 1 : 0;
        }
    }

    private static bool Pushes(Instruction instruction) => instruction.OpCode.StackBehaviourPush switch
    {
        StackBehaviour.Push0 => false,
        StackBehaviour.Varpush => instruction.Operand switch
        {
            MethodReference method => instruction.OpCode.Code == Code.Newobj || !IsVoid(method.ReturnType),
            CallSite site => !IsVoid(site.ReturnType),
            _ => false,
        },
        _ => true,
    };

    private static bool IsVoid(TypeReference type) => type.MetadataType == MetadataType.Void;

    private static StackKind PushedKind(Instruction instruction, MethodBody body, StackKind[] popped)
    {
        Code code = instruction.OpCode.Code;
        if (Operands.IsLoadLocal(code))
        {
            VariableDefinition? local = Operands.Local(instruction, body);
            return local is null ? StackKind.Unknown : StackKinds.Of(local.VariableType);
        }

        if (Operands.IsLoadArgument(code))
        {
            ParameterDefinition? parameter = Operands.Parameter(instruction, body);
            return parameter is null ? StackKind.Unknown : StackKinds.Of(parameter.ParameterType);
        }

        StackKind top = popped.Length > 0 ? popped[0] : StackKind.Unknown;
        StackKind second = popped.Length > 1 ? popped[1] : StackKind.Unknown;
        switch (code)
        {
            case Code.Add or Code.Sub or Code.Mul or Code.Div or Code.Div_Un or Code.Rem or Code.Rem_Un
                or Code.And or Code.Or or Code.Xor or Code.Add_Ovf or Code.Add_Ovf_Un or Code.Mul_Ovf
                or Code.Mul_Ovf_Un or Code.Sub_Ovf or Code.Sub_Ovf_Un:
                return Binary(second, top);
            case Code.Shl or Code.Shr or Code.Shr_Un:
                return second;
            case Code.Neg or Code.Not or Code.Ckfinite:
                return top;
            case Code.Ldfld or Code.Ldsfld:
                return StackKinds.Of(((FieldReference)instruction.Operand).FieldType);
            case Code.Ldelem_Any or Code.Ldobj or Code.Unbox_Any:
                return StackKinds.Of((TypeReference)instruction.Operand);
            case Code.Call or Code.Callvirt:
                return StackKinds.Of(((MethodReference)instruction.Operand).ReturnType);
            case Code.Calli:
                return StackKinds.Of(((CallSite)instruction.Operand).ReturnType);
            case Code.Newobj:
                return NewObjectKind(((MethodReference)instruction.Operand).DeclaringType);
        }

        return FixedKind(code);
    }

    private static StackKind NewObjectKind(TypeReference type)
    {
        // A member reference's parent does not say whether it is a struct: resolve it.
        TypeDefinition? definition = type.IsValueType ? null : StackKinds.TryResolve(type);
        return definition is { IsValueType: true } ? StackKinds.Of(definition) : StackKinds.Of(type);
    }

    private static StackKind FixedKind(Code code) => code switch
    {
        Code.Ldc_I4_M1 or Code.Ldc_I4_0 or Code.Ldc_I4_1 or Code.Ldc_I4_2 or Code.Ldc_I4_3 or Code.Ldc_I4_4
            or Code.Ldc_I4_5 or Code.Ldc_I4_6 or Code.Ldc_I4_7 or Code.Ldc_I4_8 or Code.Ldc_I4_S or Code.Ldc_I4
            or Code.Ceq or Code.Cgt or Code.Cgt_Un or Code.Clt or Code.Clt_Un or Code.Sizeof
            or Code.Conv_I1 or Code.Conv_U1 or Code.Conv_I2 or Code.Conv_U2 or Code.Conv_I4 or Code.Conv_U4
            or Code.Conv_Ovf_I1 or Code.Conv_Ovf_U1 or Code.Conv_Ovf_I2 or Code.Conv_Ovf_U2 or Code.Conv_Ovf_I4
            or Code.Conv_Ovf_U4 or Code.Conv_Ovf_I1_Un or Code.Conv_Ovf_U1_Un or Code.Conv_Ovf_I2_Un
            or Code.Conv_Ovf_U2_Un or Code.Conv_Ovf_I4_Un or Code.Conv_Ovf_U4_Un
            or Code.Ldelem_I1 or Code.Ldelem_U1 or Code.Ldelem_I2 or Code.Ldelem_U2 or Code.Ldelem_I4
            or Code.Ldelem_U4 or Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2
            or Code.Ldind_I4 or Code.Ldind_U4 => StackKind.Int32,
        Code.Ldc_I8 or Code.Conv_I8 or Code.Conv_U8 or Code.Conv_Ovf_I8 or Code.Conv_Ovf_U8
            or Code.Conv_Ovf_I8_Un or Code.Conv_Ovf_U8_Un or Code.Ldelem_I8 or Code.Ldind_I8 => StackKind.Int64,
        Code.Ldc_R4 or Code.Conv_R4 or Code.Ldelem_R4 or Code.Ldind_R4 => StackKind.Float32,
        Code.Ldc_R8 or Code.Conv_R8 or Code.Conv_R_Un or Code.Ldelem_R8 or Code.Ldind_R8 => StackKind.Float64,
        Code.Ldnull or Code.Ldstr or Code.Newarr or Code.Box or Code.Castclass or Code.Isinst
            or Code.Ldelem_Ref or Code.Ldind_Ref => StackKind.Reference,
        Code.Ldlen or Code.Conv_I or Code.Conv_U or Code.Conv_Ovf_I or Code.Conv_Ovf_U or Code.Conv_Ovf_I_Un
            or Code.Conv_Ovf_U_Un or Code.Ldelem_I or Code.Ldind_I or Code.Ldarga_S or Code.Ldarga
            or Code.Ldloca_S or Code.Ldloca or Code.Ldflda or Code.Ldsflda or Code.Ldelema or Code.Unbox
            or Code.Refanyval or Code.Localloc or Code.Ldftn or Code.Ldvirtftn => StackKind.NativeInt,
        Code.Ldtoken or Code.Mkrefany or Code.Refanytype or Code.Arglist => StackKind.ValueType,
        _ => StackKind.Unknown,
    };
}
