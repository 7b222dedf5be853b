// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TinTin.Manifest.Reading.Documents;

/// <summary>
/// Source-generated contracts of the manifest documents. Every type a <see cref="JsonField{T}"/>
/// wraps is listed: the generator does not look inside a type that has its own converter.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ManifestDocument))]
[JsonSerializable(typeof(NanoffDocument))]
[JsonSerializable(typeof(Dictionary<string, JsonField<TargetDocument>>))]
[JsonSerializable(typeof(TargetDocument))]
[JsonSerializable(typeof(FirmwareDocument))]
[JsonSerializable(typeof(CpuDocument))]
[JsonSerializable(typeof(HeapSourceDocument))]
[JsonSerializable(typeof(StorageDocument))]
[JsonSerializable(typeof(PowerDocument))]
[JsonSerializable(typeof(PinsDocument))]
[JsonSerializable(typeof(I2cDocument))]
[JsonSerializable(typeof(SpiDocument))]
[JsonSerializable(typeof(UartDocument))]
[JsonSerializable(typeof(LedDocument))]
[JsonSerializable(typeof(Dictionary<string, JsonField<int>>))]
[JsonSerializable(typeof(Dictionary<string, JsonField<PackageDocument>>))]
[JsonSerializable(typeof(PackageDocument))]
[JsonSerializable(typeof(Dictionary<string, JsonField<string>>))]
[JsonSerializable(typeof(List<JsonField<string>>))]
[JsonSerializable(typeof(DataLinkDocument))]
[JsonSerializable(typeof(DataLinkProtocolDocument))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext
{
}
