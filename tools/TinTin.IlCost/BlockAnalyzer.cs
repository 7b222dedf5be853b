// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using Mono.Cecil.Cil;

namespace TinTin.IlCost;

/// <summary>Splits a method body into basic blocks and prices every instruction.</summary>
public static class BlockAnalyzer
{
    /// <summary>
    /// The basic blocks of <paramref name="body"/>, in instruction order. Leaders: the first
    /// instruction, every branch and switch target, the instruction after a branch, switch, ret,
    /// throw, rethrow, leave, endfinally or endfilter, and every try, handler and filter start and end.
    /// </summary>
    /// <param name="body">A method body in its original (macro) form, before any instrumentation.</param>
    /// <returns>The blocks; empty for an empty body.</returns>
    public static IReadOnlyList<BasicBlock> Analyze(MethodBody body)
    {
        IList<Instruction> instructions = body.Instructions;
        var blocks = new List<BasicBlock>();
        if (instructions.Count == 0)
        {
            return blocks;
        }

        HashSet<Instruction> leaders = Leaders(body);
        StackKind[]?[] stacks = StackTypeInference.Infer(body);
        var members = new List<Instruction>();
        var weights = new List<int>();
        for (int i = 0; i < instructions.Count; i++)
        {
            Instruction instruction = instructions[i];
            if (members.Count > 0 && leaders.Contains(instruction))
            {
                blocks.Add(new BasicBlock(members.ToArray(), weights.ToArray()));
                members.Clear();
                weights.Clear();
            }

            members.Add(instruction);
            weights.Add(InstructionCost.Of(instruction, body, StackTypeInference.OperandKind(instruction, stacks[i])));
        }

        blocks.Add(new BasicBlock(members.ToArray(), weights.ToArray()));
        return blocks;
    }

    private static HashSet<Instruction> Leaders(MethodBody body)
    {
        IList<Instruction> instructions = body.Instructions;
        var leaders = new HashSet<Instruction> { instructions[0] };
        foreach (Instruction instruction in instructions)
        {
            switch (instruction.Operand)
            {
                case Instruction target:
                    leaders.Add(target);
                    break;
                case Instruction[] targets:
                    leaders.UnionWith(targets);
                    break;
            }

            if (instruction.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch
                    or FlowControl.Return or FlowControl.Throw
                && instruction.Next is not null)
            {
                leaders.Add(instruction.Next);
            }
        }

        foreach (ExceptionHandler handler in body.ExceptionHandlers)
        {
            AddIfPresent(leaders, handler.TryStart);
            AddIfPresent(leaders, handler.TryEnd);
            AddIfPresent(leaders, handler.HandlerStart);
            AddIfPresent(leaders, handler.HandlerEnd);
            AddIfPresent(leaders, handler.FilterStart);
        }

        return leaders;
    }

    private static void AddIfPresent(HashSet<Instruction> leaders, Instruction? instruction)
    {
        if (instruction is not null)
        {
            leaders.Add(instruction);
        }
    }
}
