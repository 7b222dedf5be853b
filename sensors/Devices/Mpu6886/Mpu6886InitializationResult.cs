// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Mpu6886
{
    /// <summary>
    /// The outcome of <see cref="Mpu6886.TryInitialize(Mpu6886Range, int)"/>; <see cref="RegisterDriver.LastError"/>
    /// gives the details (what was read).
    /// </summary>
    public enum Mpu6886InitializationResult
    {
        /// <summary>The chip answered with the right ID and is sampling the accelerometer into its FIFO.</summary>
        Success = 0,

        /// <summary>A transfer failed (I2C NACK, driver error): wiring, address or bus setup.</summary>
        BusError = 1,

        /// <summary>WHO_AM_I read 0x00 or 0xFF: nothing drives the data line.</summary>
        NoDevice = 2,

        /// <summary>WHO_AM_I read another value: a different chip answers at this address.</summary>
        WrongDevice = 3,

        /// <summary>A configuration register read back differently from what was written.</summary>
        ConfigurationMismatch = 4,
    }
}
