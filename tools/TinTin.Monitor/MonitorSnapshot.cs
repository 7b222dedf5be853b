// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>Everything the live view shows, taken at one moment (<see cref="MonitorState.Snapshot"/>).</summary>
public sealed record MonitorSnapshot
{
    /// <summary>Gets the serial device.</summary>
    public string PortPath { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether the port is open now.</summary>
    public bool Connected { get; init; }

    /// <summary>Gets why the port was last lost, while it is.</summary>
    public string? LostReason { get; init; }

    /// <summary>Gets how many times the port came back.</summary>
    public int Reconnects { get; init; }

    /// <summary>Gets the last hello, if any.</summary>
    public HelloMessage? Hello { get; init; }

    /// <summary>Gets the latest counters frame, if any.</summary>
    public CountersMessage? Counters { get; init; }

    /// <summary>Gets where the latest counters frame came from.</summary>
    public FrameInfo? CountersFrame { get; init; }

    /// <summary>Gets the board's mode (latest counters or ModeChanged event), if known.</summary>
    public DeviceMode? Mode { get; init; }

    /// <summary>Gets the board's label (−1 unlabelled), if known.</summary>
    public int? Label { get; init; }

    /// <summary>Gets the last prediction, if any.</summary>
    public PredictionMessage? Prediction { get; init; }

    /// <summary>Gets the frames the decoder accepted.</summary>
    public long FramesAccepted { get; init; }

    /// <summary>Gets the frames the decoder rejected (bad CRC, COBS, length...).</summary>
    public long FramesRejected { get; init; }

    /// <summary>Gets the frames lost in sequence gaps.</summary>
    public long FramesLost { get; init; }

    /// <summary>Gets the sequence gaps seen.</summary>
    public long Gaps { get; init; }

    /// <summary>Gets the counters frames received.</summary>
    public long CountersFrames { get; init; }

    /// <summary>Gets the last event, as a line.</summary>
    public string? LastEvent { get; init; }

    /// <summary>Gets the last log message, as a line.</summary>
    public string? LastLog { get; init; }

    /// <summary>Gets what the last key did (e.g. "mode train: acked").</summary>
    public string? CommandStatus { get; init; }

    /// <summary>Gets the recent history for the sparklines, oldest first.</summary>
    public CounterPoint[] Recent { get; init; } = [];

    /// <summary>Gets when the snapshot was taken.</summary>
    public DateTime TakenUtc { get; init; } = DateTime.UtcNow;
}
