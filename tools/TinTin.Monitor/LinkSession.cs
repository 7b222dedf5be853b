// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Threading;
using System.Threading.Tasks;
using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>Where and when a frame arrived.</summary>
/// <param name="Sequence">The board's sequence number.</param>
/// <param name="TimestampUs">The board's clock, µs.</param>
/// <param name="HostUtc">When the host decoded it.</param>
public readonly record struct FrameInfo(int Sequence, long TimestampUs, DateTime HostUtc);

/// <summary>How a command ended.</summary>
public enum CommandOutcome
{
    /// <summary>The board acked it.</summary>
    Acked,

    /// <summary>The board refused it (see <see cref="CommandResult.Reason"/>).</summary>
    Nakked,

    /// <summary>No answer in time.</summary>
    TimedOut,

    /// <summary>The port was not open (lost, reconnecting).</summary>
    NotConnected,
}

/// <summary>The board's answer to a command.</summary>
/// <param name="Outcome">Acked, nakked, timed out or not sent.</param>
/// <param name="Reason">The nak reason, <see cref="NakReason.None"/> otherwise.</param>
/// <param name="Text">The nak's text, if any.</param>
public sealed record CommandResult(CommandOutcome Outcome, NakReason Reason = NakReason.None, string? Text = null);

/// <summary>
/// One serial port to the board: a reader thread decodes its frames (docs/protocol.md) and raises an event per
/// message; commands are sent with a fresh sequence number and matched to their ack or nak. When the port vanishes
/// (a read fails, or the device path disappears: board reset, cable pulled) the session reports it, closes the port,
/// and reopens the same path with a growing delay until it is back. Events run on the reader thread.
/// </summary>
public sealed class LinkSession : IDisposable
{
    private readonly object _writeLock = new();
    private readonly FrameEncoder _encoder = new();
    private readonly FrameDecoder _decoder = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<CommandResult>> _pending = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private SerialPort? _port;
    private Thread? _reader;

    /// <summary>Creates a session; nothing is opened until <see cref="Start"/>.</summary>
    /// <param name="portPath">The serial device (e.g. /dev/ttyUSB0, COM3, or a symlink to one).</param>
    /// <param name="baudRate">The line speed (the protocol's is 921600); 8N1, no flow control.</param>
    public LinkSession(string portPath, int baudRate = LinkProtocol.BaudRate)
        : this(portPath, SerialLine.Protocol with { BaudRate = baudRate })
    {
    }

    /// <summary>Creates a session on a line of given settings (e.g. the manifest's <c>dataLink</c>).</summary>
    /// <param name="portPath">The serial device.</param>
    /// <param name="line">The line's settings.</param>
    public LinkSession(string portPath, SerialLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        PortPath = portPath;
        Line = line;
    }

    /// <summary>Raised for every accepted frame, before the message's own event (the sequence tracker's feed).</summary>
    public event Action<FrameInfo, MessageType>? FrameAccepted;

    /// <summary>Raised for a hello.</summary>
    public event Action<FrameInfo, HelloMessage>? Hello;

    /// <summary>Raised for a counters frame.</summary>
    public event Action<FrameInfo, CountersMessage>? Counters;

    /// <summary>Raised for an event frame.</summary>
    public event Action<FrameInfo, EventMessage>? Event;

    /// <summary>Raised for a log frame.</summary>
    public event Action<FrameInfo, LogMessage>? Log;

    /// <summary>Raised for a prediction.</summary>
    public event Action<FrameInfo, PredictionMessage>? Prediction;

    /// <summary>Raised for an ack (before the waiting command, if any, is released).</summary>
    public event Action<FrameInfo, AckMessage>? Ack;

    /// <summary>Raised for a nak (before the waiting command, if any, is released).</summary>
    public event Action<FrameInfo, NakMessage>? Nak;

    /// <summary>Raised for a model chunk; its <see cref="ModelChunkMessage.Data"/> is a copy the handler may keep.</summary>
    public event Action<FrameInfo, ModelChunkMessage>? ModelChunk;

    /// <summary>Raised when a frame's payload does not parse, with the message type and the reason.</summary>
    public event Action<FrameInfo, MessageType, NakReason>? BadPayload;

    /// <summary>Raised when the port vanishes, with what was seen.</summary>
    public event Action<string>? PortLost;

    /// <summary>Raised when the port is open again after a loss.</summary>
    public event Action? PortBack;

    /// <summary>Gets the serial device.</summary>
    public string PortPath { get; }

    /// <summary>Gets the line speed.</summary>
    public int BaudRate => Line.BaudRate;

    /// <summary>Gets the line's settings.</summary>
    public SerialLine Line { get; }

    /// <summary>Gets or sets the first delay before reopening a lost port; it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan MinReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the longest delay between reopening attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets the decoder's counts (accepted, rejected by reason, resync misses, frames lost).</summary>
    public LinkStats Stats => _decoder.Stats;

    /// <summary>Gets whether the port is open now.</summary>
    public bool IsConnected => Volatile.Read(ref _port) is not null;

    /// <summary>Gets how many times the port came back after a loss.</summary>
    public int Reconnects { get; private set; }

    /// <summary>Gets the exception that stopped the reader thread (a failing event handler), if any.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Opens the port and starts the reader thread.</summary>
    /// <exception cref="IOException">The port cannot be opened (also <see cref="UnauthorizedAccessException"/>).</exception>
    public void Start()
    {
        Volatile.Write(ref _port, OpenPort());
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "tintin link reader" };
        _reader.Start();
    }

    /// <summary>Sends a command and waits for the board's ack or nak.</summary>
    /// <param name="command">The command.</param>
    /// <param name="timeout">How long to wait for the answer.</param>
    /// <returns>The outcome.</returns>
    public CommandResult Send(CommandMessage command, TimeSpan timeout)
    {
        var answer = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        int sequence;
        lock (_writeLock)
        {
            SerialPort? port = Volatile.Read(ref _port);
            if (port is null)
            {
                return new CommandResult(CommandOutcome.NotConnected);
            }

            sequence = _encoder.NextSequence;
            _pending[sequence] = answer;
            int length = command.Write(_encoder.Payload, 0);
            length = _encoder.Encode(MessageType.Command, _clock.Elapsed.Ticks / 10, _encoder.Payload, 0, length);
            try
            {
                // A leading 0x00 ends whatever partial frame the board's decoder holds (protocol section 2.2).
                port.Write([0], 0, 1);
                port.Write(_encoder.Output, 0, length);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or TimeoutException)
            {
                _pending.TryRemove(sequence, out _);
                return new CommandResult(CommandOutcome.NotConnected, NakReason.None, ex.Message);
            }
        }

        bool answered = answer.Task.Wait(timeout);
        _pending.TryRemove(sequence, out _);
        return answered ? answer.Task.Result : new CommandResult(CommandOutcome.TimedOut);
    }

    /// <summary>Stops the reader thread and closes the port.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _reader?.Join(TimeSpan.FromSeconds(2));
        ClosePort();
        _stop.Dispose();
    }

    private SerialPort OpenPort()
    {
        return Line.Open(PortPath);
    }

    private void ClosePort()
    {
        SerialPort? port = Interlocked.Exchange(ref _port, null);
        if (port is null)
        {
            return;
        }

        try
        {
            port.Dispose();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // The device is already gone; there is nothing left to close cleanly.
        }
    }

    // A vanished device path is the reliable sign on Linux and macOS: a dead port may just time out forever.
    private bool DeviceMissing() => PortPath.StartsWith('/') && !File.Exists(PortPath);

    private void ReadLoop()
    {
        var buffer = new byte[4096];
        long lastCheck = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                SerialPort? port = Volatile.Read(ref _port);
                if (port is null)
                {
                    Reconnect();
                    continue;
                }

                string? lost = null;
                try
                {
                    int read = port.Read(buffer, 0, buffer.Length);
                    if (read > 0)
                    {
                        Process(buffer, read);
                    }
                }
                catch (TimeoutException)
                {
                    // Quiet line: fall through to the device check.
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
                {
                    lost = ex.Message;
                }

                long now = _clock.ElapsedMilliseconds;
                if (lost is null && now - lastCheck >= 200)
                {
                    lastCheck = now;
                    if (DeviceMissing())
                    {
                        lost = $"{PortPath} is gone";
                    }
                }

                if (lost is not null && !_stop.IsCancellationRequested)
                {
                    ClosePort();
                    _decoder.Reset();
                    PortLost?.Invoke(lost);
                }
            }
        }
        catch (Exception ex)
        {
            // A handler failed: stop reading and let the owner see why.
            Fault = ex;
        }
    }

    private void Reconnect()
    {
        TimeSpan delay = MinReconnectDelay;
        while (!_stop.IsCancellationRequested)
        {
            if (_stop.Token.WaitHandle.WaitOne(delay))
            {
                return;
            }

            if (!DeviceMissing())
            {
                try
                {
                    Volatile.Write(ref _port, OpenPort());
                    Reconnects++;
                    PortBack?.Invoke();
                    return;
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
                {
                    // Not back yet (or still settling): try again later.
                }
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
        }
    }

    private void Process(byte[] data, int count)
    {
        for (int i = 0; i < count;)
        {
            i += _decoder.Feed(data, i, count - i);
            if (_decoder.HasFrame)
            {
                Dispatch();
            }
        }
    }

    private void Dispatch()
    {
        var info = new FrameInfo(_decoder.Sequence, _decoder.TimestampUs, DateTime.UtcNow);
        MessageType type = _decoder.Type;
        byte[] b = _decoder.Buffer;
        int offset = _decoder.PayloadOffset;
        int length = _decoder.PayloadLength;
        FrameAccepted?.Invoke(info, type);
        NakReason reason;
        switch (type)
        {
            case MessageType.Hello:
                var hello = new HelloMessage();
                if ((reason = hello.Read(b, offset, length)) == NakReason.None)
                {
                    Hello?.Invoke(info, hello);
                }

                break;
            case MessageType.Counters:
                var counters = new CountersMessage();
                if ((reason = counters.Read(b, offset, length)) == NakReason.None)
                {
                    Counters?.Invoke(info, counters);
                }

                break;
            case MessageType.Event:
                var message = new EventMessage();
                if ((reason = message.Read(b, offset, length)) == NakReason.None)
                {
                    Event?.Invoke(info, message);
                }

                break;
            case MessageType.Log:
                var log = new LogMessage();
                if ((reason = log.Read(b, offset, length)) == NakReason.None)
                {
                    Log?.Invoke(info, log);
                }

                break;
            case MessageType.Prediction:
                var prediction = new PredictionMessage();
                if ((reason = prediction.Read(b, offset, length)) == NakReason.None)
                {
                    Prediction?.Invoke(info, prediction);
                }

                break;
            case MessageType.Ack:
                var ack = new AckMessage();
                if ((reason = ack.Read(b, offset, length)) == NakReason.None)
                {
                    // The event first: a waiting sender then sees everything its handlers recorded for this answer.
                    Ack?.Invoke(info, ack);
                    Answer(ack.AnsweredSequence, ack.AnsweredType, new CommandResult(CommandOutcome.Acked));
                }

                break;
            case MessageType.Nak:
                var nak = new NakMessage();
                if ((reason = nak.Read(b, offset, length)) == NakReason.None)
                {
                    Nak?.Invoke(info, nak);
                    Answer(nak.AnsweredSequence, nak.AnsweredType, new CommandResult(CommandOutcome.Nakked, nak.Reason, nak.Text));
                }

                break;
            case MessageType.ModelChunk:
                var chunk = new ModelChunkMessage();
                if ((reason = chunk.Read(b, offset, length)) == NakReason.None)
                {
                    // The decoder's buffer is reused by the next frame: hand out a copy.
                    var copy = new byte[chunk.DataLength];
                    Array.Copy(chunk.Data, chunk.DataOffset, copy, 0, copy.Length);
                    chunk.Data = copy;
                    chunk.DataOffset = 0;
                    ModelChunk?.Invoke(info, chunk);
                }

                break;
            default:
                // Commands and samples from the board are not for this tool.
                reason = NakReason.None;
                break;
        }

        if (reason != NakReason.None)
        {
            BadPayload?.Invoke(info, type, reason);
        }
    }

    private void Answer(int sequence, MessageType answeredType, CommandResult result)
    {
        if (answeredType == MessageType.Command && _pending.TryRemove(sequence, out TaskCompletionSource<CommandResult>? waiting))
        {
            waiting.TrySetResult(result);
        }
    }
}
