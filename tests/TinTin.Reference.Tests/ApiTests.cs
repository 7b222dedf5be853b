// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Reference.Tests;

/// <summary>The public surface: construction, weight copies, argument checks.</summary>
public class ApiTests
{
    [Fact]
    public void UnweightedLayersHaveNoWeightsAndWeightedOnesLibTintinsCounts()
    {
        ModelSpec spec = Networks.Create("cnn2d");
        var network = new Fp32Network(spec);
        Assert.Equal(spec.Count, network.LayerCount);
        for (int l = 0; l < spec.Count; l++)
        {
            Assert.Equal(spec[l].WeightCount, network.GetWeights(l)?.Length ?? 0);
            Assert.Equal(spec[l].BiasCount, network.GetBiases(l)?.Length ?? 0);
        }

        Assert.Null(network.InputError);
        Assert.Equal(0.03125f, network.LearningRate);
    }

    [Fact]
    public void CopyWeightsCopiesAndChecksLengths()
    {
        var network = new Fp32Network(Networks.Create("dense"));
        float[] weights = new float[35];
        weights[3] = 1.5f;
        network.CopyWeights(0, weights, [1f, 2f, 3f, 4f, 5f]);
        weights[3] = 7f;
        Assert.Equal(1.5f, network.GetWeights(0)![3]);
        Assert.Equal(5f, network.GetBiases(0)![4]);
        network.CopyWeights(0, weights, null);
        Assert.Equal(new float[5], network.GetBiases(0));

        Assert.Throws<ArgumentException>(() => network.CopyWeights(0, new float[34], null));
        Assert.Throws<ArgumentException>(() => network.CopyWeights(0, weights, new float[4]));
        var pool = new Fp32Network(Networks.Create("maxpool2d"));
        Assert.Throws<ArgumentException>(() => pool.CopyWeights(0, [], null));
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new Fp32Network(null!));
        Assert.Throws<ArgumentException>(() => new Fp32Network(new ModelSpec(Shape.Vector(3))));
        var network = new Fp32Network(Networks.Create("mlp"));
        Assert.Throws<ArgumentException>(() => network.Forward(new float[9]));
        Assert.Throws<ArgumentException>(() => network.Predict(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => network.TrainStep(new float[10], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => network.TrainStep(new float[10], -1));
    }

    [Fact]
    public void TheLossIsTheNaturalLogCrossEntropyBeforeTheUpdate()
    {
        // Zero weights: uniform softmax, loss ln(classes), and the step moves the biases by rate * (p - onehot).
        var network = new Fp32Network(Networks.Create("mlp"));
        network.LearningRate = 0.5f;
        float loss = network.TrainStep(new float[10], 2);
        Assert.Equal(Math.Log(4), loss, 1e-6);
        Assert.Equal(new float[] { -0.125f, -0.125f, 0.375f, -0.125f }, network.GetBiases(2));
        Assert.Equal(2, network.Predict(new float[10]));
    }
}
