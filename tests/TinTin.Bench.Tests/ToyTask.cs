// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Description;
using TinTin.Random;

namespace TinTin.Bench.Tests;

/// <summary>A small separable task generated in the test: class c lights up inputs 4c..4c+3, plus noise.</summary>
internal static class ToyTask
{
    public const int Classes = 4;
    public const int Length = 16;

    public static BenchModel Model { get; } = new(
        "toy-mlp",
        BenchTask.Mnist,
        InputKind.Image,
        input => new ModelSpec(Shape.Vector(input.Size)).Dense(16).ReLU().Dense(Classes),
        "16 -> 16 -> 4",
        DefaultEpochs: 3,
        new LearningSchedule(Log2Rate: -5, DecayPerEpoch: true, NitiMuBits: 3, NitiMuDrops: []));

    public static TaskData Create(int train, int test, uint seed) =>
        new(Split(train, seed), Split(test, seed + 1), ["a", "b", "c", "d"], "toy");

    private static SampleSet Split(int count, uint seed)
    {
        var random = new Xorshift32(seed);
        var inputs = new sbyte[count][];
        var scales = new int[count];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % Classes;
            var x = new sbyte[Length];
            for (int k = 0; k < Length; k++)
            {
                int value = random.NextInt(41) - 20 + (k / 4 == label ? 90 : 0);
                x[k] = (sbyte)value;
            }

            inputs[i] = x;
            scales[i] = -7 + (i % 3);
            labels[i] = label;
        }

        return new SampleSet(Shape.Vector(Length), inputs, scales, labels);
    }
}
