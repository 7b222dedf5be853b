// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO.Ports;
using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>The serial line's settings: speed, character format and flow control.</summary>
/// <param name="BaudRate">Bits per second.</param>
/// <param name="DataBits">Data bits per character.</param>
/// <param name="Parity">The parity bit.</param>
/// <param name="StopBits">The stop bits.</param>
/// <param name="Handshake">The flow control.</param>
public sealed record SerialLine(int BaudRate, int DataBits, Parity Parity, StopBits StopBits, Handshake Handshake)
{
    /// <summary>Gets the protocol's line (docs/protocol.md §1): 921600 baud, 8N1, no flow control.</summary>
    public static SerialLine Protocol { get; } = new(LinkProtocol.BaudRate, 8, Parity.None, StopBits.One, Handshake.None);

    /// <summary>Opens a port on this line.</summary>
    /// <param name="path">The device.</param>
    /// <returns>The open port, with short read and write timeouts so a vanished device is noticed.</returns>
    public SerialPort Open(string path)
    {
        var port = new SerialPort(path, BaudRate, Parity, DataBits, StopBits)
        {
            Handshake = Handshake,
            ReadTimeout = 100,
            WriteTimeout = 1000,
        };
        port.Open();
        return port;
    }

    /// <summary>As the terminal programs write it, e.g. "921600 8N1".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{BaudRate} {DataBits}{Parity.ToString()[0]}{(StopBits == StopBits.OnePointFive ? "1.5" : ((int)StopBits).ToString(System.Globalization.CultureInfo.InvariantCulture))}" +
        (Handshake == Handshake.None ? string.Empty : $" {Handshake}");
}
