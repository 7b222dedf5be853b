// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Learning;
using TinTin.Manifest;
using TinTin.Tools.Tests.Support;

namespace TinTin.Tools.Tests.Consistency;

/// <summary>
/// The board cannot read nanoFramework.json, so the firmware carries copies of two of its sections:
/// the target table (<see cref="BoardTarget"/>: FPU, clock, power figures, storage) and the firmware
/// settings (<see cref="FirmwareSettings.Default"/>). Both must equal the committed manifest.
/// </summary>
public sealed class FirmwareTablesTests
{
    private static readonly string Root = RepoRoot.Find(AppContext.BaseDirectory);

    private static JsonObject Manifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "nanoFramework.json")))!.AsObject();

    [Fact]
    public void Every_target_of_the_manifest_is_in_the_firmware_s_table_with_the_same_figures()
    {
        var targets = Manifest()["targets"]!.AsObject();
        Assert.Equal(targets.Select(t => t.Key), BoardTarget.All().Select(t => t.Name));
        foreach (var (name, node) in targets)
        {
            var target = BoardTarget.Find(name);
            var cpu = node!["cpu"]!;
            Assert.True((bool)cpu["fpu"]! == target.HasFpu, $"{name}: fpu");
            Assert.True((int)cpu["clockMhz"]! == target.ClockMhz, $"{name}: clock");
            var power = node["power"]!;
            Assert.True((long)Math.Round((double)power["activeMilliwatts"]! * 1000) == target.ActiveMicrowatts, $"{name}: active power");
            Assert.True((long)Math.Round((double)power["idleMilliwatts"]! * 1000) == target.IdleMicrowatts, $"{name}: idle power");
            var storage = node["storage"];
            Assert.True((storage is null ? null : (string?)storage["fileSystem"]) == target.Drive, $"{name}: storage drive");
        }
    }

    [Fact]
    public void The_firmware_s_default_settings_are_the_manifest_s()
    {
        var firmware = Manifest()["firmware"]!;
        var settings = FirmwareSettings.Default();
        settings.Validate();
        Assert.Equal((string)firmware["model"]!, settings.Model);
        Assert.Equal((string)firmware["feature"]! == "spectrum" ? FeatureKind.Spectrum : FeatureKind.RawWindow, settings.Feature);
        Assert.Equal((int)firmware["windowLength"]!, settings.WindowLength);
        Assert.Equal((int)firmware["hop"]!, settings.Hop);
        Assert.Equal((int)firmware["bands"]!, settings.Bands);
        Assert.Equal((int)firmware["sampleRateHz"]!, settings.SampleRateHz);
        Assert.Equal((int)firmware["learningRateLog2"]!, settings.LearningRateLog2);
        Assert.Equal((int)firmware["batchSize"]!, settings.BatchSize);
        Assert.Equal((uint)firmware["seed"]!, settings.Seed);
        Assert.Equal((int)firmware["reportPeriodMs"]!, settings.ReportPeriodMs);
        Assert.Equal((int)firmware["accuracyWindow"]!, settings.AccuracyWindow);
        Assert.Equal((int)firmware["noveltyThresholdPerMille"]!, settings.NoveltyThresholdPerMille);
        Assert.Equal((int)firmware["noveltyRun"]!, settings.NoveltyRun);
        Assert.Equal((int)firmware["checkpointInterval"]!, settings.CheckpointInterval);
    }

    [Fact]
    public void Settings_that_do_not_fit_the_model_are_rejected()
    {
        var settings = FirmwareSettings.Default();
        settings.Bands = 32;
        var error = Assert.Throws<ArgumentException>(settings.Validate);
        Assert.Contains("cwru-fft-mlp reads 64 values but the features give 32", error.Message);
        settings = FirmwareSettings.Default();
        settings.Model = "resnet";
        Assert.Contains("unknown model resnet", Assert.Throws<ArgumentException>(settings.Validate).Message);
    }
}
