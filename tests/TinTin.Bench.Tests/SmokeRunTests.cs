// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Bench.Training;

namespace TinTin.Bench.Tests;

/// <summary>
/// CI's short smoke version of each task: every catalog model in every mode, trained on a few hundred
/// real samples for 3 epochs with seed 1, must learn (chance is 10 %) without allocating.
/// </summary>
/// <remarks>
/// NITI (μ = 3, the catalog's setting, no μ drops) does not learn three of the four models at all in
/// this setting; those cases are skipped with what was measured (see <see cref="NitiNotLearning"/>),
/// and <c>NitiRunsCleanly...</c> still checks their bookkeeping and allocations.
/// </remarks>
public sealed class MnistSmokeRunTests(MnistSmokeData smoke) : IClassFixture<MnistSmokeData>
{
    /// <summary>At least 4 times chance; seed 1 reached 80-86 % in every mode that learns (measured while writing this test).</summary>
    public const double MinimumAccuracy = 0.40;

    private const int Epochs = 3;

    [RequiresMnistTheory]
    [InlineData("mnist-mlp", BenchMode.Fp32)]
    [InlineData("mnist-mlp", BenchMode.Niti)]
    [InlineData("mnist-mlp", BenchMode.TinTin)]
    [InlineData("mnist-lenet5", BenchMode.Fp32)]
    [InlineData("mnist-lenet5", BenchMode.Niti, Skip = NitiNotLearning.MnistLeNet5)]
    [InlineData("mnist-lenet5", BenchMode.TinTin)]
    public void EveryModelAndModeLearnsFromAFewHundredImages(string model, BenchMode mode)
    {
        Assert.True(smoke.Data.Test.Count >= 300);
        BenchResult result = SmokeRuns.Run(model, smoke.Data, mode, Epochs);
        SmokeRuns.AssertLearned(result, MinimumAccuracy);
    }

    [RequiresMnistFact]
    public void NitiRunsCleanlyOnLeNet5ThoughItDoesNotLearnIt()
    {
        SmokeRuns.Run("mnist-lenet5", smoke.Data, BenchMode.Niti, Epochs);
    }
}

/// <inheritdoc cref="MnistSmokeRunTests"/>
public sealed class CwruSmokeRunTests(CwruSmokeData smoke) : IClassFixture<CwruSmokeData>
{
    private const int Epochs = 3;

    [RequiresCwruTheory]
    [InlineData("cwru-fft-mlp", BenchMode.Fp32)]
    [InlineData("cwru-fft-mlp", BenchMode.Niti, Skip = NitiNotLearning.CwruFftMlp)]
    [InlineData("cwru-fft-mlp", BenchMode.TinTin)]
    [InlineData("cwru-cnn1d", BenchMode.Fp32)]
    [InlineData("cwru-cnn1d", BenchMode.Niti, Skip = NitiNotLearning.CwruCnn1d)]
    [InlineData("cwru-cnn1d", BenchMode.TinTin)]
    public void EveryModelAndModeLearnsFromAFewHundredWindows(string model, BenchMode mode)
    {
        TaskData data = smoke.For(ModelCatalog.Get(model).Input);
        Assert.True(data.Test.Count >= 300, $"{data.Test.Count} test windows");
        BenchResult result = SmokeRuns.Run(model, data, mode, Epochs);
        SmokeRuns.AssertLearned(result, MinimumAccuracy(model));
    }

    [RequiresCwruTheory]
    [InlineData("cwru-fft-mlp")]
    [InlineData("cwru-cnn1d")]
    public void NitiRunsCleanlyThoughItDoesNotLearnTheTask(string model)
    {
        SmokeRuns.Run(model, smoke.For(ModelCatalog.Get(model).Input), BenchMode.Niti, Epochs);
    }

    /// <summary>
    /// The thresholds, from 20 runs while writing this test (seeds 1-5, FP32 and Tin-Tin, 400 training
    /// windows, 3 epochs): cwru-fft-mlp reached 92-99 % (seed 1: 95 %), so 60 % leaves a wide margin;
    /// cwru-cnn1d, which learns from raw windows more slowly, reached 46-79 % (seed 1: 77-79 %), so
    /// 35 % (3.5 times chance) leaves 11 points below the worst seed.
    /// </summary>
    private static double MinimumAccuracy(string model) => model == "cwru-fft-mlp" ? 0.60 : 0.35;
}

/// <summary>Skip reasons of the NITI cases that do not learn: what was measured, so nobody reads a skip as a pass.</summary>
internal static class NitiNotLearning
{
    private const string Cause =
        " The catalog runs NITI with mu = 3, no mu drops, batch size 1 (every step applied); the same runs with mu = 1 did learn,"
        + " so the catalog's NITI setting, not the benchmark loop, looks like the cause. Un-skip when it is retuned.";

    public const string MnistLeNet5 =
        "NITI does not learn mnist-lenet5 here: seed 1, 500 train / 500 test images, 3 epochs gave 9.0 % test accuracy every epoch"
        + " (chance 10 %), the loss stuck at ln 10 = 2.30 nats; 3000 images gave 10.7 %; with mu = 1: 74 %, 87 %, 79 % per epoch." + Cause;

    public const string CwruFftMlp =
        "NITI does not learn cwru-fft-mlp here: 400 train windows, 3 epochs gave 10.5 % (seed 1) and 10.8 % (seeds 2, 3), chance 10 %,"
        + " loss 2.30 nats; the model's default 20 epochs on the full split ended at 18 % (16-29 % along the way); with mu = 1: 67 % after 3 epochs." + Cause;

    public const string CwruCnn1d =
        "NITI does not learn cwru-cnn1d here: seed 1, 400 train windows, 3 epochs gave 11.4 %, 11.1 %, 13.3 % per epoch (chance 10 %),"
        + " loss 2.32 nats at the end; with mu = 1: 36 % after 3 epochs." + Cause;
}
