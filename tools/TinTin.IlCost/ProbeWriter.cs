// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace TinTin.IlCost;

/// <summary>
/// Inserts, at the start of every basic block of nonzero weight, a <see cref="BlockProbe"/> (e.g.
/// <c>ldsfld int64 CostCounter::Total; ldc.i8 weight; add; stsfld CostCounter::Total</c>), and moves
/// every branch, switch and exception-handler boundary that named the block's leader to that probe.
/// </summary>
internal static class ProbeWriter
{
    /// <summary>Instruments one body; returns how many probes it inserted.</summary>
    public static int Instrument(MethodBody body, BlockProbe probe)
    {
        // Price first: the weights depend on the macro forms (ldloc.0 vs ldloc.s), which SimplifyMacros rewrites.
        IReadOnlyList<BasicBlock> blocks = BlockAnalyzer.Analyze(body);
        if (blocks.Count == 0)
        {
            return 0;
        }

        body.SimplifyMacros(); // long branch forms, so branches that now jump further still encode
        IList<Instruction> instructions = body.Instructions;
        var position = new Dictionary<Instruction, int>(instructions.Count);
        for (int i = 0; i < instructions.Count; i++)
        {
            position[instructions[i]] = i;
        }

        var probes = new Dictionary<Instruction, Instruction>();
        for (int b = blocks.Count - 1; b >= 0; b--) // back to front: earlier positions stay valid
        {
            BasicBlock block = blocks[b];
            long weight = block.Weight;
            if (weight == 0)
            {
                continue;
            }

            int at = position[block.First];
            Instruction[] code = probe.Create(weight);
            for (int i = code.Length - 1; i >= 0; i--)
            {
                instructions.Insert(at, code[i]);
            }

            probes[block.First] = code[0];
        }

        Retarget(body, probes);
        body.MaxStackSize += BlockProbe.StackDepth;
        body.OptimizeMacros();
        return probes.Count;
    }

    private static void Retarget(MethodBody body, Dictionary<Instruction, Instruction> probes)
    {
        foreach (Instruction instruction in body.Instructions)
        {
            switch (instruction.Operand)
            {
                case Instruction target when probes.TryGetValue(target, out Instruction? probe):
                    instruction.Operand = probe;
                    break;
                case Instruction[] targets:
                    for (int i = 0; i < targets.Length; i++)
                    {
                        targets[i] = Map(targets[i], probes)!;
                    }

                    break;
            }
        }

        foreach (ExceptionHandler handler in body.ExceptionHandlers)
        {
            handler.TryStart = Map(handler.TryStart, probes);
            handler.TryEnd = Map(handler.TryEnd, probes);
            handler.HandlerStart = Map(handler.HandlerStart, probes);
            handler.HandlerEnd = Map(handler.HandlerEnd, probes);
            handler.FilterStart = Map(handler.FilterStart, probes);
        }
    }

    private static Instruction? Map(Instruction? instruction, Dictionary<Instruction, Instruction> probes) =>
        instruction is not null && probes.TryGetValue(instruction, out Instruction? probe) ? probe : instruction;
}
