// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;
using TinTin.Training;
using Xunit.Abstractions;

namespace TinTin.Engine.Tests;

/// <summary>
/// The worked examples of docs/tintin-training.md: the memory plans of the 784-128-10 MLP and of
/// LeNet-5, printed and pinned. Print it with
/// <c>dotnet test tests/TinTin.Engine.Tests --filter MemoryPlanReportTests --logger "console;verbosity=detailed"</c>.
/// </summary>
public class MemoryPlanReportTests
{
    private readonly ITestOutputHelper _output;

    public MemoryPlanReportTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    // weights 784*128 + 4*128 + 128*10 + 4*10 = 100,352 + 512 + 1,280 + 40 = 102,184
    // activations 128 + 10 = 138 (ReLU in place); scratch 4*128 accumulators (the first layer never computes an
    // input error, so its 784 inputs do not count) + 10 + 128 error bytes (the loss's; the second layer's input error)
    // + 8 * 392 (the first layer's input packed two values to a long, 3,136 bytes: within 1/16 of the weight bytes)
    // + 64 (the staging block) = 3,850
    // gradients with mini-batches: 4 * (100,352 + 128 + 1,280 + 10) = 407,080
    [InlineData(1, 102_184, 138, 0, 3_850, 106_172)]
    [InlineData(32, 102_184, 138, 407_080, 3_850, 513_252)]
    public void MnistMlp(int batchSize, int weights, int activations, int gradients, int scratch, int total)
    {
        ModelSpec spec = new ModelSpec(Shape.Vector(784)).Dense(128).ReLU().Dense(10);
        MemoryPlan plan = MemoryPlan.Create(spec, new TrainingOptions { BatchSize = batchSize });
        _output.WriteLine($"784-128-10 MLP, batch {batchSize}: weights {plan.WeightBytes} B, activations {plan.ActivationBytes} B, "
            + $"gradients {plan.GradientBytes} B, scratch {plan.ScratchBytes} B (accumulator row {plan.AccumulatorLength} ints, passes planned on {plan.PassRowLength}, "
            + $"gradient row {plan.GradientRowLength} ints, packed weights {plan.PackedWeightLength} longs, packed input {plan.PackedInputLength} longs, error buffers of {plan.ErrorLength} + {plan.SpareErrorLength} B), total {plan.TotalBytes} B, "
            + $"input {plan.InputBytes} B (caller's)");
        Assert.Equal(weights, plan.WeightBytes);
        Assert.Equal(activations, plan.ActivationBytes);
        Assert.Equal(gradients, plan.GradientBytes);
        Assert.Equal(scratch, plan.ScratchBytes);
        Assert.Equal(total, plan.TotalBytes);
        Assert.Equal(total, new Model(spec, new TrainingOptions { BatchSize = batchSize }).CountAllocatedBytes());
    }

    [Theory]
    // weights conv 150 + 4*6, conv 2,400 + 4*16, dense 48,000 + 4*120, 10,080 + 4*84, 840 + 4*10 = 62,414
    // activations 4,704 (conv) + 1,176 + 1,176 (pool, indices) + 1,600 (conv) + 400 + 400 (pool, indices)
    //             + 120 + 84 + 10 = 9,670
    // scratch 4 * 1,568 accumulators (the layers need one 28 x 28 output row of the first conv, 784 ints, which
    //         holds 4 of the second conv's 14 x 14 input-error planes, so that conv's backward passes take 4
    //         channels; the row then grows to two 28 x 28 rows so that the first conv sums filter pairs too:
    //         3,136 bytes, within 1/16 of the 62,414 weight bytes) + 4 * 100 (one filter of the second conv over
    //         4 channels of 5 x 5) + 8 * 100 (the filters' weights of one pass's 4 channels, packed one tap per
    //         long: 800 bytes, within the same budget) + 4,704 + 1,176 error bytes (the first buffer carries the
    //         first pool's input error, the second the second conv's) + 4 * 16 row steps (shared: the second
    //         conv's 16 filters, more than the first's 6 rows or 6 passes) + 8 * 3 (the biases in and the largest
    //         magnitudes out of the filters one long sums) + 8 * 200 (the 400-input Dense layer's input packed two
    //         values to a long) + 64 (the staging block) = 15,104
    // gradients with mini-batches: 4 * 61,706 parameters = 246,824
    [InlineData(1, 62_414, 9_670, 0, 15_104, 87_188)]
    [InlineData(16, 62_414, 9_670, 246_824, 15_104, 334_012)]
    public void LeNet5(int batchSize, int weights, int activations, int gradients, int scratch, int total)
    {
        ModelSpec spec = Networks.Create("lenet-5");
        MemoryPlan plan = MemoryPlan.Create(spec, new TrainingOptions { BatchSize = batchSize });
        _output.WriteLine($"LeNet-5, batch {batchSize}: weights {plan.WeightBytes} B, activations {plan.ActivationBytes} B, "
            + $"gradients {plan.GradientBytes} B, scratch {plan.ScratchBytes} B (accumulator row {plan.AccumulatorLength} ints, passes planned on {plan.PassRowLength}, "
            + $"gradient row {plan.GradientRowLength} ints, packed weights {plan.PackedWeightLength} longs, packed input {plan.PackedInputLength} longs, error buffers of {plan.ErrorLength} + {plan.SpareErrorLength} B), total {plan.TotalBytes} B");
        Assert.Equal(weights, plan.WeightBytes);
        Assert.Equal(activations, plan.ActivationBytes);
        Assert.Equal(gradients, plan.GradientBytes);
        Assert.Equal(scratch, plan.ScratchBytes);
        Assert.Equal(total, plan.TotalBytes);
        Assert.Equal(16, plan.RowStepLength);
    }
}
