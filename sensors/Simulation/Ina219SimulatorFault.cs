// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// Faults that <see cref="Ina219Simulator"/> can inject, so tests see what a driver does with a broken
    /// bus or a missing chip.
    /// </summary>
    public enum Ina219SimulatorFault
    {
        /// <summary>The simulated chip answers normally.</summary>
        None = 0,

        /// <summary>Every transfer fails (as an I2C NACK): it returns false and counts an error.</summary>
        BusError = 1,

        /// <summary>No chip, SDA held low: transfers complete, every register reads 0x0000, writes are lost.</summary>
        AbsentReadsZero = 2,

        /// <summary>No chip, SDA pulled up: transfers complete, every register reads 0xFFFF, writes are lost.</summary>
        AbsentReadsOnes = 3,
    }
}
