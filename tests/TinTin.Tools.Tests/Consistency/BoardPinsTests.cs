// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using TinTin.Firmware.Core;
using TinTin.Manifest;
using TinTin.Tools.Tests.Support;

namespace TinTin.Tools.Tests.Consistency;

/// <summary>
/// firmware/Core/BoardPins.cs copies the pin map of nanoFramework.json by hand: every pin of every
/// board must agree with the committed manifest, and a changed pin on either side must fail.
/// </summary>
public sealed class BoardPinsTests
{
    private static readonly string Root = RepoRoot.Find(AppContext.BaseDirectory);

    // Pins in one ESP32 board's section of the repository manifest, changed one at a time; each stays a valid manifest.
    private static readonly Dictionary<string, Action<JsonObject>> PinChanges = new()
    {
        ["data link tx moved"] = m => Pins(m, "M5StickC")["com2"]!["tx"] = 26,
        ["spi miso moved"] = m => Pins(m, "ESP32_PSRAM_REV0")["spi1"]!["miso"] = 12,
        ["status led polarity flipped"] = m => Pins(m, "ESP32_PSRAM_REV0")["statusLed"]!["activeLow"] = true,
        ["chip select removed"] = m => Pins(m, "ESP32_PSRAM_REV0")["chipSelect"]!.AsObject().Remove("iis3dwb"),
        ["chip select added"] = m => Pins(m, "ESP32_PSRAM_REV0")["chipSelect"]!["lis3dh"] = 15,
        ["interrupt removed"] = m => Pins(m, "M5StickC").Remove("accelerometerInterrupt"),
        ["status led removed"] = m => Pins(m, "M5StickC")["statusLed"] = null,
        ["spi added"] = m => Pins(m, "M5StickC")["spi1"] = new JsonObject { ["mosi"] = 15, ["miso"] = 36, ["clock"] = 13 },
        ["c3 chip select moved"] = m => Pins(m, "ESP32_C3")["chipSelect"]!["adxl345"] = 9,
        ["c3 status led added"] = m => Pins(m, "ESP32_C3")["statusLed"] = new JsonObject { ["pin"] = 8, ["activeLow"] = false },
        ["c3 data link rx moved"] = m => Pins(m, "ESP32_C3")["com2"]!["rx"] = 20,
        ["board pins dropped"] = m =>
        {
            // Only a target whose firmware fixes the bus pins (stm32) may have none.
            m["targets"]!["M5StickC"]!["platform"] = "stm32";
            m["targets"]!["M5StickC"]!["pins"] = null;
        },
    };

    public static TheoryData<string> FactoryNames() => new(BoardPinsComparison.Factories().Keys.OrderBy(k => k, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(FactoryNames))]
    public void EveryPinAgreesWithTheManifest(string factory)
    {
        BoardPins board = BoardPinsComparison.Factories()[factory]();

        IReadOnlyList<string> differences = BoardPinsComparison.Differences(board, CommittedManifest());

        Assert.True(differences.Count == 0, $"BoardPins.{factory}() disagrees with {ManifestLoader.FileName}:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }

    [Fact]
    public void EveryBoardWithAPinMapHasAFactoryAndEveryFactoryABoard()
    {
        string[] fromFactories = BoardPinsComparison.Factories().Values.Select(f => f().TargetName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        string[] fromManifest = CommittedManifest().Targets.Values.Where(t => t.Pins is not null).Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        Assert.Equal(new[] { "ESP32_C3", "ESP32_PSRAM_REV0", "M5StickC" }, fromFactories);
        Assert.Equal(fromManifest, fromFactories);
    }

    [Fact]
    public void TheComparisonCoversEveryPinProperty()
    {
        // A pin added to BoardPins without a row in the comparison would go unchecked.
        string[] properties = typeof(BoardPins).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name)
            .Except(BoardPinsComparison.NotPins)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(properties, BoardPinsComparison.ManifestValues.Keys.OrderBy(n => n, StringComparer.Ordinal));
    }

    // The expected texts quote today's BoardPins values: move a pin in BoardPins and nanoFramework.json, and update them here.
    [Theory]
    [InlineData("data link tx moved", "M5StickC: BoardPins.DataLinkTx is 32 but nanoFramework.json targets.M5StickC.pins gives 26")]
    [InlineData("spi miso moved", "ESP32_PSRAM_REV0: BoardPins.SpiMiso is 19 but nanoFramework.json targets.ESP32_PSRAM_REV0.pins gives 12")]
    [InlineData("status led polarity flipped", "ESP32_PSRAM_REV0: BoardPins.StatusLedActiveLow is False but nanoFramework.json targets.ESP32_PSRAM_REV0.pins gives True")]
    [InlineData("chip select removed", "ESP32_PSRAM_REV0: BoardPins.Iis3dwbChipSelect is 4 but nanoFramework.json targets.ESP32_PSRAM_REV0.pins gives NotConnected")]
    [InlineData("chip select added", "ESP32_PSRAM_REV0: targets.ESP32_PSRAM_REV0.pins.chipSelect.lis3dh has no BoardPins property")]
    [InlineData("interrupt removed", "M5StickC: BoardPins.AccelerometerInterrupt is 35 but nanoFramework.json targets.M5StickC.pins gives NotConnected")]
    [InlineData("status led removed", "M5StickC: BoardPins.StatusLed is 10 but nanoFramework.json targets.M5StickC.pins gives NotConnected")]
    [InlineData("spi added", "M5StickC: BoardPins.SpiMosi is NotConnected but nanoFramework.json targets.M5StickC.pins gives 15")]
    [InlineData("board pins dropped", "M5StickC: targets.M5StickC.pins is null in nanoFramework.json")]
    [InlineData("c3 chip select moved", "ESP32_C3: BoardPins.Adxl345ChipSelect is 10 but nanoFramework.json targets.ESP32_C3.pins gives 9")]
    [InlineData("c3 status led added", "ESP32_C3: BoardPins.StatusLed is NotConnected but nanoFramework.json targets.ESP32_C3.pins gives 8")]
    [InlineData("c3 data link rx moved", "ESP32_C3: BoardPins.DataLinkRx is 1 but nanoFramework.json targets.ESP32_C3.pins gives 20")]
    public void AChangedPinIsReported(string change, string expected)
    {
        using var folder = new TempFolder();
        JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, ManifestLoader.FileName)))!.AsObject();
        PinChanges[change](json);
        folder.Write(ManifestLoader.FileName, TestManifest.Text(json));
        NanoManifest changed = ManifestLoader.Load(folder.Path);

        IReadOnlyList<string> differences = BoardPinsComparison.Factories().Values
            .SelectMany(factory => BoardPinsComparison.Differences(factory(), changed))
            .ToList();

        Assert.True(
            differences.Any(d => d.StartsWith(expected, StringComparison.Ordinal)),
            $"expected '{expected}...' but got:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }

    [Fact]
    public void EveryPinChangeHasACase()
    {
        string[] covered = typeof(BoardPinsTests)
            .GetMethod(nameof(AChangedPinIsReported))!
            .GetCustomAttributes<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0])
            .ToArray();

        Assert.Equal(PinChanges.Keys.OrderBy(k => k), covered.OrderBy(k => k));
    }

    [Fact]
    public void AnUnknownTargetIsReported()
    {
        using var folder = new TempFolder();
        JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, ManifestLoader.FileName)))!.AsObject();
        JsonObject targets = json["targets"]!.AsObject();
        JsonNode m5 = targets["M5StickC"]!;
        targets.Remove("M5StickC");
        targets["M5StickCPlus"] = m5;
        folder.Write(ManifestLoader.FileName, TestManifest.Text(json));

        IReadOnlyList<string> differences = BoardPinsComparison.Differences(BoardPins.M5StickC(), ManifestLoader.Load(folder.Path));

        Assert.Equal(new[] { "M5StickC: BoardPins names a target that nanoFramework.json does not have" }, differences);
    }

    /// <summary>The committed nanoFramework.json alone: a developer's nanoFramework.local.json must not hide a difference.</summary>
    private static NanoManifest CommittedManifest()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(Root, ManifestLoader.FileName), folder.Combine(ManifestLoader.FileName));
        return ManifestLoader.Load(folder.Path);
    }

    private static JsonObject Pins(JsonObject manifest, string target) => manifest["targets"]![target]!["pins"]!.AsObject();
}
