// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Text.Json.Nodes;
using TinTin.Manifest;

namespace TinTin.Tools.Tests.Manifest;

/// <summary>A valid dataLink.protocol section, for tests to add to the test manifest (which has none) and mutate.</summary>
public static class TestDataLinkProtocol
{
    /// <summary>The record <see cref="Node"/> reads into.</summary>
    public static readonly DataLinkProtocol Expected = new(8, LinkParity.None, 1, LinkFlowControl.None, "cobs", "crc32", 0, 1024, 1042, 1000);

    public static JsonObject Node() => new()
    {
        ["dataBits"] = 8,
        ["parity"] = "none",
        ["stopBits"] = 1,
        ["flowControl"] = "none",
        ["framing"] = "cobs",
        ["checksum"] = "crc32",
        ["minorVersion"] = 0,
        ["maxPayloadBytes"] = 1024,
        ["maxFrameBytes"] = 1042,
        ["defaultReportPeriodMs"] = 1000,
    };

    /// <summary>Adds a valid protocol section to <paramref name="manifest"/> and returns it for mutation.</summary>
    public static JsonObject AddTo(JsonObject manifest)
    {
        JsonObject protocol = Node();
        manifest["dataLink"]!["protocol"] = protocol;
        return protocol;
    }
}
