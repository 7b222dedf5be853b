// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// Faults a chip simulator (<see cref="RegisterSimulator"/>) can inject, so tests see what a driver does with a
    /// broken bus or a missing chip.
    /// </summary>
    public enum SimulatorFault
    {
        /// <summary>The simulated chip answers normally.</summary>
        None = 0,

        /// <summary>Every transfer fails (as an I2C NACK or a thrown SPI error): it returns false and counts an error.</summary>
        BusError = 1,

        /// <summary>No chip, data line pulled low: transfers complete, every byte reads 0x00, writes are lost.</summary>
        AbsentReadsZero = 2,

        /// <summary>No chip, data line pulled up or floating high (SPI MISO): every byte reads 0xFF, writes are lost.</summary>
        AbsentReadsOnes = 3,
    }
}
