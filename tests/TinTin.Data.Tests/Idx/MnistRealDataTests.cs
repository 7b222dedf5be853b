// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Buffers.Binary;
using System.Linq;
using System.Security.Cryptography;

namespace TinTin.Data.Tests;

/// <summary>The real MNIST files of ../shared/data/mnist (skipped where absent).</summary>
public sealed class MnistRealDataTests
{
    private static readonly Lazy<MnistDataset> s_mnist = new(() => MnistDataset.Load(DataPaths.Mnist));

    [RequiresMnistFact]
    public void HasTheStandardSplitAndShape()
    {
        MnistDataset mnist = s_mnist.Value;

        Assert.Equal(60000, mnist.TrainImages.Count);
        Assert.Equal(10000, mnist.TestImages.Count);
        Assert.Equal(28, mnist.TrainImages.Rows);
        Assert.Equal(28, mnist.TrainImages.Columns);
        Assert.Equal(60000, mnist.TrainLabels.Length);
        Assert.Equal(10000, mnist.TestLabels.Length);
        Assert.All(mnist.TrainLabels, l => Assert.InRange(l, (byte)0, (byte)9));
    }

    [RequiresMnistFact]
    public void KnownLabelsAndClassCounts()
    {
        MnistDataset mnist = s_mnist.Value;

        // The first training digits are the familiar 5 0 4 1 9 2, the first test digits 7 2 1 0 4.
        Assert.Equal([5, 0, 4, 1, 9, 2], mnist.TrainLabels[..6]);
        Assert.Equal([7, 2, 1, 0, 4], mnist.TestLabels[..5]);

        // The published per-digit counts of the 10k test set.
        int[] counts = Enumerable.Range(0, 10).Select(d => mnist.TestLabels.Count(l => l == d)).ToArray();
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], counts);
    }

    [RequiresMnistFact]
    public void PixelsReserializeToTheCanonicalUncompressedFiles()
    {
        // SOURCES.md: the SHA-256 of the canonical files after gunzip. Rebuilding the IDX bytes from what
        // the reader returned proves every pixel, the order and the header fields.
        MnistDataset mnist = s_mnist.Value;

        Assert.Equal("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", Sha256(mnist.TrainImages));
        Assert.Equal("0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", Sha256(mnist.TestImages));
    }

    private static string Sha256(IdxImages images)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, IdxReader.ImagesMagic);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), images.Count);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), images.Rows);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), images.Columns);
        return Convert.ToHexStringLower(SHA256.HashData([.. header, .. images.Pixels]));
    }
}
