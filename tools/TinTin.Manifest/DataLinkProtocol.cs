// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Manifest;

/// <summary>
/// How the data link carries frames (docs/protocol.md sections 1 to 3): the serial settings besides
/// the baud rate, the framing and checksum, the protocol's minor version and size limits, and the
/// report period the board starts with. A consistency test keeps these equal to the firmware's
/// <c>LinkProtocol</c> and <c>FirmwareSettings</c>.
/// </summary>
/// <param name="DataBits">Data bits per character (8).</param>
/// <param name="Parity">The parity bit.</param>
/// <param name="StopBits">Stop bits per character (1 or 2).</param>
/// <param name="FlowControl">Handshaking.</param>
/// <param name="Framing">How frames are delimited: <see cref="Cobs"/>.</param>
/// <param name="Checksum">The checksum at the end of every frame: <see cref="Crc32"/>.</param>
/// <param name="MinorVersion">The protocol's minor version (sent in the hello); the major is <see cref="DataLinkSettings.FrameFormatVersion"/>.</param>
/// <param name="MaxPayloadBytes">The largest payload of any frame.</param>
/// <param name="MaxFrameBytes">The largest decoded frame: header, payload and checksum.</param>
/// <param name="DefaultReportPeriodMs">The time between counter reports until a command changes it.</param>
public sealed record DataLinkProtocol(
    int DataBits,
    LinkParity Parity,
    int StopBits,
    LinkFlowControl FlowControl,
    string Framing,
    string Checksum,
    int MinorVersion,
    int MaxPayloadBytes,
    int MaxFrameBytes,
    int DefaultReportPeriodMs)
{
    /// <summary>The <see cref="Framing"/> value for Consistent Overhead Byte Stuffing, each frame ended by 0x00.</summary>
    public const string Cobs = "cobs";

    /// <summary>The <see cref="Checksum"/> value for CRC-32 (IEEE 802.3 / zlib), little-endian after the payload.</summary>
    public const string Crc32 = "crc32";
}

/// <summary>The parity setting of a serial link; the values equal System.IO.Ports.Parity's.</summary>
public enum LinkParity
{
    /// <summary>No parity bit ("none" in the manifest).</summary>
    None = 0,

    /// <summary>Odd parity ("odd").</summary>
    Odd = 1,

    /// <summary>Even parity ("even").</summary>
    Even = 2,
}

/// <summary>The handshaking of a serial link; the values equal System.IO.Ports.Handshake's.</summary>
public enum LinkFlowControl
{
    /// <summary>No handshaking ("none" in the manifest).</summary>
    None = 0,

    /// <summary>Software handshaking ("xonxoff").</summary>
    XonXoff = 1,

    /// <summary>Hardware handshaking on RTS/CTS ("rtscts").</summary>
    RtsCts = 2,
}
