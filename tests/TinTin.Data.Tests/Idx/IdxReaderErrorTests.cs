// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;

namespace TinTin.Data.Tests;

/// <summary>Every malformed IDX input throws <see cref="InvalidDataException"/> naming the file and the cause.</summary>
public sealed class IdxReaderErrorTests
{
    private static InvalidDataException Images(byte[] content) =>
        Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(content), "bad-images.idx"));

    private static InvalidDataException Labels(byte[] content) =>
        Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(new MemoryStream(content), "bad-labels.idx"));

    [Fact]
    public void WrongMagic()
    {
        InvalidDataException ex = Images(IdxBuilder.Build(0x12340803, [1, 1, 1], [0]));

        Assert.StartsWith("bad-images.idx: ", ex.Message);
        Assert.Contains("wrong magic 0x12340803", ex.Message);
        Assert.Contains("0x00000803", ex.Message);
    }

    [Fact]
    public void LabelFileReadAsImagesHasTheWrongDimensions()
    {
        InvalidDataException ex = Images(IdxBuilder.Labels([1, 2, 3]));

        Assert.Contains("wrong number of dimensions", ex.Message);
        Assert.Contains("declares 1", ex.Message);
    }

    [Fact]
    public void ImageFileReadAsLabelsHasTheWrongDimensions()
    {
        InvalidDataException ex = Labels(IdxBuilder.Images(1, 1, 1, [7]));

        Assert.Contains("wrong number of dimensions", ex.Message);
        Assert.Contains("declares 3", ex.Message);
    }

    [Fact]
    public void UnsupportedElementType()
    {
        InvalidDataException ex = Images(IdxBuilder.Build(0x00000D03, [1, 1, 1], [0, 0, 0, 0]));

        Assert.Contains("unsupported element type 0x0d (float32)", ex.Message);
    }

    [Fact]
    public void TruncatedData()
    {
        byte[] file = IdxBuilder.Images(2, 3, 3, new byte[18]);

        InvalidDataException ex = Images(file[..^5]);

        Assert.Contains("truncated", ex.Message);
        Assert.Contains("2 x 3 x 3 = 18", ex.Message);
        Assert.Contains("holds 13", ex.Message);
    }

    [Fact]
    public void TruncatedHeader()
    {
        byte[] file = IdxBuilder.Images(2, 3, 3, new byte[18]);

        InvalidDataException ex = Images(file[..10]);

        Assert.Contains("truncated header", ex.Message);
    }

    [Fact]
    public void TooShortForTheMagic()
    {
        InvalidDataException ex = Labels([0, 0]);

        Assert.Contains("too short", ex.Message);
    }

    [Fact]
    public void TrailingBytes()
    {
        byte[] file = IdxBuilder.Labels([1, 2, 3]);

        InvalidDataException ex = Labels([.. file, 9, 9]);

        Assert.Contains("trailing bytes", ex.Message);
        Assert.Contains("2 too many", ex.Message);
    }

    [Fact]
    public void CorruptGzip()
    {
        byte[] gz = Compression.Gzip(IdxBuilder.Labels(IdxBuilder.Pattern(1000, 3)));
        for (int i = 10; i < gz.Length - 8; i++)
        {
            gz[i] ^= 0x5a;
        }

        InvalidDataException ex = Labels(gz);

        Assert.StartsWith("bad-labels.idx: ", ex.Message);
        Assert.Contains("corrupt gzip", ex.Message);
    }

    [Fact]
    public void TruncatedGzipIsReported()
    {
        // Whether the inflater notices the missing end itself or the IDX size check does, the file must not load.
        byte[] gz = Compression.Gzip(IdxBuilder.Labels(IdxBuilder.Pattern(5000, 3)));

        InvalidDataException ex = Labels(gz[..(gz.Length / 2)]);

        Assert.StartsWith("bad-labels.idx: ", ex.Message);
        Assert.True(ex.Message.Contains("corrupt gzip", StringComparison.Ordinal) || ex.Message.Contains("truncated", StringComparison.Ordinal), ex.Message);
    }

    [Fact]
    public void MissingFileIsAnIoError()
    {
        Assert.Throws<FileNotFoundException>(() => IdxReader.ReadLabels(Path.Combine(Path.GetTempPath(), "no-such-file-" + Guid.NewGuid() + ".idx")));
    }
}
