// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Bus
{
    /// <summary>
    /// Register-level access to one sensor chip on a bus (I2C or SPI). Drivers talk to this
    /// interface only, never to System.Device.* directly, so they also run on the host against
    /// a fake or replay bus.
    /// </summary>
    /// <remarks>
    /// Bus transfers never throw for a bus failure: they return <c>false</c> and increment
    /// <see cref="ErrorCount"/>, so a long-running sampling loop can count and report errors
    /// instead of dying on one. Invalid arguments (a null buffer, a range outside it, a register
    /// address that collides with the protocol bits) are programming errors and do throw.
    /// Implementations are not thread-safe: one thread owns a bus instance. A bus over a device (the
    /// <c>Nano/</c> adapters over I2cDevice and SpiDevice) is also <see cref="System.IDisposable"/>; the driver that
    /// owns it disposes it (<c>TinTin.Sensors.Devices.RegisterDriver.Dispose</c>).
    /// </remarks>
    public interface IRegisterBus
    {
        /// <summary>
        /// Gets the number of failed transfers since this bus was created.
        /// </summary>
        int ErrorCount { get; }

        /// <summary>
        /// Reads one register.
        /// </summary>
        /// <param name="register">The register address.</param>
        /// <param name="value">The value read; 0 when the transfer failed.</param>
        /// <returns><c>true</c> when the transfer completed; <c>false</c> on a bus error.</returns>
        bool TryReadRegister(byte register, out byte value);

        /// <summary>
        /// Writes one register.
        /// </summary>
        /// <param name="register">The register address.</param>
        /// <param name="value">The value to write.</param>
        /// <returns><c>true</c> when the transfer completed; <c>false</c> on a bus error.</returns>
        bool TryWriteRegister(byte register, byte value);

        /// <summary>
        /// Reads <paramref name="count"/> consecutive bytes starting at <paramref name="startRegister"/>
        /// (auto-incrementing register address, or a FIFO data register read repeatedly, as the chip
        /// defines it) into a buffer the caller owns, so a sampling loop allocates nothing per read.
        /// </summary>
        /// <param name="startRegister">The first register address.</param>
        /// <param name="buffer">The destination buffer.</param>
        /// <param name="offset">The index in <paramref name="buffer"/> of the first byte read.</param>
        /// <param name="count">The number of bytes to read, at least 1.</param>
        /// <returns>
        /// <c>true</c> when the transfer completed; <c>false</c> on a bus error, in which case the
        /// content of the buffer range is undefined.
        /// </returns>
        /// <exception cref="System.ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">
        /// The range is outside <paramref name="buffer"/>, <paramref name="count"/> is less than 1, or it
        /// exceeds what the implementation can transfer at once.
        /// </exception>
        bool TryReadBurst(byte startRegister, byte[] buffer, int offset, int count);
    }
}
