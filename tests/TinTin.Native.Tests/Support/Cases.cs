// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Native.Tests.Support;

/// <summary>
/// Deterministic random test data (System.Random with a fixed seed per test), biased toward the
/// values that break integer kernels: int8 -128/-127/127, zeros (sparse inputs), int32 near its
/// bounds, and shifts at the edges of their ranges.
/// </summary>
public sealed class Cases
{
    private readonly System.Random _random;

    public Cases(int seed)
    {
        _random = new System.Random(seed);
    }

    public int Int(int minInclusive, int maxInclusive) => (int)_random.NextInt64(minInclusive, (long)maxInclusive + 1);

    public bool Chance(int percent) => _random.Next(100) < percent;

    public uint UInt() => (uint)_random.NextInt64(0, 1L << 32);

    /// <summary>An int8: a third extremes (-128, -127, 127, 0), else uniform over the whole range.</summary>
    public sbyte Int8()
    {
        return _random.Next(3) == 0
            ? (sbyte)(_random.Next(4) switch { 0 => -128, 1 => -127, 2 => 127, _ => 0 })
            : (sbyte)_random.Next(-128, 128);
    }

    /// <summary>int8 values of which about zeroPercent % are 0 (the rest as <see cref="Int8"/>).</summary>
    public sbyte[] Int8s(int count, int zeroPercent)
    {
        var values = new sbyte[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = Chance(zeroPercent) ? (sbyte)0 : Int8();
        }

        return values;
    }

    /// <summary>An int32 of a random bit length (so small and huge magnitudes are both common), sometimes an extreme.</summary>
    public int Int32()
    {
        if (_random.Next(8) == 0)
        {
            return _random.Next(6) switch { 0 => int.MinValue, 1 => int.MaxValue, 2 => -int.MaxValue, 3 => int.MinValue + 1, 4 => 1 << 30, _ => -(1 << 30) };
        }

        int bits = _random.Next(33);
        long magnitude = bits == 0 ? 0 : _random.NextInt64(0, 1L << bits);
        long value = _random.Next(2) == 0 ? -magnitude : magnitude;
        return (int)Math.Clamp(value, int.MinValue, int.MaxValue);
    }

    public int[] Int32s(int count)
    {
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = Int32();
        }

        return values;
    }

    /// <summary>A multiplier mantissa: usually in the contract [0, 2^15), sometimes any int.</summary>
    public int Mantissa(int outsidePercent)
    {
        if (Chance(outsidePercent))
        {
            return Int32();
        }

        return _random.Next(5) switch { 0 => 0, 1 => (1 << 15) - 1, 2 => 1 << 14, _ => _random.Next(1 << 15) };
    }

    /// <summary>A shift in [min, max], with the bounds themselves drawn often.</summary>
    public int Shift(int min, int max)
    {
        return _random.Next(4) switch { 0 => min, 1 => max, _ => Int(min, max) };
    }
}
