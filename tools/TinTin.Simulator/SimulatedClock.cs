// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Firmware.Core.App;

namespace TinTin.Simulator;

/// <summary>
/// Simulated microseconds since boot, moved only by <see cref="Advance"/>: the board's time is the sensor's sample
/// time plus the estimated cost of the work done, never host wall time.
/// </summary>
public sealed class SimulatedClock : IDeviceClock
{
    /// <inheritdoc/>
    public long Microseconds { get; private set; }

    /// <summary>Raised after every advance with the step in µs, so the chip simulators keep sampling while the CPU works.</summary>
    public event Action<long>? Advanced;

    /// <summary>Moves time forward.</summary>
    /// <param name="microseconds">The step, 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">The step is negative.</exception>
    public void Advance(long microseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(microseconds);
        if (microseconds == 0)
        {
            return;
        }

        Microseconds += microseconds;
        Advanced?.Invoke(microseconds);
    }
}
