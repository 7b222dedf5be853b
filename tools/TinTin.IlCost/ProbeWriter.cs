// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
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
        Dictionary<Instruction, Instruction> standIns = RedirectNatives(body, probe);
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

            int at = position[standIns.GetValueOrDefault(block.First, block.First)];
            Instruction[] code = probe.Create(weight);
            for (int i = code.Length - 1; i >= 0; i--)
            {
                instructions.Insert(at, code[i]);
            }

            probes[block.First] = code[0];
        }

        foreach ((Instruction call, Instruction first) in standIns)
        {
            probes.TryAdd(call, first); // a branch to a redirected call that starts no probed block goes to its id pushes
        }

        Retarget(body, probes);
        body.MaxStackSize += BlockProbe.StackDepth;
        body.OptimizeMacros();
        return probes.Count;
    }

    /// <summary>
    /// Redirects every call of a length-dependent native method (<see cref="NativeMethods"/>) to its stand-in,
    /// which charges the per-byte part at run time. In a profiled module the method's id is pushed before the
    /// call (its stand-in takes it as one more argument). Returns, for each call that got such pushes, the first
    /// of them: where a probe or a branch to the call must go instead.
    /// </summary>
    private static Dictionary<Instruction, Instruction> RedirectNatives(MethodBody body, BlockProbe probe)
    {
        var firsts = new Dictionary<Instruction, Instruction>();
        ModuleDefinition module = body.Method.Module;
        List<Instruction> calls = body.Instructions
            .Where(i => i.OpCode.Code == Code.Call && i.Operand is MethodReference m && NativeMethods.IsLengthDependent(m))
            .ToList();
        foreach (Instruction call in calls)
        {
            Instruction[] id = probe.MethodId();
            call.Operand = NativeMethods.StandIn(module, (MethodReference)call.Operand, probe.NativeCosts, id.Length > 0);
            int at = body.Instructions.IndexOf(call);
            for (int i = id.Length - 1; i >= 0; i--)
            {
                body.Instructions.Insert(at, id[i]);
            }

            if (id.Length > 0)
            {
                firsts[call] = id[0];
            }
        }

        return firsts;
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
