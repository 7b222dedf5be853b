// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using System.Text.Json;
using TinTin.Bench.Output;
using TinTin.Bench.Training;

namespace TinTin.Bench.Tests;

public class JsonReportTests
{
    private static readonly string[] RequiredKeys =
    [
        "task", "model", "mode", "seed", "epochs", "samples", "test_accuracy", "memory_bytes", "macs_per_sample",
        "il_cost_per_sample", "il_cost_per_inference", "est_ms_per_sample", "est_ms_per_inference", "host_us_per_sample",
        "alloc_bytes_per_step", "weights_crc32",
    ];

    [Fact]
    public void OneRunIsOneLineWithEveryRequiredKey()
    {
        BenchResult result = BenchRunner.Run(ToyTask.Model, ToyTask.Create(100, 40, 2), BenchMode.TinTin, 2, 3, null, null);
        string json = JsonReport.ToJson(result);

        Assert.DoesNotContain('\n', json);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        foreach (string key in RequiredKeys)
        {
            Assert.True(root.TryGetProperty(key, out _), $"missing key {key}");
        }

        Assert.Equal("tintin", root.GetProperty("mode").GetString());
        Assert.Equal(200, root.GetProperty("samples").GetInt64());
        Assert.Equal(result.TestAccuracy, root.GetProperty("test_accuracy").GetDouble());
        JsonElement memory = root.GetProperty("memory_bytes");
        long sum = new[] { "weights", "activations", "gradients", "scratch" }.Sum(k => memory.GetProperty(k).GetInt64());
        Assert.Equal(sum, memory.GetProperty("total").GetInt64());
        Assert.Equal(result.WeightsCrc32.ToString("x8"), root.GetProperty("weights_crc32").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("il_cost_per_sample").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("est_ms_per_sample").ValueKind);
        Assert.Equal(2, root.GetProperty("epoch_test_accuracy").GetArrayLength());
        Assert.Equal(4, root.GetProperty("confusion").GetArrayLength());
    }

    [Fact]
    public void A_measured_cost_gives_the_estimated_time_on_each_board_at_its_clock()
    {
        BenchResult run = BenchRunner.Run(ToyTask.Model, ToyTask.Create(100, 40, 2), BenchMode.TinTin, 1, 3, null, null);
        BenchResult result = new()
        {
            Task = run.Task, Model = run.Model, Mode = run.Mode, Seed = run.Seed, Epochs = run.Epochs, TrainSamples = run.TrainSamples,
            TestSamples = run.TestSamples, SamplesSeen = run.SamplesSeen, TestAccuracy = run.TestAccuracy, EpochTestAccuracy = run.EpochTestAccuracy,
            EpochLoss = run.EpochLoss, Memory = run.Memory, MacsPerSample = run.MacsPerSample, HostMicrosecondsPerSample = run.HostMicrosecondsPerSample,
            AllocatedBytesPerStep = run.AllocatedBytesPerStep, WeightsCrc32 = run.WeightsCrc32, Confusion = run.Confusion, ClassNames = run.ClassNames,
            LastRate = run.LastRate, IlCostPerSample = 48_000_000, IlCostSamples = 20, IlCostPerInference = 24_000_000,
        };

        using JsonDocument doc = JsonDocument.Parse(JsonReport.ToJson(result));
        JsonElement root = doc.RootElement;

        // 48 M instructions at one per cycle: 200 ms at 240 MHz, 300 ms at the C3's 160 MHz; inference half that.
        Assert.Equal(200, root.GetProperty("est_ms_per_sample").GetProperty("ESP32_PSRAM_REV0").GetDouble());
        Assert.Equal(300, root.GetProperty("est_ms_per_sample").GetProperty("ESP32_C3").GetDouble());
        Assert.Equal(150, root.GetProperty("est_ms_per_inference").GetProperty("ESP32_C3").GetDouble());
        Assert.Equal(24_000_000, root.GetProperty("il_cost_per_inference").GetInt64());
    }
}
