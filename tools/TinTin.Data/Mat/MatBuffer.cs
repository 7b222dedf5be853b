// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Buffers.Binary;
using System.IO;

namespace TinTin.Data;

/// <summary>
/// A MAT-file's bytes (or a decompressed element's) with the file's byte order, and the one place that
/// decodes data element tags. Every read is bounds-checked against the enclosing element, so a size
/// past the end becomes an <see cref="InvalidDataException"/>, never an IndexOutOfRangeException, and
/// every tag advances by at least 8 bytes, so no loop over tags can spin.
/// </summary>
internal sealed class MatBuffer
{
    public MatBuffer(byte[] bytes, bool bigEndian, string sourceName, string where)
    {
        Bytes = bytes;
        BigEndian = bigEndian;
        SourceName = sourceName;
        Where = where;
    }

    public byte[] Bytes { get; }

    public bool BigEndian { get; }

    public string SourceName { get; }

    /// <summary>Where offsets are counted from, for messages: "" for the file, or " inside the compressed element at offset N".</summary>
    public string Where { get; }

    public uint UInt32(int offset) => BigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(Bytes.AsSpan(offset, 4))
        : BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(offset, 4));

    public int Int32(int offset) => unchecked((int)UInt32(offset));

    /// <summary>
    /// Reads the tag at <paramref name="offset"/> of an element that must end by <paramref name="end"/>.
    /// A tag whose first 32-bit word has non-zero upper 16 bits is the small data element format: the
    /// upper half is the byte count (at most 4), the lower half the type, and the data sits in the tag's
    /// second 4 bytes. Otherwise the words are type and byte count and the data follows, padded to a
    /// multiple of 8 bytes, except after miCOMPRESSED, which MATLAB does not pad.
    /// </summary>
    public MatElement ReadTag(int offset, int end, string? variable)
    {
        if (end - offset < 8)
        {
            throw Malformed(variable, $"truncated data element: a tag needs 8 bytes at offset {offset}, only {end - offset} remain");
        }

        uint first = UInt32(offset);
        uint smallCount = first >> 16;
        if (smallCount != 0)
        {
            if (smallCount > 4)
            {
                throw Malformed(variable, $"corrupt small data element at offset {offset}: it declares {smallCount} bytes, the small format holds at most 4");
            }

            return new MatElement((int)(first & 0xffff), offset, offset + 4, (int)smallCount, offset + 8);
        }

        uint length = UInt32(offset + 4);
        int dataOffset = offset + 8;
        if (length > (uint)(end - dataOffset))
        {
            throw Malformed(variable, $"truncated data element of type {TypeName((int)first)} at offset {offset}: it declares {length} bytes, only {end - dataOffset} remain");
        }

        // Padding is counted from the tag (not from the buffer start): an element that follows an
        // unpadded miCOMPRESSED element need not sit at a multiple of 8 in the file.
        long next = first == (uint)MatDataType.Compressed
            ? (long)dataOffset + length
            : Math.Min(dataOffset + ((length + 7L) & ~7L), end);

        return new MatElement((int)first, offset, dataOffset, (int)length, (int)next);
    }

    public InvalidDataException Malformed(string? variable, string cause)
    {
        string who = variable is null ? string.Empty : $"variable '{variable}': ";
        return new InvalidDataException($"{SourceName}: {who}{cause}{Where}");
    }

    public MatFormatException Unsupported(string? variable, string feature) => new(SourceName, variable, feature + Where);

    public static string TypeName(int type) => type switch
    {
        1 => "miINT8",
        2 => "miUINT8",
        3 => "miINT16",
        4 => "miUINT16",
        5 => "miINT32",
        6 => "miUINT32",
        7 => "miSINGLE",
        9 => "miDOUBLE",
        12 => "miINT64",
        13 => "miUINT64",
        14 => "miMATRIX",
        15 => "miCOMPRESSED",
        16 => "miUTF8",
        17 => "miUTF16",
        18 => "miUTF32",
        _ => $"{type} (not a MAT-file data type)",
    };
}
