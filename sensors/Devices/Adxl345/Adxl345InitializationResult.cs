// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Adxl345
{
    /// <summary>
    /// The outcome of <see cref="Adxl345.TryInitialize(Adxl345DataRate, Adxl345Range, int)"/>;
    /// <see cref="RegisterDriver.LastError"/> gives the details (what was read).
    /// </summary>
    public enum Adxl345InitializationResult
    {
        /// <summary>The chip answered with the right ID and is measuring into its FIFO.</summary>
        Success = 0,

        /// <summary>A transfer failed (I2C NACK, SPI driver error): wiring, address or bus setup.</summary>
        BusError = 1,

        /// <summary>DEVID read 0x00 or 0xFF: nothing drives the data line (no chip, or MISO/SDA stuck).</summary>
        NoDevice = 2,

        /// <summary>DEVID read another value: a different chip answers at this address or chip select.</summary>
        WrongDevice = 3,

        /// <summary>A configuration register read back differently from what was written.</summary>
        ConfigurationMismatch = 4,
    }
}
