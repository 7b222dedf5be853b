// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Persistence;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Firmware.Tests.Storage;

/// <summary>
/// One uninterrupted training run of a small real model (16 → Dense 8 → ReLU → Dense 4) on a fixed
/// input stream, with the model file after every step: the reference that every resumed run must match.
/// </summary>
public sealed class CheckpointRun
{
    public const int InputSize = 16;
    public const int Classes = 4;
    public const int TotalSteps = 40;

    private static readonly Scale InputScale = Scale.PowerOfTwo(-7);

    private readonly sbyte[][] _inputs = new sbyte[TotalSteps][];
    private readonly int[] _labels = new int[TotalSteps];
    private readonly byte[][] _states = new byte[TotalSteps + 1][];

    public CheckpointRun(int batchSize)
    {
        BatchSize = batchSize;
        var random = new Xorshift32(77u);
        for (int s = 0; s < TotalSteps; s++)
        {
            _inputs[s] = new sbyte[InputSize];
            for (int i = 0; i < InputSize; i++)
            {
                _inputs[s][i] = (sbyte)(random.NextInt(255) - 127);
            }

            _labels[s] = random.NextInt(Classes);
        }

        Model model = Build(11u);
        _states[0] = FileOf(model);
        for (int s = 0; s < TotalSteps; s++)
        {
            Train(model, s, 1);
            _states[s + 1] = FileOf(model);
        }
    }

    public int BatchSize { get; }

    /// <summary>The model file after <paramref name="step"/> training steps of the uninterrupted run.</summary>
    public byte[] StateAfter(int step) => _states[step];

    /// <summary>A fresh model of the run's architecture; another seed gives other weights and PRNG state.</summary>
    public Model Build(uint seed)
    {
        var options = new TrainingOptions { Seed = seed, BatchSize = BatchSize };
        var spec = new ModelSpec(Shape.Vector(InputSize)).Dense(8).ReLU().Dense(Classes);
        return new Model(spec, options);
    }

    /// <summary>A model in the run's state after <paramref name="step"/> steps.</summary>
    public Model At(int step)
    {
        Model model = Build(5u);
        byte[] file = _states[step];
        ModelFile.ReadInto(model, file, 0, file.Length);
        return model;
    }

    /// <summary>Trains <paramref name="count"/> steps of the stream from step <paramref name="from"/>.</summary>
    public void Train(Model model, int from, int count)
    {
        for (int s = from; s < from + count; s++)
        {
            model.TrainStep(_inputs[s], InputScale, _labels[s]);
        }
    }

    public static byte[] FileOf(Model model)
    {
        byte[] file = new byte[ModelFile.GetSize(model)];
        ModelFile.Write(model, file, 0);
        return file;
    }

    public static bool Same(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);
}
