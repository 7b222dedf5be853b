// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using TinTin.Description;

namespace TinTin.Bench.Models;

/// <summary>
/// The four models of the evaluation (see ../shared/docs/evaluation.md and docs/results.md), fixed
/// here so every row of the results compares the same architecture across Tin-Tin, NITI and FP32.
/// </summary>
public static class ModelCatalog
{
    /// <summary>CWRU spectrum features: bands of the 1024-sample window's magnitude spectrum.</summary>
    public const int SpectrumBands = 64;

    /// <summary>Every model, in the order of the results table.</summary>
    public static IReadOnlyList<BenchModel> All { get; } =
    [
        new BenchModel(
            "mnist-mlp",
            BenchTask.Mnist,
            InputKind.Image,
            input => new ModelSpec(Shape.Vector(input.Size)).Dense(128).ReLU().Dense(10),
            "784 -> 128 -> 10, ReLU",
            DefaultEpochs: 10,
            new LearningSchedule(Log2Rate: -6, DecayPerEpoch: true, NitiMuBits: 1, NitiMuDrops: [])),
        new BenchModel(
            "mnist-lenet5",
            BenchTask.Mnist,
            InputKind.Image,
            input => new ModelSpec(input)
                .Conv2D(6, 5, stride: 1, padding: 2).ReLU().MaxPool2D(2)
                .Conv2D(16, 5).ReLU().MaxPool2D(2)
                .Flatten().Dense(120).ReLU().Dense(84).ReLU().Dense(10),
            "LeNet-5: conv 6@5x5 pad 2, max-pool 2, conv 16@5x5, max-pool 2, 400 -> 120 -> 84 -> 10, ReLU",
            DefaultEpochs: 10,
            new LearningSchedule(Log2Rate: -7, DecayPerEpoch: true, NitiMuBits: 1, NitiMuDrops: [])),
        new BenchModel(
            "cwru-fft-mlp",
            BenchTask.Cwru,
            InputKind.SpectrumFeatures,
            input => new ModelSpec(Shape.Vector(input.Size)).Dense(64).ReLU().Dense(10),
            $"integer Hann spectrum of 1024 samples in {SpectrumBands} bands -> 64 -> 10, ReLU",
            DefaultEpochs: 20,
            new LearningSchedule(Log2Rate: -6, DecayPerEpoch: true, NitiMuBits: 1, NitiMuDrops: [])),
        new BenchModel(
            "cwru-cnn1d",
            BenchTask.Cwru,
            InputKind.RawWindow,
            input => new ModelSpec(input)
                .Conv1D(8, 9, stride: 2, padding: 4).ReLU().MaxPool1D(4)
                .Conv1D(16, 9, stride: 1, padding: 4).ReLU().MaxPool1D(4)
                .Flatten().Dense(10),
            "raw 1024-sample window: conv1d 8@9 stride 2, max-pool 4, conv1d 16@9, max-pool 4, 512 -> 10, ReLU",
            DefaultEpochs: 20,
            new LearningSchedule(Log2Rate: -6, DecayPerEpoch: true, NitiMuBits: 1, NitiMuDrops: [])),
    ];

    /// <summary>The model names, for help text and validation.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToArray();

    /// <summary>Finds a model by name.</summary>
    /// <param name="name">The name, e.g. <c>mnist-mlp</c>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">No model has that name.</exception>
    public static BenchModel Get(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"unknown model '{name}' (known: {string.Join(", ", Names)})", nameof(name));
}
