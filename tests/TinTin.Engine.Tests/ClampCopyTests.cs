// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Numerics;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Engine.Tests;

/// <summary>
/// The update kernels write the int8 clamp (<see cref="Saturation.SaturateToInt8"/>) out per weight, and the weight
/// rescale writes out the clamp and the rounding (<see cref="Rounding.RoundShiftRight"/>): a call per weight
/// costs more than the arithmetic on nanoCLR. Each copy is run here on its whole input range (every int8 weight
/// against every update step from -255 to 255, every rescale of every int8 weight) against the helpers.
/// </summary>
public class ClampCopyTests
{
    private const int MaxStep = 255;

    [Fact]
    public void TheTinTinRowUpdatesClampLikeTheHelper()
    {
        // Mantissa 2^8 and shift 8 make the step exactly error * x: the dither (below 2^8) is floored away.
        foreach (bool propagating in new[] { false, true })
        {
            ForEveryWeightAndStep((weights, step) => propagating
                ? OnPacked(weights, p => RowUpdate.TinTinPropagating(p, 0, step, Ones(weights.Length), weights.Length, 1 << 8, 8, 0x12345678u, new int[weights.Length]))
                : OnPacked(weights, p => RowUpdate.TinTin(p, 0, step, Ones(weights.Length), weights.Length, 1 << 8, 8, 0x12345678u)));
        }
    }

    [Fact]
    public void TheNitiRowUpdatesClampLikeTheHelper()
    {
        // Shift 0: the step is error * x exactly.
        ForEveryWeightAndStep((weights, step) => OnPacked(weights, p => RowUpdate.Niti(p, 0, step, Ones(weights.Length), weights.Length, 0)));
        ForEveryWeightAndStep((weights, step) => OnPacked(weights, p => RowUpdate.NitiPropagating(p, 0, step, Ones(weights.Length), weights.Length, 0, new int[weights.Length])));
    }

    [Fact]
    public void TheGradientArrayUpdatesClampLikeTheHelper()
    {
        ForEveryWeightAndStep((weights, step) =>
        {
            uint random = 0x9E3779B9u;
            return WeightUpdate.TinTinGradients(weights, 0, Filled(weights.Length, step), 0, weights.Length, 1 << 14, 14, ref random);
        });
        ForEveryWeightAndStep((weights, step) => WeightUpdate.NitiGradients(weights, 0, Filled(weights.Length, step), 0, weights.Length, 0));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    [InlineData(2, 0)]
    [InlineData(0, 3)]
    [InlineData(3, 2)]
    public void TheWeightRescaleRoundsAndClampsLikeTheHelpers(int up, int down)
    {
        var layer = new RescaleProbe();
        for (int w = -Saturation.Int8Limit; w <= Saturation.Int8Limit; w++)
        {
            layer.SetWeight(w + Saturation.Int8Limit, w);
        }

        layer.Rescale(up, down);
        int multiplier = Requantizer.Pow3(up + down);
        for (int w = -Saturation.Int8Limit; w <= Saturation.Int8Limit; w++)
        {
            int expected = Saturation.SaturateToInt8(Rounding.RoundShiftRight(w * multiplier, up + (down << 1)));
            Assert.True(expected == layer.GetWeight(w + Saturation.Int8Limit), $"weight {w} * 1.5^{up} * 0.75^{down}: {layer.GetWeight(w + Saturation.Int8Limit)}, the helpers give {expected}");
        }
    }

    // Runs the kernel on a row holding every int8 weight once, for every step, and compares each weight and
    // the clamp count with SaturateToInt8(w - step).
    private static void ForEveryWeightAndStep(Func<sbyte[], int, int> update)
    {
        for (int step = -MaxStep; step <= MaxStep; step++)
        {
            var weights = new sbyte[(2 * Saturation.Int8Limit) + 1];
            int expectedClamps = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = (sbyte)(i - Saturation.Int8Limit);
                int unclamped = weights[i] - step;
                expectedClamps += unclamped == Saturation.SaturateToInt8(unclamped) ? 0 : 1;
            }

            int clamps = update(weights, step);
            for (int i = 0; i < weights.Length; i++)
            {
                int w = i - Saturation.Int8Limit;
                int expected = Saturation.SaturateToInt8(w - step);
                Assert.True(weights[i] == expected, $"weight {w} minus step {step}: {weights[i]}, the helper gives {expected}");
            }

            Assert.True(expectedClamps == clamps, $"step {step}: {clamps} clamps counted, {expectedClamps} expected");
        }
    }

    // The row kernels update weights stored eight to a long: run one on a packed copy and unpack the result.
    private static int OnPacked(sbyte[] weights, Func<long[], int> update)
    {
        var packed = new long[PackedDense.Longs(weights.Length)];
        PackedDense.Pack(weights, 0, packed, 0, weights.Length);
        int clamps = update(packed);
        PackedDense.Unpack(packed, 0, weights, 0, weights.Length);
        return clamps;
    }

    private static sbyte[] Ones(int count)
    {
        var x = new sbyte[count];
        Array.Fill(x, (sbyte)1);
        return x;
    }

    private static int[] Filled(int count, int value)
    {
        var g = new int[count];
        Array.Fill(g, value);
        return g;
    }

    // A weighted layer of 255 weights whose only job is to reach the protected rescale (Dense: packed, rescaled in staging blocks of 64).
    private sealed class RescaleProbe : WeightedLayer
    {
        public RescaleProbe()
            : base(new ModelSpec(Shape.Vector(255)).Dense(1, false)[0], false)
        {
        }

        public void Rescale(int up, int down) => RescaleWeights(up, down, 0, new sbyte[Workspace.StagingLength]);

        public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace) => throw new NotSupportedException();

        public override void Backward(Tensor8 input, Tensor8 output, Tensor8 outputError, Tensor8 inputError, Workspace workspace) => throw new NotSupportedException();
    }
}
