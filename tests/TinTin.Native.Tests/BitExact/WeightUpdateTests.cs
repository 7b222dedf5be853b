// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Native.Tests.Support;
using TinTin.Training;

namespace TinTin.Native.Tests.BitExact;

/// <summary>tt_weight_update.c against WeightUpdate: weights or accumulators, the random state, the counters.</summary>
public sealed class WeightUpdateTests
{
    private const int CaseCount = 3000;

    public static TheoryData<string> Flavours => NativeBuild.Flavours;

    [Theory]
    [MemberData(nameof(Flavours))]
    public void TinTinGradientsMatch(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(201);
        long clamped = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = Block.Random(cases);
            int mantissa = cases.Mantissa(outsidePercent: 10);
            int shift = cases.Chance(5) ? cases.Int(-70, 130) : cases.Shift(0, 62);
            uint seed = cases.UInt();
            uint expectedRandom = seed;
            uint actualRandom = seed;
            sbyte[] expected = (sbyte[])c.Weights.Clone();
            sbyte[] actual = (sbyte[])c.Weights.Clone();

            int expectedClamped = WeightUpdate.TinTinGradients(expected, c.WeightOffset, c.Gradients, c.GradientOffset, c.Count, mantissa, shift, ref expectedRandom);
            int actualClamped = native.TinTinGradients(actual, c.WeightOffset, c.Gradients, c.GradientOffset, c.Count, mantissa, shift, ref actualRandom);

            string label = $"case {n}: mantissa {mantissa} shift {shift}";
            Assert.True(expectedClamped == actualClamped, label + $": clamped {actualClamped}, managed {expectedClamped}");
            Assert.True(expectedRandom == actualRandom, label + ": random state differs");
            Assert.True(expected.AsSpan().SequenceEqual(actual), label + ": weights differ");
            clamped += expectedClamped;
        }

        Assert.True(clamped > 1000, $"the cases must clamp (clamped {clamped})");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void NitiGradientsMatch(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(202);
        long clamped = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = Block.Random(cases);
            int shift = cases.Chance(5) ? cases.Int(-40, 40) : cases.Shift(0, 30);
            sbyte[] expected = (sbyte[])c.Weights.Clone();
            sbyte[] actual = (sbyte[])c.Weights.Clone();

            int expectedClamped = WeightUpdate.NitiGradients(expected, c.WeightOffset, c.Gradients, c.GradientOffset, c.Count, shift);
            int actualClamped = native.NitiGradients(actual, c.WeightOffset, c.Gradients, c.GradientOffset, c.Count, shift);

            string label = $"case {n}: shift {shift}";
            Assert.True(expectedClamped == actualClamped, label + $": clamped {actualClamped}, managed {expectedClamped}");
            Assert.True(expected.AsSpan().SequenceEqual(actual), label + ": weights differ");
            clamped += expectedClamped;
        }

        Assert.True(clamped > 1000, $"the cases must clamp (clamped {clamped})");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void AccumulateRowMatches(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(203);
        long saturated = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            int count = cases.Int(0, 60);
            int offset = cases.Int(0, 8);
            int[] accumulators = cases.Int32s(offset + count + 2);
            sbyte[] inputs = cases.Int8s(count + 1, zeroPercent: cases.Int(0, 60));
            int error = cases.Chance(5) ? cases.Int32() : cases.Int8();
            int mantissa = cases.Mantissa(outsidePercent: 10);
            int shift = cases.Shift(-70, 70);
            int[] expected = (int[])accumulators.Clone();
            int[] actual = (int[])accumulators.Clone();

            int expectedSaturated = WeightUpdate.AccumulateRow(expected, offset, error, inputs, count, mantissa, shift);
            int actualSaturated = native.AccumulateRow(actual, offset, error, inputs, count, mantissa, shift);

            string label = $"case {n}: e {error} mantissa {mantissa} shift {shift}";
            Assert.True(expectedSaturated == actualSaturated, label + $": saturated {actualSaturated}, managed {expectedSaturated}");
            Assert.True(expected.AsSpan().SequenceEqual(actual), label + ": accumulators differ");
            saturated += expectedSaturated;
        }

        Assert.True(saturated > 1000, $"the cases must saturate (saturated {saturated})");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void AccumulateGradientsMatchesIncludingTheHugeMultiplierPath(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(204);
        long saturated = 0;
        int huge = 0;
        for (int n = 0; n < CaseCount; n++)
        {
            var c = Block.Random(cases);
            int[] accumulators = cases.Int32s(c.WeightOffset + c.Count + 2);
            int mantissa = cases.Mantissa(outsidePercent: 10);
            int shift = cases.Chance(3) ? cases.Int32() : cases.Shift(-70, 70);
            int[] expected = (int[])accumulators.Clone();
            int[] actual = (int[])accumulators.Clone();

            int expectedSaturated = WeightUpdate.AccumulateGradients(expected, c.WeightOffset, c.Gradients, c.GradientOffset, c.Count, mantissa, shift);
            int actualSaturated = native.AccumulateGradients(actual, c.WeightOffset, c.Gradients, c.GradientOffset, c.Count, mantissa, shift);

            string label = $"case {n}: mantissa {mantissa} shift {shift}";
            Assert.True(expectedSaturated == actualSaturated, label + $": saturated {actualSaturated}, managed {expectedSaturated}");
            Assert.True(expected.AsSpan().SequenceEqual(actual), label + ": accumulators differ");
            saturated += expectedSaturated;
            huge += shift < -16 ? 1 : 0;
        }

        Assert.True(saturated > 1000 && huge > 100, $"the cases must saturate and take the huge path (saturated {saturated}, huge {huge})");
    }

    /// <summary>Weights and int32 gradients, each with an offset.</summary>
    private sealed record Block(sbyte[] Weights, int WeightOffset, int[] Gradients, int GradientOffset, int Count)
    {
        public static Block Random(Cases cases)
        {
            int count = cases.Int(0, 60);
            int weightOffset = cases.Int(0, 8);
            int gradientOffset = cases.Int(0, 8);
            return new Block(
                cases.Int8s(weightOffset + count + 2, zeroPercent: 5),
                weightOffset,
                cases.Int32s(gradientOffset + count + 2),
                gradientOffset,
                count);
        }
    }
}
