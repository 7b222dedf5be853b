// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using Xunit.Abstractions;

namespace TinTin.Reference.Tests;

// lib-tintin's namespace TinTin.Random would otherwise hide System.Random here.
using Random = System.Random;

/// <summary>Small networks learn separable toy tasks: the loss falls and the accuracy ends far above chance.</summary>
public class LearningTests
{
    private readonly ITestOutputHelper _output;

    public LearningTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void A2DConvolutionNetworkLearnsWhichQuadrantIsBright()
    {
        ModelSpec spec = new ModelSpec(new Shape(1, 6, 6)).Conv2D(4, 3, 1, 1).ReLU().MaxPool2D(2).Flatten().Dense(4);
        Learn(spec, Quadrants, classes: 4, rate: 0.05f);
    }

    [Fact]
    public void A1DConvolutionNetworkLearnsWhichToneIsPlaying()
    {
        ModelSpec spec = new ModelSpec(new Shape(1, 1, 32)).Conv1D(4, 5, 1, 2).ReLU().MaxPool1D(2).Conv1D(4, 3, 2, 0).ReLU().Flatten().Dense(3);
        Learn(spec, Tones, classes: 3, rate: 0.05f);
    }

    [Fact]
    public void AnMlpLearnsTheSignOfTwoProjections()
    {
        ModelSpec spec = new ModelSpec(Shape.Vector(8)).Dense(16).ReLU().Dense(4);
        Learn(spec, Signs, classes: 4, rate: 0.05f);
    }

    private void Learn(ModelSpec spec, Func<Random, int, float[]> sample, int classes, float rate)
    {
        var network = new Fp32Network(spec);
        Networks.Randomize(network, 21);
        network.LearningRate = rate;
        var random = new Random(5);
        const int perEpoch = 200;
        var train = new float[perEpoch][];
        var labels = new int[perEpoch];
        for (int i = 0; i < perEpoch; i++)
        {
            labels[i] = i % classes;
            train[i] = sample(random, labels[i]);
        }

        double first = 0;
        double last = 0;
        const int epochs = 10;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double sum = 0;
            for (int i = 0; i < perEpoch; i++)
            {
                int k = (i * 37 + epoch * 11) % perEpoch; // a fixed shuffle
                sum += network.TrainStep(train[k], labels[k]);
            }

            double mean = sum / perEpoch;
            if (epoch == 0)
            {
                first = mean;
            }

            last = mean;
        }

        int correct = 0;
        const int tests = 300;
        for (int i = 0; i < tests; i++)
        {
            int label = random.Next(classes);
            if (network.Predict(sample(random, label)) == label)
            {
                correct++;
            }
        }

        double accuracy = (double)correct / tests;
        _output.WriteLine($"mean loss {first:F3} nats in epoch 1, {last:F3} in epoch {epochs}; test accuracy {accuracy:P1} (chance {1.0 / classes:P1})");
        Assert.True(last < 0.4 * first, $"mean loss {first:F3} in the first epoch, {last:F3} in the last");
        Assert.True(accuracy >= 0.9, $"test accuracy {accuracy:P1} (chance {1.0 / classes:P1})");
    }

    // A bright 2x2 blob somewhere in quadrant `label` of a noisy 6x6 image.
    private static float[] Quadrants(Random random, int label)
    {
        var x = new float[36];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((random.NextDouble() - 0.5) * 0.6);
        }

        int top = (label / 2 * 3) + random.Next(2);
        int left = (label % 2 * 3) + random.Next(2);
        for (int dy = 0; dy < 2; dy++)
        {
            for (int dx = 0; dx < 2; dx++)
            {
                x[((top + dy) * 6) + left + dx] += 1f;
            }
        }

        return x;
    }

    // A sine of period 4, 8 or 16 samples with random phase and amplitude, plus noise.
    private static float[] Tones(Random random, int label)
    {
        var x = new float[32];
        double period = 4 << label;
        double phase = random.NextDouble() * 2 * Math.PI;
        double amplitude = 0.6 + (0.4 * random.NextDouble());
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((amplitude * Math.Sin((2 * Math.PI * i / period) + phase)) + ((random.NextDouble() - 0.5) * 0.3));
        }

        return x;
    }

    // Class = (sign of x0 + x1 - x2, sign of x3 - x4 + x5) in a random 8-vector shifted to match.
    private static float[] Signs(Random random, int label)
    {
        var x = new float[8];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((random.NextDouble() * 2) - 1);
        }

        float a = x[0] + x[1] - x[2];
        float b = x[3] - x[4] + x[5];
        float wantA = (label & 1) != 0 ? 1 : -1;
        float wantB = (label & 2) != 0 ? 1 : -1;
        x[0] += (wantA * 0.6f) - (a * 0.5f);
        x[3] += (wantB * 0.6f) - (b * 0.5f);
        return x;
    }
}
