// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Adxl345
{
    /// <summary>
    /// ADXL345 output data rates usable for vibration streaming; the value is the BW_RATE rate code
    /// (ADXL345 data sheet: output data rate = 3200 Hz / 2^(15 - code); bandwidth = half the rate).
    /// </summary>
    /// <remarks>
    /// The data sheet recommends SPI at 2 MHz or more for 1600 and 3200 Hz; 400 kHz I2C tops out near 800 Hz.
    /// At 1600 and 3200 Hz in full resolution the least significant bit of every sample is always 0.
    /// </remarks>
    public enum Adxl345DataRate : byte
    {
        /// <summary>100 Hz (code 0x0A, the reset value).</summary>
        Hz100 = 0x0A,

        /// <summary>200 Hz (code 0x0B).</summary>
        Hz200 = 0x0B,

        /// <summary>400 Hz (code 0x0C).</summary>
        Hz400 = 0x0C,

        /// <summary>800 Hz (code 0x0D).</summary>
        Hz800 = 0x0D,

        /// <summary>1600 Hz (code 0x0E).</summary>
        Hz1600 = 0x0E,

        /// <summary>3200 Hz (code 0x0F), about 1.6 kHz of usable bandwidth.</summary>
        Hz3200 = 0x0F,
    }
}
