// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Reference.Tests;

// lib-tintin's namespace TinTin.Random would otherwise hide System.Random here.
using Random = System.Random;

/// <summary>The error each weighted layer sends down is computed with the weights of the forward pass, not the updated ones.</summary>
public class FusedUpdateTests
{
    [Theory]
    [InlineData("dense")]
    [InlineData("dense-nobias")]
    [InlineData("conv2d")]
    [InlineData("conv2d-stride")]
    [InlineData("conv1d")]
    [InlineData("conv1d-stride")]
    public void TheInputErrorUsesTheOldWeights(string name)
    {
        var network = new Fp32Network(Networks.Create(name), keepInputError: true);
        Networks.Randomize(network, 9);
        network.LearningRate = 4f; // a big step, so old and new weights give clearly different errors
        float[] x = Networks.Input(network.Spec.Input.Size, new Random(4));
        const int label = 1;

        var old = new DoubleReference(network);
        double[] logits = old.Forward(Networks.Widen(x));
        network.TrainStep(x, label);
        var updated = new DoubleReference(network);

        double[] withOld = InputError(old, logits, label);
        double[] withNew = InputError(updated, logits, label);
        float[] actual = network.InputError!;
        double distance = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - withOld[i]) <= 1e-5 * (1 + Math.Abs(withOld[i])), $"{name} input {i}: {actual[i]} vs {withOld[i]} (old weights)");
            distance = Math.Max(distance, Math.Abs(withNew[i] - withOld[i]));
        }

        Assert.True(distance > 1e-2, $"{name}: the update barely changed the error ({distance}); the test would not tell old from new weights");
    }

    // For a single linear layer, dLoss/dx = J^T (softmax(z) - onehot), J being the layer's constant Jacobian,
    // read off column by column as f(unit_i) - f(0).
    private static double[] InputError(DoubleReference layer, double[] logits, int label)
    {
        double[] e = DoubleReference.Softmax(logits);
        e[label] -= 1;
        int n = layer.InputSize;
        double[] zero = layer.Forward(new double[n]);
        var d = new double[n];
        for (int i = 0; i < n; i++)
        {
            var unit = new double[n];
            unit[i] = 1;
            double[] y = layer.Forward(unit);
            double sum = 0;
            for (int k = 0; k < y.Length; k++)
            {
                sum += (y[k] - zero[k]) * e[k];
            }

            d[i] = sum;
        }

        return d;
    }
}
