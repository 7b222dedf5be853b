// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using Xunit.Abstractions;

namespace TinTin.IlCost.Tests;

/// <summary>
/// The counter on the calibration workload (tools/TinTin.IlCost/Calibration), the phases that calibrate.sh
/// counts on the real interpreter under callgrind. The figures are printed for docs/results.md,
/// "Calibrating the cost counter":
/// <c>dotnet test tests/TinTin.IlCost.Tests --filter CalibrationTests --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(CostCounterCollection.Name)]
public class CalibrationTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryRunIsCountedAndPrinted()
    {
        bool images = Calibration.MnistFolder() is not null;
        string[] runs = Calibration.Runs();
        Assert.Contains("mnist-lenet5/tintin/-1/2", runs);
        foreach (string run in runs.Where(r => images || !Calibration.UsesRealImages(r)))
        {
            CalibrationPhases phases = Calibration.Measure(run);
            output.WriteLine($"{run,-28} build {phases.Build,14:N0} warmup {phases.Warmup,14:N0} steps {phases.Steps,14:N0}");
            Assert.True(phases.Build > 0 && phases.Warmup > 0 && phases.Steps > 0, run);
        }

        foreach (string benchmark in Calibration.NativeBenchmarks())
        {
            long cost = Calibration.MeasureNative(benchmark);
            output.WriteLine($"{benchmark,-28} native {cost,14:N0}");
            Assert.True(cost > 0, benchmark);
        }

        if (!images)
        {
            output.WriteLine("no MNIST training images (../shared/data/mnist or $TINTIN_DATA/mnist): the real-image runs were left out");
        }
    }

    [Fact]
    public void AStepCountsTheSameEveryTime()
    {
        // The counts are a deterministic function of the code and the inputs: the same run counted twice, in
        // one process, gives the same figures (the interpreter side is repeatable to about 0.1 %: its GC runs
        // at points that depend on the heap).
        Assert.Equal(Calibration.Measure("cwru-fft-mlp/tintin/0/2"), Calibration.Measure("cwru-fft-mlp/tintin/0/2"));
        Assert.Equal(Calibration.Measure("cwru-fft-mlp/fp32/0/2"), Calibration.Measure("cwru-fft-mlp/fp32/0/2"));
    }

    [Fact]
    public void TheNativeBenchmarksGrowByTheirPerByteRate()
    {
        // 200 calls of 4096 elements: 3 per byte cleared, 4 per byte moved, nothing per element at length 0.
        long clearInts = Calibration.MeasureNative("clear/int/4096") - Calibration.MeasureNative("clear/int/0");
        long copyInts = Calibration.MeasureNative("copy/int/4096") - Calibration.MeasureNative("copy/int/0");
        long clearBytes = Calibration.MeasureNative("clear/sbyte/4096") - Calibration.MeasureNative("clear/int/0");

        Assert.Equal(200L * 4096 * 4 * 3, clearInts);
        Assert.Equal(200L * 4096 * 4 * 4, copyInts);
        Assert.Equal(200L * 4096 * 1 * 3, clearBytes - (Calibration.MeasureNative("empty/sbyte/0") - Calibration.MeasureNative("empty/int/0")));
    }
}
