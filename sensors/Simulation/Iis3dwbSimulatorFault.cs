// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// Faults that <see cref="Iis3dwbSimulator"/> can inject, so tests see what a driver does with a broken
    /// bus or a missing chip.
    /// </summary>
    public enum Iis3dwbSimulatorFault
    {
        /// <summary>The simulated chip answers normally.</summary>
        None = 0,

        /// <summary>Every transfer fails (as a thrown SPI error): it returns false and counts an error.</summary>
        BusError = 1,

        /// <summary>No chip, MISO pulled low: transfers complete, every byte reads 0x00, writes are lost.</summary>
        AbsentReadsZero = 2,

        /// <summary>No chip, MISO pulled up or floating high: every byte reads 0xFF, writes are lost.</summary>
        AbsentReadsOnes = 3,
    }
}
