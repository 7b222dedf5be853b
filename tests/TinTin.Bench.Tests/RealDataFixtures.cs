// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using TinTin.Bench.Data;
using TinTin.Bench.Models;

namespace TinTin.Bench.Tests;

/// <summary>
/// The MNIST smoke split, loaded once per test class and only when a test asks for it (a skipped class
/// never touches the disk): 500 training and 500 test images, evenly spread over the standard splits.
/// </summary>
public sealed class MnistSmokeData
{
    public const int TrainSamples = 500;
    public const int TestSamples = 500;

    private readonly Lazy<TaskData> _data = new(() =>
    {
        TaskData full = TaskLoader.LoadMnist(DataPaths.Mnist);
        return full with { Train = TaskLoader.Spread(full.Train, TrainSamples), Test = TaskLoader.Spread(full.Test, TestSamples) };
    });

    public TaskData Data => _data.Value;
}

/// <summary>
/// The CWRU smoke splits (spectrum features and raw windows), loaded once per test class on first use:
/// 400 training windows evenly spread over the 70 % part of every recording, and every test window
/// (about 33 per class, so all of them, which is above 300).
/// </summary>
public sealed class CwruSmokeData
{
    public const int TrainSamples = 400;

    private readonly Lazy<TaskData> _spectrum = new(() => Load(InputKind.SpectrumFeatures));
    private readonly Lazy<TaskData> _raw = new(() => Load(InputKind.RawWindow));

    public TaskData For(InputKind input) => input == InputKind.RawWindow ? _raw.Value : _spectrum.Value;

    private static TaskData Load(InputKind input)
    {
        TaskData full = CwruWindows.Load(DataPaths.Cwru, input, TextWriter.Null);
        return full with { Train = TaskLoader.Spread(full.Train, TrainSamples) };
    }
}
