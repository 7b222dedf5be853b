// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using Mono.Cecil.Cil;

namespace TinTin.IlCost;

/// <summary>
/// Native instructions the nanoFramework interpreter (nanoCLR, 32-bit ARM Thumb-2, no FPU, -Os)
/// executes per IL instruction. Source: ../shared/docs/mcu-cost.md, "What each IL instruction costs on
/// the interpreter" (micro-benchmarks; summed over a kernel's executed IL it predicted six measured
/// kernels within ±0.2 %). Where the table gives a range, the weight is its middle; where it does not
/// list an opcode, the weight is the nearest documented one, named in the comment of its family.
/// </summary>
/// <remarks>
/// The weights that depend on context are applied by <see cref="InstructionCost"/>: the +14 of an
/// ldloc/ldarg of an object or array reference, the kind of call (static, instance, virtual) and the
/// +47 per local of the callee of call/callvirt/newobj.
/// </remarks>
public static class InterpreterCostTable
{
    /// <summary>Added to ldloc/ldarg when the local or argument is an object or array reference.</summary>
    public const int ReferenceLoadSurcharge = 14;

    /// <summary>Added to a call, callvirt or newobj per local variable of the callee (when its body is known).</summary>
    public const int CalleeLocalSurcharge = 47;

    /// <summary>call of a static method, including the callee's ret (0–3 arguments: 432–454).</summary>
    public const int StaticCall = 443;

    /// <summary>callvirt of a non-virtual method; also call of an instance method.</summary>
    public const int InstanceCall = 493;

    /// <summary>callvirt of a virtual or interface method.</summary>
    public const int VirtualCall = 692;

    /// <summary>
    /// call of <c>Array.Clear(Array, int, int)</c>, a native method of nanoCLR, before its per-byte part
    /// (<see cref="TinTin.IlCost.Runtime.NativeCosts.ClearPerByte"/>, charged at run time): a static call
    /// plus the native method's fixed work. Calibrated on the real interpreter (x86-64 build, callgrind):
    /// a call at length 0 costs 210–214 x86 instructions more than a call of an empty managed method with
    /// the same arguments (two runs), times 1.12 (the counter's estimate over the x86 count of the same
    /// integer training steps): 214 × 1.12 ≈ 240. See docs/results.md, "Calibrating the cost counter".
    /// </summary>
    public const int ArrayClearCall = StaticCall + 240;

    /// <summary>
    /// call of <c>Array.Copy(Array, Array, int)</c> or <c>Array.Copy(Array, int, Array, int, int)</c>, native,
    /// before its per-byte part (<see cref="TinTin.IlCost.Runtime.NativeCosts.CopyPerByte"/>): a static call
    /// plus 700–705 x86 instructions of fixed native work (type and bounds checks): 705 × 1.12 ≈ 790.
    /// </summary>
    public const int ArrayCopyCall = StaticCall + 790;

    /// <summary>newobj of a small class, constructor call included.</summary>
    public const int NewObject = 1649;

    /// <summary>newarr (4–64 elements: 383–461).</summary>
    public const int NewArray = 422;

    /// <summary>
    /// The weight of <paramref name="code"/> when the value it works on has kind <paramref name="operand"/>
    /// (the wider operand of a binary operation, compare or 2-operand branch; the shifted value of a shift;
    /// the converted value of a conv). Opcodes that do not depend on their operand ignore it.
    /// </summary>
    /// <param name="code">The opcode.</param>
    /// <param name="operand">The kind of its operand; <see cref="StackKind.Unknown"/> is priced as int32.</param>
    /// <returns>Estimated interpreter instructions, before any context surcharge.</returns>
    /// <exception cref="ArgumentOutOfRangeException">For a value that is not an opcode.</exception>
    public static int Weight(Code code, StackKind operand = StackKind.Int32) => code switch
    {
        // Dispatch floor (nop, pop 11). break, and the prefixes (each is dispatched as an opcode of
        // its own by nanoCLR): like nop.
        Code.Nop or Code.Pop or Code.Break => 11,
        Code.Unaligned or Code.Volatile or Code.Tail or Code.Constrained or Code.Readonly or Code.No => 11,
        Code.Dup => 29,

        // Arguments: ldarg.0 35, ldarg.1-3 40; ldarg.s / ldarg like ldarg.1-3; starg like stloc.s;
        // ldarga like ldelema (49, push an address).
        Code.Ldarg_0 => 35,
        Code.Ldarg_1 or Code.Ldarg_2 or Code.Ldarg_3 or Code.Ldarg_S or Code.Ldarg => 40,
        Code.Starg_S or Code.Starg => 48,
        Code.Ldarga_S or Code.Ldarga => 49,

        // Locals: ldloc.0 36, ldloc.1-3 37, ldloc.s 42 (ldloc like ldloc.s); stloc.0-3 46, stloc.s 48
        // (stloc like stloc.s); ldloca like ldelema (49, push an address).
        Code.Ldloc_0 => 36,
        Code.Ldloc_1 or Code.Ldloc_2 or Code.Ldloc_3 => 37,
        Code.Ldloc_S or Code.Ldloc => 42,
        Code.Stloc_0 or Code.Stloc_1 or Code.Stloc_2 or Code.Stloc_3 => 46,
        Code.Stloc_S or Code.Stloc => 48,
        Code.Ldloca_S or Code.Ldloca => 49,

        // Constants: ldc.i4.N 23, ldc.i4.s 26, ldc.i4 38, ldc.r4 48; ldc.i8 and ldc.r8 like ldc.r4;
        // ldnull like ldc.i4.N (a constant without operand); sizeof like ldc.i4.
        Code.Ldc_I4_M1 or Code.Ldc_I4_0 or Code.Ldc_I4_1 or Code.Ldc_I4_2 or Code.Ldc_I4_3 or Code.Ldc_I4_4
            or Code.Ldc_I4_5 or Code.Ldc_I4_6 or Code.Ldc_I4_7 or Code.Ldc_I4_8 or Code.Ldnull => 23,
        Code.Ldc_I4_S => 26,
        Code.Ldc_I4 or Code.Sizeof => 38,
        Code.Ldc_I8 or Code.Ldc_R4 or Code.Ldc_R8 => 48,

        // Arithmetic: int add/sub/mul 30/31/28, div/rem 42/44; long add/sub/mul 35/36/35, div 541;
        // float add/mul/div 80/61/228; double add/mul 102/95. Checked (.ovf) and unsigned (.un)
        // forms like the plain ones; float sub like float add, double sub like double add; long rem
        // like long div; float rem, double div and double rem like float div.
        Code.Add or Code.Add_Ovf or Code.Add_Ovf_Un => ByKind(operand, 30, 35, 80, 102),
        Code.Sub or Code.Sub_Ovf or Code.Sub_Ovf_Un => ByKind(operand, 31, 36, 80, 102),
        Code.Mul or Code.Mul_Ovf or Code.Mul_Ovf_Un => ByKind(operand, 28, 35, 61, 95),
        Code.Div or Code.Div_Un => ByKind(operand, 42, 541, 228, 228),
        Code.Rem or Code.Rem_Un => ByKind(operand, 44, 541, 228, 228),

        // Bitwise: int and/or/xor/not 19/20/20/18, shl/shr/shr.un/neg 26/27/26/28; long shifts 36-38
        // (which is which is not given: each gets the middle, 37). long and/or/xor/not/neg: the int
        // weight + 5, the long-over-int gap of add (35 vs 30). float neg: a sign flip, like int neg.
        Code.And => ByKind(operand, 19, 24, 19, 19),
        Code.Or => ByKind(operand, 20, 25, 20, 20),
        Code.Xor => ByKind(operand, 20, 25, 20, 20),
        Code.Not => ByKind(operand, 18, 23, 18, 18),
        Code.Neg => ByKind(operand, 28, 33, 28, 28),
        Code.Shl => ByKind(operand, 26, 37, 26, 26),
        Code.Shr => ByKind(operand, 27, 37, 27, 27),
        Code.Shr_Un => ByKind(operand, 26, 37, 26, 26),

        // Compares: ceq/clt/cgt 72/72/75 (the .un forms like the signed ones); float compare 232
        // (double like float); long: the int weight + 5 (as for the long bitwise ops). ckfinite like a
        // float compare.
        Code.Ceq or Code.Clt or Code.Clt_Un => ByKind(operand, 72, 77, 232, 232),
        Code.Cgt or Code.Cgt_Un => ByKind(operand, 75, 80, 232, 232),
        Code.Ckfinite => 232,

        // Branches: br 30 (leave, endfinally, endfilter like br: a jump; a finally or filter runs as
        // blocks of its own); brtrue/brfalse 35-41 -> 38; 2-operand branch taken 71-75, not taken
        // 66-71 -> their mean, 71; on floats a float compare (232), on longs 71 + 5; switch like a
        // 2-operand branch (the index is compared with the count, then it jumps); ret 0 (priced in
        // the call: see StaticCall).
        Code.Br_S or Code.Br or Code.Leave_S or Code.Leave or Code.Endfinally or Code.Endfilter => 30,
        Code.Brtrue_S or Code.Brtrue or Code.Brfalse_S or Code.Brfalse => 38,
        Code.Beq_S or Code.Beq or Code.Bne_Un_S or Code.Bne_Un
            or Code.Bge_S or Code.Bge or Code.Bge_Un_S or Code.Bge_Un
            or Code.Bgt_S or Code.Bgt or Code.Bgt_Un_S or Code.Bgt_Un
            or Code.Ble_S or Code.Ble or Code.Ble_Un_S or Code.Ble_Un
            or Code.Blt_S or Code.Blt or Code.Blt_Un_S or Code.Blt_Un => ByKind(operand, 71, 76, 232, 232),
        Code.Switch => 71,
        Code.Ret => 0,

        // Calls (InstructionCost adds the callee's locals and picks instance/virtual): call 443,
        // callvirt 493; calli and jmp like a static call; newobj 1649; cpblk, initblk (a native
        // loop) and arglist like a static call.
        Code.Call or Code.Calli or Code.Jmp or Code.Cpblk or Code.Initblk or Code.Arglist => StaticCall,
        Code.Callvirt => InstanceCall,
        Code.Newobj => NewObject,

        // Conversions: conv.i1/u1/i2 87/70/89, conv.u2 like conv.u1 (zero extension); conv.i4 after
        // ldlen (native int) 60, of an int 83, of a long 48; conv.u4/i/u like conv.i4 (native int is
        // 32 bits); conv.i8 of an int 83, of a long like conv.i4 of a long (48); conv.r4 of an int
        // 156, float -> int 266; conv.r8 and conv.r.un like conv.r4; float -> float like conv.i4 of a
        // long (48, a same-class copy). Checked forms (.ovf, .ovf.un) like the unchecked ones.
        Code.Conv_I1 or Code.Conv_Ovf_I1 or Code.Conv_Ovf_I1_Un => FromFloat(operand, 266, 87),
        Code.Conv_U1 or Code.Conv_Ovf_U1 or Code.Conv_Ovf_U1_Un => FromFloat(operand, 266, 70),
        Code.Conv_I2 or Code.Conv_Ovf_I2 or Code.Conv_Ovf_I2_Un => FromFloat(operand, 266, 89),
        Code.Conv_U2 or Code.Conv_Ovf_U2 or Code.Conv_Ovf_U2_Un => FromFloat(operand, 266, 70),
        Code.Conv_I4 or Code.Conv_Ovf_I4 or Code.Conv_Ovf_I4_Un
            or Code.Conv_U4 or Code.Conv_Ovf_U4 or Code.Conv_Ovf_U4_Un
            or Code.Conv_I or Code.Conv_Ovf_I or Code.Conv_Ovf_I_Un
            or Code.Conv_U or Code.Conv_Ovf_U or Code.Conv_Ovf_U_Un => ToInt32(operand),
        Code.Conv_I8 or Code.Conv_Ovf_I8 or Code.Conv_Ovf_I8_Un
            or Code.Conv_U8 or Code.Conv_Ovf_U8 or Code.Conv_Ovf_U8_Un => ToInt64(operand),
        Code.Conv_R4 or Code.Conv_R8 or Code.Conv_R_Un => IsFloat(operand) ? 48 : 156,

        // Arrays: ldelem.i1/u1 87/86, ldelem.i4/r4 75, stelem.i1 107, stelem.i4/r4 97, ldlen 32,
        // ldelema 49. By element size: ldelem.i2/u2 like i1/u1, ldelem.u4/i8/r8/i like i4; stelem.i2
        // like i1, stelem.i8/r8/i like i4. ldelem.ref: ldelem.i4 + 14 (loading an object reference);
        // stelem.ref like stelem.i4. ldelem/stelem with a type token like the .i4 forms
        // (InstructionCost prices a reference element as .ref).
        Code.Ldelem_I1 or Code.Ldelem_I2 => 87,
        Code.Ldelem_U1 or Code.Ldelem_U2 => 86,
        Code.Ldelem_I4 or Code.Ldelem_U4 or Code.Ldelem_I8 or Code.Ldelem_R4 or Code.Ldelem_R8
            or Code.Ldelem_I or Code.Ldelem_Any => 75,
        Code.Ldelem_Ref => 75 + ReferenceLoadSurcharge,
        Code.Stelem_I1 or Code.Stelem_I2 => 107,
        Code.Stelem_I4 or Code.Stelem_I8 or Code.Stelem_R4 or Code.Stelem_R8 or Code.Stelem_I
            or Code.Stelem_Ref or Code.Stelem_Any => 97,
        Code.Ldlen => 32,
        Code.Ldelema => 49,
        Code.Newarr => NewArray,

        // Indirect access: ldind 51-62, stind 77-86, by size as ldelem/stelem: 4 bytes the low end
        // (ldind 51, stind 77), 1 and 2 bytes the high end (62, 86), 8 bytes and ref the middle
        // (56, 81). ldobj/stobj like the middle ldind/stind, cpobj both; initobj like stind (81).
        Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2 => 62,
        Code.Ldind_I4 or Code.Ldind_U4 or Code.Ldind_R4 or Code.Ldind_I => 51,
        Code.Ldind_I8 or Code.Ldind_R8 or Code.Ldind_Ref or Code.Ldobj => 56,
        Code.Stind_I1 or Code.Stind_I2 => 86,
        Code.Stind_I4 or Code.Stind_R4 or Code.Stind_I => 77,
        Code.Stind_I8 or Code.Stind_R8 or Code.Stind_Ref or Code.Stobj or Code.Initobj => 81,
        Code.Cpobj => 56 + 81,

        // Fields: ldfld 127, stfld 123, ldsfld 135, stsfld 127; ldflda/ldsflda like ldfld/ldsfld.
        Code.Ldfld or Code.Ldflda => 127,
        Code.Stfld => 123,
        Code.Ldsfld or Code.Ldsflda => 135,
        Code.Stsfld => 127,

        // Metadata lookups: ldtoken, ldftn, ldvirtftn like ldsfld (a token resolved to a handle).
        // Type checks: castclass, isinst, unbox, unbox.any, mkrefany, refanyval, refanytype like
        // ldfld (a token lookup and a field-sized copy).
        Code.Ldtoken or Code.Ldftn or Code.Ldvirtftn => 135,
        Code.Castclass or Code.Isinst or Code.Unbox or Code.Unbox_Any
            or Code.Mkrefany or Code.Refanyval or Code.Refanytype => 127,

        // Allocations without a constructor: box, localloc like newarr; ldstr like newarr at its low
        // end (383: nanoCLR creates a string object on every ldstr).
        Code.Box or Code.Localloc => NewArray,
        Code.Ldstr => 383,

        // Exceptions: throw and rethrow like newobj (the runtime fills the exception's stack trace and
        // searches the handlers). Not measured: real throws cost more.
        Code.Throw or Code.Rethrow => NewObject,

        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an IL opcode."),
    };

    private static bool IsFloat(StackKind kind) => kind is StackKind.Float32 or StackKind.Float64;

    private static int ByKind(StackKind kind, int int32, int int64, int float32, int float64) => kind switch
    {
        StackKind.Int64 => int64,
        StackKind.Float32 => float32,
        StackKind.Float64 => float64,
        _ => int32,
    };

    private static int FromFloat(StackKind kind, int fromFloat, int otherwise) => IsFloat(kind) ? fromFloat : otherwise;

    private static int ToInt32(StackKind kind) => kind switch
    {
        StackKind.NativeInt => 60,
        StackKind.Int64 => 48,
        StackKind.Float32 or StackKind.Float64 => 266,
        _ => 83,
    };

    private static int ToInt64(StackKind kind) => kind switch
    {
        StackKind.Int64 => 48,
        StackKind.Float32 or StackKind.Float64 => 266,
        _ => 83,
    };
}
