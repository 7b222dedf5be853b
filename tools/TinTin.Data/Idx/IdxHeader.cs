// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Buffers.Binary;
using System.IO;

namespace TinTin.Data;

/// <summary>
/// An IDX header (LeCun's format): a big-endian magic 00 00 TT DD, where TT is the element type and DD
/// the number of dimensions, then DD big-endian uint32 sizes, then the data. Only unsigned bytes
/// (TT = 0x08) are read here; that is all MNIST uses.
/// </summary>
internal sealed class IdxHeader
{
    private const byte UnsignedByte = 0x08;

    private IdxHeader(int[] dimensions, int dataOffset)
    {
        Dimensions = dimensions;
        DataOffset = dataOffset;
    }

    public int[] Dimensions { get; }

    public int DataOffset { get; }

    /// <summary>Parses the header and checks the element type, the rank and that the data is exactly as long as declared.</summary>
    public static IdxHeader Parse(byte[] content, int expectedMagic, string sourceName)
    {
        int expectedRank = expectedMagic & 0xff;
        string kind = expectedRank == 1 ? "a label file" : "an image file";
        if (content.Length < 4)
        {
            throw Error(sourceName, $"the file holds {content.Length} bytes, too short for the 4-byte IDX magic");
        }

        int magic = BinaryPrimitives.ReadInt32BigEndian(content);
        if (content[0] != 0 || content[1] != 0)
        {
            throw Error(sourceName, $"wrong magic 0x{magic:x8}: an IDX file starts with two zero bytes (expected 0x{expectedMagic:x8} for {kind})");
        }

        if (content[2] != UnsignedByte)
        {
            throw Error(sourceName, $"unsupported element type 0x{content[2]:x2} ({TypeName(content[2])}) in magic 0x{magic:x8}: only unsigned byte (0x08) is supported");
        }

        int rank = content[3];
        if (rank != expectedRank)
        {
            throw Error(sourceName, $"wrong number of dimensions: magic 0x{magic:x8} declares {rank}, {kind} has {expectedRank} (magic 0x{expectedMagic:x8})");
        }

        int dataOffset = 4 + (4 * rank);
        if (content.Length < dataOffset)
        {
            throw Error(sourceName, $"truncated header: {rank} dimensions need {dataOffset} header bytes, the file holds {content.Length}");
        }

        var dimensions = new int[rank];
        long declared = 1;
        for (int i = 0; i < rank; i++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(4 + (4 * i)));
            if (size > int.MaxValue)
            {
                throw Error(sourceName, $"dimension {i} declares {size} elements, more than this reader supports");
            }

            dimensions[i] = (int)size;
            declared *= size;
            if (declared > Array.MaxLength)
            {
                throw Error(sourceName, $"the dimensions {string.Join(" x ", dimensions[..(i + 1)])} declare more data than an array can hold");
            }
        }

        long actual = content.Length - dataOffset;
        string shape = rank == 1 ? $"{declared}" : $"{string.Join(" x ", dimensions)} = {declared}";
        if (actual < declared)
        {
            throw Error(sourceName, $"truncated: the header declares {shape} data bytes, the file holds {actual}");
        }

        if (actual > declared)
        {
            throw Error(sourceName, $"trailing bytes: the header declares {shape} data bytes, the file holds {actual} ({actual - declared} too many)");
        }

        return new IdxHeader(dimensions, dataOffset);
    }

    private static string TypeName(byte code) => code switch
    {
        0x09 => "signed byte",
        0x0b => "int16",
        0x0c => "int32",
        0x0d => "float32",
        0x0e => "float64",
        _ => "not an IDX type",
    };

    private static InvalidDataException Error(string sourceName, string cause) => new($"{sourceName}: {cause}");
}
