// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Linq;
using Mono.Cecil.Cil;

namespace TinTin.IlCost;

/// <summary>A maximal run of instructions that is entered only at its first and left only after its last.</summary>
/// <param name="Instructions">The instructions, in order (original macro forms).</param>
/// <param name="Weights">The weight of each instruction (see <see cref="InstructionCost"/>).</param>
public sealed record BasicBlock(IReadOnlyList<Instruction> Instructions, IReadOnlyList<int> Weights)
{
    /// <summary>The leader: the first instruction.</summary>
    public Instruction First => Instructions[0];

    /// <summary>The block's static cost: the sum of its instructions' weights.</summary>
    public long Weight => Weights.Sum(w => (long)w);
}
