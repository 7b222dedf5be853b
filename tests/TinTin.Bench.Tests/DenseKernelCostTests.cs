// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using System.Linq;
using TinTin.Bench.Cost;
using TinTin.Cli;

namespace TinTin.Bench.Tests;

/// <summary>
/// The packed Dense forward (lib-tintin/Training/PackedDense.cs) under the interpreter-cost counter:
/// the counts are deterministic, so its advantage is pinned as a bound, not timed.
/// </summary>
public sealed class DenseKernelCostTests
{
    [Fact]
    public void EveryCatalogDenseLayerIsMeasuredAndTwoProductsPerMultiplyCostLeast()
    {
        var rows = DenseKernelCost.MeasureCatalog(calls: 2, seed: 3);

        // mnist-mlp 2, LeNet-5 3, fft-mlp 2, cnn1d 1 (the probe throws if the sums ever differ).
        Assert.Equal(8, rows.Count);
        Assert.Equal(["mnist-mlp", "mnist-lenet5", "cwru-fft-mlp", "cwru-cnn1d"], rows.Select(r => r.Model).Distinct());
        foreach (DenseKernelRow r in rows.Where(r => r.Inputs % 8 == 0))
        {
            Assert.True(r.PackedInput < 0.8 * r.EightPerLoad, $"{r.Model} layer {r.Layer}: two per multiply {r.PackedInput:N0}, eight per load {r.EightPerLoad:N0}");
            Assert.True(r.EightPerLoad < r.OneAtATime, $"{r.Model} layer {r.Layer}: eight per load {r.EightPerLoad:N0}, one at a time {r.OneAtATime:N0}");
        }

        // LeNet-5's 84-input rows start inside a long; cwru-cnn1d's planner has no room for the packed input.
        Assert.Null(rows.Single(r => r.Inputs == 84).PackedInput);
        Assert.False(rows.Single(r => r.Model == "cwru-cnn1d").Granted);
        Assert.True(rows.Single(r => r.Model == "cwru-fft-mlp" && r.Layer == 0).Granted);
    }

    [Fact]
    public void TheZeroShareIsTheTasksForAFirstLayerAndHalfAfterAReLU()
    {
        Assert.Equal(81, DenseKernelCost.ZeroPercent("mnist-mlp", 0));
        Assert.Equal(0, DenseKernelCost.ZeroPercent("cwru-fft-mlp", 0));
        Assert.Equal(50, DenseKernelCost.ZeroPercent("cwru-fft-mlp", 2));
    }

    [Fact]
    public void TheCommandPrintsARowPerLayerAndRefusesZeroCalls()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, TinTinCommandLine.Run(["kernel-cost", "--calls", "1"], output, error));
        Assert.Equal(string.Empty, error.ToString());
        Assert.Contains("64 x 64", output.ToString());
        Assert.Contains("784 x 128", output.ToString());
        Assert.Contains("agree bit for bit", output.ToString());
        Assert.Contains("eight per load", output.ToString());

        error = new StringWriter();
        Assert.Equal(TinTinCommandLine.ExitInvalidInput, TinTinCommandLine.Run(["kernel-cost", "--calls", "0"], new StringWriter(), error));
        Assert.Contains("--calls must be at least 1", error.ToString());
    }
}
