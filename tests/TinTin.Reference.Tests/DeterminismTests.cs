// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Reference.Tests;

// lib-tintin's namespace TinTin.Random would otherwise hide System.Random here.
using Random = System.Random;

/// <summary>Same weights, same samples in the same order: the same bits.</summary>
public class DeterminismTests
{
    [Theory]
    [InlineData("mlp")]
    [InlineData("cnn2d-deep")]
    [InlineData("cnn1d")]
    public void TwoRunsGiveBitIdenticalLossesAndWeights(string name)
    {
        Fp32Network a = Run(name, out int[] lossesA);
        Fp32Network b = Run(name, out int[] lossesB);
        Assert.Equal(lossesA, lossesB);
        for (int l = 0; l < a.LayerCount; l++)
        {
            Assert.Equal(Bits(a.GetWeights(l)), Bits(b.GetWeights(l)));
            Assert.Equal(Bits(a.GetBiases(l)), Bits(b.GetBiases(l)));
        }

        // And training changed something: the runs are not trivially equal.
        Fp32Network fresh = new(Networks.Create(name));
        Networks.Randomize(fresh, 3);
        Assert.NotEqual(Bits(fresh.GetWeights(0)), Bits(a.GetWeights(0)));
    }

    [Fact]
    public void ForwardIsRepeatableAndIndependentOfEarlierInputs()
    {
        var network = new Fp32Network(Networks.Create("cnn2d-deep"));
        Networks.Randomize(network, 3);
        var random = new Random(8);
        float[] x = Networks.Input(network.Spec.Input.Size, random);
        int[] first = Bits((float[])network.Forward(x).Clone());
        network.Forward(Networks.Input(network.Spec.Input.Size, random));
        Assert.Equal(first, Bits(network.Forward(x)));
    }

    private static Fp32Network Run(string name, out int[] losses)
    {
        var network = new Fp32Network(Networks.Create(name));
        Networks.Randomize(network, 3);
        network.LearningRate = 0.05f;
        var random = new Random(4);
        losses = new int[60];
        for (int i = 0; i < losses.Length; i++)
        {
            float[] x = Networks.Input(network.Spec.Input.Size, random);
            losses[i] = BitConverter.SingleToInt32Bits(network.TrainStep(x, random.Next(network.Spec.Output.Size)));
        }

        return network;
    }

    private static int[] Bits(float[]? values)
    {
        if (values is null)
        {
            return [];
        }

        var bits = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        }

        return bits;
    }
}
