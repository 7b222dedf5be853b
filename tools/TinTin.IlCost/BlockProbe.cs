// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using Mono.Cecil;
using Mono.Cecil.Cil;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost;

/// <summary>
/// The code inserted at the start of a block of one method:
/// <c>ldsfld CostCounter::Total; ldc.i8 weight; add; stsfld CostCounter::Total</c>, and, for a
/// per-method profile, then <c>ldsfld Base; ldc.i4 index; add; ldc.i8 weight; call CostCounter::Charge</c>
/// (see <see cref="MethodIdTable"/>). It leaves the stack as it found it.
/// </summary>
internal sealed class BlockProbe
{
    /// <summary>The most the probe pushes on the stack.</summary>
    public const int StackDepth = 2;

    private readonly FieldReference total;
    private readonly (FieldReference Base, int Index, MethodReference Charge)? slot;

    private BlockProbe(FieldReference total, TypeReference nativeCosts, (FieldReference, int, MethodReference)? slot)
    {
        this.total = total;
        NativeCosts = nativeCosts;
        this.slot = slot;
    }

    /// <summary>The class of the stand-ins for length-dependent native methods (<see cref="NativeMethods"/>).</summary>
    public TypeReference NativeCosts { get; }

    /// <summary>A probe that adds to <see cref="CostCounter.Total"/> only.</summary>
    public static BlockProbe TotalOnly(RuntimeReferences runtime) => new(runtime.Total, runtime.NativeCosts, null);

    /// <summary>A probe that also adds to the slot of the method with index <paramref name="index"/> in its module's table.</summary>
    public static BlockProbe PerMethod(RuntimeReferences runtime, FieldReference baseId, int index) =>
        new(runtime.Total, runtime.NativeCosts, (baseId, index, runtime.Charge));

    /// <summary>
    /// For a per-method probe, the instructions that push the method's id (<c>ldsfld Base; ldc.i4 index; add</c>),
    /// the last argument of a native stand-in; empty for a probe of the total only.
    /// </summary>
    public Instruction[] MethodId() => slot is { } s
        ? [Instruction.Create(OpCodes.Ldsfld, s.Base), Instruction.Create(OpCodes.Ldc_I4, s.Index), Instruction.Create(OpCodes.Add)]
        : [];

    /// <summary>The instructions for a block of weight <paramref name="weight"/>; the first is the one branches go to.</summary>
    public Instruction[] Create(long weight)
    {
        Instruction[] counted =
        [
            Instruction.Create(OpCodes.Ldsfld, total),
            Instruction.Create(OpCodes.Ldc_I8, weight),
            Instruction.Create(OpCodes.Add),
            Instruction.Create(OpCodes.Stsfld, total),
        ];
        if (slot is not { } s)
        {
            return counted;
        }

        return
        [
            .. counted,
            Instruction.Create(OpCodes.Ldsfld, s.Base),
            Instruction.Create(OpCodes.Ldc_I4, s.Index),
            Instruction.Create(OpCodes.Add),
            Instruction.Create(OpCodes.Ldc_I8, weight),
            Instruction.Create(OpCodes.Call, s.Charge),
        ];
    }
}
