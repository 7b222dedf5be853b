// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Bench.Training;

namespace TinTin.Bench.Tests;

/// <summary>What every smoke run must show, whatever the accuracy: the run's bookkeeping is right and no step allocates.</summary>
internal static class SmokeRuns
{
    public const uint Seed = 1;

    /// <summary>Allocated bytes per step that can only be one-off runtime work: a sixth of the smallest object.</summary>
    private const double MaxOneOffBytesPerStep = 4;

    public static BenchResult Run(string modelName, TaskData data, BenchMode mode, int epochs)
    {
        BenchModel model = ModelCatalog.Get(modelName);
        BenchResult result = BenchRunner.Run(model, data, mode, epochs, Seed, null, null);
        string what = $"{modelName} {mode.Name()}";

        Assert.Equal(modelName, result.Model);
        Assert.Equal(mode, result.Mode);
        Assert.Equal(model.Task == BenchTask.Mnist ? "mnist" : "cwru", result.Task);
        Assert.Equal(epochs, result.Epochs);
        Assert.Equal(data.Train.Count, result.TrainSamples);
        Assert.Equal(data.Test.Count, result.TestSamples);
        Assert.Equal((long)epochs * data.Train.Count, result.SamplesSeen);
        Assert.Equal(epochs, result.EpochTestAccuracy.Count);
        Assert.Equal(epochs, result.EpochLoss.Count);
        // A step that allocates costs at least one object (24 bytes) per step. What the runtime allocates
        // once on whichever test thread gets there first (on-stack replacement, type initialisers, string
        // literals while jitting) is a few hundred bytes per run, and which thread pays for it depends
        // on how xunit schedules the tests; so the bound is well under one object per step, not zero.
        Assert.True(result.AllocatedBytesPerStep < MaxOneOffBytesPerStep, $"{what}: {result.AllocatedBytesPerStep} bytes allocated per training step");
        Assert.Null(result.IlCostPerSample);
        Assert.Equal(MacCount.PerTrainingSample(model.Build(data.Train.Shape)), result.MacsPerSample);
        Assert.True(result.Memory.Weights > 0 && result.Memory.Total == result.Memory.Weights + result.Memory.Activations + result.Memory.Gradients + result.Memory.Scratch, $"{what}: memory {result.Memory}");

        // The confusion matrix is the test split: one row per class holding that class's samples, and
        // its diagonal is the accuracy.
        int classes = data.ClassNames.Count;
        Assert.Equal(classes, result.Confusion.Length);
        Assert.All(result.Confusion, row => Assert.Equal(classes, row.Length));
        Assert.Equal(data.Test.Count, result.Confusion.Sum(row => row.Sum()));
        for (int c = 0; c < classes; c++)
        {
            Assert.Equal(data.Test.Labels.Count(l => l == c), result.Confusion[c].Sum());
        }

        int diagonal = Enumerable.Range(0, classes).Sum(c => result.Confusion[c][c]);
        Assert.Equal(result.TestAccuracy, diagonal / (double)data.Test.Count, 12);
        Assert.Equal(result.TestAccuracy, result.EpochTestAccuracy[^1], 12);
        return result;
    }

    /// <summary>Asserts that the run learnt: accuracy at least <paramref name="minimum"/> (chance is 1 / classes) and a lower loss at the end than after the first epoch.</summary>
    public static void AssertLearned(BenchResult result, double minimum)
    {
        string curve = string.Join(", ", result.EpochTestAccuracy.Select(a => a.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(
            result.TestAccuracy >= minimum,
            $"{result.Model} {result.Mode.Name()}: test accuracy {result.TestAccuracy:P1} after {result.Epochs} epochs on {result.TrainSamples} samples (per epoch: {curve}), expected at least {minimum:P0}");
        Assert.True(
            result.EpochLoss[^1] < result.EpochLoss[0],
            $"{result.Model} {result.Mode.Name()}: loss per epoch {string.Join(", ", result.EpochLoss)} did not fall");
    }
}
