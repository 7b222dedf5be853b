// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.App
{
    /// <summary>
    /// A monotonic microsecond clock: on an ESP32 <c>HighResTimer.GetCurrent()</c>
    /// (<c>Environment.TickCount64</c> has 10 ms steps there); in the host simulator, simulated time.
    /// </summary>
    public interface IDeviceClock
    {
        /// <summary>Gets the microseconds since boot.</summary>
        long Microseconds { get; }
    }
}
