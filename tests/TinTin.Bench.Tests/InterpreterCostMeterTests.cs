// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Linq;
using TinTin.Bench.Cost;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Bench.Training;
using TinTin.Description;
using ModelCatalog = TinTin.Bench.Models.ModelCatalog;
using TinTin.IlCost.Runtime;
using TinTin.Random;

namespace TinTin.Bench.Tests;

/// <summary>
/// The interpreter cost of training cwru-fft-mlp on a dozen generated spectrum-like samples (no data
/// folder needed). The counter is one static of the shared runtime, so these tests are one class and
/// run one at a time; no other test runs instrumented code.
/// </summary>
public sealed class InterpreterCostMeterTests
{
    private const int Samples = 12;
    private const uint Seed = 1;

    private static readonly BenchModel Model = ModelCatalog.Get("cwru-fft-mlp");
    private static readonly SampleSet Train = Generate();
    private static readonly int[] Order = Enumerable.Range(0, Samples).Select(i => (i * 5) % Samples).ToArray();

    [Theory]
    [InlineData(BenchMode.Fp32)]
    [InlineData(BenchMode.Niti)]
    [InlineData(BenchMode.TinTin)]
    public void TheCostIsPositiveAndTwoMetersMeasureTheSame(BenchMode mode)
    {
        CostMeasurement first = Measure(steps: 3, warmup: 2, profile: false, mode);
        CostMeasurement second = Measure(steps: 3, warmup: 2, profile: false, mode);

        Assert.True(first.PerSample > 0, $"{mode}: {first.PerSample}");
        Assert.Equal(first.PerSample, second.PerSample);
        Assert.Equal(3, first.Samples);
        Assert.Equal(2, first.Warmup);
        Assert.Null(first.Profile);
    }

    [Theory]
    [InlineData(BenchMode.Fp32)]
    [InlineData(BenchMode.Niti)]
    [InlineData(BenchMode.TinTin)]
    public void WarmUpStepsAreTrainedButNotCounted(BenchMode mode)
    {
        // Each measurement trains a fresh model on the same order, so the first 6 steps cost what the
        // first 2 cost plus what the next 4 cost after 2 warm-up steps, exactly. Nothing is assumed
        // about which is dearer per step (a fresh model rescales more, but that is not pinned here).
        long firstSix = Total(Measure(steps: 6, warmup: 0, profile: false, mode));
        long firstTwo = Total(Measure(steps: 2, warmup: 0, profile: false, mode));
        CostMeasurement afterWarmUp = Measure(steps: 4, warmup: 2, profile: false, mode);

        Assert.Equal(firstSix, firstTwo + Total(afterWarmUp));
        Assert.Equal(4, afterWarmUp.Samples);
        Assert.Equal(2, afterWarmUp.Warmup);
    }

    [Fact]
    public void FewerStepsAreMeasuredWhenTheWarmUpLeavesFewerSamples()
    {
        CostMeasurement measured = Measure(steps: 20, warmup: Samples - 3, profile: false, BenchMode.TinTin);

        Assert.Equal(3, measured.Samples);
        Assert.Equal(Samples - 3, measured.Warmup);
        Assert.True(measured.PerSample > 0);
    }

    [Theory]
    [InlineData(Samples)]
    [InlineData(Samples + 100)]
    public void AWarmUpThatLeavesNothingToMeasureIsRefusedClearly(int warmup)
    {
        using var meter = new InterpreterCostMeter(steps: 4, warmup: warmup);
        var ex = Assert.Throws<ArgumentException>(() => meter.Measure(Model, BenchMode.TinTin, Seed, Train, Order));

        Assert.Equal("order", ex.ParamName);
        Assert.Contains($"{Samples} training samples leave none to measure after {Samples} warm-up steps", ex.Message);
    }

    [Theory]
    [InlineData(BenchMode.Niti)]
    [InlineData(BenchMode.TinTin)]
    public void TheIntegerProfileAddsUpToTheTotalAndNamesTheEnginesMethods(BenchMode mode)
    {
        CostMeasurement profiled = Measure(steps: 3, warmup: 2, profile: true, mode);
        CostProfile profile = profiled.Profile!;

        Assert.NotNull(profile);
        Assert.Equal(Total(profiled), profile.Total);
        Assert.Equal(profile.Total, profile.Entries.Sum(e => e.Cost));
        Assert.True(profile.CostOf("TinTin.Layers.Dense::Forward") > 0, profile.Format(10));
        Assert.DoesNotContain(profile.Entries, e => e.Method.StartsWith("TinTin.Reference.", StringComparison.Ordinal));

        // Profiling adds bookkeeping, not cost: the plain copy counts the same.
        Assert.Equal(profiled.PerSample, Measure(steps: 3, warmup: 2, profile: false, mode).PerSample);
    }

    [Fact]
    public void TheFp32ProfileAddsUpToTheTotalAndNamesTheReferencesMethods()
    {
        CostMeasurement profiled = Measure(steps: 3, warmup: 2, profile: true, BenchMode.Fp32);
        CostProfile profile = profiled.Profile!;

        Assert.Equal(Total(profiled), profile.Total);
        Assert.Equal(profile.Total, profile.Entries.Sum(e => e.Cost));
        Assert.NotEmpty(profile.Entries);
        Assert.All(profile.Entries, e => Assert.StartsWith("TinTin.Reference.", e.Method, StringComparison.Ordinal));
        Assert.Contains(profile.Entries, e => e.Method.Contains("Dense::Forward", StringComparison.Ordinal));
        Assert.Equal(0, profile.CostOf("TinTin.Layers.Dense::Forward"));
    }

    [Fact]
    public void Fp32AndTinTinCostDifferently()
    {
        double fp32 = Measure(steps: 3, warmup: 2, profile: false, BenchMode.Fp32).PerSample;
        double tintin = Measure(steps: 3, warmup: 2, profile: false, BenchMode.TinTin).PerSample;

        Assert.NotEqual(fp32, tintin);
    }

    [Fact]
    public void TheRunnerReportsTheMeterAndTheProfile()
    {
        var data = new TaskData(Train, Train, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], "generated");
        using var meter = new InterpreterCostMeter(steps: 3, warmup: 2, profile: true);
        BenchResult result = BenchRunner.Run(Model, data, BenchMode.TinTin, 1, Seed, meter, null);

        Assert.NotNull(result.IlCostPerSample);
        Assert.True(result.IlCostPerSample > 0);
        Assert.Equal(3, result.IlCostSamples);
        Assert.Equal(2, result.IlCostWarmup);
        Assert.Equal((long)Math.Round(result.IlCostPerSample!.Value * 3), result.IlCostProfile!.Total);

        // An inference is the forward pass alone: dearer than nothing, cheaper than a training step.
        Assert.InRange(result.IlCostPerInference!.Value, 1, result.IlCostPerSample!.Value * 0.9);
    }

    [Fact]
    public void TheBatchEndIsChargedOneBatchShareToEachSample()
    {
        // One counted step of a fresh model (no batch end can have happened): the step itself costs the
        // same for every batch size, and the conversion at the batch end, measured once, adds 1/B of it.
        // So cost(B) = step + conversion / B (rounded), and cost(2) - cost(4) = 2 (cost(4) - cost(8)).
        double c2 = Measure(steps: 1, warmup: 0, profile: false, BenchMode.NitiBatch, batch: 2).PerSample;
        double c4 = Measure(steps: 1, warmup: 0, profile: false, BenchMode.NitiBatch, batch: 4).PerSample;
        double c8 = Measure(steps: 1, warmup: 0, profile: false, BenchMode.NitiBatch, batch: 8).PerSample;
        double niti = Measure(steps: 1, warmup: 0, profile: false, BenchMode.Niti).PerSample;

        Assert.True(c2 > c4 && c4 > c8, $"{c2} {c4} {c8}");
        Assert.InRange((c2 - c4) - (2 * (c4 - c8)), -2, 2);
        Assert.NotEqual(niti, c8);
    }

    [Fact]
    public void ABatchEndInsideTheWindowIsNotCountedWhole()
    {
        // Batch 4 with warm-up 2 and 3 counted steps would complete a batch at the 4th sample; the probe
        // holds it back, so the result is the same as counting the three steps with a larger batch plus
        // the share of one conversion: it lies between batch 1024's figure and batch 2's.
        double b4 = Measure(steps: 3, warmup: 2, profile: false, BenchMode.NitiBatch, batch: 4).PerSample;
        double again = Measure(steps: 3, warmup: 2, profile: false, BenchMode.NitiBatch, batch: 4).PerSample;
        double b1024 = Measure(steps: 3, warmup: 2, profile: false, BenchMode.NitiBatch, batch: 1024).PerSample;

        Assert.Equal(b4, again);
        Assert.True(b4 > b1024, $"{b4} vs {b1024}");
    }

    private static CostMeasurement Measure(int steps, int warmup, bool profile, BenchMode mode, int batch = 256)
    {
        using var meter = new InterpreterCostMeter(steps, warmup, profile);
        BenchModel model = Model with { Schedule = Model.Schedule with { NitiBatchSize = batch } };
        return meter.Measure(model, mode, Seed, Train, Order);
    }

    /// <summary>The counted total: PerSample is total / samples, with an integer total.</summary>
    private static long Total(CostMeasurement m)
    {
        double total = m.PerSample * m.Samples;
        long rounded = (long)Math.Round(total);
        Assert.True(Math.Abs(total - rounded) < 1e-3, $"{m.PerSample} x {m.Samples} is not a whole count");
        return rounded;
    }

    /// <summary>Spectrum-shaped samples: 64 int8 bands at the task's scale, class i lifting band group i.</summary>
    private static SampleSet Generate()
    {
        var random = new Xorshift32(77);
        var inputs = new sbyte[Samples][];
        var scales = new int[Samples];
        var labels = new int[Samples];
        for (int i = 0; i < Samples; i++)
        {
            labels[i] = i % 10;
            inputs[i] = new sbyte[ModelCatalog.SpectrumBands];
            for (int b = 0; b < inputs[i].Length; b++)
            {
                inputs[i][b] = (sbyte)(random.NextInt(61) - 30 + (b / 6 == labels[i] ? 60 : 0));
            }

            scales[i] = CwruWindows.SpectrumLog2Scale;
        }

        return new SampleSet(Shape.Vector(ModelCatalog.SpectrumBands), inputs, scales, labels);
    }
}
