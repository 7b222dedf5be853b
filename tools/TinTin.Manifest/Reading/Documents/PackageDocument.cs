// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TinTin.Manifest.Reading.Documents;

/// <summary>One entry of packages.</summary>
internal sealed class PackageDocument
{
    public JsonField<string> Version { get; init; }

    public JsonField<List<JsonField<string>>> Assemblies { get; init; }

    public JsonField<Dictionary<string, JsonField<string>>> Dependencies { get; init; }

    public JsonField<bool> DevelopmentDependency { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
