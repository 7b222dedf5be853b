// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Device.I2c;
using TinTin.Sensors.Devices.Ina219;

namespace TinTin.Sensors.Nano
{
    /// <summary>
    /// <see cref="IIna219Bus"/> over a nanoFramework <see cref="I2cDevice"/>: a register read writes the
    /// pointer and reads two bytes after a repeated start, a register write is one 3-byte write
    /// (pointer, MSB, LSB), as the INA219 data sheet's Read Word and Write Word formats define.
    /// </summary>
    /// <remarks>
    /// Disposing the bus disposes the device (a driver disposes its bus, as nanoFramework.IoT.Device bindings do). The command and data
    /// buffers are allocated once.
    /// </remarks>
    public sealed class Ina219I2cBus : IIna219Bus, IDisposable
    {
        private readonly I2cDevice _device;
        private bool _disposed;
        private readonly byte[] _pointer = new byte[1];
        private readonly byte[] _word = new byte[2];
        private readonly byte[] _pointerAndWord = new byte[3];
        private int _errorCount;

        /// <summary>
        /// Initializes a new instance of the <see cref="Ina219I2cBus"/> class.
        /// </summary>
        /// <param name="device">The I2C device of the INA219, already created with its bus and address.</param>
        /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
        public Ina219I2cBus(I2cDevice device)
        {
            if (device == null)
            {
                throw new ArgumentNullException(nameof(device));
            }

            _device = device;
        }

        /// <inheritdoc/>
        public int ErrorCount
        {
            get { return _errorCount; }
        }

        /// <summary>
        /// Disposes the device; the bus cannot be used afterwards.
        /// </summary>
        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _device.Dispose();
            }
        }

        /// <inheritdoc/>
        public bool TryReadRegister(byte register, out ushort value)
        {
            _pointer[0] = register;
            try
            {
                I2cTransferResult result = _device.WriteRead(new SpanByte(_pointer), new SpanByte(_word));
                if (Succeeded(result))
                {
                    value = (ushort)((_word[0] << 8) | _word[1]);
                    return true;
                }
            }
            catch (Exception)
            {
                // A driver-level failure is a bus error like a NACK: count it, report it, go on.
                _errorCount++;
            }

            value = 0;
            return false;
        }

        /// <inheritdoc/>
        public bool TryWriteRegister(byte register, ushort value)
        {
            _pointerAndWord[0] = register;
            _pointerAndWord[1] = (byte)(value >> 8);
            _pointerAndWord[2] = (byte)value;
            try
            {
                return Succeeded(_device.Write(new SpanByte(_pointerAndWord)));
            }
            catch (Exception)
            {
                _errorCount++;
                return false;
            }
        }

        private bool Succeeded(I2cTransferResult result)
        {
            // PartialTransfer, a NACK, a clock-stretch timeout and UnknownError all mean the data is not valid.
            if (result.Status == I2cTransferStatus.FullTransfer)
            {
                return true;
            }

            _errorCount++;
            return false;
        }
    }
}
