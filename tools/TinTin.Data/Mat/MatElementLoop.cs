// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace TinTin.Data;

/// <summary>
/// Walks the top-level data elements of a MAT-file: each is a variable, either an miMATRIX or an
/// miCOMPRESSED holding a zlib stream whose content is again one (or more) miMATRIX elements.
/// </summary>
internal static class MatElementLoop
{
    public static void ReadVariables(MatBuffer buffer, int start, bool allowCompressed, List<MatVariable> variables)
    {
        int end = buffer.Bytes.Length;
        int offset = start;
        while (offset < end)
        {
            if (end - offset < 8 && IsZeroPadding(buffer.Bytes, offset, end))
            {
                break;
            }

            MatElement element = buffer.ReadTag(offset, end, null);
            switch (element.Type)
            {
                case (int)MatDataType.Matrix:
                    variables.Add(MatMatrixParser.Parse(buffer, element));
                    break;
                case (int)MatDataType.Compressed when allowCompressed:
                    var inner = new MatBuffer(Inflate(buffer, element), buffer.BigEndian, buffer.SourceName, $" (inside the compressed element at offset {element.TagOffset})");
                    ReadVariables(inner, 0, allowCompressed: false, variables);
                    break;
                default:
                    throw buffer.Unsupported(null, $"the data element of type {MatBuffer.TypeName(element.Type)} at offset {offset} is not a variable (expected miMATRIX{(allowCompressed ? " or miCOMPRESSED" : string.Empty)})");
            }

            offset = element.Next;
        }
    }

    private static byte[] Inflate(MatBuffer buffer, MatElement element)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(buffer.Bytes, element.DataOffset, element.Length, writable: false), CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            zlib.CopyTo(inflated);
            return inflated.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw buffer.Malformed(null, $"corrupt zlib data in the compressed element at offset {element.TagOffset} ({ex.Message})");
        }
    }

    private static bool IsZeroPadding(byte[] bytes, int offset, int end)
    {
        for (int i = offset; i < end; i++)
        {
            if (bytes[i] != 0)
            {
                return false;
            }
        }

        return true;
    }
}
