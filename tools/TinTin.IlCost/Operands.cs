// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using Mono.Cecil;
using Mono.Cecil.Cil;

namespace TinTin.IlCost;

/// <summary>The local or argument an instruction names, macro forms (ldloc.0, ldarg.1, ...) included.</summary>
internal static class Operands
{
    /// <summary>The local of an ldloc/stloc/ldloca, else null.</summary>
    public static VariableDefinition? Local(Instruction instruction, MethodBody body)
    {
        int index = instruction.OpCode.Code switch
        {
            Code.Ldloc_0 or Code.Stloc_0 => 0,
            Code.Ldloc_1 or Code.Stloc_1 => 1,
            Code.Ldloc_2 or Code.Stloc_2 => 2,
            Code.Ldloc_3 or Code.Stloc_3 => 3,
            _ => -1,
        };
        if (index < 0)
        {
            return instruction.Operand as VariableDefinition;
        }

        return index < body.Variables.Count ? body.Variables[index] : null;
    }

    /// <summary>The argument (this included) of an ldarg/starg/ldarga, else null.</summary>
    public static ParameterDefinition? Parameter(Instruction instruction, MethodBody body)
    {
        int index = instruction.OpCode.Code switch
        {
            Code.Ldarg_0 => 0,
            Code.Ldarg_1 => 1,
            Code.Ldarg_2 => 2,
            Code.Ldarg_3 => 3,
            _ => -1,
        };
        if (index < 0)
        {
            return instruction.Operand as ParameterDefinition;
        }

        MethodDefinition method = body.Method;
        if (method.HasThis)
        {
            if (index == 0)
            {
                return body.ThisParameter;
            }

            index--;
        }

        return index < method.Parameters.Count ? method.Parameters[index] : null;
    }

    /// <summary>Whether the instruction is an ldloc (any form).</summary>
    public static bool IsLoadLocal(Code code) =>
        code is Code.Ldloc_0 or Code.Ldloc_1 or Code.Ldloc_2 or Code.Ldloc_3 or Code.Ldloc_S or Code.Ldloc;

    /// <summary>Whether the instruction is an ldarg (any form).</summary>
    public static bool IsLoadArgument(Code code) =>
        code is Code.Ldarg_0 or Code.Ldarg_1 or Code.Ldarg_2 or Code.Ldarg_3 or Code.Ldarg_S or Code.Ldarg;
}
