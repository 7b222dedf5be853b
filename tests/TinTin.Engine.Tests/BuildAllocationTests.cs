// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Training;
using Xunit.Abstractions;

namespace TinTin.Engine.Tests;

/// <summary>
/// The memory plan is the truth: building a model allocates the planned bytes plus only the
/// bookkeeping objects and array headers around them.
/// </summary>
/// <remarks>
/// The allowed overhead is <see cref="FixedOverhead"/> plus <see cref="OverheadPerLayer"/> per layer,
/// for 64-bit CoreCLR, where an object header is 16 bytes and an array header 24 (payloads padded to
/// 8). The fixed part is the model object, its plan, workspace, PRNG, three Tensor8 objects and the
/// headers of nine arrays (about 740 bytes: the staging block and a Dense network's packed input among them); each layer adds its object, its LayerStats, its output
/// Tensor8 and the headers of up to five arrays (output, weights, biases, two mini-batch accumulators),
/// about 300 bytes for a Dense layer. Measured: 1,680 bytes for a 3-layer MLP and 2,360 for a 6-layer
/// one (run with <c>--logger "console;verbosity=detailed"</c> to see every case). The overhead does not
/// grow with the number of weights or the batch size: the same bound holds from 292 planned bytes to
/// half a megabyte.
/// </remarks>
public class BuildAllocationTests
{
    private const int FixedOverhead = 900;
    private const int OverheadPerLayer = 320;

    private readonly ITestOutputHelper _output;

    public BuildAllocationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData("quadrant-mlp", TrainingMode.TinTin, 1)]
    [InlineData("quadrant-mlp", TrainingMode.Niti, 8)]
    [InlineData("image-mlp", TrainingMode.TinTin, 1)]
    [InlineData("image-mlp", TrainingMode.TinTin, 4)]
    [InlineData("mnist-mlp", TrainingMode.TinTin, 1)]
    [InlineData("mnist-mlp", TrainingMode.Niti, 32)]
    [InlineData("lenet-like", TrainingMode.TinTin, 1)]
    [InlineData("lenet-5", TrainingMode.TinTin, 1)]
    [InlineData("lenet-5", TrainingMode.Niti, 16)]
    [InlineData("conv1d-net", TrainingMode.Niti, 4)]
    public void BuildingAllocatesThePlanPlusHeaders(string network, TrainingMode mode, int batchSize)
    {
        ModelSpec spec = Networks.Create(network);
        TrainingOptions options = Networks.Options(mode, batchSize);
        _ = new Model(spec, options); // first use: static constructors and JIT outside the measurement

        long before = GC.GetAllocatedBytesForCurrentThread();
        var model = new Model(spec, options);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        int planned = model.Plan.TotalBytes;
        long overhead = allocated - planned;
        _output.WriteLine($"{network} {mode} batch {batchSize}: planned {planned} B, allocated {allocated} B, overhead {overhead} B for {spec.Count} layers");
        Assert.Equal(planned, model.CountAllocatedBytes());
        Assert.True(allocated >= planned, $"allocated {allocated} < planned {planned}");
        Assert.True(overhead <= FixedOverhead + (OverheadPerLayer * spec.Count), $"overhead {overhead} B for {spec.Count} layers");
    }
}
