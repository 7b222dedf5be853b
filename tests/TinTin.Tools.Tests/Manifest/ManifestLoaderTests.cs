// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TinTin.Manifest;
using TinTin.Tools.Tests.Support;

namespace TinTin.Tools.Tests.Manifest;

public sealed class ManifestLoaderTests
{
    [Fact]
    public void ValidFileLoadsIntoTheTypedModel()
    {
        using var folder = new TempFolder();
        string file = folder.Write(ManifestLoader.FileName, TestManifest.Json);

        NanoManifest manifest = ManifestLoader.Load(folder.Path);

        Assert.Equal(file, manifest.Sources.BaseFile);
        Assert.Null(manifest.Sources.LocalFile);
        Assert.Equal(1, manifest.SchemaVersion);
        Assert.Equal("ESP32_PSRAM_REV0", manifest.Default.Name);
        Assert.Equal("1.12.4.289", manifest.Default.Firmware.Version);
        Assert.False(manifest.Default.Firmware.Verified);
        PinMap pins = manifest.Default.Pins!;
        Assert.Equal(new I2cPins(21, 22), pins.I2c1);
        Assert.Equal(new SpiPins(23, 19, 18), pins.Spi1);
        Assert.Equal(5, pins.ChipSelects["adxl345"]);
        Assert.Equal(34, pins.AccelerometerInterrupt);
        Assert.Equal(new UartPins(33, 32), pins.Com2);
        Assert.Equal(new LedPin(2, false), pins.StatusLed);
        Assert.Null(manifest.Targets["ST_STM32F769I_DISCOVERY"].Pins);
        Assert.Equal("2.5.126", manifest.Nanoff.Version);
        Assert.Equal(5, manifest.Packages.Count);
        Assert.DoesNotContain("$comment", manifest.Packages.Keys);
        Assert.Equal("1.17.11.0", manifest.Packages["nanoFramework.CoreLibrary"].AssemblyVersion);
        Assert.True(manifest.Packages["nanoFramework.TestFramework"].DevelopmentDependency);
        Assert.Equal("1.11.37", manifest.Packages["nanoFramework.System.Device.Gpio"].Dependencies["nanoFramework.Runtime.Events"]);
        Assert.Equal(new DataLinkSettings("COM2", 921600, 1, null) { Protocol = TestDataLinkProtocol.Expected }, manifest.DataLink);
    }

    [Fact]
    public void DataLinkProtocolIsReadIntoTheRecord()
    {
        using var folder = new TempFolder();
        JsonObject node = TestManifest.Node();
        TestDataLinkProtocol.AddTo(node);
        folder.Write(ManifestLoader.FileName, TestManifest.Text(node));

        DataLinkSettings link = ManifestLoader.Load(folder.Path).DataLink;

        Assert.Equal(new DataLinkSettings("COM2", 921600, 1, null) { Protocol = TestDataLinkProtocol.Expected }, link);
    }

    [Fact]
    public void ParityAndFlowControlReadEveryWordIntoItsEnum()
    {
        using var folder = new TempFolder();
        JsonObject node = TestManifest.Node();
        JsonObject protocol = TestDataLinkProtocol.AddTo(node);
        protocol["parity"] = "even";
        protocol["flowControl"] = "rtscts";
        protocol["stopBits"] = 2;
        protocol["dataBits"] = 7;
        folder.Write(ManifestLoader.FileName, TestManifest.Text(node));

        DataLinkProtocol read = ManifestLoader.Load(folder.Path).DataLink.Protocol!;

        Assert.Equal(TestDataLinkProtocol.Expected with { Parity = LinkParity.Even, FlowControl = LinkFlowControl.RtsCts, StopBits = 2, DataBits = 7 }, read);
    }

    [Fact]
    public void LinkEnumsCastToSystemIOPorts()
    {
        // The monitor opens its SerialPort with these: a cast must give the same setting.
        Assert.Equal(Enum.GetNames<LinkParity>(), Enum.GetValues<LinkParity>().Select(p => ((System.IO.Ports.Parity)(int)p).ToString()));
        Assert.Equal(
            new[] { System.IO.Ports.Handshake.None, System.IO.Ports.Handshake.XOnXOff, System.IO.Ports.Handshake.RequestToSend },
            Enum.GetValues<LinkFlowControl>().Select(f => (System.IO.Ports.Handshake)(int)f));
    }

    [Fact]
    public void LocalOverrideKeepsTheCommittedProtocol()
    {
        using var folder = new TempFolder();
        JsonObject node = TestManifest.Node();
        TestDataLinkProtocol.AddTo(node);
        folder.Write(ManifestLoader.FileName, TestManifest.Text(node));
        folder.Write(ManifestLoader.LocalFileName, """{ "dataLink": { "hostPort": "COM7", "protocol": { "defaultReportPeriodMs": 250 } } }""");

        DataLinkSettings link = ManifestLoader.Load(folder.Path).DataLink;

        Assert.Equal("COM7", link.HostPort);
        Assert.Equal(TestDataLinkProtocol.Expected with { DefaultReportPeriodMs = 250 }, link.Protocol);
    }

    [Fact]
    public void ErrorInTheProtocolFromTheOverrideNamesTheLocalFile()
    {
        using var folder = new TempFolder();
        JsonObject node = TestManifest.Node();
        TestDataLinkProtocol.AddTo(node);
        folder.Write(ManifestLoader.FileName, TestManifest.Text(node));
        string local = folder.Write(ManifestLoader.LocalFileName, """{ "dataLink": { "protocol": { "parity": "mark" } } }""");

        ManifestException ex = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Equal(new ManifestError(local, "$.dataLink.protocol.parity", "'mark' is not a parity (none, odd, even)"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void LoadAcceptsThePathOfTheFileItself()
    {
        using var folder = new TempFolder();
        string file = folder.Write(ManifestLoader.FileName, TestManifest.Json);

        Assert.Equal(file, ManifestLoader.Load(file).Sources.BaseFile);
    }

    [Fact]
    public void LocalOverrideSetsTheHostPortAndKeepsEverythingElse()
    {
        using var folder = new TempFolder();
        folder.Write(ManifestLoader.FileName, TestManifest.Json);
        string local = folder.Write(ManifestLoader.LocalFileName, """{ "dataLink": { "hostPort": "/dev/ttyUSB0" } }""");

        NanoManifest manifest = ManifestLoader.Load(folder.Path);

        Assert.Equal(local, manifest.Sources.LocalFile);
        Assert.Equal(new DataLinkSettings("COM2", 921600, 1, "/dev/ttyUSB0") { Protocol = TestDataLinkProtocol.Expected }, manifest.DataLink);
        Assert.Equal("/dev/ttyUSB0", manifest.Sources.Effective["dataLink"]!["hostPort"]!.GetValue<string>());
    }

    [Fact]
    public void LocalOverrideMergesObjectsByKeyAndReplacesArrays()
    {
        using var folder = new TempFolder();
        folder.Write(ManifestLoader.FileName, TestManifest.Json);
        folder.Write(ManifestLoader.LocalFileName, """
            {
              "defaultTarget": "ST_STM32F769I_DISCOVERY",
              "targets": { "ESP32_PSRAM_REV0": { "pins": { "com2": { "tx": 25 } } } },
              "packages": { "nanoFramework.TestFramework": { "assemblies": [ "nanoFramework.TestFramework" ] } }
            }
            """);

        NanoManifest manifest = ManifestLoader.Load(folder.Path);

        Assert.Equal("ST_STM32F769I_DISCOVERY", manifest.DefaultTarget);
        Assert.Equal(new UartPins(25, 32), manifest.Targets["ESP32_PSRAM_REV0"].Pins!.Com2);
        Assert.Equal(new I2cPins(21, 22), manifest.Targets["ESP32_PSRAM_REV0"].Pins!.I2c1);
        Assert.Equal(new[] { "nanoFramework.TestFramework" }, manifest.Packages["nanoFramework.TestFramework"].Assemblies);
        Assert.Equal("3.0.77", manifest.Packages["nanoFramework.TestFramework"].Version);
    }

    [Fact]
    public void ErrorInAValueFromTheOverrideNamesTheLocalFile()
    {
        using var folder = new TempFolder();
        JsonObject node = TestManifest.Node();
        node["nanoff"]!["version"] = "2.5";
        string baseFile = folder.Write(ManifestLoader.FileName, TestManifest.Text(node));
        string local = folder.Write(ManifestLoader.LocalFileName, """{ "dataLink": { "baudRate": -5 } }""");

        ManifestException ex = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        ManifestError fromLocal = Assert.Single(ex.Errors, e => e.Path == "$.dataLink.baudRate");
        Assert.Equal(local, fromLocal.File);
        Assert.Contains("must be positive", fromLocal.Message);
        ManifestError fromBase = Assert.Single(ex.Errors, e => e.Path == "$.nanoff.version");
        Assert.Equal(baseFile, fromBase.File);
    }

    [Fact]
    public void EveryErrorIsReportedNotOnlyTheFirst()
    {
        using var folder = new TempFolder();
        JsonObject node = TestManifest.Node();
        node["dataLink"]!["baudRate"] = 0;
        node["defaultTarget"] = "NOPE";
        node["packages"]!["nanoFramework.CoreLibrary"]!["version"] = "1.17";
        string file = folder.Write(ManifestLoader.FileName, TestManifest.Text(node));

        ManifestException ex = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Equal(
            new[] { "$.dataLink.baudRate", "$.defaultTarget", "$.packages['nanoFramework.CoreLibrary'].version" },
            ex.Errors.Select(e => e.Path).OrderBy(p => p, System.StringComparer.Ordinal));
        Assert.All(ex.Errors, e => Assert.Equal(file, e.File));
        Assert.Contains("3 errors", ex.Message);
        Assert.Contains(file + ": $.defaultTarget: 'NOPE' is not one of the targets", ex.Message);
    }

    [Fact]
    public void InvalidJsonReportsLineAndPosition()
    {
        using var folder = new TempFolder();
        string file = folder.Write(ManifestLoader.FileName, "{\n  \"schemaVersion\": 1,\n  \"defaultTarget\" \"x\"\n}\n");

        ManifestException ex = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        ManifestError error = Assert.Single(ex.Errors);
        Assert.Equal(file, error.File);
        Assert.StartsWith("invalid JSON at line 3, position 19:", error.Message);
    }

    [Fact]
    public void InvalidJsonInTheOverrideNamesTheLocalFile()
    {
        using var folder = new TempFolder();
        folder.Write(ManifestLoader.FileName, TestManifest.Json);
        string local = folder.Write(ManifestLoader.LocalFileName, "{ \"dataLink\": { \"hostPort\": \"/dev/ttyUSB0\", } }");

        ManifestException ex = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        ManifestError error = Assert.Single(ex.Errors);
        Assert.Equal(local, error.File);
        Assert.StartsWith("invalid JSON at line 1, position ", error.Message);
    }

    [Fact]
    public void DuplicateKeysAreReportedWithTheirPath()
    {
        using var folder = new TempFolder();
        string text = TestManifest.Json.Replace("\"baudRate\": 921600,", "\"baudRate\": 921600, \"baudRate\": 115200,");
        string file = folder.Write(ManifestLoader.FileName, text);

        ManifestException ex = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Equal(new ManifestError(file, "$.dataLink.baudRate", "key 'baudRate' appears more than once"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void TopLevelMustBeAnObject()
    {
        using var folder = new TempFolder();
        string file = folder.Write(ManifestLoader.FileName, "[1, 2]");

        ManifestException ex = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Equal(new ManifestError(file, "$", "the top level must be a JSON object"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void MissingFileSaysWhereItLooked()
    {
        using var folder = new TempFolder();

        ManifestException ex = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        ManifestError error = Assert.Single(ex.Errors);
        Assert.Equal(Path.Combine(folder.Path, ManifestLoader.FileName), error.File);
        Assert.Equal($"nanoFramework.json not found: looked in {folder.Path}", error.Message);
    }

    [Fact]
    public void MissingPathSaysWhatItLookedFor()
    {
        using var folder = new TempFolder();
        string nowhere = folder.Combine("no/such/place");

        ManifestException ex = Assert.Throws<ManifestException>(() => ManifestLoader.Load(nowhere));

        Assert.Contains(nowhere, Assert.Single(ex.Errors).Message);
    }
}
