// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Ina219
{
    /// <summary>
    /// The outcome of <see cref="Ina219.TryInitialize(int, int)"/>; <see cref="RegisterDriver.LastError"/> gives
    /// the details (what was read).
    /// </summary>
    public enum Ina219InitializationResult
    {
        /// <summary>The chip reset to its power-on configuration, took the configuration and calibration, and is converting.</summary>
        Success = 0,

        /// <summary>A transfer failed (I2C NACK or driver error): wiring, pull-ups or address.</summary>
        BusError = 1,

        /// <summary>The configuration register read 0x0000 or 0xFFFF after a reset: nothing drives the data line.</summary>
        NoDevice = 2,

        /// <summary>
        /// The configuration register read another value than the INA219 power-on default 0x399F after a
        /// reset: a different chip answers at this address (the INA219 has no ID register).
        /// </summary>
        WrongDevice = 3,

        /// <summary>The configuration or calibration register read back differently from what was written.</summary>
        ConfigurationMismatch = 4,
    }
}
