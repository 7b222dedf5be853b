// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using TinTin.Firmware.Core.Link;

namespace TinTin.Bench.Device;

/// <summary>
/// The device bench's side of the protocol (docs/protocol.md) over a <see cref="BoardLink"/>: commands answered by
/// ack or nak, a model sent (LoadModel, chunks each acked) and fetched (SendModel), windows streamed as Samples frames
/// and answered by predictions carrying their window sequence, and the board's latest counters. Single-threaded: every
/// wait takes the board's frames in order and files each one.
/// </summary>
public sealed class DeviceConversation
{
    /// <summary>The window sequence numbers the host uses start here, far above any the board's own sensor reaches.</summary>
    public const long HostWindowBase = 0x80000000L;

    private readonly BoardLink _link;
    private readonly TimeSpan _patience;
    private readonly byte[] _payload = new byte[LinkProtocol.MaxPayloadLength];
    private readonly SamplesMessage _samples = new();
    private readonly Dictionary<long, PredictionMessage> _predictions = [];
    private readonly Dictionary<int, string?> _answers = [];
    private readonly List<EventMessage> _events = [];
    private ModelAssembler? _download;

    /// <summary>Creates the conversation.</summary>
    /// <param name="link">The open link.</param>
    /// <param name="patience">How long to wait for any one answer.</param>
    public DeviceConversation(BoardLink link, TimeSpan patience)
    {
        _link = link ?? throw new ArgumentNullException(nameof(link));
        _patience = patience;
    }

    /// <summary>Gets the latest counters frame, or null before the first.</summary>
    public CountersMessage? LastCounters { get; private set; }

    /// <summary>Gets the board's clock when <see cref="LastCounters"/> was sent, µs.</summary>
    public long LastCountersUs { get; private set; } = -1;

    /// <summary>Gets the board's clock at the last prediction for a host window, µs.</summary>
    public long LastPredictionUs { get; private set; } = -1;

    /// <summary>Sends a command and waits for its ack.</summary>
    /// <param name="code">The command.</param>
    /// <param name="argument">Its argument.</param>
    /// <exception cref="DeviceBenchException">The board nakked it or did not answer.</exception>
    public void Command(CommandCode code, long argument = 0)
    {
        int length = new CommandMessage { Code = code, Argument = argument }.Write(_payload, 0);
        int sequence = _link.Send(MessageType.Command, _payload, length);
        AwaitAnswer(sequence, $"command {code}");
    }

    /// <summary>Loads a model file into the board (LoadModel, then chunks) and waits for its verdict.</summary>
    /// <param name="file">The model file.</param>
    /// <exception cref="DeviceBenchException">The board refused the transfer or the model (e.g. another architecture).</exception>
    public void LoadModel(byte[] file)
    {
        int seen = _events.Count;
        Command(CommandCode.LoadModel, file.Length);
        var chunk = new ModelChunkMessage { TotalLength = file.Length, Data = file };
        for (int offset = 0; offset < file.Length; offset += ModelChunkMessage.MaxDataLength)
        {
            chunk.Offset = offset;
            chunk.DataOffset = offset;
            chunk.DataLength = Math.Min(ModelChunkMessage.MaxDataLength, file.Length - offset);
            int sequence = _link.Send(MessageType.ModelChunk, _payload, chunk.Write(_payload, 0));
            AwaitAnswer(sequence, $"model chunk at offset {offset}");
        }

        EventMessage verdict = AwaitEvent(seen, e => e.Code is (int)EventCode.ModelLoaded or (int)EventCode.ModelRejected, "the board's verdict on the model");
        if (verdict.Code == (int)EventCode.ModelRejected)
        {
            throw new DeviceBenchException($"the board rejected the model: {verdict.Text} (the board trains the model its firmware settings build: give that --model)");
        }
    }

    /// <summary>Fetches the board's model file (SendModel).</summary>
    /// <returns>The file.</returns>
    /// <exception cref="DeviceBenchException">No complete file arrived.</exception>
    public byte[] FetchModel()
    {
        _download = null;
        Command(CommandCode.SendModel);
        Pump(() => _download is { IsComplete: true }, "the board's model file");
        byte[] file = _download!.Target;
        _download = null;
        return file;
    }

    /// <summary>Streams one window as Samples frames (the board assembles it, then trains on it or predicts).</summary>
    /// <param name="index">The host's window number (0 up); its sequence on the link is <see cref="HostWindowBase"/> + index.</param>
    /// <param name="samples">The window's counts (int16 range).</param>
    /// <param name="label">Its class, or -1 to have it predicted only.</param>
    public void SendWindow(long index, int[] samples, int label)
    {
        _samples.WindowSequence = HostWindowBase + index;
        _samples.WindowLength = samples.Length;
        _samples.Label = label;
        for (int offset = 0; offset < samples.Length; offset += SamplesMessage.MaxSamples)
        {
            int count = Math.Min(SamplesMessage.MaxSamples, samples.Length - offset);
            _samples.SampleOffset = offset;
            for (int i = 0; i < count; i++)
            {
                _samples.Samples[i] = checked((short)samples[offset + i]);
            }

            _samples.SampleCount = count;
            _link.Send(MessageType.Samples, _payload, _samples.Write(_payload, 0));
        }
    }

    /// <summary>Waits for the prediction of a streamed window.</summary>
    /// <param name="index">The host's window number.</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="DeviceBenchException">None arrived in time, or the board nakked a samples frame.</exception>
    public PredictionMessage AwaitPrediction(long index)
    {
        long sequence = HostWindowBase + index;
        Pump(() => _predictions.ContainsKey(sequence), $"the prediction of window {index}");
        PredictionMessage prediction = _predictions[sequence];
        _predictions.Remove(sequence);
        return prediction;
    }

    /// <summary>Waits for a counters frame the board sent after the last prediction (so it counts every step).</summary>
    /// <returns>The counters.</returns>
    public CountersMessage AwaitCountersAfterLastPrediction()
    {
        long after = LastPredictionUs;
        Pump(() => LastCountersUs > after, "a counters frame after the last window");
        return LastCounters!;
    }

    private void AwaitAnswer(int sequence, string what)
    {
        Pump(() => _answers.ContainsKey(sequence), $"the answer to {what}");
        string? nak = _answers[sequence];
        _answers.Remove(sequence);
        if (nak is not null)
        {
            throw new DeviceBenchException($"the board refused {what}: {nak}");
        }
    }

    private EventMessage AwaitEvent(int from, Func<EventMessage, bool> match, string what)
    {
        EventMessage? found = null;
        Pump(() => (found = _events.Skip(from).FirstOrDefault(match)) is not null, what);
        return found!;
    }

    private void Pump(Func<bool> done, string what)
    {
        DateTime deadline = DateTime.UtcNow + _patience;
        while (!done())
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            BoardFrame? frame = left > TimeSpan.Zero ? _link.Next(left) : null;
            if (frame is null)
            {
                throw new DeviceBenchException($"no answer from the board within {_patience.TotalSeconds:0} s: waiting for {what}");
            }

            File(frame);
        }
    }

    private void File(BoardFrame frame)
    {
        byte[] p = frame.Payload;
        switch (frame.Type)
        {
            case MessageType.Prediction:
                var prediction = new PredictionMessage();
                if (prediction.Read(p, 0, p.Length) == NakReason.None && prediction.WindowSequence >= HostWindowBase)
                {
                    // Predictions of the board's own sensor windows (numbered from 0) are not the bench's.
                    _predictions[prediction.WindowSequence] = prediction;
                    LastPredictionUs = frame.TimestampUs;
                }

                break;
            case MessageType.Counters:
                var counters = new CountersMessage();
                if (counters.Read(p, 0, p.Length) == NakReason.None)
                {
                    LastCounters = counters;
                    LastCountersUs = frame.TimestampUs;
                }

                break;
            case MessageType.Event:
                var message = new EventMessage();
                if (message.Read(p, 0, p.Length) == NakReason.None)
                {
                    _events.Add(message);
                }

                break;
            case MessageType.Ack:
                var ack = new AckMessage();
                if (ack.Read(p, 0, p.Length) == NakReason.None)
                {
                    _answers[ack.AnsweredSequence] = null;
                }

                break;
            case MessageType.Nak:
                var nak = new NakMessage();
                if (nak.Read(p, 0, p.Length) == NakReason.None)
                {
                    if (nak.AnsweredType == MessageType.Samples)
                    {
                        throw new DeviceBenchException($"the board refused a samples frame: {nak.Reason} ({nak.Text})");
                    }

                    _answers[nak.AnsweredSequence] = $"{nak.Reason} ({nak.Text})";
                }

                break;
            case MessageType.ModelChunk:
                var chunk = new ModelChunkMessage();
                if (chunk.Read(p, 0, p.Length) == NakReason.None)
                {
                    if (_download is null || chunk.Offset == 0)
                    {
                        _download = new ModelAssembler(new byte[chunk.TotalLength]);
                        _download.Begin(chunk.TotalLength);
                    }

                    NakReason reason = _download.Accept(chunk);
                    if (reason != NakReason.None)
                    {
                        throw new DeviceBenchException($"the model file from the board lost a chunk (offset {chunk.Offset}: {reason})");
                    }
                }

                break;
        }
    }
}
