// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>
/// The live view's model: follows a session's messages (on its reader thread) and hands out consistent
/// <see cref="MonitorSnapshot"/>s (to the drawing thread). Every counters frame is also added to the history.
/// </summary>
public sealed class MonitorState
{
    private readonly object _lock = new();
    private readonly LinkSession _session;
    private readonly SequenceTracker _sequence = new();
    private HelloMessage? _hello;
    private CountersMessage? _counters;
    private FrameInfo? _countersFrame;
    private PredictionMessage? _prediction;
    private DeviceMode? _mode;
    private int? _label;
    private long _countersFrames;
    private string? _lastEvent;
    private string? _lastLog;
    private string? _lostReason;
    private string? _commandStatus;

    /// <summary>Wires the state to a session (before <see cref="LinkSession.Start"/>, so nothing is missed).</summary>
    /// <param name="session">The link.</param>
    /// <param name="history">Receives every counters frame.</param>
    public MonitorState(LinkSession session, CounterHistory history)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        History = history ?? throw new ArgumentNullException(nameof(history));
        session.FrameAccepted += OnFrame;
        session.Hello += (info, hello) => Update(() => _hello = hello);
        session.Counters += OnCounters;
        session.Prediction += (info, prediction) => Update(() => _prediction = prediction);
        session.Event += OnEvent;
        session.Log += (info, log) => Update(() => _lastLog = $"{log.Level.ToString().ToLowerInvariant()} {log.Text}");
        session.PortLost += reason => Update(() => _lostReason = reason);
        session.PortBack += () => Update(() => _lostReason = null);
    }

    /// <summary>Gets the history the counters go to.</summary>
    public CounterHistory History { get; }

    /// <summary>Shows what the last key did.</summary>
    /// <param name="text">One short line.</param>
    public void SetCommandStatus(string text) => Update(() => _commandStatus = text);

    /// <summary>Takes a consistent copy of everything shown.</summary>
    /// <returns>The snapshot.</returns>
    public MonitorSnapshot Snapshot()
    {
        CounterPoint[] recent = History.Recent();
        LinkStats stats = _session.Stats;
        lock (_lock)
        {
            return new MonitorSnapshot
            {
                PortPath = _session.PortPath,
                Connected = _session.IsConnected,
                LostReason = _lostReason,
                Reconnects = _session.Reconnects,
                Hello = _hello,
                Counters = _counters,
                CountersFrame = _countersFrame,
                Mode = _mode,
                Label = _label,
                Prediction = _prediction,
                FramesAccepted = stats.Accepted,
                FramesRejected = stats.Rejected,
                FramesLost = _sequence.FramesLost,
                Gaps = _sequence.Gaps,
                CountersFrames = _countersFrames,
                LastEvent = _lastEvent,
                LastLog = _lastLog,
                CommandStatus = _commandStatus,
                Recent = recent,
            };
        }
    }

    private void Update(Action change)
    {
        lock (_lock)
        {
            change();
        }
    }

    private void OnFrame(FrameInfo info, MessageType type) => Update(() => _sequence.Observe(info.Sequence, type == MessageType.Hello));

    private void OnCounters(FrameInfo info, CountersMessage counters)
    {
        // Each frame is a new message object, so keeping the reference is safe.
        History.Add(info.TimestampUs, counters);
        lock (_lock)
        {
            _counters = counters;
            _countersFrame = info;
            _countersFrames++;
            if (counters.TryGetValue(CounterId.Mode, out long mode))
            {
                _mode = (DeviceMode)mode;
            }

            if (counters.TryGetValue(CounterId.Label, out long label))
            {
                _label = (int)label;
            }
        }
    }

    private void OnEvent(FrameInfo info, EventMessage message)
    {
        string text = PlainLines.EventText(message);
        lock (_lock)
        {
            _lastEvent = text;
            if (message.Code == (int)EventCode.ModeChanged)
            {
                _mode = (DeviceMode)message.Value;
            }
            else if (message.Code == (int)EventCode.LabelChanged)
            {
                _label = (int)message.Value;
            }
        }
    }
}
