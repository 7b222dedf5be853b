// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Mpu6886
{
    /// <summary>
    /// MPU-6886 accelerometer full-scale ranges; the value is ACCEL_FS_SEL (ACCEL_CONFIG bits 4:3). The
    /// output is always 16 bits, so the sensitivity halves with every step: 16384, 8192, 4096, 2048 LSB/g.
    /// </summary>
    public enum Mpu6886Range : byte
    {
        /// <summary>Plus or minus 2 g: 16384 LSB/g, 15625/256 micro-g per count.</summary>
        PlusMinus2G = 0,

        /// <summary>Plus or minus 4 g: 8192 LSB/g, 15625/128 micro-g per count.</summary>
        PlusMinus4G = 1,

        /// <summary>Plus or minus 8 g: 4096 LSB/g, 15625/64 micro-g per count.</summary>
        PlusMinus8G = 2,

        /// <summary>Plus or minus 16 g: 2048 LSB/g, 15625/32 micro-g per count.</summary>
        PlusMinus16G = 3,
    }
}
