// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TinTin.Manifest.Reading.Documents;

/// <summary>One entry of targets.</summary>
internal sealed class TargetDocument
{
    public JsonField<string> Platform { get; init; }

    public JsonField<string> Board { get; init; }

    public JsonField<FirmwareDocument> Firmware { get; init; }

    public JsonField<PinsDocument> Pins { get; init; }

    public JsonField<CpuDocument> Cpu { get; init; }

    public JsonField<int> ManagedHeapBytes { get; init; }

    public JsonField<HeapSourceDocument> HeapSource { get; init; }

    public JsonField<StorageDocument> Storage { get; init; }

    public JsonField<PowerDocument> Power { get; init; }

    public JsonField<List<JsonField<string>>> Sensors { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>targets.*.firmware.</summary>
internal sealed class FirmwareDocument
{
    public JsonField<string> Version { get; init; }

    public JsonField<bool> Verified { get; init; }

    public JsonField<string> Note { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>targets.*.cpu.</summary>
internal sealed class CpuDocument
{
    public JsonField<string> Core { get; init; }

    public JsonField<int> ClockMhz { get; init; }

    public JsonField<bool> Fpu { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>targets.*.heapSource.</summary>
internal sealed class HeapSourceDocument
{
    public JsonField<string> Kind { get; init; }

    public JsonField<string> From { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>targets.*.storage.</summary>
internal sealed class StorageDocument
{
    public JsonField<string> FileSystem { get; init; }

    public JsonField<long> Bytes { get; init; }

    public JsonField<string> Medium { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>targets.*.power.</summary>
internal sealed class PowerDocument
{
    public JsonField<double> ActiveMilliwatts { get; init; }

    public JsonField<double> IdleMilliwatts { get; init; }

    public JsonField<double> Voltage { get; init; }

    public JsonField<string> Source { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
