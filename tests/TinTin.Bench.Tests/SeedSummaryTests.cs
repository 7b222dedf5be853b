// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using System.Linq;
using TinTin.Bench.Output;
using TinTin.Bench.Training;
using TinTin.Cli;

namespace TinTin.Bench.Tests;

/// <summary>Results over seeds: mean and sample standard deviation, FP32 paired by seed, and the CLI's <c>--seeds</c>.</summary>
public class SeedSummaryTests
{
    [Fact]
    public void Spread_is_the_mean_and_the_sample_standard_deviation()
    {
        Spread s = Spread.Of([2, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(5, s.Mean, 12);
        Assert.Equal(System.Math.Sqrt(32.0 / 7), s.StandardDeviation, 12);
        Assert.Equal(0, Spread.Of([3]).StandardDeviation);
        Assert.Equal("500.00 ± 213.81", s.Format(100, "0.00"));
    }

    [Fact]
    public void Each_seed_is_compared_with_fp32_of_the_same_seed()
    {
        BenchResult[] runs =
        [
            .. new uint[] { 1, 2, 3 }.SelectMany(seed => new[] { BenchMode.Fp32, BenchMode.TinTin }
                .Select(mode => BenchRunner.Run(ToyTask.Model, ToyTask.Create(100, 40, seed), mode, 1, seed, null, null))),
        ];

        SeedSummary tintin = SeedSummary.Of(runs).Single(s => s.Mode == BenchMode.TinTin);

        Assert.Equal([1u, 2u, 3u], tintin.Seeds);
        double[] deltas = [.. new uint[] { 1, 2, 3 }.Select(seed =>
            runs.Single(r => r.Seed == seed && r.Mode == BenchMode.TinTin).TestAccuracy - runs.Single(r => r.Seed == seed && r.Mode == BenchMode.Fp32).TestAccuracy)];
        Assert.Equal(deltas.Average(), tintin.DeltaVsFp32!.Mean, 12);
        Assert.Equal(runs.Where(r => r.Mode == BenchMode.TinTin).Average(r => r.TestAccuracy), tintin.Accuracy.Mean, 12);
        Assert.Null(tintin.CostPerSample);
    }

    [Theory]
    [InlineData("1,x")]
    [InlineData("1,1")]
    [InlineData("-1")]
    public void Bad_seed_lists_are_refused(string seeds)
    {
        var error = new StringWriter();
        int exit = TinTinCommandLine.Run(["bench", "--task", "cwru", "--seeds", seeds], TextWriter.Null, error);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, exit);
        Assert.Contains("--seeds", error.ToString());
    }
}
