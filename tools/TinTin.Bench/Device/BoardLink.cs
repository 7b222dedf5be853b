// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Threading;
using TinTin.Firmware.Core.Link;

namespace TinTin.Bench.Device;

/// <summary>One frame from the board, with its payload copied out of the decoder.</summary>
/// <param name="Type">The message type.</param>
/// <param name="Sequence">The board's sequence number.</param>
/// <param name="TimestampUs">The board's clock, µs.</param>
/// <param name="Payload">The payload.</param>
public sealed record BoardFrame(MessageType Type, int Sequence, long TimestampUs, byte[] Payload);

/// <summary>
/// The device bench's serial link: a reader thread decodes the board's frames into a queue the bench takes them from in
/// order, and any frame type (commands, samples, model chunks) can be sent. Unlike the monitor's LinkSession it does not
/// reconnect: a benchmark whose board resets mid-run is void, so a lost port ends the run with the reason.
/// </summary>
/// <remarks>
/// Why not LinkSession: it sends only commands, and the port cannot be opened twice (System.IO.Ports sets TIOCEXCL).
/// </remarks>
public sealed class BoardLink : IDisposable
{
    private readonly object _writeLock = new();
    private readonly FrameEncoder _encoder = new();
    private readonly FrameDecoder _decoder = new();
    private readonly BlockingCollection<BoardFrame> _frames = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SerialPort _port;
    private readonly Thread _reader;

    /// <summary>Opens the port and starts reading.</summary>
    /// <param name="portPath">The serial device (e.g. /dev/ttyUSB0, COM3, or the simulator's pseudo-terminal).</param>
    /// <param name="baudRate">The line speed (the protocol's is 921600).</param>
    /// <exception cref="IOException">The port cannot be opened (also <see cref="UnauthorizedAccessException"/>).</exception>
    public BoardLink(string portPath, int baudRate = LinkProtocol.BaudRate)
    {
        _port = new SerialPort(portPath, baudRate, Parity.None, 8, StopBits.One) { Handshake = Handshake.None, ReadTimeout = 100, WriteTimeout = 5000 };
        _port.Open();
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "device bench link reader" };
        _reader.Start();
    }

    /// <summary>Gets the decoder's counts (accepted, rejected, lost by sequence number).</summary>
    public LinkStats Stats => _decoder.Stats;

    /// <summary>Gets why the reader stopped (the port failed), or null while it runs.</summary>
    public string? Failure { get; private set; }

    /// <summary>Sends one frame.</summary>
    /// <param name="type">The message type.</param>
    /// <param name="payload">The payload bytes.</param>
    /// <param name="length">The payload length.</param>
    /// <returns>The frame's sequence number (answers refer to it).</returns>
    public int Send(MessageType type, byte[] payload, int length)
    {
        lock (_writeLock)
        {
            int sequence = _encoder.NextSequence;
            int encoded = _encoder.Encode(type, _clock.Elapsed.Ticks / 10, payload, 0, length);
            _port.Write(_encoder.Output, 0, encoded);
            return sequence;
        }
    }

    /// <summary>Takes the next frame from the board.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The frame, or null when none arrived in time.</returns>
    /// <exception cref="IOException">The port failed.</exception>
    public BoardFrame? Next(TimeSpan timeout)
    {
        if (_frames.TryTake(out BoardFrame? frame, timeout))
        {
            return frame;
        }

        return Failure is null ? null : throw new IOException(Failure);
    }

    /// <summary>Stops the reader and closes the port.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _reader.Join(TimeSpan.FromSeconds(2));
        _port.Dispose();
        _stop.Dispose();
    }

    private void ReadLoop()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            int read;
            try
            {
                read = _port.Read(buffer, 0, buffer.Length);
            }
            catch (TimeoutException)
            {
                continue;
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                if (!_stop.IsCancellationRequested)
                {
                    Failure = $"the port failed: {ex.Message}";
                }

                return;
            }

            for (int i = 0; i < read;)
            {
                i += _decoder.Feed(buffer, i, read - i);
                if (_decoder.HasFrame)
                {
                    _frames.Add(new BoardFrame(_decoder.Type, _decoder.Sequence, _decoder.TimestampUs,
                        _decoder.Buffer.AsSpan(_decoder.PayloadOffset, _decoder.PayloadLength).ToArray()));
                }
            }
        }
    }
}
