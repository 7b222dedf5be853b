// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Buffers.Binary;

namespace TinTin.Data;

/// <summary>
/// Decodes a numeric data element into doubles. MATLAB may store a matrix in a smaller type than its
/// class when every value fits (CWRU's <c>X###RPM</c> is class double stored as miUINT16), so the
/// stored type and the class are independent here; each value is read in its stored type, widened to
/// double, and then rounded to the class's precision (only single narrows: 64-bit integers beyond
/// 2^53 keep the nearest double).
/// </summary>
internal static class MatNumeric
{
    /// <summary>The bytes per value of a numeric data type, or 0 when the type is not numeric.</summary>
    public static int ElementSize(int type) => (MatDataType)type switch
    {
        MatDataType.Int8 or MatDataType.UInt8 => 1,
        MatDataType.Int16 or MatDataType.UInt16 => 2,
        MatDataType.Int32 or MatDataType.UInt32 or MatDataType.Single => 4,
        MatDataType.Double or MatDataType.Int64 or MatDataType.UInt64 => 8,
        _ => 0,
    };

    public static double[] Decode(ReadOnlySpan<byte> bytes, int type, bool bigEndian, MatClass matClass)
    {
        int size = ElementSize(type);
        var values = new double[bytes.Length / size];
        for (int i = 0; i < values.Length; i++)
        {
            double v = Read(bytes.Slice(i * size, size), (MatDataType)type, bigEndian);
            values[i] = matClass == MatClass.Single ? (float)v : v;
        }

        return values;
    }

    private static double Read(ReadOnlySpan<byte> b, MatDataType type, bool bigEndian) => type switch
    {
        MatDataType.Int8 => (sbyte)b[0],
        MatDataType.UInt8 => b[0],
        MatDataType.Int16 => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b),
        MatDataType.UInt16 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b),
        MatDataType.Int32 => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b),
        MatDataType.UInt32 => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b),
        MatDataType.Single => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b),
        MatDataType.Double => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b),
        MatDataType.Int64 => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b),
        MatDataType.UInt64 => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a numeric MAT-file data type"),
    };
}
