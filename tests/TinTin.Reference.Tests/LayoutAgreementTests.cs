// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Scaling;
using TinTin.Training;
using Xunit.Abstractions;

namespace TinTin.Reference.Tests;

// lib-tintin's namespace TinTin.Random would otherwise hide System.Random here.
using Random = System.Random;

/// <summary>
/// The weight layouts agree with lib-tintin's: a <see cref="Model"/>'s real weights (q times the
/// layer's scale), copied element by element, give the same forward pass within the int8
/// quantization error.
/// </summary>
public class LayoutAgreementTests
{
    private const int InputLog2Scale = -7;

    private readonly ITestOutputHelper _output;

    public LayoutAgreementTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>
    /// One weighted layer: the integer engine sums q_x * q_w exactly in int32 (plus the bias,
    /// converted to the accumulator scale with one rounding: at most half an accumulator unit), then
    /// rounds once, half away from zero, to int8 at the output scale. So each output is within half an
    /// output unit (plus half an accumulator unit) of the exact real result, which the float layer
    /// computes to about 1e-6 relative. A convolution requantizes each filter's row at its own (finer or
    /// equal) step and then re-expresses it in the output's: two roundings, so within one output unit.
    /// Any layout mistake moves outputs by whole weights.
    /// </summary>
    [Theory]
    [InlineData("dense")]
    [InlineData("dense-from-image")]
    [InlineData("conv2d")]
    [InlineData("conv2d-stride")]
    [InlineData("conv2d-bigpad")]
    [InlineData("conv1d")]
    [InlineData("conv1d-stride")]
    [InlineData("conv1d-nobias")]
    public void OneLayerAgreesWithinHalfAnOutputUnit(string name)
    {
        ModelSpec spec = Networks.Create(name);
        Model model = CreateModel(spec, 17);
        Fp32Network network = CopyOf(model);
        var weighted = (WeightedLayer)model.GetLayer(0);
        var random = new Random(6);
        for (int sample = 0; sample < 8; sample++)
        {
            sbyte[] q = IntegerInput(spec.Input.Size, random);
            model.Predict(q, Scale.PowerOfTwo(InputLog2Scale));
            float[] z = network.Forward(RealInput(q));
            double outputUnit = RealValue(model.Output.Scale);
            double accumulatorUnit = RealValue(Scale.Product(Scale.PowerOfTwo(InputLog2Scale), weighted.WeightScale));
            bool rowByRow = spec[0].Kind == LayerKind.Conv2D || spec[0].Kind == LayerKind.Conv1D;
            double tolerance = ((rowByRow ? 1.0 : 0.5) * outputUnit) + (0.5 * accumulatorUnit) + (1e-6 * MaxAbs(z));
            for (int k = 0; k < z.Length; k++)
            {
                double integer = model.Output.Data[k] * outputUnit;
                Assert.True(Math.Abs(z[k] - integer) <= tolerance, $"{name} output {k}: fp32 {z[k]} vs int8 {integer} (unit {outputUnit})");
            }
        }
    }

    [Fact]
    public void ATransposedDenseLayoutWouldBeCaught()
    {
        ModelSpec spec = Networks.Create("dense");
        Model model = CreateModel(spec, 17);
        Fp32Network network = CopyOf(model);
        int inputs = spec.Input.Size;
        int outputs = spec.Output.Size;
        float[] w = network.GetWeights(0)!;
        var transposed = new float[w.Length];
        for (int o = 0; o < outputs; o++)
        {
            for (int i = 0; i < inputs; i++)
            {
                transposed[(i * outputs) + o] = w[(o * inputs) + i];
            }
        }

        network.CopyWeights(0, transposed, network.GetBiases(0));
        sbyte[] q = IntegerInput(inputs, new Random(6));
        model.Predict(q, Scale.PowerOfTwo(InputLog2Scale));
        float[] z = network.Forward(RealInput(q));
        double unit = RealValue(model.Output.Scale);
        double worst = 0;
        for (int k = 0; k < z.Length; k++)
        {
            worst = Math.Max(worst, Math.Abs(z[k] - (model.Output.Data[k] * unit)));
        }

        Assert.True(worst > 5 * unit, $"a transposed layout is off by only {worst / unit:F2} output units");
    }

    /// <summary>
    /// Whole networks: each layer of the integer engine rounds its output once to int8, at most half
    /// a unit of that layer's output scale (plus half an accumulator unit for the bias), and the
    /// layers after it carry that error on. A rigorous bound per logit follows by propagating the
    /// error bound through the float network with |W| in place of W: a weighted layer maps a bound
    /// vector b to |W| b + half a unit; ReLU and max pooling are 1-Lipschitz per element, so the
    /// bound passes through (the max of the window's bounds). Every logit must be within its bound
    /// (plus 1e-4 of it and 1e-5 of the largest logit for float32 rounding), and the predicted
    /// classes must agree wherever the float margin exceeds the two logits' bounds. (The bound is
    /// a worst case that loosens with depth: for four rounding layers, as in cnn2d-deep, it decides
    /// too few predictions to test anything, so the deepest networks here have three.)
    /// </summary>
    [Theory]
    [InlineData("mlp")]
    [InlineData("cnn2d")]
    [InlineData("cnn2d-stack")]
    [InlineData("cnn1d")]
    public void AWholeNetworkAgreesWithinThePropagatedQuantizationBound(string name)
    {
        ModelSpec spec = Networks.Create(name);
        Model model = CreateModel(spec, 23);
        Fp32Network network = CopyOf(model);
        var random = new Random(9);
        double worstRelative = 0;
        double tightest = 0;
        int decided = 0;
        const int samples = 30;
        for (int sample = 0; sample < samples; sample++)
        {
            sbyte[] q = IntegerInput(spec.Input.Size, random);
            int integerClass = model.Predict(q, Scale.PowerOfTwo(InputLog2Scale));
            int floatClass = network.Predict(RealInput(q));
            float[] z = network.Output;
            double[] bound = ErrorBound(model);
            double unit = RealValue(model.Output.Scale);
            double largest = MaxAbs(z);
            for (int k = 0; k < z.Length; k++)
            {
                double difference = Math.Abs(z[k] - (model.Output.Data[k] * unit));
                Assert.True(
                    difference <= (bound[k] * 1.0001) + (1e-5 * largest),
                    $"{name} sample {sample} logit {k}: fp32 and int8 differ by {difference}, the quantization bound is {bound[k]}");
                worstRelative = Math.Max(worstRelative, difference / largest);
                tightest = Math.Max(tightest, difference / bound[k]);
            }

            int second = SecondBest(z, floatClass);
            if (z[floatClass] - z[second] > bound[floatClass] + bound[second] + (2e-5 * largest))
            {
                decided++;
                Assert.Equal(floatClass, integerClass);
            }
        }

        _output.WriteLine($"{name}: worst logit difference {worstRelative:P2} of the largest logit, {tightest:P0} of its bound; {decided} of {samples} predictions decided by the bound, all agree");
        Assert.True(decided >= samples / 3, $"only {decided} of {samples} predictions are decided by the bound: it is too loose to test anything");
    }

    // The per-logit bound on |fp32 - int8| for the model's last forward pass (its output scales).
    private static double[] ErrorBound(Model model)
    {
        ModelSpec spec = model.Spec;
        var bound = new double[spec.Input.Size]; // the input is exact in float
        Scale inputScale = Scale.PowerOfTwo(InputLog2Scale);
        for (int l = 0; l < spec.Count; l++)
        {
            if (model.GetLayer(l) is WeightedLayer layer)
            {
                double unit = RealValue(layer.WeightScale);
                sbyte[] int8 = layer.CopyWeights();
                var absolute = new double[int8.Length];
                for (int i = 0; i < absolute.Length; i++)
                {
                    absolute[i] = Math.Abs(int8[i] * unit);
                }

                bound = DoubleReference.Apply(spec[l], absolute, null, bound);
                double rounding = 0.5 * RealValue(layer.Stats.OutputScale);
                if (layer.Biases is not null)
                {
                    rounding += 0.5 * RealValue(Scale.Product(inputScale, layer.WeightScale));
                }

                for (int i = 0; i < bound.Length; i++)
                {
                    bound[i] += rounding;
                }
            }
            else
            {
                bound = DoubleReference.Apply(spec[l], null, null, bound);
            }

            inputScale = model.GetLayer(l).Stats.OutputScale;
        }

        return bound;
    }

    private static int SecondBest(float[] z, int best)
    {
        int second = best == 0 ? 1 : 0;
        for (int k = 0; k < z.Length; k++)
        {
            if (k != best && z[k] > z[second])
            {
                second = k;
            }
        }

        return second;
    }

    private static Model CreateModel(ModelSpec spec, uint seed)
    {
        var model = new Model(spec, new TrainingOptions { Seed = seed });

        // Nonzero int32 biases too (the engine starts them at 0), so their layout is checked as well.
        var random = new Random((int)seed);
        for (int l = 0; l < model.LayerCount; l++)
        {
            if (model.GetLayer(l) is WeightedLayer { Biases: { } biases })
            {
                for (int c = 0; c < biases.Length; c++)
                {
                    biases[c] = random.Next(-(1 << 18), 1 << 18); // about +-0.25 at 2^-20
                }
            }
        }

        return model;
    }

    // The test's own conversion (not the bench's): q * 2^Pow2 * 3^Pow3.
    private static Fp32Network CopyOf(Model model)
    {
        var network = new Fp32Network(model.Spec);
        for (int l = 0; l < model.LayerCount; l++)
        {
            if (model.GetLayer(l) is not WeightedLayer layer)
            {
                Assert.Null(network.GetWeights(l));
                continue;
            }

            double unit = RealValue(layer.WeightScale);
            sbyte[] int8 = layer.CopyWeights();
            var weights = new float[int8.Length];
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)(int8[i] * unit);
            }

            float[]? biases = null;
            if (layer.Biases is not null)
            {
                double biasUnit = RealValue(layer.BiasScale);
                biases = new float[layer.Biases.Length];
                for (int i = 0; i < biases.Length; i++)
                {
                    biases[i] = (float)(layer.Biases[i] * biasUnit);
                }
            }

            network.CopyWeights(l, weights, biases);
        }

        return network;
    }

    private static double RealValue(Scale scale) => Math.Pow(2, scale.Shift) * Math.Pow(1.5, scale.Up) * Math.Pow(0.75, scale.Down);

    private static sbyte[] IntegerInput(int size, Random random)
    {
        var q = new sbyte[size];
        for (int i = 0; i < size; i++)
        {
            q[i] = (sbyte)random.Next(-127, 128);
        }

        return q;
    }

    private static float[] RealInput(sbyte[] q)
    {
        var x = new float[q.Length];
        for (int i = 0; i < q.Length; i++)
        {
            x[i] = q[i] * MathF.ScaleB(1f, InputLog2Scale);
        }

        return x;
    }

    private static double MaxAbs(float[] z)
    {
        double max = 0;
        foreach (float v in z)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
