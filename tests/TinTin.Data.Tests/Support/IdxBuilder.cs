// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Buffers.Binary;
using System.Collections.Generic;

namespace TinTin.Data.Tests;

/// <summary>Writes IDX files byte by byte (big-endian magic and sizes), independently of the reader.</summary>
internal static class IdxBuilder
{
    public static byte[] Build(int magic, int[] dims, byte[] data)
    {
        var bytes = new List<byte>();
        var word = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, magic);
        bytes.AddRange(word);
        foreach (int d in dims)
        {
            BinaryPrimitives.WriteInt32BigEndian(word, d);
            bytes.AddRange(word);
        }

        bytes.AddRange(data);
        return bytes.ToArray();
    }

    public static byte[] Images(int count, int rows, int columns, byte[] pixels) => Build(0x00000803, [count, rows, columns], pixels);

    public static byte[] Labels(byte[] labels) => Build(0x00000801, [labels.Length], labels);

    /// <summary>Deterministic pixel values that differ per position.</summary>
    public static byte[] Pattern(int length, int seed)
    {
        var data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)((i * 37) + seed);
        }

        return data;
    }
}
