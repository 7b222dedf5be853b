// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Bench.Output;
using TinTin.Bench.Training;

namespace TinTin.Bench.Tests;

/// <summary>The <c>niti-batch</c> mode: NITI with int32 gradients accumulated over a mini-batch.</summary>
public class NitiBatchTests
{
    private static BenchModel Toy(int batch, int mu) =>
        ToyTask.Model with { Schedule = ToyTask.Model.Schedule with { NitiBatchSize = batch, NitiBatchMuBits = mu } };

    [Fact]
    public void TheModeHasAName()
    {
        Assert.Equal("niti-batch", BenchMode.NitiBatch.Name());
        Assert.Equal(BenchMode.NitiBatch, BenchModeNames.Parse("niti-batch"));
        Assert.DoesNotContain(BenchMode.NitiBatch, BenchModeNames.All);
        Assert.Contains("niti-batch", BenchModeNames.Names);
    }

    [Fact]
    public void TheCatalogUsesThePublishedBatchAndMu()
    {
        // github.com/wangmaolin/niti: options.py --batch-size 256; ti_lenet.py (MNIST) regime gb = mu = 0.
        Assert.Equal(256, LearningSchedule.PublishedNitiBatchSize);
        Assert.Equal(0, LearningSchedule.PublishedNitiMnistMuBits);
        Assert.All(ModelCatalog.All, m => Assert.Equal(256, m.Schedule.NitiBatchSize));
        Assert.All(ModelCatalog.All, m => Assert.Equal(0, m.Schedule.NitiBatchMuBits));
    }

    [Fact]
    public void TheOptionsAreNitisWithTheBatchAndItsMu()
    {
        var schedule = new LearningSchedule(-6, true, NitiMuBits: 1, NitiMuDrops: [3], NitiBatchSize: 32, NitiBatchMuBits: 2);
        var options = IntegerTrainer.CreateOptions(BenchMode.NitiBatch, schedule, 5);

        Assert.Equal(TinTin.Training.TrainingMode.Niti, options.Mode);
        Assert.Equal(32, options.BatchSize);
        Assert.Equal(2, options.MuBits);
        Assert.False(options.InitialUpscale);
        Assert.Equal(1, IntegerTrainer.CreateOptions(BenchMode.Niti, schedule, 5).BatchSize);
        Assert.Equal(1, schedule.BatchMuBits(3)); // the drops apply to both NITI modes
        Assert.Equal(0, schedule.MuBits(3));
    }

    [Fact]
    public void TheBatchModeLearnsTheToyTaskWithoutAllocating()
    {
        TaskData data = ToyTask.Create(400, 200, 3);
        BenchResult result = BenchRunner.Run(Toy(8, 3), data, BenchMode.NitiBatch, 6, 1, null, null);

        Assert.True(result.TestAccuracy >= 0.95, $"{result.TestAccuracy}");
        Assert.Equal(0, result.AllocatedBytesPerStep);
        Assert.Equal(8, result.BatchSize);
        Assert.Equal("niti b8", result.ModeLabel);
        Assert.Equal("mu 3 batch 8", result.LastRate);
    }

    [Fact]
    public void TheAccumulatorsAreCountedAsGradients()
    {
        TaskData data = ToyTask.Create(8, 8, 1);
        MemoryFigures niti = TrainerFactory.Create(ToyTask.Model, data.Train.Shape, BenchMode.Niti, 1).Memory;
        MemoryFigures batched = TrainerFactory.Create(Toy(8, 3), data.Train.Shape, BenchMode.NitiBatch, 1).Memory;

        // 16 -> 16 -> 4 with biases: (16 * 16 + 16 + 16 * 4 + 4) weights and biases, 4 bytes each.
        Assert.Equal(0, niti.Gradients);
        Assert.Equal(4 * (16 * 16 + 16 + 16 * 4 + 4), batched.Gradients);
        Assert.Equal(niti.Total + batched.Gradients, batched.Total);
    }

    [Fact]
    public void BatchSizeOneIsPlainNitiBitForBit()
    {
        TaskData data = ToyTask.Create(200, 40, 5);
        BenchResult niti = BenchRunner.Run(ToyTask.Model, data, BenchMode.Niti, 2, 7, null, null);
        BenchResult one = BenchRunner.Run(Toy(1, ToyTask.Model.Schedule.NitiMuBits), data, BenchMode.NitiBatch, 2, 7, null, null);

        Assert.Equal(niti.WeightsCrc32, one.WeightsCrc32);
        Assert.Equal(niti.TestAccuracy, one.TestAccuracy);
    }

    [Fact]
    public void TheJsonAndTheTableNameTheBatch()
    {
        BenchResult result = BenchRunner.Run(Toy(4, 3), ToyTask.Create(40, 20, 2), BenchMode.NitiBatch, 1, 3, null, null);
        string json = JsonReport.ToJson(result);
        var table = new System.IO.StringWriter();
        ResultTable.Write([result], table);

        Assert.Contains("\"mode\":\"niti-batch\",\"engine\":\"managed\",\"batch_size\":4", json);
        Assert.Contains("niti b4", table.ToString());
    }
}
