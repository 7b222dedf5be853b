// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>The level of a <see cref="LogMessage"/>.</summary>
    public enum LogLevel : byte
    {
        /// <summary>Detail for debugging.</summary>
        Debug = 0,

        /// <summary>Normal operation.</summary>
        Info = 1,

        /// <summary>Something unexpected that the firmware handled.</summary>
        Warning = 2,

        /// <summary>Something failed.</summary>
        Error = 3,
    }
}
