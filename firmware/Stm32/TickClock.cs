// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Firmware.Core.App;

namespace TinTin.Firmware.Stm32
{
    /// <summary>
    /// Microseconds from the system clock (DateTime.UtcNow ticks of 100 ns). STM32 images have no
    /// HighResTimer; on ChibiOS the system tick is typically 1 ms, so step times shorter than that
    /// read as 0 or 1000 µs: averages over many steps are what the counters are good for there.
    /// </summary>
    public sealed class TickClock : IDeviceClock
    {
        private readonly long _bootTicks = DateTime.UtcNow.Ticks;

        /// <inheritdoc/>
        public long Microseconds
        {
            get { return (DateTime.UtcNow.Ticks - _bootTicks) / 10; }
        }
    }
}
