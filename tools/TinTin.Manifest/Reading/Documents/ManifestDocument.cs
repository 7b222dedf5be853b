// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TinTin.Manifest.Reading.Documents;

/// <summary>The manifest as written: the shape System.Text.Json reads before validation.</summary>
/// <remarks>
/// In every document class the properties are the allowed keys, in the order the "unknown key"
/// message lists them; anything else lands in <c>Extra</c>.
/// </remarks>
internal sealed class ManifestDocument
{
    public JsonField<int> SchemaVersion { get; init; }

    public JsonField<string> DefaultTarget { get; init; }

    public JsonField<Dictionary<string, JsonField<TargetDocument>>> Targets { get; init; }

    public JsonField<NanoffDocument> Nanoff { get; init; }

    public JsonField<Dictionary<string, JsonField<PackageDocument>>> Packages { get; init; }

    /// <summary>The firmware settings: not read here (the firmware consistency test compares them with FirmwareSettings).</summary>
    public JsonElement? Firmware { get; init; }

    public JsonField<DataLinkDocument> DataLink { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The nanoff section.</summary>
internal sealed class NanoffDocument
{
    public JsonField<string> Version { get; init; }

    public JsonField<string> Note { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
