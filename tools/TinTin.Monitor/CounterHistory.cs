// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>
/// The monitor's bounded memory of the counters over time, for the live view's sparklines and the plot: the last
/// frames in full (<see cref="Recent"/>), and the whole run thinned to at most a fixed number of points
/// (<see cref="Run"/>, see <see cref="DecimatingBuffer{T}"/>). Memory stays the same however long the monitor runs.
/// The x axis is the board's clock; when it goes back (the board rebooted) the new boot continues from the last
/// time seen, so the axis never runs backwards. Thread-safe: the link's reader thread adds while the view and the
/// plot read.
/// </summary>
public sealed class CounterHistory
{
    /// <summary>The default number of recent frames kept in full.</summary>
    public const int DefaultRecentCapacity = 240;

    /// <summary>The default bound of the whole-run series.</summary>
    public const int DefaultRunCapacity = 4096;

    private readonly object _lock = new();
    private readonly RingBuffer<CounterPoint> _recent;
    private readonly DecimatingBuffer<CounterPoint> _run;
    private long _lastDeviceUs = -1;
    private long _offsetUs;
    private CounterPoint? _latest;

    /// <summary>Creates an empty history.</summary>
    /// <param name="recentCapacity">Recent frames kept in full (at least 1).</param>
    /// <param name="runCapacity">The most points kept for the whole run (even, at least 2).</param>
    public CounterHistory(int recentCapacity = DefaultRecentCapacity, int runCapacity = DefaultRunCapacity)
    {
        _recent = new RingBuffer<CounterPoint>(recentCapacity);
        _run = new DecimatingBuffer<CounterPoint>(runCapacity);
    }

    /// <summary>Gets how many points were added in all.</summary>
    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _run.Added;
            }
        }
    }

    /// <summary>Gets the last point added, if any.</summary>
    public CounterPoint? Latest
    {
        get
        {
            lock (_lock)
            {
                return _latest;
            }
        }
    }

    /// <summary>Adds a counters frame.</summary>
    /// <param name="deviceUs">The frame's timestamp, µs on the board's clock.</param>
    /// <param name="counters">The frame's counters.</param>
    public void Add(long deviceUs, CountersMessage counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        lock (_lock)
        {
            if (_lastDeviceUs >= 0 && deviceUs < _lastDeviceUs)
            {
                _offsetUs += _lastDeviceUs;
            }

            _lastDeviceUs = deviceUs;
            AddLocked(CounterPoint.From((_offsetUs + deviceUs) / 1e6, counters));
        }
    }

    /// <summary>Adds a point as it is (its time is not adjusted).</summary>
    /// <param name="point">The point.</param>
    public void Add(CounterPoint point)
    {
        lock (_lock)
        {
            AddLocked(point);
        }
    }

    /// <summary>The last frames, oldest first (at most the recent capacity).</summary>
    /// <returns>A copy.</returns>
    public CounterPoint[] Recent()
    {
        lock (_lock)
        {
            return _recent.ToArray();
        }
    }

    /// <summary>The whole run, thinned, oldest first; the latest point is always the last one.</summary>
    /// <returns>A copy (at most the run capacity plus one points).</returns>
    public CounterPoint[] Run()
    {
        lock (_lock)
        {
            CounterPoint[] kept = _run.ToArray();
            if (_latest is not CounterPoint latest || (kept.Length > 0 && kept[^1] == latest))
            {
                return kept;
            }

            // The thinning may have skipped the newest frame: a plot should end where the run ends.
            Array.Resize(ref kept, kept.Length + 1);
            kept[^1] = latest;
            return kept;
        }
    }

    private void AddLocked(CounterPoint point)
    {
        _recent.Add(point);
        _run.Add(point);
        _latest = point;
    }
}
