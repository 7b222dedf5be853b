// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Numerics;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Engine.Tests;

/// <summary>
/// No int32 overflow at the largest Dense layer the Model accepts, with every input and weight at
/// ±127: the int32 accumulators, the int8 results and the updates match a reference computed in
/// long and BigInteger arithmetic, and one more input (or output) is rejected when the model is built.
/// </summary>
/// <remarks>
/// The bound: a forward sum is at most fanIn * 127^2 plus a bias clamped to 2^30, so it fits an int32
/// when fanIn * 16129 &lt;= 2^30 - 1 = 1,073,741,823. The largest such fan-in is
/// <see cref="MaxFanIn"/> = 66,572 (66,572 * 16,129 = 1,073,739,788; 66,573 * 16,129 = 1,073,755,917).
/// The error sent to the input sums fanOut (= outputs) products and no bias, so its bound is
/// fanOut * 16129 &lt;= 2^31 - 1: <see cref="MaxFanOut"/> = 133,144 outputs (lib-tintin's OverflowBounds, the one
/// place every layer and the model take their bounds from).
/// </remarks>
public class WorstCaseMagnitudeTests
{
    private const int MaxFanIn = 66_572;
    private const int MaxFanOut = 133_144;
    private const long Product = 127 * 127;
    private const long BiasLimit = 1L << 30;

    [Fact]
    public void TheBoundIsTheLargestFanInWhoseSumFitsWithAClampedBias()
    {
        Assert.True(MaxFanIn * Product + BiasLimit <= int.MaxValue);
        Assert.True((MaxFanIn + 1) * Product + BiasLimit > int.MaxValue);
    }

    [Fact]
    public void ModelAcceptsTheLargestFanInAndFanOutAndRejectsOneMore()
    {
        TrainingOptions options = Networks.Options(TrainingMode.TinTin, 1);
        Assert.NotNull(new Model(new ModelSpec(Shape.Vector(MaxFanIn)).Dense(2), options));
        Assert.NotNull(new Model(new ModelSpec(Shape.Vector(2)).Dense(MaxFanOut), options));
        Assert.True(MaxFanOut * Product <= int.MaxValue && (MaxFanOut + 1) * Product > int.MaxValue);

        Assert.Throws<ArgumentException>(() => new Model(new ModelSpec(Shape.Vector(MaxFanIn + 1)).Dense(2), options));
        Assert.Throws<ArgumentException>(() => new Model(new ModelSpec(Shape.Vector(2)).Dense(MaxFanOut + 1), options));
        Assert.Throws<ArgumentException>(() => new Dense(new ModelSpec(Shape.Vector(2)).Dense(MaxFanOut + 1)[0], false));
        Assert.Throws<ArgumentException>(() => new Model(new ModelSpec(Shape.Vector(3)).Dense(MaxFanIn + 1).ReLU().Dense(2), options));
    }

    [Theory]
    [InlineData(TrainingMode.TinTin)]
    [InlineData(TrainingMode.Niti)]
    public void ForwardAtTheLargestFanInIsExact(TrainingMode mode)
    {
        // Row 0: every product +16129 and the largest bias (its contribution clamps to +2^30):
        //        66,572 * 16,129 + 2^30 = 2,147,481,612, 2,035 below int.MaxValue.
        // Row 1: the mirror image, -2,147,481,612.  Row 2: alternating weights, a small bias.
        var model = new Model(new ModelSpec(Shape.Vector(MaxFanIn)).Dense(3), Networks.Options(mode, 1));
        var dense = (Dense)model.GetLayer(0);
        sbyte[] x = new sbyte[MaxFanIn];
        for (int i = 0; i < MaxFanIn; i++)
        {
            x[i] = (sbyte)(i % 3 == 0 ? -127 : 127);
            dense.SetWeight(i, x[i] > 0 ? 127 : -127);
            dense.SetWeight(MaxFanIn + i, x[i] > 0 ? -127 : 127);
            dense.SetWeight((2 * MaxFanIn) + i, i % 2 == 0 ? 127 : -127);
        }

        dense.Biases[0] = int.MaxValue;
        dense.Biases[1] = -int.MaxValue;
        dense.Biases[2] = 12_345;
        dense.WeightScale = Scale.PowerOfTwo(-14);
        Scale inputScale = Scale.PowerOfTwo(-7); // accumulators at 2^-21, biases at 2^-20: a bias counts twice

        long[] expected = new long[3];
        for (int o = 0; o < 3; o++)
        {
            long sum = 0;
            for (int i = 0; i < MaxFanIn; i++)
            {
                sum += (long)dense.GetWeight((o * MaxFanIn) + i) * x[i];
            }

            expected[o] = sum + Math.Clamp(2L * dense.Biases[o], -BiasLimit, BiasLimit);
        }

        Assert.Equal(2_147_481_612L, expected[0]);
        Assert.Equal(-2_147_481_612L, expected[1]);

        // The int32 accumulators themselves, read from the workspace after the layer's forward pass.
        var workspace = new Workspace(model.Plan.AccumulatorLength, model.Plan.PassRowLength, model.Plan.GradientRowLength, model.Plan.PackedWeightLength, model.Plan.PackedInputLength, model.Plan.StagingLength, model.Plan.RowStepLength, model.Options, new Xorshift32(1), new ManagedKernels());
        var input = new Tensor8(x, MaxFanIn) { Scale = inputScale, MaxAbs = 127 };
        var output = new Tensor8(new sbyte[3], 3);
        dense.Forward(input, output, workspace);
        for (int o = 0; o < 3; o++)
        {
            Assert.Equal(expected[o], workspace.Accumulators[o]);
        }

        // The int8 result through the model: each value is its accumulator times scale(acc) / scale(out).
        model.Predict(x, inputScale);
        Scale accScale = Scale.Product(inputScale, dense.WeightScale);
        for (int o = 0; o < 3; o++)
        {
            Assert.Equal(Requantized(expected[o], accScale, model.Output.Scale), model.Output.Data[o]);
        }

        // The largest accumulator lands in 107..127 with compound factors, in 64..127 with powers of two
        // (here 108 and 64: 2,147,481,612 is just below 2^31).
        Assert.InRange(model.Output.Data[0], mode == TrainingMode.TinTin ? 107 : 64, 127);
        Assert.Equal(-model.Output.Data[0], model.Output.Data[1]);
    }

    [Theory]
    [InlineData(TrainingMode.TinTin)]
    [InlineData(TrainingMode.Niti)]
    public void BackwardAtTheLargestFanOutIsExact(TrainingMode mode)
    {
        // Dense(133,144) on 2 inputs, every error ±127 and every weight ±127 with the error's sign on input 0
        // (its error sum is +133,144 * 16,129 = +2,147,479,576, 2,071 below int.MaxValue) and the opposite
        // sign on input 1 (the negative).
        var model = new Model(new ModelSpec(Shape.Vector(2)).Dense(MaxFanOut), Networks.Options(mode, 1));
        var dense = (Dense)model.GetLayer(0);
        var errorData = new sbyte[MaxFanOut];
        for (int o = 0; o < MaxFanOut; o++)
        {
            errorData[o] = (sbyte)(o % 5 < 2 ? -127 : 127);
            dense.SetWeight(2 * o, errorData[o]);
            dense.SetWeight((2 * o) + 1, -errorData[o]);
        }

        dense.WeightScale = Scale.PowerOfTwo(-14);
        sbyte[] before = dense.CopyWeights();
        var x = new Tensor8(new sbyte[] { 127, -127 }, 2) { Scale = Scale.PowerOfTwo(-7), MaxAbs = 127 };
        var error = new Tensor8(errorData, MaxFanOut) { Scale = Scale.PowerOfTwo(-10), MaxAbs = 127 };
        var inputError = new Tensor8(new sbyte[2], 2);
        var workspace = new Workspace(model.Plan.AccumulatorLength, model.Plan.PassRowLength, model.Plan.GradientRowLength, model.Plan.PackedWeightLength, model.Plan.PackedInputLength, model.Plan.StagingLength, model.Plan.RowStepLength, model.Options, new Xorshift32(1), new ManagedKernels());
        dense.Backward(x, new Tensor8(new sbyte[MaxFanOut], MaxFanOut), error, inputError, workspace);

        long[] expected = new long[2];
        for (int i = 0; i < 2; i++)
        {
            for (int o = 0; o < MaxFanOut; o++)
            {
                expected[i] += (long)before[(2 * o) + i] * errorData[o];
            }
        }

        Assert.Equal(2_147_479_576L, expected[0]);
        Assert.Equal(-2_147_479_576L, expected[1]);
        Assert.Equal(expected[0], workspace.Accumulators[0]);
        Assert.Equal(expected[1], workspace.Accumulators[1]);
        Scale accScale = Scale.Product(error.Scale, Scale.PowerOfTwo(-14));
        Assert.Equal(Requantized(expected[0], accScale, inputError.Scale), inputError.Data[0]);
        Assert.Equal(Requantized(expected[1], accScale, inputError.Scale), inputError.Data[1]);

        // Every gradient is e * x = ±16,129 with the weight's sign, so every weight moves toward 0 (no clamp).
        // Tin-Tin: eta * G * scale(G) / scale(W) = 2^-5 * 16,129 * 2^-17 / 2^-14 = 16,129 / 256 = 63.004 steps,
        // stochastically rounded to 63 or 64. NITI: the largest |G| (16,129, 14 bits) shifted to mu = 3 bits,
        // 16,129 >> 11 = 7.9, pseudo-stochastically rounded to 7 or 8.
        (int low, int high) = mode == TrainingMode.TinTin ? (63, 64) : (7, 8);
        sbyte[] after = dense.CopyWeights();
        for (int w = 0; w < before.Length; w++)
        {
            int step = Math.Abs(before[w] - after[w]);
            Assert.True(step == low || step == high, $"weight {w}: {before[w]} -> {after[w]}");
            Assert.Equal(Math.Sign((int)before[w]), Math.Sign(before[w] - after[w]));
        }

        Assert.Equal(0, dense.Stats.Saturations);

        // Bias update (both modes): eta * e * scale(e) / scale(b) = 2^-5 * 127 * 2^-10 / 2^-20 = 127 * 32 = 4,064 exactly.
        for (int o = 0; o < MaxFanOut; o++)
        {
            Assert.Equal(-4_064 * errorData[o] / 127, dense.Biases[o]);
        }
    }

    [Fact]
    public void AHugeBiasSaturatesInsteadOfWrappingAtTinyAccumulatorScales()
    {
        // Weights at 2^-46 and inputs at 2^-7 put the accumulators at 2^-53: converting a bias at 2^-20
        // multiplies by 2^33. The contribution must clamp to +2^30 for a positive bias, never change sign.
        var model = new Model(new ModelSpec(Shape.Vector(2)).Dense(2), Networks.Options(TrainingMode.TinTin, 1));
        var dense = (Dense)model.GetLayer(0);
        dense.SetWeights(new sbyte[dense.WeightCount]);
        dense.WeightScale = Scale.PowerOfTwo(-46);
        dense.Biases[0] = int.MaxValue;
        dense.Biases[1] = -(1 << 20);
        var workspace = new Workspace(model.Plan.AccumulatorLength, model.Plan.PassRowLength, model.Plan.GradientRowLength, model.Plan.PackedWeightLength, model.Plan.PackedInputLength, model.Plan.StagingLength, model.Plan.RowStepLength, model.Options, new Xorshift32(1), new ManagedKernels());
        var input = new Tensor8(new sbyte[] { 1, 1 }, 2) { Scale = Scale.PowerOfTwo(-7), MaxAbs = 1 };
        dense.Forward(input, new Tensor8(new sbyte[2], 2), workspace);

        Assert.Equal(1 << 30, workspace.Accumulators[0]);
        Assert.Equal(-(1 << 30), workspace.Accumulators[1]);
    }

    // acc * scale(acc) / scale(out), rounded half away from zero, computed exactly with BigInteger.
    private static long Requantized(long acc, Scale accScale, Scale outScale)
    {
        int pow2 = accScale.Pow2 - outScale.Pow2;
        int pow3 = accScale.Pow3 - outScale.Pow3;
        BigInteger numerator = acc * BigInteger.Pow(3, Math.Max(pow3, 0)) * BigInteger.Pow(2, Math.Max(pow2, 0));
        BigInteger denominator = BigInteger.Pow(3, Math.Max(-pow3, 0)) * BigInteger.Pow(2, Math.Max(-pow2, 0));
        BigInteger quotient = BigInteger.DivRem(BigInteger.Abs(numerator), denominator, out BigInteger remainder);
        if (2 * remainder >= denominator)
        {
            quotient++;
        }

        return (long)(numerator.Sign < 0 ? -quotient : quotient);
    }
}
