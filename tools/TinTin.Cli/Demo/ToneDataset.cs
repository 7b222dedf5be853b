// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Random;
using TinTin.Scaling;

namespace TinTin.Cli.Demo;

/// <summary>
/// The demo's built-in data: vibration-like windows of int8 samples, one class per dominant tone
/// (random phase, amplitude and a second, weaker tone, plus noise). Generated from a seed, so it
/// needs no download and every run sees the same samples.
/// </summary>
public sealed class ToneDataset
{
    /// <summary>Cycles per window of each class's tone.</summary>
    public static readonly double[] ClassCycles = { 3, 4, 5, 6, 7, 8 };

    /// <summary>The scale of the samples: a value of 127 is 1.0 (2^-7).</summary>
    public static readonly Scale SampleScale = Scale.PowerOfTwo(-7);

    public ToneDataset(int count, int length, uint seed)
    {
        Samples = new sbyte[count][];
        Labels = new int[count];
        Length = length;
        var random = new Xorshift32(seed);
        for (int i = 0; i < count; i++)
        {
            int label = random.NextInt(ClassCycles.Length);
            double phase = Uniform(random) * 2 * Math.PI;
            double amplitude = 0.35 + 0.35 * Uniform(random);
            int other = random.NextInt(ClassCycles.Length);
            double otherPhase = Uniform(random) * 2 * Math.PI;
            var window = new sbyte[length];
            for (int t = 0; t < length; t++)
            {
                double x = amplitude * Math.Sin(2 * Math.PI * ClassCycles[label] * t / length + phase)
                           + 0.15 * Math.Sin(2 * Math.PI * ClassCycles[other] * t / length + otherPhase)
                           + 0.7 * (Uniform(random) - 0.5);
                window[t] = (sbyte)Math.Clamp(Math.Round(x * 127), -127, 127);
            }

            Samples[i] = window;
            Labels[i] = label;
        }
    }

    public sbyte[][] Samples { get; }

    public int[] Labels { get; }

    public int Length { get; }

    public int Count => Labels.Length;

    private static double Uniform(Xorshift32 random) => random.NextUInt() / 4294967296.0;
}
