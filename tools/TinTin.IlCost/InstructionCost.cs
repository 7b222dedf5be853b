// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using Mono.Cecil;
using Mono.Cecil.Cil;

namespace TinTin.IlCost;

/// <summary>
/// The weight of one instruction in its method: <see cref="InterpreterCostTable"/> plus the
/// context the table's footnotes name (reference loads, the kind of call, the callee's locals), and the
/// fixed weight of a call of a length-dependent native method (<see cref="NativeMethods"/>).
/// </summary>
public static class InstructionCost
{
    /// <summary>The estimated interpreter instructions of <paramref name="instruction"/>.</summary>
    /// <param name="instruction">An instruction of <paramref name="body"/>, in its original (macro) form.</param>
    /// <param name="body">The method body it belongs to.</param>
    /// <param name="operand">The kind of the value it works on (see <see cref="InterpreterCostTable.Weight"/>).</param>
    /// <returns>The weight.</returns>
    public static int Of(Instruction instruction, MethodBody body, StackKind operand)
    {
        Code code = instruction.OpCode.Code;
        int weight = InterpreterCostTable.Weight(code, operand);
        if (Operands.IsLoadLocal(code))
        {
            VariableDefinition? local = Operands.Local(instruction, body);
            return weight + ReferenceSurcharge(local?.VariableType);
        }

        if (Operands.IsLoadArgument(code))
        {
            ParameterDefinition? parameter = Operands.Parameter(instruction, body);
            return weight + ReferenceSurcharge(parameter?.ParameterType);
        }

        switch (code)
        {
            case Code.Call:
                var called = (MethodReference)instruction.Operand;
                if (NativeMethods.CallWeight(called) is int native)
                {
                    return native;
                }

                return (called.HasThis ? InterpreterCostTable.InstanceCall : InterpreterCostTable.StaticCall) + CalleeLocals(TryResolve(called));
            case Code.Callvirt:
                MethodDefinition? target = TryResolve((MethodReference)instruction.Operand);
                return (target is { IsVirtual: true } ? InterpreterCostTable.VirtualCall : InterpreterCostTable.InstanceCall) + CalleeLocals(target);
            case Code.Newobj:
                return weight + CalleeLocals(TryResolve((MethodReference)instruction.Operand));
            case Code.Ldelem_Any when StackKinds.IsObjectReference((TypeReference)instruction.Operand):
                return InterpreterCostTable.Weight(Code.Ldelem_Ref);
            case Code.Stelem_Any when StackKinds.IsObjectReference((TypeReference)instruction.Operand):
                return InterpreterCostTable.Weight(Code.Stelem_Ref);
            default:
                return weight;
        }
    }

    /// <summary>The +14 of loading an object or array reference.</summary>
    private static int ReferenceSurcharge(TypeReference? type) =>
        type is not null && StackKinds.IsObjectReference(type) ? InterpreterCostTable.ReferenceLoadSurcharge : 0;

    /// <summary>
    /// The +47 per local of a callee whose body is known; 0 otherwise, and 0 for a method of the running .NET
    /// framework: its body there is not nanoFramework's (most of the mscorlib methods the libraries call, such
    /// as <c>Array.Clear</c>, <c>Math.Exp</c> or <c>string.Length</c>, are native on nanoCLR and have no IL locals).
    /// </summary>
    private static int CalleeLocals(MethodDefinition? callee) =>
        callee is { HasBody: true } && !FrameworkAssemblies.Contains(callee.Module.Assembly.Name.Name)
            ? callee.Body.Variables.Count * InterpreterCostTable.CalleeLocalSurcharge
            : 0;

    private static MethodDefinition? TryResolve(MethodReference method)
    {
        try
        {
            return method.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }
}
