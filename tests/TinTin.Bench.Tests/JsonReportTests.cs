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
        "il_cost_per_sample", "host_us_per_sample", "alloc_bytes_per_step", "weights_crc32",
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
        Assert.Equal(2, root.GetProperty("epoch_test_accuracy").GetArrayLength());
        Assert.Equal(4, root.GetProperty("confusion").GetArrayLength());
    }
}
