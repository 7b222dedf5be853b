// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Features;

namespace TinTin.Sensors.Tests;

/// <summary>
/// The exact integer square root over the whole long range (checked with UInt128 squares), and the
/// fixed-point log2 against Math.Log2.
/// </summary>
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
    public void Log2FixedIsTheFloorOrOneBelow()
    {
        var random = new Random(13);
        int low = 0;
        int checks = 0;
        for (int i = 0; i < 100_000; i++)
        {
            long value = 1 + (random.NextInt64(long.MaxValue - 1) >> random.Next(63));
            int bits = random.Next(17);
            int result = IntegerMath.Log2Fixed(value, bits);
            double exact = Math.Log2(value) * (1 << bits);

            // Math.Log2 is within a few ulps: the floor of exact ± 1e-9 brackets the true floor.
            Assert.True(result <= Math.Floor(exact + 1e-9), $"log2({value}) Q{bits}: {result} above {exact}");
            Assert.True(result >= Math.Floor(exact - 1e-9) - 1, $"log2({value}) Q{bits}: {result} more than one unit below {exact}");
            low += result < Math.Floor(exact - 1e-9) ? 1 : 0;
            checks++;
        }

        // Truncated squaring loses a unit only right below a fraction step: rarely.
        Assert.True(low < checks / 100, $"{low} of {checks} results one unit low");
    }

    [Fact]
    public void Log2FixedIsExactOnPowersOfTwoAndRejectsBadArguments()
    {
        for (int e = 0; e < 63; e++)
        {
            Assert.Equal(e << 8, IntegerMath.Log2Fixed(1L << e, 8));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerMath.Log2Fixed(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerMath.Log2Fixed(-5, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerMath.Log2Fixed(5, 17));
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
