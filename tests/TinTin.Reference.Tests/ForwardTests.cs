// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Reference.Tests;

// lib-tintin's namespace TinTin.Random would otherwise hide System.Random here.
using Random = System.Random;

/// <summary>Every layer type's forward pass, and whole networks', against the double-precision reference.</summary>
public class ForwardTests
{
    [Theory]
    [MemberData(nameof(Networks.All), MemberType = typeof(Networks))]
    public void EveryLayerOutputMatchesTheDoubleReference(string name)
    {
        var network = new Fp32Network(Networks.Create(name));
        Networks.Randomize(network, 7);
        var reference = new DoubleReference(network);
        var random = new Random(3);
        for (int sample = 0; sample < 5; sample++)
        {
            float[] x = Networks.Input(network.Spec.Input.Size, random);
            network.Forward(x);
            for (int l = 0; l < network.LayerCount; l++)
            {
                // In-place layers share buffers: an output is only intact until the next layer that writes over it.
                if (l + 1 < network.LayerCount && network.GetOutput(l) == network.GetOutput(l + 1) && network.Spec[l + 1].Kind == LayerKind.ReLU)
                {
                    continue;
                }

                double[] expected = reference.Forward(Networks.Widen(x), l + 1);
                float[] actual = network.GetOutput(l);
                double scale = 1e-6;
                foreach (double v in expected)
                {
                    scale = Math.Max(scale, Math.Abs(v));
                }

                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.True(
                        Math.Abs(actual[i] - expected[i]) <= 1e-5 * scale,
                        $"{name} layer {l} element {i}: {actual[i]} vs {expected[i]}");
                }
            }
        }
    }

    [Fact]
    public void PaddingOnlyPositionsOutputTheBias()
    {
        // Conv2D 1x3x3, kernel 3, padding 3: the output corners see only padding.
        var network = new Fp32Network(Networks.Create("conv2d-bigpad"));
        Networks.Randomize(network, 1);
        float[] b = network.GetBiases(0)!;
        float[] y = network.Forward(Networks.Input(9, new Random(1)));
        Assert.Equal(b[0], y[0]);
        Assert.Equal(b[1], y[(2 * 49) - 1]);
    }

    [Fact]
    public void ReluFirstDoesNotWriteOverTheCallersInput()
    {
        var network = new Fp32Network(Networks.Create("flatten-relu-first"));
        Networks.Randomize(network, 2);
        float[] x = [-1f, 2f, -3f, 4f, 0.5f, -0.5f, 1f, -2f];
        float[] copy = (float[])x.Clone();
        network.TrainStep(x, 1);
        network.Predict(x);
        Assert.Equal(copy, x);
        Assert.Equal(new float[] { 0f, 2f, 0f, 4f, 0.5f, 0f, 1f, 0f }, network.GetOutput(1));
    }

    [Fact]
    public void MaxPoolKeepsTheFirstMaximumOnTies()
    {
        // Window 2x2 of equal values: the error of a training step goes to the first (top-left) one only.
        var network = new Fp32Network(new ModelSpec(new Shape(1, 2, 2)).MaxPool2D(2).Flatten().Dense(2), keepInputError: true);
        network.CopyWeights(2, [1f, -1f], null);
        network.TrainStep([0.5f, 0.5f, 0.5f, 0.5f], 0);
        float[] d = network.InputError!;
        Assert.NotEqual(0f, d[0]);
        Assert.Equal(new float[] { 0f, 0f, 0f }, d[1..]);
    }
}
