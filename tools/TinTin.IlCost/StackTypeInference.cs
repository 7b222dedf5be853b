// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using Mono.Cecil.Cil;

namespace TinTin.IlCost;

/// <summary>
/// A small abstract interpretation of a method body: the kind (int32, int64, native int, float,
/// double, reference, struct) of every evaluation-stack slot before every instruction, propagated
/// along the control flow until it is stable. It only prices instructions, so invalid or odd IL
/// degrades to <see cref="StackKind.Unknown"/> (priced as int32) instead of failing.
/// </summary>
internal static class StackTypeInference
{
    /// <summary>The stack before each instruction (by index, bottom first); null where unreachable.</summary>
    public static StackKind[]?[] Infer(MethodBody body)
    {
        IList<Instruction> instructions = body.Instructions;
        var states = new StackKind[]?[instructions.Count];
        if (instructions.Count == 0)
        {
            return states;
        }

        var index = new Dictionary<Instruction, int>(instructions.Count);
        for (int i = 0; i < instructions.Count; i++)
        {
            index[instructions[i]] = i;
        }

        var work = new Stack<int>();
        void Flow(Instruction? target, StackKind[] state)
        {
            if (target is not null && index.TryGetValue(target, out int at) && Merge(ref states[at], state))
            {
                work.Push(at);
            }
        }

        Flow(instructions[0], []);
        foreach (ExceptionHandler handler in body.ExceptionHandlers)
        {
            StackKind[] entry = handler.HandlerType is ExceptionHandlerType.Catch or ExceptionHandlerType.Filter
                ? [StackKind.Reference]
                : [];
            Flow(handler.FilterStart, [StackKind.Reference]);
            Flow(handler.HandlerStart, entry);
        }

        var stack = new List<StackKind>();
        while (work.Count > 0)
        {
            int at = work.Pop();
            Instruction instruction = instructions[at];
            stack.Clear();
            stack.AddRange(states[at]!);
            StackEffect.Apply(instruction, body, stack);
            StackKind[] after = stack.ToArray();
            Code code = instruction.OpCode.Code;

            switch (instruction.OpCode.FlowControl)
            {
                case FlowControl.Branch:
                    Flow(instruction.Operand as Instruction, code is Code.Leave or Code.Leave_S ? [] : after);
                    break;
                case FlowControl.Cond_Branch:
                    if (instruction.Operand is Instruction[] targets)
                    {
                        foreach (Instruction target in targets)
                        {
                            Flow(target, after);
                        }
                    }
                    else
                    {
                        Flow(instruction.Operand as Instruction, after);
                    }

                    Flow(instruction.Next, after);
                    break;
                case FlowControl.Return or FlowControl.Throw:
                    break;
                default:
                    Flow(instruction.Next, after);
                    break;
            }
        }

        return states;
    }

    /// <summary>
    /// The kind that prices <paramref name="instruction"/>: the wider operand of a binary operation,
    /// compare or 2-operand branch, the shifted value of a shift, the operand of neg/not/conv.
    /// </summary>
    public static StackKind OperandKind(Instruction instruction, StackKind[]? before)
    {
        if (before is null || before.Length == 0)
        {
            return StackKind.Unknown;
        }

        StackKind top = before[^1];
        StackKind second = before.Length > 1 ? before[^2] : StackKind.Unknown;
        switch (instruction.OpCode.Code)
        {
            case Code.Shl or Code.Shr or Code.Shr_Un:
                return second;
            case Code.Neg or Code.Not or Code.Ckfinite:
                return top;
        }

        if (instruction.OpCode.Name.StartsWith("conv.", System.StringComparison.Ordinal))
        {
            return top;
        }

        bool binary = instruction.OpCode.StackBehaviourPop is StackBehaviour.Pop1_pop1
            && instruction.OpCode.FlowControl is FlowControl.Next or FlowControl.Cond_Branch;
        return binary ? StackEffect.Binary(second, top) : StackKind.Unknown;
    }

    private static bool Merge(ref StackKind[]? existing, StackKind[] incoming)
    {
        if (existing is null)
        {
            existing = incoming;
            return true;
        }

        if (existing.Length != incoming.Length)
        {
            return false; // unverifiable IL: keep the first state seen
        }

        bool changed = false;
        for (int i = 0; i < existing.Length; i++)
        {
            StackKind merged = Join(existing[i], incoming[i]);
            if (merged != existing[i])
            {
                if (!changed)
                {
                    existing = (StackKind[])existing.Clone();
                    changed = true;
                }

                existing[i] = merged;
            }
        }

        return changed;
    }

    private static StackKind Join(StackKind a, StackKind b)
    {
        if (a == b)
        {
            return a;
        }

        if (a is StackKind.Float32 or StackKind.Float64 && b is StackKind.Float32 or StackKind.Float64)
        {
            return StackKind.Float64;
        }

        if (a is StackKind.Int32 or StackKind.NativeInt && b is StackKind.Int32 or StackKind.NativeInt)
        {
            return StackKind.NativeInt;
        }

        return StackKind.Unknown;
    }
}
