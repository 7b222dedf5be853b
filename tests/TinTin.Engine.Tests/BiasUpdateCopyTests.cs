// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Layers;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Engine.Tests;

/// <summary>
/// <see cref="WeightedLayer"/>'s bias update writes its stochastic scaling out for the usual shifts (1 to 32) instead
/// of calling the helper per bias; this runs it on every int8 error sum, at several multipliers and learning rates,
/// against the helper it copies (ScaleValueStochastic, with the same random draws) and the int32 clamp.
/// </summary>
public class BiasUpdateCopyTests
{
    [Theory]
    // Error scale 2^-errorShift * 1.5^up * 0.75^down against the default bias scale 2^-20 and rate 2^-5: the step's
    // multiplier (a 15-bit mantissa) shifts right by about errorShift - 1: the written-out path for shifts 1..32,
    // the helper's own for larger shifts and for left shifts (checked the same way).
    [InlineData(10, 0, 0, true)]
    [InlineData(16, 0, 0, true)]
    [InlineData(20, 1, 0, true)]
    [InlineData(30, 2, 1, true)]
    [InlineData(33, 0, 0, true)]
    [InlineData(40, 2, 1, false)]
    [InlineData(-10, 1, 1, false)]
    public void TheBiasUpdateScalesEveryErrorLikeTheHelper(int errorShift, int up, int down, bool writtenOutPath)
    {
        const int Biases = 255; // one per int8 error, -127..127
        var probe = new BiasProbe(Biases);
        var errors = new Tensor8(new sbyte[Biases], Biases) { Scale = new Scale(-errorShift, up, down) };
        var start = new int[Biases];
        var generator = new System.Random(errorShift * 31 + up);
        for (int c = 0; c < Biases; c++)
        {
            errors.Data[c] = (sbyte)(c - 127);
            start[c] = c % 17 == 0 ? (c % 2 == 0 ? int.MaxValue - 3 : -int.MaxValue + 3) : generator.Next(-1 << 20, 1 << 20);
            probe.Biases[c] = start[c];
        }

        var options = new TrainingOptions { Seed = 5 };
        var workspace = new Workspace(Biases, 0, options, new Xorshift32(0xC0FFEEu));
        uint random = workspace.Random.State;
        probe.Update(errors, workspace);

        Scale s = Scale.Product(Scale.Quotient(errors.Scale, probe.BiasScale), options.LearningRate);
        FixedMultiplier m = FixedMultiplier.FromPowers(s.Pow2, s.Pow3);
        for (int c = 0; c < Biases; c++)
        {
            int sum = errors.Data[c];
            long expected = start[c];
            if (sum != 0)
            {
                expected -= BiasProbe.Scale(sum, m, ref random);
            }

            expected = Math.Clamp(expected, -int.MaxValue, int.MaxValue);
            Assert.True(expected == probe.Biases[c], $"error {sum} (multiplier {m.Mantissa} >> {m.RightShift}): bias {start[c]} -> {probe.Biases[c]}, the helper gives {expected}");
        }

        Assert.Equal(random, workspace.Random.State);
        bool writtenOut = m.RightShift > 0 && m.RightShift <= 32;
        Assert.True(writtenOut == writtenOutPath, $"multiplier shift {m.RightShift}: the case does not take the path it is meant to");
    }

    [Theory]
    // A convolution sums its error over the positions of a channel: with 4,096 of them and a multiplier shift of
    // about 1 the step leaves the int range, so the written-out path must clamp it as the helper does.
    [InlineData(2, 4096, true)]
    [InlineData(12, 1024, false)]
    [InlineData(2, 300, false)]
    public void SummedErrorsScaleLikeTheHelper(int errorShift, int perChannel, bool reachesTheClamp)
    {
        const int Biases = 16;
        var probe = new BiasProbe(Biases);
        var errors = new Tensor8(new sbyte[Biases * perChannel], Biases * perChannel) { Scale = new Scale(-errorShift, 0, 0) };
        var generator = new System.Random(errorShift + perChannel);
        var start = new int[Biases];
        var sums = new int[Biases];
        for (int c = 0; c < Biases; c++)
        {
            // Channel c: every error the same extreme (c even: +127, odd: -127) for the first channels, random after.
            for (int i = 0; i < perChannel; i++)
            {
                int e = c < 4 ? (c % 2 == 0 ? 127 : -127) : generator.Next(-127, 128);
                errors.Data[(c * perChannel) + i] = (sbyte)e;
                sums[c] += e;
            }

            start[c] = generator.Next(-1 << 20, 1 << 20);
            probe.Biases[c] = start[c];
        }

        var options = new TrainingOptions { Seed = 5 };
        var workspace = new Workspace(Biases, 0, options, new Xorshift32(0xBEEFu));
        uint random = workspace.Random.State;
        probe.Update(errors, perChannel, workspace);

        Scale s = Scale.Product(Scale.Quotient(errors.Scale, probe.BiasScale), options.LearningRate);
        FixedMultiplier m = FixedMultiplier.FromPowers(s.Pow2, s.Pow3);
        Assert.True(m.RightShift > 0 && m.RightShift <= 32, $"multiplier shift {m.RightShift}: not the written-out path");
        bool clamped = false;
        for (int c = 0; c < Biases; c++)
        {
            long expected = start[c];
            if (sums[c] != 0)
            {
                int step = BiasProbe.Scale(sums[c], m, ref random);
                clamped |= step == int.MaxValue || step == -int.MaxValue;
                expected -= step;
            }

            expected = Math.Clamp(expected, -int.MaxValue, int.MaxValue);
            Assert.True(expected == probe.Biases[c], $"error sum {sums[c]} (multiplier {m.Mantissa} >> {m.RightShift}): bias {start[c]} -> {probe.Biases[c]}, the helper gives {expected}");
        }

        Assert.Equal(random, workspace.Random.State);
        Assert.True(clamped == reachesTheClamp, $"multiplier {m.Mantissa} >> {m.RightShift}, {perChannel} positions: the helper clamped a step: {clamped}");
    }
}
