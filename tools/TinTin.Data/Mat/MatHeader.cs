// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace TinTin.Data;

/// <summary>
/// The 128-byte header of a Level 5 MAT-file: 116 bytes of text ("MATLAB 5.0 MAT-file, Platform: ..."),
/// 8 bytes of subsystem data offset, a 16-bit version (0x0100) and the endian indicator. The writer
/// stores the characters 'M','I' as one 16-bit value, so a little-endian file reads "IM" and a
/// big-endian one "MI"; the version is read in that byte order.
/// </summary>
internal sealed class MatHeader
{
    public const int Length = 128;

    private const int TextLength = 116;
    private static readonly byte[] s_hdf5Signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a];

    private MatHeader(string text, bool bigEndian)
    {
        Text = text;
        BigEndian = bigEndian;
    }

    public string Text { get; }

    public bool BigEndian { get; }

    public static MatHeader Parse(byte[] content, string sourceName)
    {
        if (content.AsSpan().StartsWith(s_hdf5Signature))
        {
            throw V73(sourceName);
        }

        if (content.Length < Length)
        {
            throw new InvalidDataException($"{sourceName}: truncated header: the file holds {content.Length} bytes, a MAT-file header has {Length}");
        }

        string text = Encoding.ASCII.GetString(content, 0, TextLength).TrimEnd(' ', '\0');
        if (!text.StartsWith("MATLAB", StringComparison.Ordinal))
        {
            throw new MatFormatException(sourceName, null, "not a MATLAB Level 5 MAT-file: the header text does not start with 'MATLAB' (Level 4 MAT-files are not supported)");
        }

        byte e0 = content[126];
        byte e1 = content[127];
        bool bigEndian;
        if (e0 == 'I' && e1 == 'M')
        {
            bigEndian = false;
        }
        else if (e0 == 'M' && e1 == 'I')
        {
            bigEndian = true;
        }
        else
        {
            throw new InvalidDataException($"{sourceName}: corrupt header: the endian indicator is 0x{e0:x2} 0x{e1:x2}, expected 'IM' (little-endian) or 'MI' (big-endian)");
        }

        ushort version = bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(content.AsSpan(124))
            : BinaryPrimitives.ReadUInt16LittleEndian(content.AsSpan(124));

        // v7.3 files keep a MAT-style text header ("MATLAB 7.3 MAT-file ... HDF5 schema") with version
        // 0x0200 in front of an HDF5 file whose superblock sits at offset 512.
        bool hdf5AtUserBlock = content.Length >= 520 && content.AsSpan(512).StartsWith(s_hdf5Signature);
        if (version == 0x0200 || text.StartsWith("MATLAB 7.3", StringComparison.Ordinal) || hdf5AtUserBlock)
        {
            throw V73(sourceName);
        }

        if (version != 0x0100)
        {
            throw new MatFormatException(sourceName, null, $"unsupported MAT-file version 0x{version:x4} in the header (Level 5 files have 0x0100)");
        }

        return new MatHeader(text, bigEndian);
    }

    private static MatFormatException V73(string sourceName) =>
        new(sourceName, null, "MATLAB v7.3 (HDF5) files are not supported; save with -v7 or -v6");
}
