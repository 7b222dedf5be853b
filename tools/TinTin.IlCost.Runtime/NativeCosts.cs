// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.IlCost.Runtime;

/// <summary>
/// Stand-ins for the native runtime methods of nanoFramework's mscorlib whose cost grows with their
/// length argument (<c>Array.Clear</c>, <c>Array.Copy</c>). The instrumenter redirects each call to one
/// of them to the method here with the same arguments: it adds the length-dependent part of the cost to
/// <see cref="CostCounter.Total"/> (and, in a profiled module, to the calling method's slot), then calls
/// the real method. The fixed part (the call itself) is in the block weight of the call instruction.
/// </summary>
/// <remarks>
/// nanoCLR implements both with the C library: <c>Array.Clear</c> zero-fills
/// (<c>CLR_RT_HeapBlock_Array::ClearElements</c>, <c>memset</c>) and <c>Array.Copy</c> between arrays of
/// one primitive type moves bytes (<c>CLR_RT_HeapBlock_Array::Copy</c>, <c>memmove</c>). An interpreter
/// built -Os links the size-optimised C library, whose memset and memmove are byte loops (newlib:
/// <c>__OPTIMIZE_SIZE__</c>): on Thumb-2 a store, a decrement and a branch per byte cleared (3), a load,
/// a store, a decrement and a branch per byte moved (4). Element sizes are the MCU's: 1, 2, 4 or 8 bytes
/// for primitives; an array of references holds one 12-byte heap block per element.
/// See docs/results.md, "Calibrating the cost counter".
/// </remarks>
public static class NativeCosts
{
    /// <summary>Instructions per byte zero-filled by <c>Array.Clear</c>.</summary>
    public const int ClearPerByte = 3;

    /// <summary>Instructions per byte moved by <c>Array.Copy</c>.</summary>
    public const int CopyPerByte = 4;

    /// <summary>Bytes per element of an array of references on nanoCLR (one <c>CLR_RT_HeapBlock</c>).</summary>
    public const int ReferenceElementBytes = 12;

    /// <summary>The method id that means "no per-method profile" (a module instrumented for the total only).</summary>
    public const int NoMethod = -1;

    /// <summary><c>Array.Clear(array, index, length)</c>, charged per byte cleared.</summary>
    public static void Clear(Array array, int index, int length) => Clear(array, index, length, NoMethod);

    /// <summary><c>Array.Clear(array, index, length)</c>, charged per byte cleared to the total and to method <paramref name="method"/>.</summary>
    public static void Clear(Array array, int index, int length, int method)
    {
        Charge(method, ClearPerByte * Bytes(array, length));
        Array.Clear(array, index, length);
    }

    /// <summary><c>Array.Copy(source, destination, length)</c>, charged per byte moved.</summary>
    public static void Copy(Array source, Array destination, int length) => Copy(source, destination, length, NoMethod);

    /// <summary><c>Array.Copy(source, destination, length)</c>, charged per byte moved to the total and to method <paramref name="method"/>.</summary>
    public static void Copy(Array source, Array destination, int length, int method)
    {
        Charge(method, CopyPerByte * Bytes(source, length));
        Array.Copy(source, destination, length);
    }

    /// <summary><c>Array.Copy(source, sourceIndex, destination, destinationIndex, length)</c>, charged per byte moved.</summary>
    public static void Copy(Array source, int sourceIndex, Array destination, int destinationIndex, int length) =>
        Copy(source, sourceIndex, destination, destinationIndex, length, NoMethod);

    /// <summary>
    /// <c>Array.Copy(source, sourceIndex, destination, destinationIndex, length)</c>, charged per byte moved
    /// to the total and to method <paramref name="method"/>.
    /// </summary>
    public static void Copy(Array source, int sourceIndex, Array destination, int destinationIndex, int length, int method)
    {
        Charge(method, CopyPerByte * Bytes(source, length));
        Array.Copy(source, sourceIndex, destination, destinationIndex, length);
    }

    /// <summary>The bytes <paramref name="length"/> elements of <paramref name="array"/> take on the MCU (0 for a null array or a negative length: the call throws).</summary>
    /// <param name="array">The array.</param>
    /// <param name="length">How many elements.</param>
    /// <returns>The bytes.</returns>
    public static long Bytes(Array? array, int length) =>
        array is null || length <= 0 ? 0 : (long)length * ElementBytes(array.GetType().GetElementType()!);

    /// <summary>The bytes one element of type <paramref name="element"/> takes in a nanoCLR array.</summary>
    /// <param name="element">The element type.</param>
    /// <returns>1, 2, 4 or 8 for a primitive or an enum over one; <see cref="ReferenceElementBytes"/> otherwise.</returns>
    public static int ElementBytes(Type element)
    {
        if (element.IsEnum)
        {
            element = Enum.GetUnderlyingType(element);
        }

        return Type.GetTypeCode(element) switch
        {
            TypeCode.Boolean or TypeCode.SByte or TypeCode.Byte => 1,
            TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Char => 2,
            TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => 4,
            TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double => 8,
            _ => ReferenceElementBytes,
        };
    }

    private static void Charge(int method, long weight)
    {
        CostCounter.Total += weight;
        if (method != NoMethod)
        {
            CostCounter.Charge(method, weight);
        }
    }
}
