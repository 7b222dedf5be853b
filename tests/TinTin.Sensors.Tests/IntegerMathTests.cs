// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Features;

namespace TinTin.Sensors.Tests;

/// <summary>The exact integer square root over the whole long range (checked with UInt128 squares).</summary>
public sealed class IntegerMathTests
{
    [Fact]
    public void SqrtFloorIsExactOnRandomAndEdgeValues()
    {
        var random = new Random(11);
        for (int i = 0; i < 200_000; i++)
        {
            long value = random.NextInt64(long.MaxValue) >> random.Next(63);
            CheckFloor(value);
        }

        foreach (long value in new[] { 0L, 1, 2, 3, 4, (1L << 62) - 1, 1L << 62, long.MaxValue, 3037000499L * 3037000499L, (3037000499L * 3037000499L) - 1 })
        {
            CheckFloor(value);
        }
    }

    [Fact]
    public void SqrtRoundIsNearest()
    {
        var random = new Random(12);
        for (int i = 0; i < 100_000; i++)
        {
            long value = random.NextInt64(long.MaxValue) >> random.Next(63);
            long root = IntegerMath.SqrtRound(value);

            // (root − ½)² ≤ value < (root + ½)²  ⇔  4·value in [(2r − 1)², (2r + 1)²).
            UInt128 four = (UInt128)value * 4;
            Assert.True(root == 0 || four >= (UInt128)((2 * root) - 1) * (UInt128)((2 * root) - 1));
            Assert.True(four < (UInt128)((2 * root) + 1) * (UInt128)((2 * root) + 1));
        }
    }

    [Fact]
    public void NegativeRadicandThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerMath.SqrtFloor(-1));
    }

    private static void CheckFloor(long value)
    {
        long root = IntegerMath.SqrtFloor(value);
        Assert.True((UInt128)root * (UInt128)root <= (UInt128)value, $"{root}² > {value}");
        Assert.True((UInt128)(root + 1) * (UInt128)(root + 1) > (UInt128)value, $"({root}+1)² ≤ {value}");
    }
}
