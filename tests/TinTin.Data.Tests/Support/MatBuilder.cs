// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TinTin.Data.Tests;

/// <summary>
/// Writes Level 5 MAT-files byte by byte, in either byte order, following the MathWorks "MAT-File Format"
/// document directly (not the reader's code): header, tags, small data elements, padding, miMATRIX and
/// miCOMPRESSED. Each method returns a finished data element (tag + data + padding).
/// </summary>
internal sealed class MatBuilder(bool bigEndian)
{
    public const int MiInt8 = 1;
    public const int MiUInt8 = 2;
    public const int MiInt16 = 3;
    public const int MiUInt16 = 4;
    public const int MiInt32 = 5;
    public const int MiUInt32 = 6;
    public const int MiSingle = 7;
    public const int MiDouble = 9;
    public const int MiInt64 = 12;
    public const int MiUInt64 = 13;
    public const int MiMatrix = 14;
    public const int MiCompressed = 15;
    public const int MiUtf8 = 16;

    public const uint ComplexFlag = 0x0800;
    public const uint LogicalFlag = 0x0200;

    public bool BigEndian { get; } = bigEndian;

    /// <summary>The 128-byte header: text padded with spaces, subsystem offset, version, endian indicator.</summary>
    public byte[] Header(string text = "MATLAB 5.0 MAT-file, Platform: TEST, Created by TinTin.Data.Tests", ushort version = 0x0100)
    {
        var header = new byte[128];
        Array.Fill(header, (byte)' ', 0, 116);
        Encoding.ASCII.GetBytes(text).CopyTo(header, 0);
        Array.Clear(header, 116, 8);
        U16(version).CopyTo(header, 124);

        // The writer stores 'M' << 8 | 'I' as a 16-bit value in its own byte order.
        U16(('M' << 8) | 'I').CopyTo(header, 126);
        return header;
    }

    public byte[] File(params byte[][] elements) => Concat([Header(), .. elements]);

    /// <summary>A data element in the normal format: 8-byte tag, data, zero padding to a multiple of 8.</summary>
    public byte[] Element(int type, byte[] data)
    {
        int padding = (8 - (data.Length % 8)) % 8;
        return Concat(U32((uint)type), U32((uint)data.Length), data, new byte[padding]);
    }

    /// <summary>A data element in the small format: one 32-bit word (bytes &lt;&lt; 16 | type), then the data in 4 bytes.</summary>
    public byte[] Small(int type, byte[] data)
    {
        if (data.Length > 4)
        {
            throw new ArgumentException("a small data element holds at most 4 bytes");
        }

        var payload = new byte[4];
        data.CopyTo(payload, 0);
        return Concat(U32(((uint)data.Length << 16) | (uint)type), payload);
    }

    /// <summary>An element in the small format when it fits, as MATLAB writes it.</summary>
    public byte[] Auto(int type, byte[] data) => data.Length <= 4 ? Small(type, data) : Element(type, data);

    public byte[] Matrix(string name, MatClass matClass, int[] dims, int storedType, byte[] real, uint flags = 0, byte[]? imaginary = null)
    {
        var parts = new List<byte[]>
        {
            Element(MiUInt32, Concat(U32(flags | (uint)matClass), U32(0))),
            Element(MiInt32, Concat(dims.Select(d => I32(d)).ToArray())),
            Auto(MiInt8, Encoding.ASCII.GetBytes(name)),
            Auto(storedType, real),
        };
        if (imaginary is not null)
        {
            parts.Add(Auto(storedType, imaginary));
        }

        return Element(MiMatrix, Concat(parts.ToArray()));
    }

    public byte[] Matrix(string name, MatClass matClass, int rows, int columns, int storedType, byte[] real, uint flags = 0) =>
        Matrix(name, matClass, [rows, columns], storedType, real, flags);

    /// <summary>A MATLAB-style double matrix stored as miDOUBLE.</summary>
    public byte[] Doubles(string name, int rows, int columns, params double[] values) =>
        Matrix(name, MatClass.Double, rows, columns, MiDouble, Encode(MiDouble, values));

    /// <summary>An miCOMPRESSED element: tag and the zlib stream of <paramref name="element"/>, not padded (as MATLAB writes it).</summary>
    public byte[] Compressed(byte[] element)
    {
        byte[] zlib = Compression.Zlib(element);
        return Concat(U32(MiCompressed), U32((uint)zlib.Length), zlib);
    }

    /// <summary>Values encoded in a stored type, in this file's byte order.</summary>
    public byte[] Encode(int type, double[] values)
    {
        var bytes = new List<byte>();
        foreach (double v in values)
        {
            byte[] b = type switch
            {
                MiInt8 => [(byte)(sbyte)v],
                MiUInt8 => [(byte)v],
                MiInt16 => Write(2, s => BigEndian ? BinaryPrimitives.TryWriteInt16BigEndian(s, (short)v) : BinaryPrimitives.TryWriteInt16LittleEndian(s, (short)v)),
                MiUInt16 => U16((int)v),
                MiInt32 => I32((int)v),
                MiUInt32 => U32((uint)v),
                MiSingle => Write(4, s => BigEndian ? BinaryPrimitives.TryWriteSingleBigEndian(s, (float)v) : BinaryPrimitives.TryWriteSingleLittleEndian(s, (float)v)),
                MiDouble => Write(8, s => BigEndian ? BinaryPrimitives.TryWriteDoubleBigEndian(s, v) : BinaryPrimitives.TryWriteDoubleLittleEndian(s, v)),
                MiInt64 => Write(8, s => BigEndian ? BinaryPrimitives.TryWriteInt64BigEndian(s, (long)v) : BinaryPrimitives.TryWriteInt64LittleEndian(s, (long)v)),
                MiUInt64 => Write(8, s => BigEndian ? BinaryPrimitives.TryWriteUInt64BigEndian(s, (ulong)v) : BinaryPrimitives.TryWriteUInt64LittleEndian(s, (ulong)v)),
                _ => throw new ArgumentOutOfRangeException(nameof(type)),
            };
            bytes.AddRange(b);
        }

        return bytes.ToArray();
    }

    public byte[] U32(uint value) => Write(4, s => BigEndian ? BinaryPrimitives.TryWriteUInt32BigEndian(s, value) : BinaryPrimitives.TryWriteUInt32LittleEndian(s, value));

    public byte[] I32(int value) => U32(unchecked((uint)value));

    public byte[] U16(int value) => Write(2, s => BigEndian ? BinaryPrimitives.TryWriteUInt16BigEndian(s, (ushort)value) : BinaryPrimitives.TryWriteUInt16LittleEndian(s, (ushort)value));

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private delegate bool Writer(Span<byte> destination);

    private static byte[] Write(int size, Writer write)
    {
        var b = new byte[size];
        write(b);
        return b;
    }
}
