// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Data;
using TinTin.Description;

namespace TinTin.Bench.Tests;

/// <summary>How TaskLoader turns MNIST into samples and how --limit thins a split. Every load names its folder.</summary>
public sealed class TaskLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new("tintin-bench-loader-");

    public void Dispose() => _folder.Dispose();

    [RequiresMnistFact]
    public void MnistPixelsBecomeHalvedInt8AtScale2ToTheMinus7()
    {
        MnistDataset raw = MnistDataset.Load(DataPaths.Mnist);
        TaskData data = TaskLoader.Load(BenchTask.Mnist, InputKind.Image, DataPaths.SharedData, 10, TextWriter.Null);
        int size = raw.TrainImages.Rows * raw.TrainImages.Columns;

        Assert.Equal(new Shape(1, 28, 28), data.Train.Shape);
        Assert.Equal(-7, TaskLoader.MnistLog2Scale);
        foreach ((SampleSet set, IdxImages images, byte[] labels) in new[] { (data.Train, raw.TrainImages, raw.TrainLabels), (data.Test, raw.TestImages, raw.TestLabels) })
        {
            // The limit keeps sample 0, the split's first image, unchanged.
            sbyte[] q = set.Inputs[0];
            float[] real = set.RealInput(0);
            Assert.Equal(TaskLoader.MnistLog2Scale, set.Log2Scales[0]);
            Assert.Equal(labels[0], set.Labels[0]);
            for (int k = 0; k < size; k++)
            {
                byte p = images.Pixels[k];
                Assert.Equal(p >> 1, q[k]);
                Assert.Equal((p >> 1) / 128f, real[k]);
            }

            byte brightest = images.Pixels.Take(size).Max();
            Assert.Equal(brightest >> 1, q.Max());
            Assert.True(brightest > 128, "the first image has bright pixels, so the mapping is checked beyond the low half");

            // The other kept samples are the split's images i * Count / 10.
            for (int i = 0; i < 10; i++)
            {
                int k = i * images.Count / 10;
                Assert.Equal(labels[k], set.Labels[i]);
                Assert.Equal(images.Pixels.Skip(k * size).Take(size).Select(p => (sbyte)(p >> 1)), set.Inputs[i]);
            }
        }
    }

    [Fact]
    public void SpreadKeepsEvenlySpacedSamplesInOrder()
    {
        SampleSet set = Numbered(10);
        SampleSet kept = TaskLoader.Spread(set, 4);

        Assert.Equal(new[] { 0, 2, 5, 7 }, kept.Labels);
        Assert.Same(set.Inputs[5], kept.Inputs[2]);
        Assert.Equal(set.Log2Scales[7], kept.Log2Scales[3]);
        Assert.Equal(set.Shape, kept.Shape);
    }

    [Theory]
    [InlineData(1000, 300)]
    [InlineData(60000, 500)]
    [InlineData(3134, 400)]
    [InlineData(7, 6)]
    public void SpreadGapsDifferByAtMostOne(int count, int keep)
    {
        int[] kept = TaskLoader.Spread(Numbered(count), keep).Labels;

        Assert.Equal(keep, kept.Length);
        Assert.Equal(0, kept[0]);
        int[] gaps = kept.Zip(kept.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(gaps, g => Assert.InRange(g, count / keep, (count + keep - 1) / keep));
        int stretch = (count + keep - 1) / keep;
        Assert.True(kept[^1] >= count - stretch, $"the last kept sample, {kept[^1]}, is not in the last {stretch} of {count}");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    public void SpreadKeepsEverythingWhenAskedForAsManyOrMore(int keep)
    {
        SampleSet set = Numbered(10);
        Assert.Same(set, TaskLoader.Spread(set, keep));
    }

    [Fact]
    public void TheLimitThinsBothSplitsOfAGivenFolder()
    {
        string data = SyntheticMnist.Write(_folder.Path, train: 60, test: 20);
        TaskData all = TaskLoader.Load(BenchTask.Mnist, InputKind.Image, data, null, TextWriter.Null);
        TaskData limited = TaskLoader.Load(BenchTask.Mnist, InputKind.Image, data, 15, TextWriter.Null);

        Assert.Equal(60, all.Train.Count);
        Assert.Equal(20, all.Test.Count);
        Assert.Equal(15, limited.Train.Count);
        Assert.Equal(15, limited.Test.Count);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => all.Train.Labels[i * 60 / 15]), limited.Train.Labels);
        Assert.Equal(all.Test.Inputs[(14 * 20) / 15], limited.Test.Inputs[14]);
        Assert.Equal((sbyte)(SyntheticMnist.Pixel(1, 18, 100) >> 1), limited.Test.Inputs[14][100]);
        Assert.Contains(Path.Combine(data, "mnist"), all.Source);
    }

    private static SampleSet Numbered(int count)
    {
        var inputs = new sbyte[count][];
        for (int i = 0; i < count; i++)
        {
            inputs[i] = [(sbyte)(i % 100)];
        }

        return new SampleSet(Shape.Vector(1), inputs, Enumerable.Range(0, count).Select(i => -(i % 5)).ToArray(), Enumerable.Range(0, count).ToArray());
    }
}

/// <summary>
/// <c>$TINTIN_DATA</c>: the folder when the command line gives none. These tests set and restore the
/// variable, so they run in their own collection, alone.
/// </summary>
[Collection(DataFolderEnvironmentCollection.Name)]
public sealed class DataFolderEnvironmentTests : IDisposable
{
    private readonly TempFolder _folder = new("tintin-bench-env-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheVariableNamesTheFolderWhenNoneIsGiven()
    {
        string data = SyntheticMnist.Write(_folder.Path, train: 30, test: 10);
        using var scope = new EnvironmentVariableScope(DataFolder.EnvironmentVariable, data);

        Assert.Equal(Path.GetFullPath(data), DataFolder.Resolve(null));
        Assert.Equal(Path.GetFullPath(data), DataFolder.Resolve(string.Empty));
        TaskData loaded = TaskLoader.Load(BenchTask.Mnist, InputKind.Image, null, null, TextWriter.Null);
        Assert.Equal(30, loaded.Train.Count);
        Assert.Contains(Path.Combine(data, "mnist"), loaded.Source);
    }

    [Fact]
    public void AGivenFolderWinsOverTheVariable()
    {
        string given = Directory.CreateDirectory(_folder.Combine("given")).FullName;
        using var scope = new EnvironmentVariableScope(DataFolder.EnvironmentVariable, _folder.Combine("from-environment-missing"));

        Assert.Equal(given, DataFolder.Resolve(given));
    }

    [Fact]
    public void AMissingFolderInTheVariableIsNamedWithItsOrigin()
    {
        string missing = _folder.Combine("missing");
        using var scope = new EnvironmentVariableScope(DataFolder.EnvironmentVariable, missing);

        var ex = Assert.Throws<DataUnavailableException>(() => DataFolder.Resolve(null));
        Assert.Equal($"the data folder {missing} (from $TINTIN_DATA) does not exist", ex.Message);
    }

    [Fact]
    public void WithoutTheVariableTheSharedFolderBesideTheRepositoryIsUsed()
    {
        using var scope = new EnvironmentVariableScope(DataFolder.EnvironmentVariable, null);
        string? beside = DataFolder.BesideRepository();

        if (beside is null)
        {
            var ex = Assert.Throws<DataUnavailableException>(() => DataFolder.Resolve(null));
            Assert.Contains(MnistDataset.DownloadHint, ex.Message);
            Assert.Contains(CwruSources.DownloadHint, ex.Message);
        }
        else
        {
            Assert.Equal(DataPaths.SharedData, beside);
            Assert.Equal(beside, DataFolder.Resolve(null));
        }
    }

    [Fact]
    public void TheCommandLineHonoursTheVariable()
    {
        string data = SyntheticMnist.Write(_folder.Path, train: 40, test: 20);
        using var scope = new EnvironmentVariableScope(DataFolder.EnvironmentVariable, data);

        var (code, output, error) = Cli.Run("bench", "--task", "mnist", "--model", "mnist-mlp", "--mode", "tintin", "--epochs", "1", "--cost-samples", "0", "--json");

        Assert.True(code == 0, error);
        Assert.Contains($"MNIST ({Path.Combine(data, "mnist")}): 40 train / 20 test samples", error);
        using var doc = System.Text.Json.JsonDocument.Parse(output.Trim());
        Assert.Equal(40, doc.RootElement.GetProperty("samples").GetInt64());
        Assert.Equal(20, doc.RootElement.GetProperty("test_samples").GetInt32());
    }
}
