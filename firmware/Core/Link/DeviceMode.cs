// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>What the board does with each window (argument of <see cref="CommandCode.SetMode"/>, counter <see cref="CounterId.Mode"/>).</summary>
    public enum DeviceMode : byte
    {
        /// <summary>Acquire nothing; answer commands only.</summary>
        Idle = 0,

        /// <summary>Acquire and label windows without training.</summary>
        Collect = 1,

        /// <summary>Train on labelled windows, predict the rest.</summary>
        Train = 2,

        /// <summary>Predict and flag novel windows; no training.</summary>
        Detect = 3,
    }
}
