// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost;

/// <summary>
/// What a value on the evaluation stack is, as far as the interpreter's cost is concerned. The CLI
/// has one floating-point stack type; here a float is <see cref="Float32"/> or <see cref="Float64"/>
/// by where it came from (ldc.r4, a float local, conv.r4, ...), because the table prices them apart.
/// </summary>
public enum StackKind
{
    /// <summary>Not known (unreachable code, a generic parameter, or a merge of different kinds): priced as an int32.</summary>
    Unknown,

    /// <summary>int32 and everything narrower (bool, char, byte, short, enums over them).</summary>
    Int32,

    /// <summary>int64 / uint64.</summary>
    Int64,

    /// <summary>Native int, a managed or unmanaged pointer (32 bits on the MCU: priced as an int32, except conv.i4 after ldlen).</summary>
    NativeInt,

    /// <summary>A float (System.Single).</summary>
    Float32,

    /// <summary>A double (System.Double).</summary>
    Float64,

    /// <summary>An object or array reference.</summary>
    Reference,

    /// <summary>A struct that is not a primitive or an enum.</summary>
    ValueType,
}
