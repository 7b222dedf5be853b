// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;
using TinTin.Random;
using TinTin.Training;

namespace TinTin.Engine.Tests;

/// <summary>The models and synthetic samples the host tests share.</summary>
internal static class Networks
{
    /// <summary>Names a model so a theory can take it as inline data.</summary>
    public static ModelSpec Create(string name) => name switch
    {
        "quadrant-mlp" => new ModelSpec(Shape.Vector(2)).Dense(16).ReLU().Dense(4),
        "image-mlp" => new ModelSpec(new Shape(1, 6, 6)).Flatten().Dense(16).ReLU().Dense(8, bias: false).ReLU().Dense(4),
        "mnist-mlp" => new ModelSpec(Shape.Vector(784)).Dense(128).ReLU().Dense(10),
        "lenet-like" => new ModelSpec(new Shape(1, 12, 12))
            .Conv2D(4, 3, 1, 1).ReLU().MaxPool2D(2)
            .Conv2D(8, 3).ReLU().MaxPool2D(2)
            .Flatten().Dense(16).ReLU().Dense(4),
        "lenet-5" => new ModelSpec(new Shape(1, 28, 28))
            .Conv2D(6, 5, 1, 2).ReLU().MaxPool2D(2)
            .Conv2D(16, 5).ReLU().MaxPool2D(2)
            .Flatten().Dense(120).ReLU().Dense(84).ReLU().Dense(10),
        "conv1d-net" => new ModelSpec(new Shape(3, 1, 32))
            .Conv1D(4, 5, 1, 2).ReLU().MaxPool1D(2)
            .Conv1D(6, 3, 2).ReLU().MaxPool1D(2)
            .Flatten().Dense(5),
        _ => throw new System.ArgumentException("unknown network " + name, nameof(name)),
    };

    public static TrainingOptions Options(TrainingMode mode, int batchSize, uint seed = 1) => new()
    {
        Mode = mode,
        BatchSize = batchSize,
        Seed = seed,
        InitialUpscale = mode == TrainingMode.TinTin,
    };

    /// <summary>Samples of int8 values in [-127, 127] with labels below <paramref name="classes"/>, from Xorshift32.</summary>
    public static sbyte[][] Samples(int count, int size, int classes, uint seed, out int[] labels)
    {
        var random = new Xorshift32(seed);
        var samples = new sbyte[count][];
        labels = new int[count];
        for (int s = 0; s < count; s++)
        {
            samples[s] = new sbyte[size];
            for (int i = 0; i < size; i++)
            {
                samples[s][i] = (sbyte)(random.NextInt(255) - 127);
            }

            labels[s] = random.NextInt(classes);
        }

        return samples;
    }
}
