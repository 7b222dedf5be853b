// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;

namespace TinTin.Reference.Tests;

// lib-tintin's namespace TinTin.Random would otherwise hide System.Random here.
using Random = System.Random;

/// <summary>
/// Backward passes against central finite differences of the double-precision loss. The weight
/// and bias gradients are read from the applied update, <c>(old - new) / rate</c>; the input
/// gradient from <see cref="Fp32Network.InputError"/> (the network built to keep it).
/// </summary>
/// <remarks>
/// Tolerance: the float backward pass sums at most a few hundred products of magnitude below 1
/// (error about 1e-7), reading the update back costs one float rounding of the weight divided by
/// the rate 0.5 (about 1e-7), and the central difference with h = 1e-6 in double is accurate to
/// about 1e-10. 2e-5 + 1e-4 relative leaves a wide margin and still catches any wrong index, sign,
/// factor or missing term (those are of the order of the gradient itself).
/// </remarks>
public class GradientTests
{
    private const float Rate = 0.5f;
    private const double Step = 1e-6;

    [Theory]
    [MemberData(nameof(Networks.All), MemberType = typeof(Networks))]
    public void WeightBiasAndInputGradientsMatchFiniteDifferences(string name)
    {
        var random = new Random(11);
        var network = new Fp32Network(Networks.Create(name), keepInputError: true);
        Networks.Randomize(network, 5);
        network.LearningRate = Rate;
        int classes = network.Spec.Output.Size;
        int checkedValues = 0;
        double largest = 0;
        for (int sample = 0; sample < 3; sample++)
        {
            float[] x = Networks.Input(network.Spec.Input.Size, random);
            int label = random.Next(classes);
            var reference = new DoubleReference(network);
            double[] input = Networks.Widen(x);

            var before = new List<float[]>();
            for (int l = 0; l < network.LayerCount; l++)
            {
                before.Add(Networks.Copy(network.GetWeights(l)));
                before.Add(Networks.Copy(network.GetBiases(l)));
            }

            float loss = network.TrainStep(x, label);
            Assert.Equal(reference.Loss(input, label), loss, 1e-5);

            for (int l = 0; l < network.LayerCount; l++)
            {
                Compare(name, $"layer {l} weight", before[2 * l], network.GetWeights(l), reference.Weights[l], reference, input, label, ref largest, ref checkedValues);
                Compare(name, $"layer {l} bias", before[(2 * l) + 1], network.GetBiases(l), reference.Biases[l], reference, input, label, ref largest, ref checkedValues);
            }

            // dLoss/dInput.
            float[] d = network.InputError!;
            for (int i = 0; i < input.Length; i++)
            {
                double expected = Central(reference, input, i, input, label);
                Check(name, $"input {i}", d[i], expected);
                largest = Math.Max(largest, Math.Abs(expected));
                checkedValues++;
            }
        }

        Assert.True(checkedValues > 0);
        Assert.True(largest > 1e-2, $"{name}: every gradient is tiny ({largest}): the comparison would prove nothing");
    }

    private static void Compare(
        string name,
        string what,
        float[] before,
        float[]? after,
        double[]? parameters,
        DoubleReference reference,
        double[] input,
        int label,
        ref double largest,
        ref int checkedValues)
    {
        if (after is null)
        {
            Assert.Empty(before);
            return;
        }

        for (int i = 0; i < after.Length; i++)
        {
            double applied = ((double)before[i] - after[i]) / Rate;
            double expected = Central(reference, parameters!, i, input, label);
            Check(name, $"{what} {i}", applied, expected);
            largest = Math.Max(largest, Math.Abs(expected));
            checkedValues++;
        }
    }

    // d loss / d values[i] by central differences, values being a parameter array of the reference or its input.
    private static double Central(DoubleReference reference, double[] values, int i, double[] input, int label)
    {
        double saved = values[i];
        values[i] = saved + Step;
        double up = reference.Loss(input, label);
        values[i] = saved - Step;
        double down = reference.Loss(input, label);
        values[i] = saved;
        return (up - down) / (2 * Step);
    }

    private static void Check(string name, string what, double actual, double expected) =>
        Assert.True(
            Math.Abs(actual - expected) <= 2e-5 + (1e-4 * Math.Abs(expected)),
            $"{name} {what}: {actual} vs finite difference {expected}");
}
