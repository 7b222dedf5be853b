// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using TinTin.Manifest;
using TinTin.Tools.Tests.Support;

namespace TinTin.Tools.Tests.Manifest;

/// <summary>Each kind of validation error, planted alone in an otherwise valid manifest, is reported with file, JSON path and cause.</summary>
public sealed class ManifestValidationTests
{
    private static readonly Dictionary<string, Action<JsonObject>> Mutations = new()
    {
        ["missing required key"] = m => m["dataLink"]!.AsObject().Remove("baudRate"),
        ["missing section"] = m => m.Remove("nanoff"),
        ["wrong type"] = m => m["dataLink"]!["baudRate"] = "fast",
        ["fractional number"] = m => m["dataLink"]!["frameFormatVersion"] = 1.5,
        ["object expected"] = m => m["targets"]!["ESP32_PSRAM_REV0"]!["firmware"] = "1.12.4.289",
        ["unknown key"] = m => m["dataLink"]!["hostport"] = "/dev/ttyUSB0",
        ["unsupported schema"] = m => m["schemaVersion"] = 2,
        ["unknown default target"] = m => m["defaultTarget"] = "ESP32_REV3",
        ["no targets"] = m => m["targets"] = new JsonObject(),
        ["unknown platform"] = m => m["targets"]!["ESP32_PSRAM_REV0"]!["platform"] = "esp8266",
        ["duplicate pin"] = m => m["targets"]!["ESP32_PSRAM_REV0"]!["pins"]!["com2"]!["tx"] = 21,
        ["duplicate chip select"] = m => m["targets"]!["ESP32_PSRAM_REV0"]!["pins"]!["chipSelect"]!["iis3dwb"] = 5,
        ["pin above range"] = m => m["targets"]!["ESP32_PSRAM_REV0"]!["pins"]!["i2c1"]!["sda"] = 40,
        ["pin below range"] = m => m["targets"]!["ESP32_PSRAM_REV0"]!["pins"]!["statusLed"]!["pin"] = -1,
        ["input-only pin driven"] = m => m["targets"]!["ESP32_PSRAM_REV0"]!["pins"]!["com2"]!["tx"] = 35,
        ["chip select without spi"] = m => m["targets"]!["ESP32_PSRAM_REV0"]!["pins"]!["spi1"] = null,
        ["esp32 without pins"] = m => m["targets"]!["ESP32_PSRAM_REV0"]!.AsObject().Remove("pins"),
        ["stm32 with pins"] = m => m["targets"]!["ST_STM32F769I_DISCOVERY"]!["pins"] = new JsonObject(),
        ["baud zero"] = m => m["dataLink"]!["baudRate"] = 0,
        ["baud negative"] = m => m["dataLink"]!["baudRate"] = -921600,
        ["frame format zero"] = m => m["dataLink"]!["frameFormatVersion"] = 0,
        ["bad uart"] = m => m["dataLink"]!["uart"] = "UART1",
        ["host port committed"] = m => m["dataLink"]!["hostPort"] = "/dev/ttyUSB0",
        ["package version two parts"] = m => m["packages"]!["nanoFramework.CoreLibrary"]!["version"] = "1.17",
        ["package version five parts"] = m => m["packages"]!["nanoFramework.CoreLibrary"]!["version"] = "1.17.11.0.1",
        ["package version prerelease"] = m => m["packages"]!["nanoFramework.CoreLibrary"]!["version"] = "1.17.11-preview.1",
        ["package without assemblies"] = m => m["packages"]!["nanoFramework.CoreLibrary"]!["assemblies"] = new JsonArray(),
        ["dependency not pinned"] = m => m["packages"]!["nanoFramework.System.Device.Spi"]!["dependencies"]!["nanoFramework.System.Math"] = "1.5.116",
        ["dependency too old"] = m => m["packages"]!["nanoFramework.Runtime.Events"]!["version"] = "1.11.30",
        ["dependency version malformed"] = m => m["packages"]!["nanoFramework.Runtime.Events"]!["dependencies"]!["nanoFramework.CoreLibrary"] = "latest",
        ["firmware version three parts"] = m => m["targets"]!["ESP32_PSRAM_REV0"]!["firmware"]!["version"] = "1.12.4",
        ["firmware verified missing"] = m => m["targets"]!["ESP32_PSRAM_REV0"]!["firmware"]!.AsObject().Remove("verified"),
        ["nanoff version malformed"] = m => m["nanoff"]!["version"] = "v2",
        ["heap missing"] = m => Target(m).Remove("managedHeapBytes"),
        ["heap negative"] = m => Target(m)["managedHeapBytes"] = -4096,
        ["heap zero"] = m => Target(m)["managedHeapBytes"] = 0,
        ["heap not a number"] = m => Target(m)["managedHeapBytes"] = "79 KB",
        ["heap source missing"] = m => Target(m).Remove("heapSource"),
        ["heap source kind unknown"] = m => Target(m)["heapSource"]!["kind"] = "guessed",
        ["heap source empty"] = m => Target(m)["heapSource"]!["from"] = " ",
        ["cpu missing"] = m => Target(m).Remove("cpu"),
        ["fpu not a bool"] = m => Target(m)["cpu"]!["fpu"] = "yes",
        ["fpu missing"] = m => Target(m)["cpu"]!.AsObject().Remove("fpu"),
        ["clock zero"] = m => Target(m)["cpu"]!["clockMhz"] = 0,
        ["cpu unknown key"] = m => Target(m)["cpu"]!["cores"] = 2,
        ["power without source"] = m => Target(m)["power"]!.AsObject().Remove("source"),
        ["power source empty"] = m => Target(m)["power"]!["source"] = "",
        ["power active negative"] = m => Target(m)["power"]!["activeMilliwatts"] = -1,
        ["power idle above active"] = m => Target(m)["power"]!["idleMilliwatts"] = 300,
        ["power voltage zero"] = m => Target(m)["power"]!["voltage"] = 0,
        ["power missing"] = m => Target(m).Remove("power"),
        ["storage missing"] = m => Target(m).Remove("storage"),
        ["storage bad drive"] = m => Target(m)["storage"]!["fileSystem"] = "flash",
        ["storage size negative"] = m => Target(m)["storage"]!["bytes"] = -1,
        ["sensors unknown"] = m => Target(m)["sensors"]!.AsArray().Add("bmi160"),
        ["sensors twice"] = m => Target(m)["sensors"]!.AsArray().Add("adxl345"),
        ["sensors empty"] = m => Target(m)["sensors"] = new JsonArray(),
        ["protocol missing"] = m => m["dataLink"]!.AsObject().Remove("protocol"),
        ["protocol not an object"] = m => m["dataLink"]!["protocol"] = "8N1",
        ["protocol unknown key"] = m => TestDataLinkProtocol.AddTo(m)["baud"] = 115200,
        ["protocol key missing"] = m => TestDataLinkProtocol.AddTo(m).Remove("maxFrameBytes"),
        ["protocol wrong type"] = m => TestDataLinkProtocol.AddTo(m)["stopBits"] = "one",
        ["data bits nine"] = m => TestDataLinkProtocol.AddTo(m)["dataBits"] = 9,
        ["parity unknown"] = m => TestDataLinkProtocol.AddTo(m)["parity"] = "mark",
        ["stop bits three"] = m => TestDataLinkProtocol.AddTo(m)["stopBits"] = 3,
        ["flow control unknown"] = m => TestDataLinkProtocol.AddTo(m)["flowControl"] = "dtrdsr",
        ["framing unknown"] = m => TestDataLinkProtocol.AddTo(m)["framing"] = "slip",
        ["checksum unknown"] = m => TestDataLinkProtocol.AddTo(m)["checksum"] = "crc16",
        ["minor version negative"] = m => TestDataLinkProtocol.AddTo(m)["minorVersion"] = -1,
        ["payload zero"] = m => TestDataLinkProtocol.AddTo(m)["maxPayloadBytes"] = 0,
        ["frame not above payload"] = m => TestDataLinkProtocol.AddTo(m)["maxFrameBytes"] = 1024,
        ["report period zero"] = m => TestDataLinkProtocol.AddTo(m)["defaultReportPeriodMs"] = 0,
    };

    [Theory]
    [InlineData("missing required key", "$.dataLink.baudRate", "required key is missing")]
    [InlineData("missing section", "$.nanoff", "required key is missing")]
    [InlineData("wrong type", "$.dataLink.baudRate", "expected a whole number but found the string \"fast\"")]
    [InlineData("fractional number", "$.dataLink.frameFormatVersion", "expected a whole number but found the number 1.5")]
    [InlineData("object expected", "$.targets.ESP32_PSRAM_REV0.firmware", "expected an object but found the string")]
    [InlineData("unknown key", "$.dataLink.hostport", "unknown key 'hostport' (expected one of: uart, baudRate, frameFormatVersion, hostPort, protocol)")]
    [InlineData("unsupported schema", "$.schemaVersion", "schema version 2 is not supported")]
    [InlineData("unknown default target", "$.defaultTarget", "'ESP32_REV3' is not one of the targets (ESP32_PSRAM_REV0, ST_STM32F769I_DISCOVERY)")]
    [InlineData("no targets", "$.targets", "at least one target is required")]
    [InlineData("unknown platform", "$.targets.ESP32_PSRAM_REV0.platform", "'esp8266' is not a known platform")]
    [InlineData("duplicate pin", "$.targets.ESP32_PSRAM_REV0.pins.com2.tx", "GPIO 21 is already used by $.targets.ESP32_PSRAM_REV0.pins.i2c1.sda")]
    [InlineData("duplicate chip select", "$.targets.ESP32_PSRAM_REV0.pins.chipSelect.iis3dwb", "GPIO 5 is already used by $.targets.ESP32_PSRAM_REV0.pins.chipSelect.adxl345")]
    [InlineData("pin above range", "$.targets.ESP32_PSRAM_REV0.pins.i2c1.sda", "pin 40 is out of range: ESP32 GPIOs are 0..39")]
    [InlineData("pin below range", "$.targets.ESP32_PSRAM_REV0.pins.statusLed.pin", "pin -1 is out of range: ESP32 GPIOs are 0..39")]
    [InlineData("input-only pin driven", "$.targets.ESP32_PSRAM_REV0.pins.com2.tx", "GPIO 35 is input-only on ESP32")]
    [InlineData("chip select without spi", "$.targets.ESP32_PSRAM_REV0.pins.chipSelect", "chip selects are listed but the board has no spi1 bus")]
    [InlineData("esp32 without pins", "$.targets.ESP32_PSRAM_REV0.pins", "required key is missing")]
    [InlineData("stm32 with pins", "$.targets.ST_STM32F769I_DISCOVERY.pins", "stm32 bus pins are fixed by the firmware image")]
    [InlineData("baud zero", "$.dataLink.baudRate", "baud rate must be positive, not 0")]
    [InlineData("baud negative", "$.dataLink.baudRate", "baud rate must be positive, not -921600")]
    [InlineData("frame format zero", "$.dataLink.frameFormatVersion", "frame format version must be 1 or more")]
    [InlineData("bad uart", "$.dataLink.uart", "'UART1' is not a device UART name")]
    [InlineData("host port committed", "$.dataLink.hostPort", "does not belong in the committed manifest: set it in nanoFramework.local.json")]
    [InlineData("package version two parts", "$.packages['nanoFramework.CoreLibrary'].version", "'1.17' is not a package version: expected 3 or 4 dot-separated numbers")]
    [InlineData("package version five parts", "$.packages['nanoFramework.CoreLibrary'].version", "'1.17.11.0.1' is not a package version")]
    [InlineData("package version prerelease", "$.packages['nanoFramework.CoreLibrary'].version", "'1.17.11-preview.1' is not a package version")]
    [InlineData("package without assemblies", "$.packages['nanoFramework.CoreLibrary'].assemblies", "a package must list at least one assembly")]
    [InlineData("dependency not pinned", "$.packages['nanoFramework.System.Device.Spi'].dependencies['nanoFramework.System.Math']", "dependency 'nanoFramework.System.Math' is not listed in packages")]
    [InlineData("dependency too old", "$.packages['nanoFramework.System.Device.Gpio'].dependencies['nanoFramework.Runtime.Events']", "nanoFramework.System.Device.Gpio needs nanoFramework.Runtime.Events >= 1.11.37, but 1.11.30 is pinned")]
    [InlineData("dependency version malformed", "$.packages['nanoFramework.Runtime.Events'].dependencies['nanoFramework.CoreLibrary']", "'latest' is not a package version")]
    [InlineData("firmware version three parts", "$.targets.ESP32_PSRAM_REV0.firmware.version", "'1.12.4' is not a firmware version: expected 4 dot-separated numbers")]
    [InlineData("firmware verified missing", "$.targets.ESP32_PSRAM_REV0.firmware.verified", "required key is missing")]
    [InlineData("nanoff version malformed", "$.nanoff.version", "'v2' is not a nanoff version")]
    [InlineData("heap missing", "$.targets.ESP32_PSRAM_REV0.managedHeapBytes", "required key is missing")]
    [InlineData("heap negative", "$.targets.ESP32_PSRAM_REV0.managedHeapBytes", "the managed heap must be a positive number of bytes, not -4096")]
    [InlineData("heap zero", "$.targets.ESP32_PSRAM_REV0.managedHeapBytes", "the managed heap must be a positive number of bytes, not 0")]
    [InlineData("heap not a number", "$.targets.ESP32_PSRAM_REV0.managedHeapBytes", "expected a whole number but found the string \"79 KB\"")]
    [InlineData("heap source missing", "$.targets.ESP32_PSRAM_REV0.heapSource", "required key is missing")]
    [InlineData("heap source kind unknown", "$.targets.ESP32_PSRAM_REV0.heapSource.kind", "'guessed' is not a heap source kind (observed, estimated)")]
    [InlineData("heap source empty", "$.targets.ESP32_PSRAM_REV0.heapSource.from", "must not be empty: say where the heap figure comes from")]
    [InlineData("cpu missing", "$.targets.ESP32_PSRAM_REV0.cpu", "required key is missing")]
    [InlineData("fpu not a bool", "$.targets.ESP32_PSRAM_REV0.cpu.fpu", "expected true or false but found the string \"yes\"")]
    [InlineData("fpu missing", "$.targets.ESP32_PSRAM_REV0.cpu.fpu", "required key is missing")]
    [InlineData("clock zero", "$.targets.ESP32_PSRAM_REV0.cpu.clockMhz", "clock must be a positive number of MHz, not 0")]
    [InlineData("cpu unknown key", "$.targets.ESP32_PSRAM_REV0.cpu.cores", "unknown key 'cores' (expected one of: core, clockMhz, fpu)")]
    [InlineData("power without source", "$.targets.ESP32_PSRAM_REV0.power.source", "required key is missing")]
    [InlineData("power source empty", "$.targets.ESP32_PSRAM_REV0.power.source", "must not be empty: name the datasheet")]
    [InlineData("power active negative", "$.targets.ESP32_PSRAM_REV0.power.activeMilliwatts", "active power must be positive, not -1")]
    [InlineData("power idle above active", "$.targets.ESP32_PSRAM_REV0.power.idleMilliwatts", "idle power (300 mW) exceeds active power (224.4 mW)")]
    [InlineData("power voltage zero", "$.targets.ESP32_PSRAM_REV0.power.voltage", "the supply voltage must be positive, not 0")]
    [InlineData("power missing", "$.targets.ESP32_PSRAM_REV0.power", "required key is missing")]
    [InlineData("storage missing", "$.targets.ESP32_PSRAM_REV0.storage", "required key is missing (null when the firmware image has no file system")]
    [InlineData("storage bad drive", "$.targets.ESP32_PSRAM_REV0.storage.fileSystem", "'flash' is not a drive: expected a letter and a colon, e.g. I:")]
    [InlineData("storage size negative", "$.targets.ESP32_PSRAM_REV0.storage.bytes", "the volume size must be a positive number of bytes (or null for removable media), not -1")]
    [InlineData("sensors unknown", "$.targets.ESP32_PSRAM_REV0.sensors[2]", "'bmi160' is not a known sensor (adxl345, iis3dwb, mpu6886)")]
    [InlineData("sensors twice", "$.targets.ESP32_PSRAM_REV0.sensors[2]", "sensor 'adxl345' is listed twice")]
    [InlineData("sensors empty", "$.targets.ESP32_PSRAM_REV0.sensors", "a target must support at least one sensor")]
    [InlineData("protocol missing", "$.dataLink.protocol", "required key is missing")]
    [InlineData("protocol not an object", "$.dataLink.protocol", "expected an object but found the string \"8N1\"")]
    [InlineData("protocol unknown key", "$.dataLink.protocol.baud", "unknown key 'baud' (expected one of: dataBits, parity, stopBits, flowControl, framing, checksum, minorVersion, maxPayloadBytes, maxFrameBytes, defaultReportPeriodMs)")]
    [InlineData("protocol key missing", "$.dataLink.protocol.maxFrameBytes", "required key is missing")]
    [InlineData("protocol wrong type", "$.dataLink.protocol.stopBits", "expected a whole number but found the string \"one\"")]
    [InlineData("data bits nine", "$.dataLink.protocol.dataBits", "data bits must be 5 to 8, not 9")]
    [InlineData("parity unknown", "$.dataLink.protocol.parity", "'mark' is not a parity (none, odd, even)")]
    [InlineData("stop bits three", "$.dataLink.protocol.stopBits", "stop bits must be 1 or 2, not 3")]
    [InlineData("flow control unknown", "$.dataLink.protocol.flowControl", "'dtrdsr' is not a flow control (none, xonxoff, rtscts)")]
    [InlineData("framing unknown", "$.dataLink.protocol.framing", "'slip' is not a framing the host tools decode (cobs)")]
    [InlineData("checksum unknown", "$.dataLink.protocol.checksum", "'crc16' is not a checksum the host tools check (crc32)")]
    [InlineData("minor version negative", "$.dataLink.protocol.minorVersion", "minor version must not be negative, not -1")]
    [InlineData("payload zero", "$.dataLink.protocol.maxPayloadBytes", "the largest payload must be a positive number of bytes, not 0")]
    [InlineData("frame not above payload", "$.dataLink.protocol.maxFrameBytes", "the largest frame (1024 bytes) must exceed the largest payload (1024 bytes)")]
    [InlineData("report period zero", "$.dataLink.protocol.defaultReportPeriodMs", "the report period must be a positive number of milliseconds, not 0")]
    public void PlantedErrorIsReportedWithFileAndPath(string mutation, string expectedPath, string expectedMessage)
    {
        using var folder = new TempFolder();
        JsonObject node = TestManifest.Node();
        Mutations[mutation](node);
        string file = folder.Write(ManifestLoader.FileName, TestManifest.Text(node));

        ManifestException ex = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        ManifestError error = Assert.Single(ex.Errors);
        Assert.Equal(file, error.File);
        Assert.Equal(expectedPath, error.Path);
        Assert.Contains(expectedMessage, error.Message);
        Assert.Contains($"{file}: {expectedPath}: ", ex.Message);
    }

    [Fact]
    public void BoardFiguresAreRead()
    {
        using var folder = new TempFolder();
        folder.Write(ManifestLoader.FileName, TestManifest.Json);

        NanoManifest manifest = ManifestLoader.Load(folder.Path);

        TargetBoard esp32 = manifest.Targets["ESP32_PSRAM_REV0"];
        Assert.Equal(new CpuInfo("Xtensa LX6 (dual core)", 240, true), esp32.Cpu);
        Assert.Equal(new ManagedHeap(80896, ManagedHeap.Observed, "test board"), esp32.Heap);
        Assert.Equal(new StorageInfo("I:", 262144, "test flash partition"), esp32.Storage);
        Assert.Equal(new PowerFigures(224.4, 99, 3.3, "test datasheet, table 6"), esp32.Power);
        Assert.Equal(new[] { "adxl345", "iis3dwb" }, esp32.Sensors);
        Assert.Null(manifest.Targets["ST_STM32F769I_DISCOVERY"].Storage);
    }

    [Fact]
    public void RemovableStorageMayHaveNoSize()
    {
        using var folder = new TempFolder();
        JsonObject node = TestManifest.Node();
        Target(node)["storage"] = new JsonObject { ["fileSystem"] = "D:", ["bytes"] = null, ["medium"] = "SD card" };
        folder.Write(ManifestLoader.FileName, TestManifest.Text(node));

        Assert.Equal(new StorageInfo("D:", null, "SD card"), ManifestLoader.Load(folder.Path).Targets["ESP32_PSRAM_REV0"].Storage);
    }

    [Fact]
    public void EveryMutationHasACase()
    {
        string[] covered = typeof(ManifestValidationTests)
            .GetMethod(nameof(PlantedErrorIsReportedWithFileAndPath))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0])
            .ToArray();

        Assert.Equal(Mutations.Keys.OrderBy(k => k), covered.OrderBy(k => k));
    }

    [Fact]
    public void UnmutatedTestManifestIsValid()
    {
        using var folder = new TempFolder();
        folder.Write(ManifestLoader.FileName, TestManifest.Json);

        Assert.NotNull(ManifestLoader.Load(folder.Path));
    }

    private static JsonObject Target(JsonObject manifest) => manifest["targets"]!["ESP32_PSRAM_REV0"]!.AsObject();
}
