// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using TinTin.Bench.Data;
using TinTin.Bench.Device;
using TinTin.Bench.Models;
using TinTin.Bench.Training;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Learning;
using TinTin.Firmware.Core.Link;

namespace TinTin.Bench.Tests;

/// <summary>
/// <c>tintin bench --device</c>, hardware in the loop against the simulated board over a real pseudo-terminal: the
/// board, fed the benchmark's CWRU windows as Samples frames, ends with the host benchmark's accuracy, confusion matrix
/// and weights checksum for the same model, seed and windows, and reports its own counters.
/// </summary>
public class DeviceBenchTests : IClassFixture<DeviceBenchTests.Windows>
{
    private const int Limit = 120;
    private const int Epochs = 2; // two, so the decayed rate of epoch 2 goes to the board by a model reload
    private const uint Seed = 7;
    private readonly Windows _windows;

    public DeviceBenchTests(Windows windows) => _windows = windows;

    [RequiresCwruFact]
    public void The_raw_windows_streamed_to_a_board_give_the_host_benchmarks_samples()
    {
        // The board computes features from the raw windows with the firmware's WindowFeatures: from the raw
        // windows they must give exactly the host benchmark's inputs, in the same order.
        CwruRawData raw = _windows.Raw;
        TaskData host = _windows.Host;
        var features = new WindowFeatures(FeatureKind.Spectrum, CwruWindows.WindowLength, Models.ModelCatalog.SpectrumBands);
        var q = new sbyte[features.InputLength];
        foreach ((RawWindowSet r, SampleSet s) in new[] { (raw.Train, host.Train), (raw.Test, host.Test) })
        {
            Assert.Equal(s.Count, r.Count);
            Assert.Equal(s.Labels, r.Labels);
            for (int i = 0; i < r.Count; i++)
            {
                Assert.Equal(s.Log2Scales[i], features.Compute(r.Windows[i], q).Pow2);
                Assert.Equal(s.Inputs[i], q);
            }
        }
    }

    [RequiresCwruTheory]
    [InlineData(BenchMode.TinTin)]
    [InlineData(BenchMode.Niti)]
    public void The_board_trained_over_the_link_equals_the_host_benchmark(BenchMode mode)
    {
        BenchModel model = Models.ModelCatalog.Get(FirmwareSettings.Default().Model);
        BenchResult host = BenchRunner.Run(model, _windows.Host, mode, Epochs, Seed, null, null);

        using var board = new SimulatedBoard();
        using var link = new BoardLink(board.Port);
        var conversation = new DeviceConversation(link, TimeSpan.FromSeconds(60));
        (BenchResult device, DeviceFigures figures) = DeviceBenchRunner.Run(conversation, model, _windows.Raw, mode, Epochs, Seed, null);

        Assert.Equal(host.WeightsCrc32, device.WeightsCrc32);
        Assert.Equal(host.TestAccuracy, device.TestAccuracy);
        Assert.Equal(host.EpochTestAccuracy, device.EpochTestAccuracy);
        Assert.Equal(host.Confusion, device.Confusion);
        Assert.Equal(host.LastRate, device.LastRate);
        Assert.Equal(host.Memory, device.Memory);
        Assert.Equal(host.MacsPerSample, device.MacsPerSample);

        // The run learnt something (far above the 10 % of chance), so equal checksums are not two untrained models.
        Assert.True(host.TestAccuracy > 0.3, $"test accuracy {host.TestAccuracy}");

        // The board's own figures: its step time and energy estimates for the simulated board, every host window seen.
        Assert.Equal(board.Simulation.Estimate.TrainStepUs, figures.Get(CounterId.TrainStepUs));
        Assert.Equal(board.Simulation.Estimate.InferenceUs, figures.Get(CounterId.InferenceUs));
        Assert.Equal(1, figures.Get(CounterId.EnergyEstimated));
        Assert.True(figures.Get(CounterId.EnergyPerTrainStepUj) > 0);
        Assert.Equal(Epochs * (_windows.Raw.Train.Count + _windows.Raw.Test.Count), figures.HostWindows);
        Assert.Equal(Epochs * _windows.Raw.Train.Count, board.Simulation.Core.Loop.TrainingSteps);
        Assert.Equal(0, figures.Get(CounterId.LinkFramesRejected));
        Assert.Equal(0, board.Simulation.DroppedFrames);
    }

    [RequiresCwruFact]
    public void Bench_device_prints_the_host_json_with_the_boards_counters()
    {
        using var board = new SimulatedBoard();
        var (code, output, error) = Cli.Run(
            "bench", "--task", "cwru", "--device", board.Port, "--mode", "tintin", "--epochs", "1", "--limit", "40", "--seed", "3", "--json", "--data", DataPaths.SharedData);
        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output.Trim());
        JsonElement root = json.RootElement;
        var (_, hostOutput, hostError) = Cli.Run(
            "bench", "--task", "cwru", "--model", "cwru-fft-mlp", "--mode", "tintin", "--epochs", "1", "--limit", "40", "--seed", "3", "--json", "--cost-samples", "0", "--data", DataPaths.SharedData);
        using JsonDocument hostJson = JsonDocument.Parse(hostOutput.Trim());
        JsonElement hostRoot = hostJson.RootElement;

        // Every key of the host benchmark's object, in the same order, and the same results.
        Assert.Equal(hostRoot.EnumerateObject().Select(p => p.Name), root.EnumerateObject().Select(p => p.Name).Where(n => n != "device"));
        foreach (string key in new[] { "model", "mode", "seed", "epochs", "samples", "test_accuracy", "weights_crc32", "confusion", "memory_bytes" })
        {
            Assert.Equal(hostRoot.GetProperty(key).GetRawText(), root.GetProperty(key).GetRawText());
        }

        Assert.Equal(JsonValueKind.Null, root.GetProperty("epoch_loss")[0].ValueKind);
        JsonElement device = root.GetProperty("device");
        Assert.Equal(root.GetProperty("weights_crc32").GetString(), device.GetProperty("weights_crc32").GetString());
        Assert.Equal(board.Simulation.Estimate.TrainStepUs, device.GetProperty("train_step_us").GetInt64());
        Assert.Equal(board.Simulation.Estimate.TrainStepUj, device.GetProperty("train_step_uj").GetInt64(), 1.0);
        Assert.True(device.GetProperty("energy_estimated").GetBoolean());
        Assert.Equal(board.Simulation.Board.ManagedFreeBytes(), device.GetProperty("managed_free_bytes").GetInt64());
        Assert.Equal(40, device.GetProperty("training_steps").GetInt64());
    }

    [RequiresCwruFact]
    public void A_model_the_board_does_not_run_is_refused_with_the_boards_reason()
    {
        using var board = new SimulatedBoard();
        var (code, _, error) = Cli.Run("bench", "--task", "cwru", "--device", board.Port, "--model", "cwru-cnn1d", "--mode", "tintin", "--epochs", "1", "--limit", "20", "--data", DataPaths.SharedData);
        Assert.Equal(1, code);
        Assert.Contains("the board rejected the model", error);
        Assert.Equal(0, board.Simulation.Core.Loop.TrainingSteps);
    }

    [Fact]
    public void Host_only_requests_are_refused_before_any_port_is_opened()
    {
        var (code, _, error) = Cli.Run("bench", "--task", "cwru", "--device", "/dev/no-such-port", "--mode", "fp32");
        Assert.Equal(2, code);
        Assert.Contains("tintin or niti", error);
        (code, _, error) = Cli.Run("bench", "--task", "mnist", "--device", "/dev/no-such-port");
        Assert.Equal(2, code);
        Assert.Contains("--task cwru", error);
    }

    /// <summary>The benchmark's CWRU split, as raw windows for the board and as features for the host, loaded once.</summary>
    public sealed class Windows
    {
        private readonly Lazy<CwruRawData> _raw = new(() => CwruRawData.Load(DataPaths.SharedData, Limit, TextWriter.Null));
        private readonly Lazy<TaskData> _host = new(() => TaskLoader.Load(BenchTask.Cwru, InputKind.SpectrumFeatures, DataPaths.SharedData, Limit, TextWriter.Null));

        public CwruRawData Raw => _raw.Value;

        public TaskData Host => _host.Value;
    }
}
