// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TinTin.Manifest.Reading.Documents;

/// <summary>targets.*.pins of an ESP32 board.</summary>
internal sealed class PinsDocument
{
    public JsonField<I2cDocument> I2c1 { get; init; }

    public JsonField<SpiDocument> Spi1 { get; init; }

    public JsonField<Dictionary<string, JsonField<int>>> ChipSelect { get; init; }

    public JsonField<int> AccelerometerInterrupt { get; init; }

    public JsonField<UartDocument> Com2 { get; init; }

    public JsonField<LedDocument> StatusLed { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>pins.i2c1.</summary>
internal sealed class I2cDocument
{
    public JsonField<int> Sda { get; init; }

    public JsonField<int> Scl { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>pins.spi1.</summary>
internal sealed class SpiDocument
{
    public JsonField<int> Mosi { get; init; }

    public JsonField<int> Miso { get; init; }

    public JsonField<int> Clock { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>pins.com2.</summary>
internal sealed class UartDocument
{
    public JsonField<int> Tx { get; init; }

    public JsonField<int> Rx { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>pins.statusLed.</summary>
internal sealed class LedDocument
{
    public JsonField<int> Pin { get; init; }

    public JsonField<bool> ActiveLow { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
