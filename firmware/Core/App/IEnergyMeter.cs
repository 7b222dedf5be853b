// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.App
{
    /// <summary>
    /// The board's energy since boot, in microjoules: measured (an INA219 on the supply) or estimated
    /// from active time and the board's power figures. Every report says which.
    /// </summary>
    public interface IEnergyMeter
    {
        /// <summary>Gets a value indicating whether the figures are estimates rather than measurements.</summary>
        bool IsEstimate { get; }

        /// <summary>Marks the start of active work (a training step, an inference).</summary>
        void BeginActive();

        /// <summary>Marks the end of active work.</summary>
        void EndActive();

        /// <summary>Reads the energy consumed since boot, bringing the meter up to now.</summary>
        /// <returns>Microjoules.</returns>
        long ReadMicrojoules();
    }
}
