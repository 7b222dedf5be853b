// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Bench.Models;

/// <summary>The task a model is trained on.</summary>
public enum BenchTask
{
    /// <summary>MNIST digits, 60k train / 10k test.</summary>
    Mnist,

    /// <summary>CWRU bearing faults, 10 classes at 0 hp, time split.</summary>
    Cwru,
}

/// <summary>What a model reads from a CWRU window.</summary>
public enum InputKind
{
    /// <summary>MNIST pixels, 1 x 28 x 28.</summary>
    Image,

    /// <summary>The integer spectrum features the device computes (sensors/Features).</summary>
    SpectrumFeatures,

    /// <summary>The raw window of accelerometer counts.</summary>
    RawWindow,
}

/// <summary>
/// One row model of docs/results.md: its architecture and the training settings every mode uses,
/// fixed here so rows compare and the commands in the results page stay short.
/// </summary>
/// <param name="Name">The name used on the command line, e.g. <c>mnist-mlp</c>.</param>
/// <param name="Task">The dataset it trains on.</param>
/// <param name="Input">What it reads.</param>
/// <param name="Build">Its architecture, from the input shape the task provides.</param>
/// <param name="Description">One line for help and tables.</param>
/// <param name="DefaultEpochs">Epochs when the command line gives none.</param>
/// <param name="Schedule">The learning rates of every mode.</param>
public sealed record BenchModel(
    string Name,
    BenchTask Task,
    InputKind Input,
    Func<Shape, ModelSpec> Build,
    string Description,
    int DefaultEpochs,
    LearningSchedule Schedule);
