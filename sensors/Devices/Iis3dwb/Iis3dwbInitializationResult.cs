// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Iis3dwb
{
    /// <summary>
    /// The outcome of <see cref="Iis3dwb.TryInitialize(Iis3dwbRange, int)"/>;
    /// <see cref="RegisterDriver.LastError"/> gives the details (what was read).
    /// </summary>
    public enum Iis3dwbInitializationResult
    {
        /// <summary>The chip answered with the right ID and is batching samples into its FIFO.</summary>
        Success = 0,

        /// <summary>A transfer failed (SPI driver error): wiring or bus setup.</summary>
        BusError = 1,

        /// <summary>WHO_AM_I read 0x00 or 0xFF: nothing drives MISO (no chip, or the line is stuck).</summary>
        NoDevice = 2,

        /// <summary>WHO_AM_I read another value: a different chip answers on this chip select.</summary>
        WrongDevice = 3,

        /// <summary>A configuration register read back differently from what was written.</summary>
        ConfigurationMismatch = 4,
    }
}
