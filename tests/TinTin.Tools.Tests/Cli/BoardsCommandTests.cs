// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TinTin.Cli;
using TinTin.Cli.Commands;
using TinTin.Description;
using TinTin.Manifest;
using TinTin.Reference;
using TinTin.Tools.Tests.Support;
using TinTin.Training;

namespace TinTin.Tools.Tests.Cli;

/// <summary><c>tintin boards</c> on the committed nanoFramework.json: every target, every catalog model, and fits computed from the planners.</summary>
public sealed class BoardsCommandTests
{
    private const string F091 = "ST_NUCLEO64_F091RC";

    private static readonly string Root = RepoRoot.Find(AppContext.BaseDirectory);

    [Fact]
    public void TextOutputNamesEveryTargetAndEveryModel()
    {
        using var folder = CommittedManifestFolder();

        (int exit, string output, string error) = Run("boards", "--path", folder.Path);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        NanoManifest manifest = ManifestLoader.Load(folder.Path);
        foreach (TargetBoard target in manifest.Targets.Values)
        {
            Assert.Contains($"{target.Name}", output);
            Assert.Contains($"{target.Cpu.Core}, {target.Cpu.ClockMhz} MHz", output);
        }

        foreach (string model in ModelCatalog.Names())
        {
            Assert.Contains(model, output);
        }

        Assert.Contains("checkpoints disabled", output);
    }

    [Fact]
    public void TheCommittedManifestHasTheFiveBoards()
    {
        using var folder = CommittedManifestFolder();

        NanoManifest manifest = ManifestLoader.Load(folder.Path);

        Assert.Equal(
            new[] { "ESP32_C3", "ESP32_PSRAM_REV0", "M5StickC", F091, "ST_STM32F769I_DISCOVERY" },
            manifest.Targets.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.False(manifest.Targets["ESP32_C3"].Cpu.Fpu);
        Assert.False(manifest.Targets[F091].Cpu.Fpu);
        Assert.True(manifest.Targets["ESP32_PSRAM_REV0"].Cpu.Fpu);
        Assert.True(manifest.Targets["ST_STM32F769I_DISCOVERY"].Cpu.Fpu);
        Assert.Null(manifest.Targets[F091].Storage);
    }

    [Fact]
    public void JsonHasEveryTargetAndModelWithFitsFromThePlanners()
    {
        using var folder = CommittedManifestFolder();

        (int exit, string output, _) = Run("boards", "--path", folder.Path, "--json");

        Assert.Equal(0, exit);
        JsonNode document = JsonNode.Parse(output)!;
        NanoManifest manifest = ManifestLoader.Load(folder.Path);
        IReadOnlyList<ModelFootprint> models = BoardFit.CatalogFootprints();
        Assert.Equal(BoardFit.FirmwareReserveBytes, document["firmwareReserveBytes"]!.GetValue<int>());
        Assert.Equal(ModelCatalog.Names(), document["models"]!.AsArray().Select(m => m!["model"]!.GetValue<string>()));

        JsonArray targets = document["targets"]!.AsArray();
        Assert.Equal(manifest.Targets.Keys, targets.Select(t => t!["name"]!.GetValue<string>()));
        foreach (JsonNode? t in targets)
        {
            TargetBoard target = manifest.Targets[t!["name"]!.GetValue<string>()];
            Assert.Equal(target.Heap.Bytes - BoardFit.FirmwareReserveBytes, t["modelBudgetBytes"]!.GetValue<int>());
            Assert.Equal(target.Storage is null ? "disabled" : "enabled", t["checkpoints"]!.GetValue<string>());
            JsonArray fits = t["fits"]!.AsArray();
            Assert.Equal(models.Count, fits.Count);
            for (int i = 0; i < models.Count; i++)
            {
                Assert.Equal(models[i].Model, fits[i]!["model"]!.GetValue<string>());
                Assert.Equal(models[i].TinTinNeededBytes <= target.Heap.Bytes - BoardFit.FirmwareReserveBytes, fits[i]!["tintin"]!.GetValue<bool>());
                Assert.Equal(models[i].Fp32NeededBytes <= target.Heap.Bytes - BoardFit.FirmwareReserveBytes, fits[i]!["fp32"]!.GetValue<bool>());
            }
        }
    }

    [Fact]
    public void OnTheF091SomeModelTrainsInTinTinButNotInFp32()
    {
        // Integer training is what makes on-device learning possible at all on the 32 KB Cortex-M0.
        using var folder = CommittedManifestFolder();
        TargetBoard f091 = ManifestLoader.Load(folder.Path).Targets[F091];

        ModelFootprint[] onlyTinTin = BoardFit.CatalogFootprints()
            .Where(m => BoardFit.Fits(m.TinTinNeededBytes, f091) && !BoardFit.Fits(m.Fp32NeededBytes, f091))
            .ToArray();

        Assert.NotEmpty(onlyTinTin);
        Assert.DoesNotContain(BoardFit.CatalogFootprints(), m => BoardFit.Fits(m.Fp32NeededBytes, f091));
        foreach (ModelFootprint m in onlyTinTin)
        {
            Assert.True(m.Fp32NeededBytes > f091.Heap.Bytes - BoardFit.FirmwareReserveBytes);
        }
    }

    [Fact]
    public void FootprintsAreThePlannersBytes()
    {
        foreach (ModelFootprint m in BoardFit.CatalogFootprints())
        {
            ModelSpec spec = ModelCatalog.Create(m.Model);
            var model = new Model(spec, new TrainingOptions());
            Assert.Equal(model.Plan.TotalBytes, m.TinTinBytes);
            Assert.Equal(model.Plan.TotalBytes + spec.Input.Size, m.TinTinNeededBytes);
            Assert.Equal(new Fp32Network(spec).TotalBytes, m.Fp32Bytes);
            Assert.Equal(m.Fp32Bytes + (4 * spec.Input.Size), m.Fp32NeededBytes);
            Assert.True(m.Fp32Bytes > m.TinTinBytes, $"{m.Model}: FP32 should need more than Tin-Tin");
        }
    }

    [Fact]
    public void MarkdownHasARowPerTargetAndPerModel()
    {
        using var folder = CommittedManifestFolder();

        (int exit, string output, _) = Run("boards", "--path", folder.Path, "--markdown");

        Assert.Equal(0, exit);
        string[] lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        foreach (string target in ManifestLoader.Load(folder.Path).Targets.Keys)
        {
            Assert.Contains(lines, l => l.StartsWith($"| `{target}` |", StringComparison.Ordinal));
        }

        foreach (string model in ModelCatalog.Names())
        {
            Assert.Contains(lines, l => l.StartsWith($"| {model} |", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void JsonAndMarkdownTogetherAreRefused()
    {
        using var folder = CommittedManifestFolder();

        (int exit, string output, string error) = Run("boards", "--path", folder.Path, "--json", "--markdown");

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Choose one of --json and --markdown", error);
    }

    [Fact]
    public void InvalidManifestIsReportedWithExitTwo()
    {
        using var folder = new TempFolder();
        JsonObject node = TestManifest.Node();
        node["targets"]!["ESP32_PSRAM_REV0"]!["managedHeapBytes"] = -1;
        string file = folder.Write(ManifestLoader.FileName, TestManifest.Text(node));

        (int exit, string output, string error) = Run("boards", "--path", folder.Path);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{file}: $.targets.ESP32_PSRAM_REV0.managedHeapBytes: the managed heap must be a positive number of bytes", error);
    }

    /// <summary>A copy of the committed nanoFramework.json alone, so a developer's local override cannot change the figures.</summary>
    private static TempFolder CommittedManifestFolder()
    {
        var folder = new TempFolder();
        File.Copy(Path.Combine(Root, ManifestLoader.FileName), folder.Combine(ManifestLoader.FileName));
        return folder;
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = TinTinCommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
