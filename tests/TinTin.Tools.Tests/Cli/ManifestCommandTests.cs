// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using System.Text.Json.Nodes;
using TinTin.Cli;
using TinTin.Manifest;
using TinTin.Tools.Tests.Support;

namespace TinTin.Tools.Tests.Cli;

/// <summary>Runs <c>tintin</c> in-process (parse + invoke) with redirected output.</summary>
public sealed class ManifestCommandTests
{
    [Fact]
    public void ValidManifestPrintsTheSummaryAndExitsZero()
    {
        using var folder = new TempFolder();
        folder.Write(ManifestLoader.FileName, TestManifest.Json);

        (int exit, string output, string error) = Run("manifest", "--path", folder.Path);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Targets (default ESP32_PSRAM_REV0):", output);
        Assert.Contains("* ESP32_PSRAM_REV0", output);
        Assert.Contains("firmware 1.12.4.289 (not yet verified on a board)", output);
        Assert.Contains("nanoFramework.CoreLibrary", output);
        Assert.Contains("i2c1   sda 21, scl 22", output);
        Assert.Contains("com2   tx 33, rx 32", output);
        Assert.Contains("device COM2 at 921600 baud, frame format 1", output);
        Assert.Contains("host port: not set", output);
    }

    [Fact]
    public void SummaryShowsTheBoardFigures()
    {
        using var folder = new TempFolder();
        folder.Write(ManifestLoader.FileName, TestManifest.Json);

        (int exit, string output, _) = Run("manifest", "--path", folder.Path);

        Assert.Equal(0, exit);
        Assert.Contains("cpu      Xtensa LX6 (dual core), 240 MHz, hardware FPU", output);
        Assert.Contains("heap     80,896 bytes managed heap (observed)", output);
        Assert.Contains("storage  I: (262,144 bytes), checkpoints on", output);
        Assert.Contains("power    active 224.4 mW, idle 99 mW at 3.3 V", output);
        Assert.Contains("sensors  adxl345, iis3dwb", output);
        Assert.Contains("storage  none: no file system in the image, checkpoints disabled", output);
    }

    [Fact]
    public void SummaryShowsTheHostPortFromTheLocalOverride()
    {
        using var folder = new TempFolder();
        folder.Write(ManifestLoader.FileName, TestManifest.Json);
        folder.Write(ManifestLoader.LocalFileName, """{ "dataLink": { "hostPort": "/dev/ttyACM0" } }""");

        (int exit, string output, _) = Run("manifest", "--path", folder.Path);

        Assert.Equal(0, exit);
        Assert.Contains("host port: /dev/ttyACM0 (from nanoFramework.local.json)", output);
    }

    [Fact]
    public void JsonOptionPrintsTheEffectiveManifest()
    {
        using var folder = new TempFolder();
        string file = folder.Write(ManifestLoader.FileName, TestManifest.Json);
        folder.Write(ManifestLoader.LocalFileName, """{ "dataLink": { "hostPort": "/dev/ttyUSB1" } }""");

        (int exit, string output, _) = Run("manifest", "--path", folder.Path, "--json");

        Assert.Equal(0, exit);
        JsonNode document = JsonNode.Parse(output)!;
        Assert.Equal(file, document["baseFile"]!.GetValue<string>());
        Assert.Equal("/dev/ttyUSB1", document["effective"]!["dataLink"]!["hostPort"]!.GetValue<string>());
        Assert.Equal(921600, document["effective"]!["dataLink"]!["baudRate"]!.GetValue<int>());
    }

    [Fact]
    public void InvalidManifestPrintsEveryErrorOnStandardErrorAndExitsTwo()
    {
        using var folder = new TempFolder();
        JsonObject node = TestManifest.Node();
        node["dataLink"]!["baudRate"] = -1;
        node["targets"]!["ESP32_PSRAM_REV0"]!["pins"]!["i2c1"]!["scl"] = 99;
        string file = folder.Write(ManifestLoader.FileName, TestManifest.Text(node));

        (int exit, string output, string error) = Run("manifest", "--path", folder.Path);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("(2 problem(s))", error);
        Assert.Contains($"{file}: $.dataLink.baudRate: baud rate must be positive", error);
        Assert.Contains($"{file}: $.targets.ESP32_PSRAM_REV0.pins.i2c1.scl: pin 99 is out of range", error);
    }

    [Fact]
    public void MissingManifestExitsTwo()
    {
        using var folder = new TempFolder();

        (int exit, _, string error) = Run("manifest", "--path", folder.Path);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, exit);
        Assert.Contains("nanoFramework.json not found: looked in " + folder.Path, error);
    }

    [Fact]
    public void VersionOptionPrintsTheToolVersion()
    {
        (int exit, string output, _) = Run("--version");

        Assert.Equal(0, exit);
        Assert.StartsWith("0.1.0", output.Trim());
    }

    [Fact]
    public void UnknownOptionIsAParseError()
    {
        (int exit, _, string error) = Run("manifest", "--bogus");

        Assert.NotEqual(0, exit);
        Assert.Contains("--bogus", error);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = TinTinCommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
