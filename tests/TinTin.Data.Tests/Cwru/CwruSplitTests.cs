// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Linq;

namespace TinTin.Data.Tests;

/// <summary>The 70/30 time split: no window crosses the boundary, test windows do not overlap, counts as documented.</summary>
public sealed class CwruSplitTests
{
    [Fact]
    public void HandComputedCwruRecording()
    {
        // File 105: N = 121265, boundary floor(0.7 N) = 84885.
        // Train, stride 512: starts 0..512k with start + 1024 <= 84885 -> k <= 163.79 -> 164 windows.
        // Test: (121265 - 84885) / 1024 = 35.5 -> 35 windows from 84885.
        CwruSplit split = CwruSplit.Create(121265, trainStride: 512);

        Assert.Equal(1024, split.WindowLength);
        Assert.Equal(84885, split.Boundary);
        Assert.Equal(164, split.TrainStarts.Count);
        Assert.Equal(163 * 512, split.TrainStarts[^1]);
        Assert.Equal(35, split.TestStarts.Count);
        Assert.Equal(84885, split.TestStarts[0]);
        Assert.Equal(84885 + (34 * 1024), split.TestStarts[^1]);
    }

    [Theory]
    [InlineData(121265, 1024, 512)]
    [InlineData(60985, 1024, 256)]
    [InlineData(60985, 2048, 2048)]
    [InlineData(10000, 100, 7)]
    [InlineData(1463, 1024, 1)]
    [InlineData(5000, 1, 1)]
    public void InvariantsHold(int n, int w, int stride)
    {
        CwruSplit split = CwruSplit.Create(n, stride, w);
        int b = split.Boundary;

        Assert.Equal((int)Math.Floor(n * 7m / 10m), b);
        Assert.All(split.TrainStarts, s => Assert.True(s >= 0 && s + w <= b, $"train window {s} crosses {b}"));
        Assert.All(split.TestStarts, s => Assert.True(s >= b && s + w <= n, $"test window {s} outside [{b}, {n})"));
        Assert.All(split.TestStarts.Zip(split.TestStarts.Skip(1)), p => Assert.True(p.Second - p.First >= w, "test windows overlap"));
        Assert.All(split.TrainStarts.Zip(split.TrainStarts.Skip(1)), p => Assert.Equal(stride, p.Second - p.First));

        // Counts: the formulas, and maximality (one more window would not fit).
        Assert.Equal(b >= w ? ((b - w) / stride) + 1 : 0, split.TrainStarts.Count);
        Assert.Equal((n - b) / w, split.TestStarts.Count);
        if (split.TrainStarts.Count > 0)
        {
            Assert.Equal(0, split.TrainStarts[0]);
            Assert.True(split.TrainStarts[^1] + stride + w > b);
        }

        if (split.TestStarts.Count > 0)
        {
            Assert.True(split.TestStarts[^1] + w + w > n);
        }
    }

    [Theory]
    [InlineData(90, 63)]
    [InlineData(170, 119)]
    [InlineData(10, 7)]
    [InlineData(1, 0)]
    public void BoundaryIsAnExactFloorWhereDoublesRoundDown(int n, int boundary)
    {
        // 0.7 * 90 in doubles is 62.99999999999999: a double-based floor would say 62.
        Assert.Equal(boundary, CwruSplit.Create(n, 1, 1).Boundary);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(500)]
    [InlineData(1023)]
    public void RecordingShorterThanAWindowGivesEmptyLists(int n)
    {
        CwruSplit split = CwruSplit.Create(n, trainStride: 256);

        Assert.Empty(split.TrainStarts);
        Assert.Empty(split.TestStarts);
    }

    [Fact]
    public void TestSegmentShorterThanAWindowGivesTrainOnly()
    {
        // N = 1500: boundary 1050 holds one training window; 450 test samples hold none.
        CwruSplit split = CwruSplit.Create(1500, trainStride: 1024);

        Assert.Equal([0], split.TrainStarts);
        Assert.Empty(split.TestStarts);
    }

    [Fact]
    public void BadArgumentsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CwruSplit.Create(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CwruSplit.Create(100, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CwruSplit.Create(100, 1, 0));
    }
}
