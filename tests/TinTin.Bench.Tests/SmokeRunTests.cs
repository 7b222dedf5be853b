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
/// NITI runs with the catalog's μ = 1 (batch size 1: every step is one μ-bit update); it learns more
/// slowly than FP32 and Tin-Tin on a few hundred samples, so its CWRU thresholds are lower (see
/// <see cref="CwruSmokeRunTests"/>).
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
    [InlineData("mnist-lenet5", BenchMode.Niti)]
    [InlineData("mnist-lenet5", BenchMode.TinTin)]
    public void EveryModelAndModeLearnsFromAFewHundredImages(string model, BenchMode mode)
    {
        Assert.True(smoke.Data.Test.Count >= 300);
        BenchResult result = SmokeRuns.Run(model, smoke.Data, mode, Epochs);
        SmokeRuns.AssertLearned(result, MinimumAccuracy);
    }
}

/// <inheritdoc cref="MnistSmokeRunTests"/>
public sealed class CwruSmokeRunTests(CwruSmokeData smoke) : IClassFixture<CwruSmokeData>
{
    private const int Epochs = 3;

    [RequiresCwruTheory]
    [InlineData("cwru-fft-mlp", BenchMode.Fp32)]
    [InlineData("cwru-fft-mlp", BenchMode.Niti)]
    [InlineData("cwru-fft-mlp", BenchMode.TinTin)]
    [InlineData("cwru-cnn1d", BenchMode.Fp32)]
    [InlineData("cwru-cnn1d", BenchMode.Niti)]
    [InlineData("cwru-cnn1d", BenchMode.TinTin)]
    public void EveryModelAndModeLearnsFromAFewHundredWindows(string model, BenchMode mode)
    {
        TaskData data = smoke.For(ModelCatalog.Get(model).Input);
        Assert.True(data.Test.Count >= 300, $"{data.Test.Count} test windows");
        BenchResult result = SmokeRuns.Run(model, data, mode, Epochs);
        SmokeRuns.AssertLearned(result, MinimumAccuracy(model, mode));
    }

    /// <summary>
    /// The thresholds, from 20 runs while writing this test (seeds 1-5, FP32 and Tin-Tin, 400 training
    /// windows, 3 epochs): cwru-fft-mlp reached 92-99 % (seed 1: 95 %), so 60 % leaves a wide margin;
    /// cwru-cnn1d, which learns from raw windows more slowly, reached 46-79 % (seed 1: 77-79 %), so
    /// 35 % (3.5 times chance) leaves 11 points below the worst seed.
    /// </summary>
    /// <summary>NITI (μ = 1) reached 67 %, 68 %, 73 % on cwru-fft-mlp with seeds 1-3 (400 windows, 3 epochs): 40 % leaves a wide margin.</summary>
    private const double NitiFftMlp = 0.40;

    /// <summary>NITI on cwru-cnn1d, the slowest learner here, reached 55 %, 28 %, 55 % with seeds 1-3: 20 % is twice chance.</summary>
    private const double NitiCnn1d = 0.20;

    private static double MinimumAccuracy(string model, BenchMode mode) => mode == BenchMode.Niti
        ? (model == "cwru-fft-mlp" ? NitiFftMlp : NitiCnn1d)
        : (model == "cwru-fft-mlp" ? 0.60 : 0.35);
}
