// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Text;

namespace TinTin.Data.Tests;

/// <summary>Unsupported content gives <see cref="MatFormatException"/>, malformed content <see cref="InvalidDataException"/>, each naming the file, the variable when known, and the cause.</summary>
public sealed class MatFileErrorTests
{
    private const string Source = "broken.mat";

    private static readonly MatBuilder s_le = new(bigEndian: false);

    private static MatFormatException Unsupported(byte[] content) =>
        Assert.Throws<MatFormatException>(() => MatFile.Read(new MemoryStream(content), Source));

    private static InvalidDataException Malformed(byte[] content)
    {
        // Exactly InvalidDataException: corruption must not be reported as an unsupported feature.
        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => MatFile.Read(new MemoryStream(content), Source));
        Assert.StartsWith(Source + ": ", ex.Message);
        return ex;
    }

    [Theory]
    [InlineData(MatClass.Cell, "class cell")]
    [InlineData(MatClass.Struct, "class struct")]
    [InlineData(MatClass.Object, "class object")]
    [InlineData(MatClass.Char, "class char")]
    [InlineData(MatClass.Sparse, "sparse arrays")]
    [InlineData(MatClass.Function, "function handles")]
    public void UnsupportedClassesNameTheVariableAndTheClass(MatClass matClass, string feature)
    {
        byte[] element = s_le.Matrix("thing", matClass, 1, 2, MatBuilder.MiUInt16, s_le.Encode(MatBuilder.MiUInt16, [104, 105]));

        MatFormatException ex = Unsupported(s_le.File(s_le.Doubles("ok", 1, 1, 1), element));

        Assert.Equal("thing", ex.VariableName);
        Assert.Contains(feature, ex.Message);
        Assert.StartsWith("broken.mat: variable 'thing': ", ex.Message);
    }

    [Fact]
    public void OpaqueClassIsUnsupported()
    {
        // Opaque arrays: flags, then the name directly (no dimensions).
        byte[] content = MatBuilder.Concat(
            s_le.Element(MatBuilder.MiUInt32, MatBuilder.Concat(s_le.U32((uint)MatClass.Opaque), s_le.U32(0))),
            s_le.Element(MatBuilder.MiInt8, Encoding.ASCII.GetBytes("tbl")),
            s_le.Element(MatBuilder.MiInt8, Encoding.ASCII.GetBytes("MCOS")));

        MatFormatException ex = Unsupported(s_le.File(s_le.Element(MatBuilder.MiMatrix, content)));

        Assert.Equal("tbl", ex.VariableName);
        Assert.Contains("opaque", ex.Message);
    }

    [Fact]
    public void ComplexIsUnsupported()
    {
        byte[] re = s_le.Encode(MatBuilder.MiDouble, [1, 2]);
        byte[] element = s_le.Matrix("z", MatClass.Double, [1, 2], MatBuilder.MiDouble, re, MatBuilder.ComplexFlag, imaginary: re);

        MatFormatException ex = Unsupported(s_le.File(s_le.Compressed(element)));

        Assert.Equal("z", ex.VariableName);
        Assert.Contains("complex", ex.Message);
        Assert.Contains("compressed element", ex.Message);
    }

    [Fact]
    public void ThreeDimensionsAreUnsupported()
    {
        byte[] element = s_le.Matrix("cube", MatClass.Double, [2, 1, 2], MatBuilder.MiDouble, s_le.Encode(MatBuilder.MiDouble, [1, 2, 3, 4]));

        MatFormatException ex = Unsupported(s_le.File(element));

        Assert.Contains("variable 'cube'", ex.Message);
        Assert.Contains("3-dimensional arrays (2 x 1 x 2)", ex.Message);
    }

    [Fact]
    public void Version73FileIsRefusedWithTheAdvice()
    {
        byte[] header = s_le.Header("MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 .", version: 0x0200);
        var file = new byte[1024];
        header.CopyTo(file, 0);
        new byte[] { 0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a }.CopyTo(file, 512);

        MatFormatException ex = Unsupported(file);

        Assert.Equal("broken.mat: MATLAB v7.3 (HDF5) files are not supported; save with -v7 or -v6", ex.Message);
        Assert.Null(ex.VariableName);
    }

    [Fact]
    public void PlainHdf5FileIsRefusedAsV73()
    {
        byte[] file = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a, .. new byte[200]];

        Assert.Contains("MATLAB v7.3 (HDF5) files are not supported", Unsupported(file).Message);
    }

    [Fact]
    public void Version73DetectedByVersionAlone()
    {
        Assert.Contains("v7.3", Unsupported(s_le.Header("MATLAB 7.3 MAT-file", version: 0x0200)).Message);
    }

    [Fact]
    public void UnknownVersionIsUnsupported()
    {
        Assert.Contains("unsupported MAT-file version 0x0300", Unsupported(s_le.Header(version: 0x0300)).Message);
    }

    [Fact]
    public void NotAMatFile()
    {
        byte[] file = new byte[200];
        Encoding.ASCII.GetBytes("just some text").CopyTo(file, 0);

        Assert.Contains("not a MATLAB Level 5 MAT-file", Unsupported(file).Message);
    }

    [Fact]
    public void BadEndianIndicator()
    {
        byte[] file = s_le.Header();
        file[126] = (byte)'X';

        Assert.Contains("endian indicator", Malformed(file).Message);
    }

    [Fact]
    public void TruncatedHeader()
    {
        Assert.Contains("truncated header", Malformed(s_le.Header()[..100]).Message);
    }

    [Fact]
    public void TruncatedElement()
    {
        byte[] file = s_le.File(s_le.Doubles("x", 1, 4, 1, 2, 3, 4));

        InvalidDataException ex = Malformed(file[..^12]);

        Assert.Contains("truncated data element of type miMATRIX", ex.Message);
        Assert.Contains("only", ex.Message);
    }

    [Fact]
    public void SubElementPastTheEndOfItsMatrix()
    {
        // A real part that declares 800 bytes inside a matrix whose own size is right for 32.
        byte[] matrix = s_le.Doubles("x", 1, 4, 1, 2, 3, 4);
        int realSizeOffset = matrix.Length - 32 - 4;
        s_le.U32(800).CopyTo(matrix, realSizeOffset);

        InvalidDataException ex = Malformed(s_le.File(matrix, s_le.Doubles("y", 1, 1, 1)));

        Assert.Contains("variable 'x'", ex.Message);
        Assert.Contains("declares 800 bytes", ex.Message);
    }

    [Fact]
    public void RealPartOfTheWrongSize()
    {
        byte[] element = s_le.Matrix("x", MatClass.Double, 2, 2, MatBuilder.MiDouble, s_le.Encode(MatBuilder.MiDouble, [1, 2, 3]));

        InvalidDataException ex = Malformed(s_le.File(element));

        Assert.Contains("variable 'x'", ex.Message);
        Assert.Contains("a 2 x 2 matrix needs 32", ex.Message);
    }

    [Fact]
    public void NonNumericRealPart()
    {
        byte[] element = s_le.Matrix("x", MatClass.Double, 1, 1, MatBuilder.MiUtf8, [0x41]);

        Assert.Contains("not numeric", Malformed(s_le.File(element)).Message);
    }

    [Fact]
    public void CorruptSmallElement()
    {
        byte[] matrix = s_le.Matrix("x", MatClass.Double, 1, 1, MatBuilder.MiUInt16, s_le.Encode(MatBuilder.MiUInt16, [5]));
        s_le.U32((9u << 16) | MatBuilder.MiUInt16).CopyTo(matrix, matrix.Length - 8);

        Assert.Contains("at most 4", Malformed(s_le.File(matrix)).Message);
    }

    [Fact]
    public void CorruptZlib()
    {
        byte[] compressed = s_le.Compressed(s_le.Doubles("x", 1, 64, new double[64]));
        for (int i = 10; i < compressed.Length; i++)
        {
            compressed[i] ^= 0xa5;
        }

        InvalidDataException ex = Malformed(s_le.File(compressed));

        Assert.Contains("corrupt zlib data in the compressed element at offset 128", ex.Message);
    }

    [Fact]
    public void TruncatedZlibStream()
    {
        // The compressed element's tag is made to agree with the shortened stream, so only the inflated content is incomplete.
        var values = new double[500];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Sin(i);
        }

        byte[] zlib = Compression.Zlib(s_le.Doubles("x", 1, 500, values));
        byte[] cut = zlib[..(zlib.Length / 2)];
        byte[] element = MatBuilder.Concat(s_le.U32(MatBuilder.MiCompressed), s_le.U32((uint)cut.Length), cut);

        InvalidDataException ex = Malformed(s_le.File(element));

        Assert.True(ex.Message.Contains("corrupt zlib", StringComparison.Ordinal) || ex.Message.Contains("truncated", StringComparison.Ordinal), ex.Message);
    }

    [Fact]
    public void TopLevelElementThatIsNotAVariable()
    {
        MatFormatException ex = Unsupported(s_le.File(s_le.Element(MatBuilder.MiDouble, new byte[8])));

        Assert.Contains("miDOUBLE", ex.Message);
        Assert.Contains("not a variable", ex.Message);
    }

    [Fact]
    public void NestedCompressionIsRefused()
    {
        MatFormatException ex = Unsupported(s_le.File(s_le.Compressed(s_le.Compressed(s_le.Doubles("x", 1, 1, 1)))));

        Assert.Contains("miCOMPRESSED", ex.Message);
    }

    [Fact]
    public void EveryTruncationAndCorruptionFailsCleanly()
    {
        // Cut a small valid file at every length and flip bytes at random: each must parse or throw one of
        // the two documented exceptions (never IndexOutOfRange, overflow or an endless loop).
        var b = new MatBuilder(bigEndian: true);
        byte[] file = b.File(
            b.Doubles("X1_DE_time", 3, 1, 0.1, 0.2, 0.3),
            b.Matrix("X1RPM", MatClass.Double, 1, 1, MatBuilder.MiUInt16, b.Encode(MatBuilder.MiUInt16, [1797])),
            b.Compressed(b.Doubles("zz", 1, 2, 5, 6)));
        for (int length = 0; length < file.Length; length++)
        {
            AssertFailsCleanly(file[..length]);
        }

        var random = new Random(20240601);
        for (int trial = 0; trial < 3000; trial++)
        {
            byte[] copy = (byte[])file.Clone();
            int flips = random.Next(1, 4);
            for (int f = 0; f < flips; f++)
            {
                copy[128 + random.Next(copy.Length - 128)] = (byte)random.Next(256);
            }

            AssertFailsCleanly(copy);
        }
    }

    private static void AssertFailsCleanly(byte[] content)
    {
        try
        {
            MatFile.Read(new MemoryStream(content), Source);
        }
        catch (Exception ex) when (ex is InvalidDataException or MatFormatException)
        {
            Assert.StartsWith(Source + ": ", ex.Message);
        }
    }
}
