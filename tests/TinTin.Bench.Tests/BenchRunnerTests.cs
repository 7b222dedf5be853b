// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using TinTin.Bench.Data;
using TinTin.Bench.Training;

namespace TinTin.Bench.Tests;

public class BenchRunnerTests
{
    [Theory]
    [InlineData(BenchMode.Fp32)]
    [InlineData(BenchMode.Niti)]
    [InlineData(BenchMode.TinTin)]
    public void EveryModeLearnsTheToyTaskWithoutAllocating(BenchMode mode)
    {
        TaskData data = ToyTask.Create(400, 200, 3);
        BenchResult result = BenchRunner.Run(ToyTask.Model, data, mode, 3, 1, null, null);

        Assert.True(result.TestAccuracy >= 0.95, $"{mode}: {result.TestAccuracy}");
        Assert.Equal(0, result.AllocatedBytesPerStep);
        Assert.Equal(3 * 400, result.SamplesSeen);
        Assert.Equal(3, result.EpochTestAccuracy.Count);
        Assert.Equal(200, result.Confusion.Sum(row => row.Sum()));
        Assert.True(result.Memory.Total > 0);
    }

    [Theory]
    [InlineData(BenchMode.Fp32)]
    [InlineData(BenchMode.Niti)]
    [InlineData(BenchMode.TinTin)]
    public void TheSameSeedGivesTheSameWeightsAndAnotherSeedOthers(BenchMode mode)
    {
        TaskData data = ToyTask.Create(200, 40, 5);
        uint first = BenchRunner.Run(ToyTask.Model, data, mode, 2, 7, null, null).WeightsCrc32;
        uint again = BenchRunner.Run(ToyTask.Model, data, mode, 2, 7, null, null).WeightsCrc32;
        uint other = BenchRunner.Run(ToyTask.Model, data, mode, 2, 8, null, null).WeightsCrc32;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Fp32StartsFromTinTinsInitialWeights()
    {
        TaskData data = ToyTask.Create(8, 8, 1);
        var tintin = (IntegerTrainer)TrainerFactory.Create(ToyTask.Model, data.Train.Shape, BenchMode.TinTin, 11);
        var fp32 = TrainerFactory.Create(ToyTask.Model, data.Train.Shape, BenchMode.Fp32, 11);

        // Before any training both predict the same class for every sample (same real weights, same inputs).
        int agree = 0;
        for (int i = 0; i < data.Train.Count; i++)
        {
            if (tintin.Predict(data.Train, i) == fp32.Predict(data.Train, i))
            {
                agree++;
            }
        }

        Assert.True(agree >= 7, $"{agree} of 8 initial predictions agree");
    }

    [Fact]
    public void IntegerModesTrainOnFourTimesFewerBytesThanFp32()
    {
        TaskData data = ToyTask.Create(8, 8, 1);
        long fp32 = TrainerFactory.Create(ToyTask.Model, data.Train.Shape, BenchMode.Fp32, 1).Memory.Total;
        long tintin = TrainerFactory.Create(ToyTask.Model, data.Train.Shape, BenchMode.TinTin, 1).Memory.Total;

        Assert.True(tintin * 2 < fp32, $"tintin {tintin} B vs fp32 {fp32} B");
    }

    [Fact]
    public void EveryModeSeesTheSameSampleOrder()
    {
        int[] a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        int[] b = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        BenchRunner.Shuffle(a, new TinTin.Random.Xorshift32(1 ^ BenchRunner.OrderSeedSalt));
        BenchRunner.Shuffle(b, new TinTin.Random.Xorshift32(1 ^ BenchRunner.OrderSeedSalt));

        Assert.Equal(a, b);
        Assert.NotEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], a);
        Assert.Equal(45, a.Sum());
    }
}
