// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Device.I2c;
using TinTin.Sensors.Bus;

namespace TinTin.Sensors.Nano
{
    /// <summary>
    /// <see cref="IRegisterBus"/> over a nanoFramework <see cref="I2cDevice"/>: a register read is a
    /// write of the register address followed by a repeated-start read (<see cref="I2cDevice.WriteRead"/>),
    /// a register write is one write of the address and the value.
    /// </summary>
    /// <remarks>
    /// Disposing the bus disposes the device (a driver disposes its bus, as nanoFramework.IoT.Device bindings do). The small command
    /// buffers are allocated once; burst reads land directly in the caller's buffer.
    /// Whether the chip auto-increments the register address during a burst is the chip's business
    /// (ADXL343 and MPU6886 do).
    /// </remarks>
    public sealed class I2cRegisterBus : IRegisterBus, IDisposable
    {
        private readonly I2cDevice _device;
        private bool _disposed;
        private readonly byte[] _address = new byte[1];
        private readonly byte[] _addressAndValue = new byte[2];
        private readonly byte[] _value = new byte[1];
        private int _errorCount;

        /// <summary>
        /// Initializes a new instance of the <see cref="I2cRegisterBus"/> class.
        /// </summary>
        /// <param name="device">The I2C device of the sensor chip, already created with its bus and address.</param>
        /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
        public I2cRegisterBus(I2cDevice device)
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
        public bool TryReadRegister(byte register, out byte value)
        {
            _address[0] = register;
            if (Transfer(new SpanByte(_address), new SpanByte(_value)))
            {
                value = _value[0];
                return true;
            }

            value = 0;
            return false;
        }

        /// <inheritdoc/>
        public bool TryWriteRegister(byte register, byte value)
        {
            _addressAndValue[0] = register;
            _addressAndValue[1] = value;
            try
            {
                I2cTransferResult result = _device.Write(new SpanByte(_addressAndValue));
                return Succeeded(result);
            }
            catch (Exception)
            {
                // A driver-level failure is a bus error like a NACK: count it, report it, go on.
                _errorCount++;
                return false;
            }
        }

        /// <inheritdoc/>
        public bool TryReadBurst(byte startRegister, byte[] buffer, int offset, int count)
        {
            BurstArguments.Check(buffer, offset, count, int.MaxValue);
            _address[0] = startRegister;
            return Transfer(new SpanByte(_address), new SpanByte(buffer, offset, count));
        }

        private bool Transfer(SpanByte write, SpanByte read)
        {
            try
            {
                I2cTransferResult result = _device.WriteRead(write, read);
                return Succeeded(result);
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
