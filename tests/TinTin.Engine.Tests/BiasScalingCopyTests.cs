// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Layers;
using TinTin.Scaling;

namespace TinTin.Engine.Tests;

/// <summary>
/// <see cref="WeightedLayer"/>'s forward converts every bias to the accumulators' scale in one flat loop that writes
/// out <c>BiasContribution</c> (round half away from zero without a branch, one unsigned compare for the clamp); this
/// runs it against the helper on biases across the whole int range, the ties of every shift, and multipliers with
/// right shifts 1..62 (the written-out path) and beyond or to the left (the helper's own).
/// </summary>
public class BiasScalingCopyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(40)]
    [InlineData(62)]
    [InlineData(63)]
    [InlineData(0)]
    [InlineData(-3)]
    public void EveryBiasScalesLikeTheHelper(int rightShift)
    {
        var generator = new System.Random(rightShift + 100);
        int[] values = BiasesToTry(rightShift, generator);
        foreach (int mantissa in new[] { 1 << 14, 19_683, (1 << 15) - 1, 24_577 })
        {
            var m = new FixedMultiplier { Mantissa = mantissa, RightShift = rightShift };
            var probe = new BiasProbe(values.Length);
            Array.Copy(values, probe.Biases, values.Length);
            int[] scaled = probe.ScaleAll(m);
            for (int c = 0; c < values.Length; c++)
            {
                int expected = BiasProbe.Contribution(values[c], m);
                Assert.True(expected == scaled[c], $"bias {values[c]} times {mantissa} >> {rightShift}: {scaled[c]}, the helper gives {expected}");
            }
        }
    }

    // The int extremes, small values, the rounding ties of the shift (±(2k + 1) * 2^(shift - 1) / mantissa where that
    // is an integer, and the values around them), powers of two, and random values of every magnitude.
    private static int[] BiasesToTry(int rightShift, System.Random generator)
    {
        var values = new System.Collections.Generic.List<int> { 0, 1, -1, 2, -2, int.MaxValue, -int.MaxValue, int.MinValue + 1 };
        for (int bit = 0; bit < 31; bit++)
        {
            foreach (int delta in new[] { -1, 0, 1 })
            {
                values.Add((1 << bit) + delta);
                values.Add(-((1 << bit) + delta));
            }
        }

        if (rightShift > 0 && rightShift < 31)
        {
            // With mantissa 2^14 a bias of (2k + 1) * 2^(shift - 15) lands exactly on a half.
            for (int k = 0; k < 50; k++)
            {
                long tie = (2L * k + 1) << Math.Max(0, rightShift - 15);
                if (tie < int.MaxValue)
                {
                    values.Add((int)tie);
                    values.Add((int)-tie);
                }
            }
        }

        for (int i = 0; i < 2000; i++)
        {
            int magnitude = generator.Next(0, 31);
            int v = generator.Next(0, 1 << magnitude);
            values.Add(generator.Next(2) == 0 ? v : -v);
        }

        return values.ToArray();
    }
}
