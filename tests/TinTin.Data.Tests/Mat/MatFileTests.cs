// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TinTin.Data.Tests;

/// <summary>Hand-built Level 5 MAT-files, both byte orders, compressed and not, read back exactly.</summary>
public sealed class MatFileTests
{
    public static TheoryData<bool, bool> Layouts => new()
    {
        { false, false },
        { false, true },
        { true, false },
        { true, true },
    };

    private static MatFile Read(byte[] content) => MatFile.Read(new MemoryStream(content), "test.mat");

    /// <summary>The variables of <see cref="EveryStoredType"/>: name, class, rows, columns, stored type, values (column-major).</summary>
    private static readonly (string Name, MatClass Class, int Rows, int Columns, int Stored, double[] Values)[] s_variables =
    [
        ("X105_DE_time", MatClass.Double, 3, 2, MatBuilder.MiDouble, [0.25, -1.5e-3, 3.141592653589793, -2.718281828459045, 1e300, -0.0]),
        ("X105RPM", MatClass.Double, 1, 1, MatBuilder.MiUInt16, [1797]),
        ("u8", MatClass.Double, 1, 3, MatBuilder.MiUInt8, [0, 128, 255]),
        ("i16", MatClass.Int16, 2, 2, MatBuilder.MiInt16, [-32768, 32767, -1, 12345]),
        ("i8", MatClass.Int8, 1, 2, MatBuilder.MiInt8, [-128, 127]),
        ("dbl_as_i16", MatClass.Double, 3, 1, MatBuilder.MiInt16, [-300, 0, 300]),
        ("single", MatClass.Single, 1, 2, MatBuilder.MiSingle, [0.5, -1.25]),
        ("i32", MatClass.Int32, 1, 2, MatBuilder.MiInt32, [int.MinValue, int.MaxValue]),
        ("u32", MatClass.UInt32, 1, 1, MatBuilder.MiUInt32, [4294967295]),
        ("i64", MatClass.Int64, 1, 2, MatBuilder.MiInt64, [-9007199254740992, 9007199254740992]),
        ("u64", MatClass.UInt64, 1, 1, MatBuilder.MiUInt64, [18446744073709549568]),
        ("a", MatClass.Double, 0, 0, MatBuilder.MiDouble, []),
    ];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryStoredType(bool bigEndian, bool compressed)
    {
        var b = new MatBuilder(bigEndian);
        byte[][] elements = s_variables
            .Select(v => b.Matrix(v.Name, v.Class, v.Rows, v.Columns, v.Stored, b.Encode(v.Stored, v.Values)))
            .Select(e => compressed ? b.Compressed(e) : e)
            .ToArray();

        MatFile file = Read(b.File(elements));

        Assert.Equal(bigEndian, file.IsBigEndian);
        Assert.StartsWith("MATLAB 5.0 MAT-file, Platform: TEST", file.HeaderText);
        Assert.Equal(s_variables.Select(v => v.Name), file.Variables.Select(v => v.Name));
        foreach (var expected in s_variables)
        {
            MatVariable actual = file.Get(expected.Name);
            Assert.Equal(expected.Class, actual.MatClass);
            Assert.Equal(expected.Rows, actual.Rows);
            Assert.Equal(expected.Columns, actual.Columns);
            Assert.Equal(expected.Values, actual.Data);
            Assert.False(actual.IsLogical);
        }
    }

    [Fact]
    public void SmallElementFormatIsUsedWhereItFits()
    {
        // Guards the builder: the RPM value and the one-letter name must really be small elements,
        // or the round trip above would not cover that format. Tag word = (2 bytes << 16) | miUINT16.
        var b = new MatBuilder(bigEndian: false);
        byte[] element = b.Matrix("a", MatClass.Double, 1, 1, MatBuilder.MiUInt16, b.Encode(MatBuilder.MiUInt16, [1797]));

        byte[] rpmTag = b.U32((2u << 16) | MatBuilder.MiUInt16);
        byte[] nameTag = b.U32((1u << 16) | MatBuilder.MiInt8);
        Assert.Equal(rpmTag, element[^8..^4]);
        Assert.Equal(nameTag, element[^16..^12]);
        Assert.Equal(1797.0, Read(b.File(element)).Get("a").Data[0]);
    }

    [Fact]
    public void ColumnMajorIndexing()
    {
        var b = new MatBuilder(bigEndian: false);

        MatVariable m = Read(b.File(b.Doubles("m", 2, 3, 11, 21, 12, 22, 13, 23))).Get("m");

        Assert.Equal(21, m[1, 0]);
        Assert.Equal(13, m[0, 2]);
        Assert.Equal(23, m[1, 2]);
    }

    [Fact]
    public void LogicalArraysReadAsZeroAndOne()
    {
        var b = new MatBuilder(bigEndian: false);
        byte[] element = b.Matrix("mask", MatClass.UInt8, 1, 3, MatBuilder.MiUInt8, [1, 0, 1], MatBuilder.LogicalFlag);

        MatVariable mask = Read(b.File(element)).Get("mask");

        Assert.True(mask.IsLogical);
        Assert.Equal([1.0, 0.0, 1.0], mask.Data);
    }

    [Fact]
    public void UnpaddedCompressedElementsFollowEachOther()
    {
        // miCOMPRESSED elements are not padded, so the second one starts at an arbitrary offset; padding
        // inside it must be counted from its own tag, not from the start of the file.
        var b = new MatBuilder(bigEndian: false);
        byte[] first = b.Compressed(b.Doubles("first", 1, 3, 1, 2, 3));
        byte[] second = b.Compressed(b.Doubles("second", 1, 1, 4));
        Assert.NotEqual(0, first.Length % 8);

        MatFile file = Read(b.File(first, second, b.Doubles("third", 1, 1, 5)));

        Assert.Equal(["first", "second", "third"], file.Variables.Select(v => v.Name));
        Assert.Equal(5, file.Get("third").Data[0]);
    }

    [Fact]
    public void TrailingZeroPaddingAtTheEndIsAccepted()
    {
        var b = new MatBuilder(bigEndian: false);

        MatFile file = Read([.. b.File(b.Compressed(b.Doubles("x", 1, 1, 7))), 0, 0, 0]);

        Assert.Equal(7, file.Get("x").Data[0]);
    }

    [Fact]
    public void LookupBySuffixAndName()
    {
        var b = new MatBuilder(bigEndian: false);
        MatFile file = Read(b.File(b.Doubles("X1_DE_time", 1, 1, 1), b.Doubles("X1_FE_time", 1, 1, 2)));

        Assert.Equal("X1_FE_time", file.GetBySuffix("_FE_time").Name);
        Assert.True(file.TryGet("X1_DE_time", out MatVariable? de));
        Assert.Equal(1, de.Data[0]);
        KeyNotFoundException missing = Assert.Throws<KeyNotFoundException>(() => file.Get("nope"));
        Assert.Contains("X1_DE_time, X1_FE_time", missing.Message);
        InvalidDataException twice = Assert.Throws<InvalidDataException>(() => file.GetBySuffix("_time"));
        Assert.Contains("2 variables end with '_time'", twice.Message);
        InvalidDataException none = Assert.Throws<InvalidDataException>(() => file.GetBySuffix("_BA_time"));
        Assert.Contains("no variable ends with '_BA_time'", none.Message);
    }

    [Fact]
    public void ReadsFromAPath()
    {
        var b = new MatBuilder(bigEndian: true);
        using var temp = new TempFolder();
        string path = temp.Write("x.mat", b.File(b.Doubles("x", 1, 2, 1.5, -2.5)));

        MatFile file = MatFile.Read(path);

        Assert.Equal(path, file.SourceName);
        Assert.Equal([1.5, -2.5], file.Get("x").Data);
    }
}
