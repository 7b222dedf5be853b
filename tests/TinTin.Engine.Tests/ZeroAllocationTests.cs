// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Engine.Tests;

/// <summary>
/// Training and inference allocate nothing once the model is built: the managed bytes this thread
/// allocates do not change across 100 steps. On a board every allocation in the loop would mean
/// garbage collections during training; here the runtime counts them exactly.
/// </summary>
public class ZeroAllocationTests
{
    private const int Calls = 100;

    public static TheoryData<string, TrainingMode, int> Cases()
    {
        var data = new TheoryData<string, TrainingMode, int>();
        foreach (string network in new[] { "quadrant-mlp", "image-mlp", "lenet-like", "conv1d-net" })
        {
            foreach (TrainingMode mode in new[] { TrainingMode.TinTin, TrainingMode.Niti })
            {
                foreach (int batchSize in new[] { 1, 4 })
                {
                    data.Add(network, mode, batchSize);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainStepAllocatesNothing(string network, TrainingMode mode, int batchSize)
    {
        (Model model, sbyte[][] samples, int[] labels) = Prepare(network, mode, batchSize);
        Scale scale = Scale.PowerOfTwo(-7);
        var last = (Layers.WeightedLayer)model.GetLayer(model.LayerCount - 1);
        sbyte[] weightsBefore = last.CopyWeights();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            model.TrainStep(samples[i % samples.Length], scale, labels[i % samples.Length]);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // With batch size 4 the loop applied 25 mini-batches and left none pending; either way the weights moved.
        Assert.Equal(0, model.PendingSamples);
        Assert.NotEqual(weightsBefore, last.CopyWeights());
        Assert.Equal(0L, allocated);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PredictAllocatesNothing(string network, TrainingMode mode, int batchSize)
    {
        (Model model, sbyte[][] samples, _) = Prepare(network, mode, batchSize);
        Scale scale = Scale.PowerOfTwo(-7);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int sum = 0;
        for (int i = 0; i < Calls; i++)
        {
            sum += model.Predict(samples[i % samples.Length], scale);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(sum, 0, Calls * (model.Spec.Output.Size - 1));
        Assert.Equal(0L, allocated);
    }

    [Theory]
    [InlineData(TrainingMode.TinTin)]
    [InlineData(TrainingMode.Niti)]
    public void ApplyingAPartialBatchAllocatesNothing(TrainingMode mode)
    {
        (Model model, sbyte[][] samples, int[] labels) = Prepare("quadrant-mlp", mode, 8);
        Scale scale = Scale.PowerOfTwo(-7);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            model.TrainStep(samples[i % samples.Length], scale, labels[i % samples.Length]);
            if (i % 3 == 2)
            {
                model.ApplyPending();
            }
        }

        Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TheMeasurementSeesASmallAllocation()
    {
        // Control: the counter is exact, so the zero results above are not a blind spot.
        long before = GC.GetAllocatedBytesForCurrentThread();
        sbyte[] buffer = new sbyte[1];
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Single(buffer);
        Assert.InRange(allocated, 25, 64);
    }

    // Builds the model and runs a warm-up (one full batch, so the update path ran once, and one prediction)
    // so first-call costs (JIT, static constructors such as the softmax tables) fall outside the measurement.
    private static (Model Model, sbyte[][] Samples, int[] Labels) Prepare(string network, TrainingMode mode, int batchSize)
    {
        ModelSpec spec = Networks.Create(network);
        var model = new Model(spec, Networks.Options(mode, batchSize));
        sbyte[][] samples = Networks.Samples(16, spec.Input.Size, spec.Output.Size, 42, out int[] labels);
        Scale scale = Scale.PowerOfTwo(-7);
        for (int i = 0; i < batchSize; i++)
        {
            model.TrainStep(samples[i], scale, labels[i]);
        }

        model.Predict(samples[0], scale);
        Assert.Equal(0, model.PendingSamples);
        return (model, samples, labels);
    }
}
