// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Adxl345
{
    /// <summary>
    /// ADXL345 measurement ranges; the value is the DATA_FORMAT range field (bits 1:0). In full
    /// resolution the scale stays 3.9 mg/LSB and the range only widens the output (10 bits at 2 g up to 13 bits at 16 g).
    /// </summary>
    public enum Adxl345Range : byte
    {
        /// <summary>Plus or minus 2 g (counts -512..511 in full resolution).</summary>
        PlusMinus2G = 0,

        /// <summary>Plus or minus 4 g (counts -1024..1023).</summary>
        PlusMinus4G = 1,

        /// <summary>Plus or minus 8 g (counts -2048..2047).</summary>
        PlusMinus8G = 2,

        /// <summary>Plus or minus 16 g (counts -4096..4095).</summary>
        PlusMinus16G = 3,
    }
}
