// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO.Ports;
using TinTin.Pty;

namespace TinTin.Link.Tests;

/// <summary>The pseudo-terminal passes every byte value unchanged both ways, to a real serial-port object.</summary>
public class PseudoTerminalTests
{
    [Fact]
    public void Every_byte_value_crosses_both_ways_unchanged()
    {
        using var pty = PseudoTerminal.Open();
        using var port = new SerialPort(pty.SlavePath, 921600) { ReadTimeout = 5000 };
        port.Open();
        var data = new byte[256];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)i;
        }

        pty.Master.Write(data, 0, data.Length);
        var received = new byte[256];
        for (int n = 0; n < received.Length;)
        {
            n += port.Read(received, n, received.Length - n);
        }

        Assert.Equal(data, received);
        port.Write(data, 0, data.Length);
        var back = new byte[256];
        for (int n = 0; n < back.Length;)
        {
            n += pty.Master.Read(back, n, back.Length - n);
        }

        Assert.Equal(data, back);
    }
}
