// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.Hardware.Esp32;
using TinTin.Firmware.Core.App;

namespace TinTin.Firmware.Nano
{
    /// <summary>The ESP32's µs timer (esp_timer_get_time); Environment.TickCount64 has 10 ms steps there.</summary>
    public sealed class HighResClock : IDeviceClock
    {
        /// <inheritdoc/>
        public long Microseconds
        {
            get
            {
                // Not (long)GetCurrent(): that cast emits no IL, and nanoCLR would hand callers a value still
                // tagged ulong. Rebuilt from its halves with the signed half on the left, it is a plain long.
                ulong now = HighResTimer.GetCurrent();
                int high = (int)(now >> 32);
                uint low = (uint)now;
                return ((long)high << 32) | low;
            }
        }
    }
}
