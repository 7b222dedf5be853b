// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Data.Tests;

/// <summary>g to int16 counts: rounding, saturation at plus or minus 32767 and the clip count.</summary>
public sealed class AccelerometerCountsTests
{
    [Fact]
    public void RoundsToNearestWithHalvesAwayFromZero()
    {
        // One million micro-g per count = 1 g per count, so the ties are exact in binary.
        int[] counts = AccelerometerCounts.FromG([0, 2.4, 2.5, 2.6, -2.4, -2.5, -2.6, 0.49, -0.49], 1_000_000, out int clipped);

        Assert.Equal([0, 2, 3, 3, -2, -3, -3, 0, 0], counts);
        Assert.Equal(0, clipped);
    }

    [Fact]
    public void DefaultIsTheIis3dwbAtSixteenG()
    {
        Assert.Equal(488, AccelerometerCounts.DefaultMicroGPerCount);

        int[] counts = AccelerometerCounts.FromG([1, -1, 0.000488, 0.5], out int clipped);

        // 1 g / 488 micro-g = 2049.18 counts.
        Assert.Equal([2049, -2049, 1, 1025], counts);
        Assert.Equal(0, clipped);
    }

    [Fact]
    public void SaturatesAtPlusMinus32767AndCountsTheClippedSamples()
    {
        double fullScale = 32767 * 488e-6; // exactly the largest count
        int[] counts = AccelerometerCounts.FromG(
            [fullScale, 16, -16, -fullScale, 100, double.PositiveInfinity, double.NegativeInfinity, 0.1],
            488,
            out int clipped);

        Assert.Equal([32767, 32767, -32767, -32767, 32767, 32767, -32767, 205], counts);
        Assert.Equal(5, clipped);
    }

    [Fact]
    public void JustAboveTheLastCountClips()
    {
        int[] counts = AccelerometerCounts.FromG([32767.4, 32767.5, -32767.4, -32767.5], 1_000_000, out int clipped);

        Assert.Equal([32767, 32767, -32767, -32767], counts);
        Assert.Equal(2, clipped);
    }

    [Fact]
    public void RefusesNaNAndABadResolution()
    {
        ArgumentException nan = Assert.Throws<ArgumentException>(() => AccelerometerCounts.FromG([0, double.NaN], out _));
        Assert.Contains("sample 1", nan.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => AccelerometerCounts.FromG([0], 0, out _));
    }
}
