// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using TinTin.Description;
using Catalog = TinTin.Description.ModelCatalog;

namespace TinTin.Bench.Models;

/// <summary>
/// The four models of the evaluation (see ../shared/docs/evaluation.md and docs/results.md), fixed
/// here so every row of the results compares the same architecture across Tin-Tin, NITI and FP32.
/// The architectures are lib-tintin's <see cref="Catalog"/> (what the board builds); this adds the
/// benchmark's task, input kind and learning schedule.
/// </summary>
public static class ModelCatalog
{
    /// <summary>CWRU spectrum features: bands of the 1024-sample window's magnitude spectrum.</summary>
    public const int SpectrumBands = Catalog.SpectrumBands;

    /// <summary>Every model, in the order of the results table.</summary>
    public static IReadOnlyList<BenchModel> All { get; } =
    [
        new BenchModel(
            "mnist-mlp",
            BenchTask.Mnist,
            InputKind.Image,
            input => Catalog.Create(Catalog.MnistMlp, input),
            "784 -> 128 -> 10, ReLU",
            DefaultEpochs: 10,
            new LearningSchedule(Log2Rate: -6, DecayPerEpoch: true, NitiMuBits: 1, NitiMuDrops: [])),
        new BenchModel(
            "mnist-lenet5",
            BenchTask.Mnist,
            InputKind.Image,
            input => Catalog.Create(Catalog.MnistLeNet5, input),
            "LeNet-5: conv 6@5x5 pad 2, max-pool 2, conv 16@5x5, max-pool 2, 400 -> 120 -> 84 -> 10, ReLU",
            DefaultEpochs: 10,
            new LearningSchedule(Log2Rate: -7, DecayPerEpoch: true, NitiMuBits: 1, NitiMuDrops: [])),
        new BenchModel(
            "cwru-fft-mlp",
            BenchTask.Cwru,
            InputKind.SpectrumFeatures,
            input => Catalog.Create(Catalog.CwruFftMlp, input),
            $"integer Hann spectrum of 1024 samples in {SpectrumBands} bands -> 64 -> 10, ReLU",
            DefaultEpochs: 20,
            new LearningSchedule(Log2Rate: -6, DecayPerEpoch: true, NitiMuBits: 1, NitiMuDrops: [])),
        new BenchModel(
            "cwru-cnn1d",
            BenchTask.Cwru,
            InputKind.RawWindow,
            input => Catalog.Create(Catalog.CwruCnn1D, input),
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
