// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Reference.Tests;

// lib-tintin's namespace TinTin.Random would otherwise hide System.Random here.
using Random = System.Random;

/// <summary>Nothing allocates per training step or per inference once the network is built and warm.</summary>
public class AllocationTests
{
    [Theory]
    [InlineData("mlp")]
    [InlineData("cnn2d-deep")]
    [InlineData("cnn1d")]
    [InlineData("flatten-relu-first")]
    [InlineData("lenet-5")]
    public void TrainStepAndPredictAllocateNothing(string name)
    {
        ModelSpec spec = name == "lenet-5"
            ? new ModelSpec(new Shape(1, 28, 28)).Conv2D(6, 5, 1, 2).ReLU().MaxPool2D(2).Conv2D(16, 5).ReLU().MaxPool2D(2)
                .Flatten().Dense(120).ReLU().Dense(84).ReLU().Dense(10)
            : Networks.Create(name);
        var network = new Fp32Network(spec);
        Networks.Randomize(network, 1);
        network.LearningRate = 0.01f;
        var random = new Random(2);
        var inputs = new float[4][];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = Networks.Input(spec.Input.Size, random);
        }

        int classes = spec.Output.Size;
        for (int i = 0; i < 3; i++)
        {
            network.TrainStep(inputs[i % 4], i % classes);
            network.Predict(inputs[i % 4]);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        float losses = 0;
        int predictions = 0;
        for (int i = 0; i < 20; i++)
        {
            losses += network.TrainStep(inputs[i % 4], i % classes);
            predictions += network.Predict(inputs[(i + 1) % 4]);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(float.IsFinite(losses) && predictions >= 0);
    }
}
