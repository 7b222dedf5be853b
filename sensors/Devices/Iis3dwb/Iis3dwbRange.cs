// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Iis3dwb
{
    /// <summary>
    /// IIS3DWB full scales; the value is the CTRL1_XL FS[1:0] code. The codes are not in range order
    /// (data sheet DS13220, CTRL1_XL description; ST iis3dwb_fs_xl_t: 00 = 2 g, 01 = 16 g, 10 = 4 g, 11 = 8 g).
    /// </summary>
    public enum Iis3dwbRange : byte
    {
        /// <summary>Plus or minus 2 g: 61 micro-g per count (0.061 mg/LSB typical).</summary>
        PlusMinus2G = 0,

        /// <summary>Plus or minus 16 g: 488 micro-g per count.</summary>
        PlusMinus16G = 1,

        /// <summary>Plus or minus 4 g: 122 micro-g per count.</summary>
        PlusMinus4G = 2,

        /// <summary>Plus or minus 8 g: 244 micro-g per count.</summary>
        PlusMinus8G = 3,
    }
}
