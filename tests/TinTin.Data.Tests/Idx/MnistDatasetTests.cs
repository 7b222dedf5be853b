// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;

namespace TinTin.Data.Tests;

/// <summary><see cref="MnistDataset.Load"/> on small generated folders: the happy path and each refusal.</summary>
public sealed class MnistDatasetTests
{
    private static void WriteFolder(TempFolder temp, int trainCount = 4, int trainLabels = 4, byte badLabel = 0, bool gzip = true)
    {
        byte[] Pack(byte[] idx) => gzip ? Compression.Gzip(idx) : idx;
        string suffix = gzip ? ".gz" : string.Empty;
        temp.Write("train-images-idx3-ubyte" + suffix, Pack(IdxBuilder.Images(trainCount, 2, 2, IdxBuilder.Pattern(trainCount * 4, 1))));
        var labels = new byte[trainLabels];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = (byte)(i % 10);
        }

        if (badLabel != 0)
        {
            labels[^1] = badLabel;
        }

        temp.Write("train-labels-idx1-ubyte" + suffix, Pack(IdxBuilder.Labels(labels)));
        temp.Write("t10k-images-idx3-ubyte" + suffix, Pack(IdxBuilder.Images(2, 2, 2, IdxBuilder.Pattern(8, 2))));
        temp.Write("t10k-labels-idx1-ubyte" + suffix, Pack(IdxBuilder.Labels([9, 8])));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LoadsTheFourFiles(bool gzip)
    {
        using var temp = new TempFolder();
        WriteFolder(temp, gzip: gzip);

        MnistDataset mnist = MnistDataset.Load(temp.Path);

        Assert.Equal(4, mnist.TrainImages.Count);
        Assert.Equal([0, 1, 2, 3], mnist.TrainLabels);
        Assert.Equal(2, mnist.TestImages.Count);
        Assert.Equal([9, 8], mnist.TestLabels);
        Assert.Equal(IdxBuilder.Pattern(8, 2), mnist.TestImages.Pixels);
    }

    [Fact]
    public void ImageAndLabelCountsMustAgree()
    {
        using var temp = new TempFolder();
        WriteFolder(temp, trainCount: 4, trainLabels: 5);

        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => MnistDataset.Load(temp.Path));

        Assert.Contains("train-labels-idx1-ubyte.gz", ex.Message);
        Assert.Contains("5 labels", ex.Message);
        Assert.Contains("4 images", ex.Message);
    }

    [Fact]
    public void LabelsMustBeDigits()
    {
        using var temp = new TempFolder();
        WriteFolder(temp, badLabel: 10);

        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => MnistDataset.Load(temp.Path));

        Assert.Contains("label 3 is 10", ex.Message);
        Assert.Contains("0 to 9", ex.Message);
    }

    [Fact]
    public void MissingFileNamesTheFileTheFolderAndTheDownload()
    {
        using var temp = new TempFolder();
        WriteFolder(temp);
        File.Delete(Path.Combine(temp.Path, "t10k-labels-idx1-ubyte.gz"));

        DataUnavailableException ex = Assert.Throws<DataUnavailableException>(() => MnistDataset.Load(temp.Path));

        Assert.Contains("t10k-labels-idx1-ubyte.gz", ex.Message);
        Assert.Contains(temp.Path, ex.Message);
        Assert.Contains("http://yann.lecun.com/exdb/mnist/", ex.Message);
    }

    [Fact]
    public void MissingFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "tintin-no-mnist-" + System.Guid.NewGuid().ToString("N"));

        DataUnavailableException ex = Assert.Throws<DataUnavailableException>(() => MnistDataset.Load(dir));

        Assert.Contains(dir, ex.Message);
        Assert.Contains("does not exist", ex.Message);
        Assert.Contains("yann.lecun.com", ex.Message);
    }
}
