// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Ina219
{
    /// <summary>
    /// Access to the 16-bit registers of an INA219 (or a simulator of one): a register pointer byte
    /// followed by two data bytes, most significant byte first (INA219 data sheet SBOS448, 8.5.6
    /// "Writing to and Reading from the INA219" and Figures 15/16: Write Word and Read Word formats).
    /// </summary>
    /// <remarks>
    /// <see cref="TinTin.Sensors.Bus.IRegisterBus"/> cannot carry this chip: its register write sends one
    /// data byte, and the INA219 needs the pointer and both data bytes in one I2C write. Transfers never
    /// throw for a bus failure: they return <c>false</c> and increment <see cref="ErrorCount"/>.
    /// </remarks>
    public interface IIna219Bus
    {
        /// <summary>
        /// Gets the number of failed transfers since this bus was created.
        /// </summary>
        int ErrorCount { get; }

        /// <summary>
        /// Reads one 16-bit register (pointer write, then a 2-byte read, MSB first).
        /// </summary>
        /// <param name="register">The register pointer, 0x00 to 0x05.</param>
        /// <param name="value">The value read; 0 when the transfer failed.</param>
        /// <returns><c>true</c> when the transfer completed; <c>false</c> on a bus error.</returns>
        bool TryReadRegister(byte register, out ushort value);

        /// <summary>
        /// Writes one 16-bit register (pointer, MSB, LSB in one write).
        /// </summary>
        /// <param name="register">The register pointer, 0x00 to 0x05.</param>
        /// <param name="value">The value to write.</param>
        /// <returns><c>true</c> when the transfer completed; <c>false</c> on a bus error.</returns>
        bool TryWriteRegister(byte register, ushort value);
    }
}
