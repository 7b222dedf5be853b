// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Link;
using TinTin.Manifest;
using TinTin.Tools.Tests.Support;

namespace TinTin.Tools.Tests.Consistency;

/// <summary>
/// nanoFramework.json's dataLink describes the link the firmware speaks (docs/protocol.md): its figures
/// must equal <see cref="LinkProtocol"/> and <see cref="FirmwareSettings.Default"/>, the frames the
/// firmware's encoder writes must be what its framing and checksum say, and the protocol document
/// must state its serial settings.
/// </summary>
public sealed class DataLinkTests
{
    private static readonly string Root = RepoRoot.Find(AppContext.BaseDirectory);

    /// <summary>Each figure: how to read it from the manifest, and the firmware's value.</summary>
    private static readonly (string Key, Func<DataLinkSettings, object?> Manifest, object Firmware)[] Figures =
    {
        ("uart", l => l.Uart, LinkProtocol.PortName),
        ("baudRate", l => l.BaudRate, LinkProtocol.BaudRate),
        ("frameFormatVersion", l => l.FrameFormatVersion, (int)LinkProtocol.Version),
        ("protocol.minorVersion", l => l.Protocol?.MinorVersion, (int)LinkProtocol.MinorVersion),
        ("protocol.maxPayloadBytes", l => l.Protocol?.MaxPayloadBytes, LinkProtocol.MaxPayloadLength),
        ("protocol.maxFrameBytes", l => l.Protocol?.MaxFrameBytes, LinkProtocol.MaxFrameLength),
        ("protocol.defaultReportPeriodMs", l => l.Protocol?.DefaultReportPeriodMs, FirmwareSettings.Default().ReportPeriodMs),
    };

    // One change per figure, each still a valid manifest.
    private static readonly Dictionary<string, Func<DataLinkSettings, DataLinkSettings>> Changes = new()
    {
        ["uart"] = l => l with { Uart = "COM3" },
        ["baudRate"] = l => l with { BaudRate = 115200 },
        ["frameFormatVersion"] = l => l with { FrameFormatVersion = 2 },
        ["protocol.minorVersion"] = l => l with { Protocol = l.Protocol! with { MinorVersion = 1 } },
        ["protocol.maxPayloadBytes"] = l => l with { Protocol = l.Protocol! with { MaxPayloadBytes = 512 } },
        ["protocol.maxFrameBytes"] = l => l with { Protocol = l.Protocol! with { MaxFrameBytes = 1046 } },
        ["protocol.defaultReportPeriodMs"] = l => l with { Protocol = l.Protocol! with { DefaultReportPeriodMs = 500 } },
    };

    public static TheoryData<string> FigureKeys() => new(Figures.Select(f => f.Key));

    [Fact]
    public void Every_figure_of_the_manifest_s_data_link_is_the_firmware_s()
    {
        IReadOnlyList<string> differences = Differences(CommittedDataLink());

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Theory]
    [MemberData(nameof(FigureKeys))]
    public void A_changed_figure_is_reported(string key)
    {
        DataLinkSettings changed = Changes[key](CommittedDataLink());

        Assert.Equal(key, Assert.Single(Differences(changed)).Split(' ')[0]);
    }

    [Fact]
    public void A_manifest_without_the_protocol_section_is_reported()
    {
        DataLinkSettings without = CommittedDataLink() with { Protocol = null };

        Assert.Equal(Figures.Where(f => f.Key.StartsWith("protocol.", StringComparison.Ordinal)).Select(f => f.Key), Differences(without).Select(d => d.Split(' ')[0]));
    }

    [Fact]
    public void The_firmware_s_frames_are_cobs_with_a_crc32()
    {
        DataLinkProtocol protocol = CommittedDataLink().Protocol!;
        Assert.Equal(DataLinkProtocol.Cobs, protocol.Framing);
        Assert.Equal(DataLinkProtocol.Crc32, protocol.Checksum);
        byte[] payload = { 0x00, 0x01, 0x00, 0x00 };

        var encoder = new FrameEncoder();
        int length = encoder.EncodeWithSequence(MessageType.Ack, 0x0100, 2_500_000, payload, 0, payload.Length);

        // COBS: no 0x00 inside the frame, one at its end.
        byte[] encoded = encoder.Output[..length];
        Assert.Equal(0, encoded[^1]);
        Assert.DoesNotContain((byte)0, encoded[..^1]);
        byte[] frame = CobsDecode(encoded[..^1]);
        Assert.Equal(LinkProtocol.HeaderLength + payload.Length + 4, frame.Length);
        Assert.Equal(payload, frame[LinkProtocol.HeaderLength..^4]);

        // CRC-32 (IEEE, reflected 0xEDB88320) over header and payload, little-endian after them.
        Assert.Equal(Crc32(frame[..^4]), BitConverter.ToUInt32(frame, frame.Length - 4));
    }

    [Fact]
    public void The_protocol_document_states_the_serial_settings()
    {
        DataLinkSettings link = CommittedDataLink();
        DataLinkProtocol protocol = link.Protocol!;
        string parity = protocol.Parity == LinkParity.None ? "no parity" : $"{protocol.Parity.ToString().ToLowerInvariant()} parity";
        string stopBits = protocol.StopBits == 1 ? "1 stop bit" : $"{protocol.StopBits} stop bits";
        string flowControl = protocol.FlowControl == LinkFlowControl.None ? "no flow control" : $"{protocol.FlowControl} flow control";

        string settings = $"**{link.BaudRate} baud, {protocol.DataBits} data bits, {parity}, {stopBits}** (`LinkProtocol.BaudRate`), {flowControl}";

        Assert.Contains(settings, File.ReadAllText(Path.Combine(Root, "docs", "protocol.md")));
    }

    [Fact]
    public void The_independent_crc_matches_the_published_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32("123456789"u8.ToArray()));
    }

    /// <summary>Every figure where the manifest and the firmware disagree, each line starting with the figure's key.</summary>
    private static IReadOnlyList<string> Differences(DataLinkSettings link) =>
        Figures
            .Where(f => !Equals(f.Manifest(link), f.Firmware))
            .Select(f => $"{f.Key} is {f.Manifest(link) ?? "missing"} in {ManifestLoader.FileName} dataLink but {f.Firmware} in the firmware")
            .ToList();

    /// <summary>The committed nanoFramework.json alone: a developer's nanoFramework.local.json must not hide a difference.</summary>
    private static DataLinkSettings CommittedDataLink()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(Root, ManifestLoader.FileName), folder.Combine(ManifestLoader.FileName));
        return ManifestLoader.Load(folder.Path).DataLink;
    }

    private static byte[] CobsDecode(byte[] encoded)
    {
        var decoded = new List<byte>();
        for (int i = 0; i < encoded.Length;)
        {
            int code = encoded[i++];
            decoded.AddRange(encoded.Skip(i).Take(code - 1));
            i += code - 1;
            if (code < 0xFF && i < encoded.Length)
            {
                decoded.Add(0);
            }
        }

        return decoded.ToArray();
    }

    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
