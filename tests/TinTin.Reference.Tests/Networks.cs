// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Reference.Tests;

// lib-tintin's namespace TinTin.Random would otherwise hide System.Random here.
using Random = System.Random;

/// <summary>The small networks the tests use, random parameters and inputs.</summary>
internal static class Networks
{
    /// <summary>Every single-layer and whole network, as theory data.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (string name in SingleLayers)
        {
            data.Add(name);
        }

        foreach (string name in Whole)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>One layer of each type, with the awkward geometries (stride, padding, gaps, no bias).</summary>
    public static readonly string[] SingleLayers =
    [
        "dense", "dense-nobias", "dense-from-image",
        "conv2d", "conv2d-stride", "conv2d-nobias", "conv2d-bigpad",
        "conv1d", "conv1d-stride", "conv1d-nobias",
        "maxpool2d", "maxpool2d-gap", "maxpool1d", "maxpool1d-gap",
        "relu", "flatten",
    ];

    /// <summary>Whole networks.</summary>
    public static readonly string[] Whole = ["mlp", "cnn2d", "cnn2d-stack", "cnn2d-deep", "cnn1d", "flatten-relu-first"];

    public static ModelSpec Create(string name) => name switch
    {
        "dense" => new ModelSpec(Shape.Vector(7)).Dense(5),
        "dense-nobias" => new ModelSpec(Shape.Vector(7)).Dense(5, bias: false),
        "dense-from-image" => new ModelSpec(new Shape(2, 3, 3)).Dense(4),
        "conv2d" => new ModelSpec(new Shape(2, 6, 5)).Conv2D(3, 3, 1, 1),
        "conv2d-stride" => new ModelSpec(new Shape(2, 7, 7)).Conv2D(3, 3, 2, 2),
        "conv2d-nobias" => new ModelSpec(new Shape(1, 5, 5)).Conv2D(2, 2, 1, 0, bias: false),
        "conv2d-bigpad" => new ModelSpec(new Shape(1, 3, 3)).Conv2D(2, 3, 1, 3),
        "conv1d" => new ModelSpec(new Shape(2, 1, 11)).Conv1D(3, 4, 1, 1),
        "conv1d-stride" => new ModelSpec(new Shape(3, 1, 16)).Conv1D(2, 5, 3, 2),
        "conv1d-nobias" => new ModelSpec(new Shape(1, 1, 9)).Conv1D(2, 3, 2, 0, bias: false),
        "maxpool2d" => new ModelSpec(new Shape(2, 6, 6)).MaxPool2D(2),
        "maxpool2d-gap" => new ModelSpec(new Shape(2, 7, 8)).MaxPool2D(2, 3),
        "maxpool1d" => new ModelSpec(new Shape(3, 1, 10)).MaxPool1D(3),
        "maxpool1d-gap" => new ModelSpec(new Shape(2, 1, 11)).MaxPool1D(2, 3),
        "relu" => new ModelSpec(Shape.Vector(9)).ReLU(),
        "flatten" => new ModelSpec(new Shape(2, 2, 3)).Flatten(),
        "mlp" => new ModelSpec(Shape.Vector(10)).Dense(8).ReLU().Dense(4),
        "cnn2d" => new ModelSpec(new Shape(2, 6, 6)).Conv2D(3, 3, 1, 1).ReLU().MaxPool2D(2).Flatten().Dense(4),
        "cnn2d-stack" => new ModelSpec(new Shape(2, 6, 6)).Conv2D(3, 3, 1, 1).ReLU().MaxPool2D(2).Conv2D(4, 2, 1, 0).Flatten().Dense(3),
        "cnn2d-deep" => new ModelSpec(new Shape(1, 8, 8))
            .Conv2D(4, 3, 1, 1).ReLU().MaxPool2D(2).Conv2D(3, 3, 1, 0).ReLU().Flatten().Dense(5).ReLU().Dense(3),
        "cnn1d" => new ModelSpec(new Shape(2, 1, 16))
            .Conv1D(3, 3, 1, 1).ReLU().MaxPool1D(2).Conv1D(4, 3, 2, 0).ReLU().Flatten().Dense(3),
        "flatten-relu-first" => new ModelSpec(new Shape(1, 2, 4)).Flatten().ReLU().Dense(6).ReLU().Dense(3),
        _ => throw new ArgumentException(name),
    };

    /// <summary>Uniform weights of about Kaiming scale and small biases, from a seed.</summary>
    public static void Randomize(Fp32Network network, int seed)
    {
        var random = new Random(seed);
        for (int l = 0; l < network.LayerCount; l++)
        {
            float[]? w = network.GetWeights(l);
            if (w is null)
            {
                continue;
            }

            LayerSpec layer = network.Spec[l];
            double bound = Math.Sqrt(6.0 / (layer.WeightCount / layer.Units));
            var weights = new float[w.Length];
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)(((2 * random.NextDouble()) - 1) * bound);
            }

            float[]? b = network.GetBiases(l);
            float[]? biases = null;
            if (b is not null)
            {
                biases = new float[b.Length];
                for (int i = 0; i < biases.Length; i++)
                {
                    biases[i] = (float)(((2 * random.NextDouble()) - 1) * 0.2);
                }
            }

            network.CopyWeights(l, weights, biases);
        }
    }

    /// <summary>Uniform values in (-1, 1), none closer to 0 than 0.01 (so no ReLU sits on its kink).</summary>
    public static float[] Input(int size, Random random)
    {
        var x = new float[size];
        for (int i = 0; i < size; i++)
        {
            double v = (2 * random.NextDouble()) - 1;
            x[i] = (float)(Math.Abs(v) < 0.01 ? Math.CopySign(0.01, v) : v);
        }

        return x;
    }

    public static double[] Widen(float[] x) => DoubleReference.Widen(x)!;

    public static float[] Copy(float[]? x) => x is null ? [] : (float[])x.Clone();
}
