// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Layers;
using TinTin.Native.Tests.Support;
using TinTin.Numerics;
using TinTin.Scaling;

namespace TinTin.Native.Tests.BitExact;

/// <summary>
/// The per-tensor kernels: requantization (choose and apply), bit lengths and largest magnitudes, and the
/// bias scaling, and the alignment of requantized rows, against Requantizer, Magnitude and WeightedLayer, including int32's extremes.
/// </summary>
public sealed class ScalarKernelTests
{
    public static TheoryData<string> Flavours => NativeBuild.Flavours;

    [Theory]
    [MemberData(nameof(Flavours))]
    public void ChooseMatchesForEveryBitLengthAndTheEdges(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(501);
        var values = new System.Collections.Generic.List<int> { int.MinValue, -1, 0, 1, 63, 64, 106, 107, 126, 127, 128, 169, 170, 254, 255, 256, int.MaxValue - 1, int.MaxValue };
        for (int n = 0; n < 20000; n++)
        {
            values.Add(cases.Int32());
        }

        foreach (int max in values)
        {
            foreach (bool compound in new[] { false, true })
            {
                RescaleStep expected = default;
                Requantizer.Choose(max, compound, ref expected);
                NativeStep actual = native.Choose(max, compound);
                Assert.True(actual.SameAs(expected), $"max {max} compound {compound}: {actual}, managed shift {expected.Shift} up {expected.Up} down {expected.Down} max {expected.ResultMaxAbs}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void ApplyMatchesForChosenAndArbitrarySteps(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(502);
        for (int n = 0; n < 4000; n++)
        {
            int count = cases.Int(0, 40);
            int sourceOffset = cases.Int(0, 5);
            int destinationOffset = cases.Int(0, 5);
            int[] source = cases.Int32s(sourceOffset + count + 1);
            RescaleStep step = default;
            if (cases.Chance(70))
            {
                Requantizer.Choose(Magnitude.MaxAbs(source, sourceOffset, count), cases.Chance(50), ref step);
            }
            else
            {
                // Outside what Choose returns (the result may wrap into int8): the arithmetic must still agree.
                step.Shift = cases.Int(-70, 70);
                step.Up = cases.Int(0, 3);
                step.Down = cases.Int(0, 3);
            }

            var expected = new sbyte[destinationOffset + count + 1];
            var actual = new sbyte[destinationOffset + count + 1];
            Requantizer.Apply(source, sourceOffset, expected, destinationOffset, count, step);
            native.Apply(source, sourceOffset, actual, destinationOffset, count, Steps.ToNative(step));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"case {n}: shift {step.Shift} up {step.Up} down {step.Down}: outputs differ");
        }
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void AlignMatchesForEveryInt8AndStepPair(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(504);
        var all = new sbyte[256];
        for (int i = 0; i < 256; i++)
        {
            all[i] = (sbyte)(i - 128);
        }

        for (int n = 0; n < 6000; n++)
        {
            RescaleStep from = default;
            RescaleStep to = default;
            if (cases.Chance(60))
            {
                // What a convolution aligns: a row's step and the tensor's, chosen for a larger (or equal) magnitude.
                int rowMax = cases.Chance(20) ? cases.Int(1, 300) : (int)Math.Min(int.MaxValue, Math.Abs((long)cases.Int32() >> cases.Int(0, 31)) + 1);
                int max = cases.Chance(30) ? rowMax + cases.Int(0, 3) : (int)Math.Min(int.MaxValue, (long)rowMax << cases.Int(0, 30)) - cases.Int(0, 1);
                bool compound = cases.Chance(70);
                Requantizer.Choose(rowMax, compound, ref from);
                Requantizer.Choose(Math.Max(max, rowMax), compound, ref to);
            }
            else
            {
                // Any pair of steps: every branch (shift > 15, left shifts beyond 2^24, a factor 3 to divide out).
                from.Shift = cases.Int(-40, 40);
                from.Up = cases.Int(0, 2);
                from.Down = cases.Int(0, 2);
                to.Shift = cases.Int(-40, 40);
                to.Up = cases.Int(0, 2);
                to.Down = cases.Int(0, 2);
            }

            int offset = cases.Int(0, 5);
            int count = cases.Chance(50) ? 256 : cases.Int(0, 256);
            sbyte[] values = cases.Chance(50) ? (sbyte[])all.Clone() : cases.Int8s(256, zeroPercent: cases.Int(0, 50));

            // Align's input is what Apply left with `from`: values in -127..127 whose largest magnitude is
            // from.ResultMaxAbs (Align derives the largest result from it).
            int largest = 0;
            for (int i = 0; i < 256; i++)
            {
                values[i] = values[i] == -128 ? (sbyte)-127 : values[i];
                largest = i < count ? Math.Max(largest, Math.Abs((int)values[i])) : largest;
            }

            from.ResultMaxAbs = largest;
            var expected = new sbyte[offset + 256 + 1];
            values.CopyTo(expected, offset);
            expected[^1] = 99;
            var actual = (sbyte[])expected.Clone();
            int expectedMax = Requantizer.Align(expected, offset, count, from, to);
            int actualMax = native.Align(actual, offset, count, Steps.ToNative(from), Steps.ToNative(to));
            string label = $"case {n}: from shift {from.Shift} up {from.Up} down {from.Down}, to shift {to.Shift} up {to.Up} down {to.Down}";
            Assert.True(expected.AsSpan().SequenceEqual(actual), label + ": values differ");
            Assert.Equal(expectedMax, actualMax);
        }
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void Pow3MatchesIncludingWrapAndNegativeExponents(string flavour)
    {
        var native = NativeKernels.For(flavour);
        for (int n = -3; n <= 45; n++)
        {
            Assert.Equal(Requantizer.Pow3(n), native.Pow3(n));
        }
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void BitLengthAndLargestMagnitudesMatch(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(503);
        foreach (int v in new[] { int.MinValue, int.MinValue + 1, -1, 0, 1, int.MaxValue })
        {
            Assert.Equal(Magnitude.BitLength(v), native.BitLength(v));
            Assert.Equal(Magnitude.BitLength((uint)v), native.BitLength((uint)v));
        }

        for (int n = 0; n < 20000; n++)
        {
            int v = cases.Int32();
            Assert.Equal(Magnitude.BitLength(v), native.BitLength(v));
            Assert.Equal(Magnitude.BitLength((uint)v), native.BitLength((uint)v));
        }

        for (int n = 0; n < 3000; n++)
        {
            int count = cases.Int(0, 50);
            int offset = cases.Int(0, 5);
            int[] ints = cases.Int32s(offset + count + 1);
            sbyte[] bytes = cases.Int8s(offset + count + 1, zeroPercent: cases.Int(0, 100));
            Assert.Equal(Magnitude.MaxAbs(ints, offset, count), native.MaxAbs(ints, offset, count));
            Assert.Equal(Magnitude.MaxAbs(bytes, offset, count), native.MaxAbs(bytes, offset, count));
            Assert.Equal(Magnitude.MostlyZeros(bytes, count), native.MostlyZeros(bytes, count));
        }
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void BiasScalingMatchesForEveryShiftRange(string flavour)
    {
        var native = NativeKernels.For(flavour);
        var cases = new Cases(504);
        for (int n = 0; n < 20000; n++)
        {
            int value = cases.Int32();
            var m = new FixedMultiplier { Mantissa = cases.Mantissa(outsidePercent: 10), RightShift = cases.Chance(3) ? cases.Int32() : cases.Shift(-70, 70) };
            string label = $"value {value} mantissa {m.Mantissa} shift {m.RightShift}";
            Assert.True(WeightedLayer.ScaleValue(value, m) == native.ScaleValue(value, m), label + ": ScaleValue differs");
            Assert.True(Managed.BiasContribution(value, m) == native.BiasContribution(value, m), label + ": BiasContribution differs");
        }
    }
}
