// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;

namespace TinTin.Data.Tests;

/// <summary>IDX files written by the test, raw and gzipped, read back exactly.</summary>
public sealed class IdxReaderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ImagesRoundTrip(bool gzip)
    {
        byte[] pixels = IdxBuilder.Pattern(3 * 4 * 5, seed: 11);
        byte[] file = IdxBuilder.Images(3, 4, 5, pixels);
        using var temp = new TempFolder();
        string path = temp.Write("images.idx", gzip ? Compression.Gzip(file) : file);

        IdxImages images = IdxReader.ReadImages(path);

        Assert.Equal(3, images.Count);
        Assert.Equal(4, images.Rows);
        Assert.Equal(5, images.Columns);
        Assert.Equal(pixels, images.Pixels);
        Assert.Equal(pixels[20..40], images.GetImage(1).ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LabelsRoundTrip(bool gzip)
    {
        byte[] labels = [3, 1, 4, 1, 5, 9, 2, 6];
        byte[] file = IdxBuilder.Labels(labels);
        using var stream = new MemoryStream(gzip ? Compression.Gzip(file) : file);

        Assert.Equal(labels, IdxReader.ReadLabels(stream, "labels"));
    }

    [Fact]
    public void EmptyFilesAreValid()
    {
        using var stream = new MemoryStream(IdxBuilder.Images(0, 28, 28, []));

        IdxImages images = IdxReader.ReadImages(stream, "empty");

        Assert.Equal(0, images.Count);
        Assert.Equal(28, images.Rows);
        Assert.Empty(images.Pixels);
    }
}
