// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TinTin.Bench.Models;
using TinTin.Bench.Training;
using TinTin.Cli;
using TinTin.Data;
using TinTin.Description;
using ModelCatalog = TinTin.Bench.Models.ModelCatalog;

namespace TinTin.Bench.Tests;

/// <summary>
/// <c>tintin bench</c> through the command line, in-process: its refusals and messages, and a short
/// real run's JSON, saved model and plots. Every run names its data folder with --data, so none
/// depends on <c>$TINTIN_DATA</c> (those tests are in <see cref="DataFolderEnvironmentTests"/>).
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    private static readonly string[] IssueKeys =
    [
        "task", "model", "mode", "seed", "epochs", "samples", "test_accuracy", "memory_bytes", "macs_per_sample",
        "il_cost_per_sample", "host_us_per_sample", "alloc_bytes_per_step", "weights_crc32",
    ];

    private static readonly string[] MemoryKeys = ["weights", "activations", "gradients", "scratch", "total"];

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private readonly TempFolder _folder = new("tintin-bench-cli-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AMissingDataFolderIsNamedAndExitsWithCode2()
    {
        string missing = _folder.Combine("nonexistent");
        var (code, output, error) = Cli.Run("bench", "--task", "mnist", "--data", missing, "--cost-samples", "0");

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"the data folder {missing} (from --data) does not exist", error);
    }

    [Fact]
    public void TheRootNonexistentFolderIsNamedToo()
    {
        var (code, _, error) = Cli.Run("bench", "--task", "cwru", "--data", "/nonexistent", "--cost-samples", "0");

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Contains($"the data folder {Path.GetFullPath("/nonexistent")} (from --data) does not exist", error);
    }

    [Fact]
    public void AFolderWithoutTheMnistFilesSaysWhereToDownloadThem()
    {
        Directory.CreateDirectory(_folder.Combine("mnist"));
        var (code, output, error) = Cli.Run("bench", "--task", "mnist", "--model", "mnist-mlp", "--data", _folder.Path, "--cost-samples", "0");

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(MnistDataset.TrainImagesFile, error);
        Assert.Contains(_folder.Combine("mnist"), error);
        Assert.Contains(MnistDataset.DownloadHint, error);
    }

    [Fact]
    public void AFolderWithoutCwruSaysWhereToDownloadIt()
    {
        var (code, _, error) = Cli.Run("bench", "--task", "cwru", "--data", _folder.Path, "--cost-samples", "0");

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Contains(_folder.Combine("cwru"), error);
        Assert.Contains(CwruSources.DownloadHint, error);
    }

    [Theory]
    [InlineData("mnist", "cwru-fft-mlp", "cwru")]
    [InlineData("mnist", "cwru-cnn1d", "cwru")]
    [InlineData("cwru", "mnist-lenet5", "mnist")]
    public void AModelOfTheOtherTaskIsRejected(string task, string model, string itsTask)
    {
        var (code, output, error) = Cli.Run("bench", "--task", task, "--model", model, "--data", _folder.Path);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"model {model} belongs to task {itsTask}, not {task}", error);
    }

    [Theory]
    [InlineData("fp32")]
    [InlineData("all")]
    public void SaveNeedsOneIntegerMode(string mode)
    {
        string file = _folder.Combine("model.ttm");
        var (code, _, error) = Cli.Run("bench", "--task", "cwru", "--model", "cwru-fft-mlp", "--mode", mode, "--save", file, "--data", _folder.Path);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Contains("--save writes one integer model", error);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void SaveNeedsOneModel()
    {
        var (code, _, error) = Cli.Run("bench", "--task", "cwru", "--mode", "tintin", "--save", _folder.Combine("m.ttm"), "--data", _folder.Path);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Contains("--save writes one integer model", error);
    }

    [Fact]
    public void NitiBatchNeedsItsMode()
    {
        var (code, _, error) = Cli.Run("bench", "--task", "cwru", "--model", "cwru-fft-mlp", "--mode", "niti", "--niti-batch", "8", "--data", _folder.Path);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Contains("--niti-batch sets the mini-batch of niti-batch mode", error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65537")]
    public void NitiBatchOutOfRangeIsRejected(string value)
    {
        var (code, _, error) = Cli.Run("bench", "--task", "cwru", "--model", "cwru-fft-mlp", "--mode", "niti-batch", "--niti-batch", value, "--data", _folder.Path);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Contains("--niti-batch 1 to 65536", error);
    }

    [RequiresCwruFact]
    public void TheNitiBatchModeRunsFromTheCommandLine()
    {
        var (code, output, error) = Cli.Run(
            "bench", "--task", "cwru", "--model", "cwru-fft-mlp", "--mode", "niti-batch", "--niti-batch", "16", "--limit", "100", "--epochs", "1",
            "--cost-samples", "0", "--json", "--data", DataPaths.SharedData);

        Assert.True(code == 0, error);
        Assert.Contains("\"mode\":\"niti-batch\",\"engine\":\"managed\",\"batch_size\":16", output);
        Assert.Contains("\"last_rate\":\"mu 0 batch 16\"", output);
    }

    [Theory]
    [InlineData("--limit", "9")]
    [InlineData("--epochs", "0")]
    [InlineData("--cost-samples", "-1")]
    [InlineData("--cost-warmup", "-1")]
    public void OutOfRangeNumbersAreRejected(string option, string value)
    {
        var (code, _, error) = Cli.Run("bench", "--task", "cwru", "--model", "cwru-fft-mlp", option, value, "--data", _folder.Path);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, code);
        Assert.Contains("--epochs must be at least 1", error);
    }

    [RequiresCwruFact]
    public void JsonLineSavedModelAndModelInfoAgree()
    {
        string file = _folder.Combine("cwru-fft-mlp.ttm");
        var (code, output, error) = Cli.Run(
            "bench", "--task", "cwru", "--model", "cwru-fft-mlp", "--mode", "tintin", "--limit", "200", "--epochs", "1",
            "--cost-samples", "0", "--json", "--save", file, "--data", DataPaths.SharedData);

        Assert.True(code == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        using JsonDocument doc = JsonDocument.Parse(lines[0]);
        JsonElement root = doc.RootElement;
        foreach (string key in IssueKeys)
        {
            Assert.True(root.TryGetProperty(key, out _), $"missing key {key} in {lines[0]}");
        }

        Assert.Equal("cwru", root.GetProperty("task").GetString());
        Assert.Equal("cwru-fft-mlp", root.GetProperty("model").GetString());
        Assert.Equal("tintin", root.GetProperty("mode").GetString());
        Assert.Equal(1u, root.GetProperty("seed").GetUInt32());
        Assert.Equal(1, root.GetProperty("epochs").GetInt32());
        Assert.Equal(200, root.GetProperty("samples").GetInt64());
        double accuracy = root.GetProperty("test_accuracy").GetDouble();
        Assert.InRange(accuracy, 0, 1);

        JsonElement memory = root.GetProperty("memory_bytes");
        foreach (string key in MemoryKeys)
        {
            Assert.Equal(JsonValueKind.Number, memory.GetProperty(key).ValueKind);
        }

        Assert.Equal(MemoryKeys[..4].Sum(k => memory.GetProperty(k).GetInt64()), memory.GetProperty("total").GetInt64());
        Assert.True(memory.GetProperty("weights").GetInt64() > 0);

        BenchModel model = ModelCatalog.Get("cwru-fft-mlp");
        Assert.Equal(MacCount.PerTrainingSample(model.Build(Shape.Vector(ModelCatalog.SpectrumBands))), root.GetProperty("macs_per_sample").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("il_cost_per_sample").ValueKind);
        Assert.True(root.GetProperty("host_us_per_sample").GetDouble() > 0);
        Assert.Equal(0, root.GetProperty("alloc_bytes_per_step").GetDouble());
        string crc = root.GetProperty("weights_crc32").GetString()!;
        Assert.Matches("^[0-9a-f]{8}$", crc);

        // The confusion matrix counts the 200 test windows kept by --limit.
        Assert.Equal(200, root.GetProperty("confusion").EnumerateArray().Sum(row => row.EnumerateArray().Sum(n => n.GetInt32())));

        Assert.True(File.Exists(file), error);
        Assert.Contains($"saved cwru-fft-mlp (tintin) to {file}", error);
        var (infoCode, info, infoError) = Cli.Run("model", "info", file);
        Assert.True(infoCode == 0, infoError);
        Match line = Regex.Match(info, "weights CRC-32 ([0-9a-f]{8})");
        Assert.True(line.Success, info);
        Assert.Equal(crc, line.Groups[1].Value);
        Assert.Contains("200 samples trained", info);
        Assert.Contains("mode tintin", info);
        Assert.Contains($"input        {Shape.Vector(ModelCatalog.SpectrumBands)}", info);
    }

    [RequiresCwruFact]
    public void PlotsAreAnAccuracyChartAndAConfusionMatrixPerModeAsSvg()
    {
        string plots = _folder.Combine("plots");
        var (code, output, error) = Cli.Run(
            "bench", "--task", "cwru", "--model", "cwru-fft-mlp", "--limit", "100", "--epochs", "2", "--cost-samples", "0",
            "--plots", plots, "--data", DataPaths.SharedData);

        Assert.True(code == 0, error);
        Assert.Equal(
            new[] { "cwru-fft-mlp-accuracy.svg", "cwru-fft-mlp-fp32-confusion.svg", "cwru-fft-mlp-niti-confusion.svg", "cwru-fft-mlp-tintin-confusion.svg" },
            Directory.GetFiles(plots).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());

        XDocument accuracy = XDocument.Load(Path.Combine(plots, "cwru-fft-mlp-accuracy.svg"));
        Assert.Equal(Svg + "svg", accuracy.Root!.Name);
        var lines = accuracy.Descendants(Svg + "polyline").ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal(2, l.Attribute("points")!.Value.Split(' ').Length));
        foreach (string mode in new[] { "fp32", "niti", "tintin" })
        {
            XDocument confusion = XDocument.Load(Path.Combine(plots, $"cwru-fft-mlp-{mode}-confusion.svg"));
            Assert.Equal(Svg + "svg", confusion.Root!.Name);
            Assert.Contains(confusion.Descendants(Svg + "text"), t => t.Value.StartsWith($"cwru-fft-mlp {mode}: test confusion", StringComparison.Ordinal));
            Assert.Contains($"wrote {Path.Combine(plots, $"cwru-fft-mlp-{mode}-confusion.svg")}", error);
        }

        // Without --json the table goes to stdout, one row per mode.
        Assert.Equal(3, output.Split('\n').Count(l => l.Contains("cwru-fft-mlp", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The first run in a fresh process: lib-tintin builds small lookup tables in its type initialisers on
    /// the first training step (992 bytes, once), which must not be reported as allocations per step. Run
    /// as a child process, because in this process other tests have long initialised those types.
    /// </summary>
    [RequiresCwruFact]
    public void TheFirstRunInAFreshProcessReportsNoAllocationPerStep()
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "tintin.dll");
        Assert.True(File.Exists(cli), $"{cli} (the TinTin.Cli project reference copies it beside the tests)");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { cli, "bench", "--task", "cwru", "--model", "cwru-fft-mlp", "--mode", "niti", "--limit", "100", "--epochs", "1", "--cost-samples", "0", "--json", "--data", DataPaths.SharedData })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("tintin bench did not finish");
        }

        Assert.True(process.ExitCode == 0, stderr.Result);
        using JsonDocument doc = JsonDocument.Parse(stdout.Trim());
        Assert.Equal(100, doc.RootElement.GetProperty("samples").GetInt64());
        Assert.Equal(0, doc.RootElement.GetProperty("alloc_bytes_per_step").GetDouble());
    }
}
