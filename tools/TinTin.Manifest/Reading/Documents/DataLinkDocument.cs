// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TinTin.Manifest.Reading.Documents;

/// <summary>The dataLink section.</summary>
internal sealed class DataLinkDocument
{
    public JsonField<string> Uart { get; init; }

    public JsonField<int> BaudRate { get; init; }

    public JsonField<int> FrameFormatVersion { get; init; }

    public JsonField<string> HostPort { get; init; }

    public JsonField<DataLinkProtocolDocument> Protocol { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>dataLink.protocol: the serial settings and frame rules of docs/protocol.md.</summary>
internal sealed class DataLinkProtocolDocument
{
    public JsonField<int> DataBits { get; init; }

    public JsonField<string> Parity { get; init; }

    public JsonField<int> StopBits { get; init; }

    public JsonField<string> FlowControl { get; init; }

    public JsonField<string> Framing { get; init; }

    public JsonField<string> Checksum { get; init; }

    public JsonField<int> MinorVersion { get; init; }

    public JsonField<int> MaxPayloadBytes { get; init; }

    public JsonField<int> MaxFrameBytes { get; init; }

    public JsonField<int> DefaultReportPeriodMs { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
