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
    public void EveryCatalogDenseLayerIsMeasuredAndThePackedForwardCostsLessThanSixTenths()
    {
        var rows = DenseKernelCost.MeasureCatalog(calls: 2, seed: 3);

        // mnist-mlp 2, LeNet-5 3, fft-mlp 2, cnn1d 1 (the probe throws if the sums ever differ).
        Assert.Equal(8, rows.Count);
        Assert.Equal(["mnist-mlp", "mnist-lenet5", "cwru-fft-mlp", "cwru-cnn1d"], rows.Select(r => r.Model).Distinct());
        Assert.All(rows, r => Assert.True(r.Packed < 0.6 * r.Today, $"{r.Model} layer {r.Layer}: packed {r.Packed:N0}, int8 {r.Today:N0}"));
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

        error = new StringWriter();
        Assert.Equal(TinTinCommandLine.ExitInvalidInput, TinTinCommandLine.Run(["kernel-cost", "--calls", "0"], new StringWriter(), error));
        Assert.Contains("--calls must be at least 1", error.ToString());
    }
}
