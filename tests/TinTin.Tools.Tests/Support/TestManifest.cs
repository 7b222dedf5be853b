// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Text.Json;
using System.Text.Json.Nodes;

namespace TinTin.Tools.Tests.Support;

/// <summary>A small valid manifest, independent of the repository's real one, for tests to mutate.</summary>
public static class TestManifest
{
    public const string Json = """
        {
          "schemaVersion": 1,
          "defaultTarget": "ESP32_PSRAM_REV0",
          "targets": {
            "ESP32_PSRAM_REV0": {
              "platform": "esp32",
              "board": "test DevKit",
              "firmware": { "version": "1.12.4.289", "verified": false, "note": "test" },
              "pins": {
                "i2c1": { "sda": 21, "scl": 22 },
                "spi1": { "mosi": 23, "miso": 19, "clock": 18 },
                "chipSelect": { "adxl345": 5 },
                "accelerometerInterrupt": 34,
                "com2": { "tx": 33, "rx": 32 },
                "statusLed": { "pin": 2, "activeLow": false }
              },
              "cpu": { "core": "Xtensa LX6 (dual core)", "clockMhz": 240, "fpu": true },
              "managedHeapBytes": 80896,
              "heapSource": { "kind": "observed", "from": "test board" },
              "storage": { "fileSystem": "I:", "bytes": 262144, "medium": "test flash partition" },
              "power": { "activeMilliwatts": 224.4, "idleMilliwatts": 99, "voltage": 3.3, "source": "test datasheet, table 6" },
              "sensors": [ "adxl345", "iis3dwb" ]
            },
            "ST_STM32F769I_DISCOVERY": {
              "platform": "stm32",
              "board": "test disco",
              "firmware": { "version": "1.12.4.289", "verified": false },
              "pins": null,
              "cpu": { "core": "Arm Cortex-M7", "clockMhz": 216, "fpu": true },
              "managedHeapBytes": 13631488,
              "heapSource": { "kind": "estimated", "from": "test linker script" },
              "storage": null,
              "power": { "activeMilliwatts": 660, "idleMilliwatts": 330, "voltage": 3.3, "source": "test estimate" },
              "sensors": [ "adxl345" ]
            }
          },
          "nanoff": { "version": "2.5.126" },
          "packages": {
            "$comment": "meta keys are skipped",
            "nanoFramework.CoreLibrary": { "version": "1.17.11", "assemblies": [ "mscorlib" ], "dependencies": {} },
            "nanoFramework.Runtime.Events": {
              "version": "1.11.39",
              "assemblies": [ "nanoFramework.Runtime.Events" ],
              "dependencies": { "nanoFramework.CoreLibrary": "1.17.11" }
            },
            "nanoFramework.System.Device.Gpio": {
              "version": "1.1.62",
              "assemblies": [ "System.Device.Gpio" ],
              "dependencies": { "nanoFramework.CoreLibrary": "1.17.11", "nanoFramework.Runtime.Events": "1.11.37" }
            },
            "nanoFramework.System.Device.Spi": {
              "version": "1.3.89",
              "assemblies": [ "System.Device.Spi" ],
              "dependencies": { "nanoFramework.CoreLibrary": "1.17.11", "nanoFramework.System.Device.Gpio": "1.1.62" }
            },
            "nanoFramework.TestFramework": {
              "version": "3.0.77",
              "assemblies": [ "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher" ],
              "developmentDependency": true
            }
          },
          "dataLink": {
            "uart": "COM2", "baudRate": 921600, "frameFormatVersion": 1, "hostPort": null,
            "protocol": {
              "dataBits": 8, "parity": "none", "stopBits": 1, "flowControl": "none", "framing": "cobs", "checksum": "crc32",
              "minorVersion": 0, "maxPayloadBytes": 1024, "maxFrameBytes": 1042, "defaultReportPeriodMs": 1000
            }
          }
        }
        """;

    public static JsonObject Node() => JsonNode.Parse(Json)!.AsObject();

    public static string Text(JsonObject node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
