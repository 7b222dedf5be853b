// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Text;

namespace TinTin.Data;

/// <summary>
/// Parses one miMATRIX element: array flags (miUINT32 x 2: class in the low byte, flags complex 0x0800,
/// global 0x0400, logical 0x0200), dimensions (miINT32), name (miINT8), real part. Only real numeric
/// full 2-D matrices are accepted; everything else is named in a <see cref="MatFormatException"/>.
/// Logical arrays are accepted as numeric (0 and 1, marked <see cref="MatVariable.IsLogical"/>): they are
/// ordinary uint8 matrices with one flag set, and refusing them would buy nothing.
/// </summary>
internal static class MatMatrixParser
{
    private const uint ComplexFlag = 0x0800;
    private const uint LogicalFlag = 0x0200;

    public static MatVariable Parse(MatBuffer buffer, MatElement matrix)
    {
        int end = matrix.DataOffset + matrix.Length;
        MatElement flags = buffer.ReadTag(matrix.DataOffset, end, null);
        if (flags.Type != (int)MatDataType.UInt32 || flags.Length != 8)
        {
            throw buffer.Malformed(null, $"corrupt array flags in the miMATRIX element at offset {matrix.TagOffset}: expected 8 bytes of miUINT32, found {flags.Length} bytes of {MatBuffer.TypeName(flags.Type)}");
        }

        uint flagWord = buffer.UInt32(flags.DataOffset);
        var matClass = (MatClass)(flagWord & 0xff);
        if (matClass is not (>= MatClass.Double and <= MatClass.UInt64))
        {
            // The name is only for the message; a layout this reader does not know must not turn the
            // clear "unsupported" into a "corrupt". Opaque arrays have no dimensions sub-element.
            string? unsupportedName = TryReadName(buffer, flags.Next, end, skipDimensions: matClass != MatClass.Opaque);
            throw buffer.Unsupported(unsupportedName, ClassNotSupported(matClass));
        }

        MatElement dims = buffer.ReadTag(flags.Next, end, null);
        MatElement nameElement = buffer.ReadTag(dims.Next, end, null);
        string name = ReadName(buffer, nameElement);
        int[] dimensions = ReadDimensions(buffer, dims, name);
        if ((flagWord & ComplexFlag) != 0)
        {
            throw buffer.Unsupported(name, "complex numbers are not supported (only real matrices)");
        }

        if (dimensions.Length != 2)
        {
            throw buffer.Unsupported(name, $"{dimensions.Length}-dimensional arrays ({string.Join(" x ", dimensions)}) are not supported; only 2-D matrices");
        }

        bool isLogical = (flagWord & LogicalFlag) != 0;
        int rows = dimensions[0];
        int columns = dimensions[1];
        long count = (long)rows * columns;

        MatElement real = buffer.ReadTag(nameElement.Next, end, name);
        int size = MatNumeric.ElementSize(real.Type);
        if (size == 0)
        {
            throw buffer.Malformed(name, $"the real part at offset {real.TagOffset} has data type {MatBuffer.TypeName(real.Type)}, which is not numeric");
        }

        if (real.Length % size != 0 || real.Length / size != count)
        {
            throw buffer.Malformed(name, $"the real part at offset {real.TagOffset} holds {real.Length} bytes of {MatBuffer.TypeName(real.Type)}, a {rows} x {columns} matrix needs {count * size}");
        }

        double[] data = MatNumeric.Decode(buffer.Bytes.AsSpan(real.DataOffset, real.Length), real.Type, buffer.BigEndian, matClass);
        return new MatVariable(name, rows, columns, matClass, isLogical, data);
    }

    private static string ClassNotSupported(MatClass matClass) => matClass switch
    {
        MatClass.Cell => "class cell (mxCELL_CLASS) is not supported; only real numeric full matrices",
        MatClass.Struct => "class struct (mxSTRUCT_CLASS) is not supported; only real numeric full matrices",
        MatClass.Object => "class object (mxOBJECT_CLASS) is not supported; only real numeric full matrices",
        MatClass.Char => "class char (mxCHAR_CLASS: a character array) is not supported; only real numeric full matrices",
        MatClass.Sparse => "sparse arrays (mxSPARSE_CLASS) are not supported; save the matrix with full()",
        MatClass.Function => "function handles (mxFUNCTION_CLASS) are not supported",
        MatClass.Opaque => "class opaque (mxOPAQUE_CLASS: a MATLAB object such as string, table or datetime) is not supported",
        _ => $"array class {(int)matClass} is not a known MATLAB class",
    };

    private static int[] ReadDimensions(MatBuffer buffer, MatElement dims, string name)
    {
        if (dims.Type != (int)MatDataType.Int32 || dims.Length % 4 != 0 || dims.Length == 0)
        {
            throw buffer.Malformed(name, $"corrupt dimensions at offset {dims.TagOffset}: expected miINT32 values, found {dims.Length} bytes of {MatBuffer.TypeName(dims.Type)}");
        }

        var dimensions = new int[dims.Length / 4];
        for (int i = 0; i < dimensions.Length; i++)
        {
            dimensions[i] = buffer.Int32(dims.DataOffset + (4 * i));
            if (dimensions[i] < 0)
            {
                throw buffer.Malformed(name, $"corrupt dimensions at offset {dims.TagOffset}: dimension {i} is {dimensions[i]}");
            }
        }

        return dimensions;
    }

    private static string ReadName(MatBuffer buffer, MatElement element)
    {
        if (element.Type is not ((int)MatDataType.Int8 or (int)MatDataType.UInt8 or (int)MatDataType.Utf8))
        {
            throw buffer.Malformed(null, $"corrupt array name at offset {element.TagOffset}: expected miINT8 characters, found {MatBuffer.TypeName(element.Type)}");
        }

        return Encoding.ASCII.GetString(buffer.Bytes, element.DataOffset, element.Length).TrimEnd('\0');
    }

    private static string? TryReadName(MatBuffer buffer, int offset, int end, bool skipDimensions)
    {
        try
        {
            if (skipDimensions)
            {
                offset = buffer.ReadTag(offset, end, null).Next;
            }

            return ReadName(buffer, buffer.ReadTag(offset, end, null));
        }
        catch (System.IO.InvalidDataException)
        {
            return null;
        }
    }
}
