// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// Faults that <see cref="Mpu6886Simulator"/> can inject, so tests see what a driver does with a
    /// broken bus or a missing chip.
    /// </summary>
    public enum Mpu6886SimulatorFault
    {
        /// <summary>The simulated chip answers normally.</summary>
        None = 0,

        /// <summary>Every transfer fails (as an I2C NACK): it returns false and counts an error.</summary>
        BusError = 1,

        /// <summary>No chip, data line held low: transfers complete, every byte reads 0x00, writes are lost.</summary>
        AbsentReadsZero = 2,

        /// <summary>No chip, data line pulled up: every byte reads 0xFF, writes are lost.</summary>
        AbsentReadsOnes = 3,
    }
}
