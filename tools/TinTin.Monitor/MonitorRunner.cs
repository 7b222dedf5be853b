// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Threading;
using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>
/// <c>tintin monitor</c> without the console: prints one plain line per message, counts sequence gaps, logs every
/// counters frame to the CSV, and notes when the port is lost and back (a marker row in the CSV on reconnect).
/// </summary>
public sealed class MonitorRunner
{
    private readonly LinkSession _session;
    private readonly TextWriter _output;
    private readonly CounterCsvLog? _csv;
    private readonly object _lock = new();

    /// <summary>Wires a runner to a session (before <see cref="LinkSession.Start"/>, so nothing is missed).</summary>
    /// <param name="session">The link.</param>
    /// <param name="output">Receives the plain lines.</param>
    /// <param name="csv">The counters log, or null for none.</param>
    public MonitorRunner(LinkSession session, TextWriter output, CounterCsvLog? csv)
    {
        _session = session;
        _output = output;
        _csv = csv;
        session.FrameAccepted += OnFrame;
        session.Hello += (info, hello) => Print(PlainLines.Hello(info, hello));
        session.Counters += OnCounters;
        session.Event += (info, message) => Print(PlainLines.Event(info, message));
        session.Log += (info, log) => Print(PlainLines.Log(info, log));
        session.Prediction += (info, prediction) => Print(PlainLines.Prediction(info, prediction));
        session.BadPayload += (info, type, reason) => Print($"#{info.Sequence} {type} frame with a bad payload ({reason})");
        session.PortLost += reason => Print($"port lost: {reason}; waiting for {session.PortPath} to come back");
        session.PortBack += OnPortBack;
    }

    /// <summary>Gets the sequence-gap count.</summary>
    public SequenceTracker Sequence { get; } = new();

    /// <summary>Gets the counters frames received.</summary>
    public long CountersFrames { get; private set; }

    /// <summary>Blocks until cancelled (Ctrl+C, or the end of <c>--duration</c>).</summary>
    /// <param name="cancel">Ends the run.</param>
    public void Run(CancellationToken cancel)
    {
        cancel.WaitHandle.WaitOne();
        if (_session.Fault is not null)
        {
            Print($"the monitor stopped reading: {_session.Fault.Message}");
        }
    }

    /// <summary>One line with the run's totals.</summary>
    /// <returns>The summary.</returns>
    public string Summary()
    {
        LinkStats stats = _session.Stats;
        lock (_lock)
        {
            return $"frames {stats.Accepted} accepted, {stats.Rejected} rejected, {Sequence.FramesLost} lost in {Sequence.Gaps} gap(s); " +
                $"counters {CountersFrames}" + (_csv is null ? string.Empty : $", CSV rows {_csv.RowsWritten} ({_csv.DuplicatesSkipped} duplicate(s) skipped)") +
                $"; reconnects {_session.Reconnects}";
        }
    }

    private void OnFrame(FrameInfo info, MessageType type)
    {
        int lost;
        long total;
        lock (_lock)
        {
            lost = Sequence.Observe(info.Sequence, type == MessageType.Hello);
            total = Sequence.FramesLost;
        }

        if (lost > 0)
        {
            Print(PlainLines.Gap(info, lost, total));
        }
    }

    private void OnCounters(FrameInfo info, CountersMessage counters)
    {
        lock (_lock)
        {
            CountersFrames++;
            _csv?.Write(info.HostUtc, info.TimestampUs, info.Sequence, counters);
        }

        Print(PlainLines.Counters(info, counters));
    }

    private void OnPortBack()
    {
        lock (_lock)
        {
            _csv?.WriteMarker(DateTime.UtcNow, "reconnected");
        }

        Print($"port back: {_session.PortPath} reopened, continuing");
    }

    private void Print(string line)
    {
        lock (_lock)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
