// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using NFUnitTest;
using TinTin.Training;
using Xunit.Abstractions;

namespace TinTin.Engine.Tests;

/// <summary>
/// The on-device learning test (tests/NFUnitTestModel/ModelTrainingTests.cs) trains three or two seeds per
/// configuration; here every configuration trains seeds 1 to 100 on the same toy, so the device test's
/// seeds are not lucky picks. Each run trains 10 epochs and must end at 100 % training accuracy with a
/// lower loss in the last epoch than in the first. The output lists, per configuration, the latest epoch
/// at which a seed first reached 100 %.
/// </summary>
public class QuadrantSweepTests
{
    private const int Seeds = 100;
    private const int Epochs = 10;

    private readonly ITestOutputHelper _output;

    public QuadrantSweepTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData(TrainingMode.TinTin, 1)]
    [InlineData(TrainingMode.TinTin, 4)]
    [InlineData(TrainingMode.Niti, 1)]
    [InlineData(TrainingMode.Niti, 4)]
    public void EverySeedLearnsTheQuadrants(TrainingMode mode, int batchSize)
    {
        int latest = 0;
        for (uint seed = 1; seed <= Seeds; seed++)
        {
            TrainingOptions options = mode == TrainingMode.TinTin
                ? QuadrantToy.TinTinOptions(seed, batchSize)
                : QuadrantToy.NitiOptions(seed, batchSize);
            (int firstPerfect, int final, bool lossFell) = Train(options);
            Assert.True(final == QuadrantToy.SampleCount, $"seed {seed}: {final}/{QuadrantToy.SampleCount} after {Epochs} epochs");
            Assert.True(lossFell, $"seed {seed}: the loss did not fall");
            latest = System.Math.Max(latest, firstPerfect);
        }

        _output.WriteLine($"{mode} batch {batchSize}: all {Seeds} seeds at 100 % after {Epochs} epochs; latest first 100 % at epoch {latest}");
    }

    [Fact]
    public void NitiWithInitialUpscalingIsWorseOnTheSameToy()
    {
        // Why the NITI options keep NITI's small initial weights: with Tin-Tin's upscaled initialisation
        // NITI's fixed-size updates are relatively tiny and many seeds do not reach 100 % in 10 epochs.
        int failures = 0;
        for (uint seed = 1; seed <= Seeds; seed++)
        {
            TrainingOptions options = QuadrantToy.NitiOptions(seed, 1);
            options.InitialUpscale = true;
            if (Train(options).Final != QuadrantToy.SampleCount)
            {
                failures++;
            }
        }

        _output.WriteLine($"NITI with initial upscaling: {failures} of {Seeds} seeds below 100 % after {Epochs} epochs");
        Assert.True(failures > 0, "NITI learned every seed even with upscaled weights: revisit the device test's comment");
    }

    [Fact]
    public void NitiMuSweep()
    {
        // How mu behaves on the toy (docs/tintin-training.md quotes this output). The default must learn every seed.
        int defaultFailures = -1;
        for (int mu = 0; mu <= 6; mu++)
        {
            (int failures, long saturations, _) = Sweep(seed =>
            {
                TrainingOptions options = QuadrantToy.NitiOptions(seed, 1);
                options.MuBits = mu;
                return options;
            });
            _output.WriteLine($"NITI mu = {mu}: {failures} of {Seeds} seeds below 100 % after {Epochs} epochs; {saturations} clamped weights in all");
            defaultFailures = mu == new TrainingOptions().MuBits ? failures : defaultFailures;
        }

        Assert.Equal(0, defaultFailures);
    }

    [Fact]
    public void TinTinLearningRateSweep()
    {
        // How the learning rate behaves on the toy (docs/tintin-training.md quotes this output).
        int defaultFailures = -1;
        for (int exponent = -1; exponent >= -9; exponent--)
        {
            int e = exponent;
            (int failures, long saturations, long rescales) = Sweep(seed =>
            {
                TrainingOptions options = QuadrantToy.TinTinOptions(seed, 1);
                options.LearningRate = Scaling.Scale.PowerOfTwo(e);
                return options;
            });
            _output.WriteLine($"Tin-Tin eta = 2^{exponent}: {failures} of {Seeds} seeds below 100 % after {Epochs} epochs; {saturations} clamped weights, {rescales} weight rescales in all");
            defaultFailures = new TrainingOptions().LearningRate.SameValueAs(Scaling.Scale.PowerOfTwo(e)) ? failures : defaultFailures;
        }

        Assert.Equal(0, defaultFailures);
    }

    private static (int Failures, long Saturations, long Rescales) Sweep(System.Func<uint, TrainingOptions> options)
    {
        int failures = 0;
        long saturations = 0;
        long rescales = 0;
        for (uint seed = 1; seed <= Seeds; seed++)
        {
            var model = new Model(QuadrantToy.Network(), options(seed));
            sbyte[][] points = QuadrantToy.Points(QuadrantToy.SampleCount, QuadrantToy.DataSeed, out int[] labels);
            for (int epoch = 0; epoch < Epochs; epoch++)
            {
                QuadrantToy.TrainEpoch(model, points, labels);
            }

            failures += QuadrantToy.CountCorrect(model, points, labels) == points.Length ? 0 : 1;
            for (int l = 0; l < model.LayerCount; l++)
            {
                saturations += model.GetLayer(l).Stats.Saturations;
                rescales += model.GetLayer(l).Stats.WeightRescales;
            }
        }

        return (failures, saturations, rescales);
    }

    private static (int FirstPerfect, int Final, bool LossFell) Train(TrainingOptions options)
    {
        var model = new Model(QuadrantToy.Network(), options);
        sbyte[][] points = QuadrantToy.Points(QuadrantToy.SampleCount, QuadrantToy.DataSeed, out int[] labels);
        long first = 0;
        long last = 0;
        int firstPerfect = 0;
        for (int epoch = 1; epoch <= Epochs; epoch++)
        {
            last = QuadrantToy.TrainEpoch(model, points, labels);
            first = epoch == 1 ? last : first;
            if (firstPerfect == 0 && QuadrantToy.CountCorrect(model, points, labels) == points.Length)
            {
                firstPerfect = epoch;
            }
        }

        return (firstPerfect, QuadrantToy.CountCorrect(model, points, labels), last < first);
    }
}
