// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using TinTin.Firmware.Core.Link;
using TinTin.Pty;

namespace TinTin.Link.Tests;

/// <summary>
/// The board side of a pseudo-terminal for the monitor tests: writes real frames to the master end and, when asked,
/// answers the commands it reads there (ack, or a nak for label 200; SendModel sends a model file in chunks).
/// </summary>
internal sealed class MonitorFakeBoard : IDisposable
{
    private readonly FrameEncoder _encoder = new();
    private Thread? _responder;
    private volatile bool _stopped;

    public MonitorFakeBoard(PseudoTerminal pty) => Pty = pty;

    public PseudoTerminal Pty { get; set; }

    public FrameEncoder Encoder => _encoder;

    /// <summary>The commands received, in order.</summary>
    public ConcurrentQueue<CommandMessage> Commands { get; } = new();

    /// <summary>The model file sent on SendModel.</summary>
    public byte[]? Model { get; set; }

    /// <summary>When set, SendModel leaves out the chunk at this index the first time (the host must ask again).</summary>
    public int DropChunkOnce { get; set; } = -1;

    /// <summary>Commands with this code get no answer.</summary>
    public CommandCode Ignore { get; set; } = CommandCode.None;

    /// <summary>Encodes a counters frame (the encoder's next sequence number) without writing it.</summary>
    public byte[] CountersFrame(long timestampUs, params (CounterId Id, long Value)[] values)
    {
        var counters = new CountersMessage();
        foreach ((CounterId id, long value) in values)
        {
            counters.Set(id, value);
        }

        int n = counters.Write(_encoder.Payload, 0);
        int length = _encoder.Encode(MessageType.Counters, timestampUs, _encoder.Payload, 0, n);
        return _encoder.Output.AsSpan(0, length).ToArray();
    }

    public void SendCounters(long timestampUs, params (CounterId Id, long Value)[] values) => Write(CountersFrame(timestampUs, values));

    public void SendHello(long timestampUs)
    {
        var hello = new HelloMessage { FirmwareMinor = 1, ModelHash = 0xCBF43926, PlannedBytes = 40960, TargetName = "FAKE_BOARD" };
        Send(MessageType.Hello, timestampUs, hello.Write(_encoder.Payload, 0));
    }

    public void Write(byte[] bytes)
    {
        Pty.Master.Write(bytes, 0, bytes.Length);
        Pty.Master.Flush();
    }

    /// <summary>Starts answering commands; the thread ends when the port's side closes.</summary>
    public void StartResponder()
    {
        _responder = new Thread(Respond) { IsBackground = true };
        _responder.Start();
    }

    public void Dispose()
    {
        _stopped = true;
        _responder?.Join(1000);
        Pty.Dispose();
    }

    private void Send(MessageType type, long timestampUs, int payloadLength)
    {
        int length = _encoder.Encode(type, timestampUs, _encoder.Payload, 0, payloadLength);
        lock (_encoder)
        {
            Pty.Master.Write(_encoder.Output, 0, length);
        }
    }

    private void Respond()
    {
        var decoder = new FrameDecoder();
        var buffer = new byte[1024];
        bool dropped = false;
        try
        {
            while (!_stopped)
            {
                int read;
                try
                {
                    read = Pty.Master.Read(buffer, 0, buffer.Length);
                }
                catch (IOException)
                {
                    // EIO while no one has the port open (between two `tintin send` runs): wait for the next one.
                    Thread.Sleep(10);
                    continue;
                }

                for (int i = 0; i < read;)
                {
                    i += decoder.Feed(buffer, i, read - i);
                    if (!decoder.HasFrame || decoder.Type != MessageType.Command)
                    {
                        continue;
                    }

                    var command = new CommandMessage();
                    Assert.Equal(NakReason.None, command.Read(decoder.Buffer, decoder.PayloadOffset, decoder.PayloadLength));
                    Commands.Enqueue(command);
                    if (command.Code == Ignore)
                    {
                        continue;
                    }

                    if (command.Code == CommandCode.SetLabel && command.Argument == 200)
                    {
                        var nak = new NakMessage { AnsweredSequence = decoder.Sequence, Command = command.Code, Reason = NakReason.OutOfRange, Text = "label 200 >= 6 classes" };
                        Send(MessageType.Nak, 1000, nak.Write(_encoder.Payload, 0));
                        continue;
                    }

                    var ack = new AckMessage { AnsweredSequence = decoder.Sequence, Command = command.Code };
                    Send(MessageType.Ack, 1000, ack.Write(_encoder.Payload, 0));
                    if (command.Code == CommandCode.SendModel && Model is not null)
                    {
                        for (int offset = 0, index = 0; offset < Model.Length; offset += 100, index++)
                        {
                            var chunk = new ModelChunkMessage { TotalLength = Model.Length, Offset = offset, Data = Model, DataOffset = offset, DataLength = Math.Min(100, Model.Length - offset) };
                            if (index == DropChunkOnce && !dropped)
                            {
                                dropped = true;
                                continue;
                            }

                            Send(MessageType.ModelChunk, 2000 + offset, chunk.Write(_encoder.Payload, 0));
                        }
                    }
                }
            }
        }
        catch (Exception)
        {
            // The port side closed (EIO on the master) or the pty was disposed: the board is gone.
        }
    }
}
