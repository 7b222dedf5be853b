// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Device.Spi;
using TinTin.Sensors.Bus;

namespace TinTin.Sensors.Nano
{
    /// <summary>
    /// <see cref="IRegisterBus"/> over a nanoFramework <see cref="SpiDevice"/>, with the register protocol
    /// of common accelerometers: the first byte of a transaction is the register address, with a read
    /// bit set for reads and, for chips that need it, a multi-byte (auto-increment) bit set for bursts.
    /// The data bytes follow in the same chip-select frame.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Masks by chip: ADXL345 read 0x80, multi-byte 0x40; LIS3DH read 0x80, multi-byte 0x40; IIS3DWB read
    /// 0x80, multi-byte 0x00 (it auto-increments through CTRL3_C.IF_INC, which is set at reset, and bit 6
    /// is part of its 7-bit address).
    /// </para>
    /// <para>
    /// The transmit and receive buffers are allocated once, sized for the largest burst; a burst costs
    /// one native copy from the receive buffer into the caller's buffer, because the first received
    /// byte (clocked out while the address is sent) is not data.
    /// Disposing the bus disposes the device (a driver disposes its bus, as nanoFramework.IoT.Device bindings do). SPI mode and clock
    /// are the device's settings (ADXL345: mode 3, up to 5 MHz; IIS3DWB: mode 0 or 3, up to 10 MHz).
    /// </para>
    /// </remarks>
    public sealed class SpiRegisterBus : IRegisterBus, IDisposable
    {
        /// <summary>
        /// The default read mask: bit 7 of the address byte set means read, on every chip named above.
        /// </summary>
        public const byte DefaultReadMask = 0x80;

        /// <summary>
        /// The default multi-byte mask: none, because setting bit 6 would corrupt the address on chips
        /// that auto-increment by configuration (IIS3DWB). Pass 0x40 for ADXL345 and LIS3DH.
        /// </summary>
        public const byte DefaultMultiByteMask = 0x00;

        private readonly SpiDevice _device;
        private bool _disposed;
        private readonly byte _readMask;
        private readonly byte _multiByteMask;
        private readonly int _maxBurstLength;
        private readonly byte[] _transmit;
        private readonly byte[] _receive;
        private int _errorCount;

        /// <summary>
        /// Initializes a new instance of the <see cref="SpiRegisterBus"/> class with
        /// <see cref="DefaultReadMask"/> and <see cref="DefaultMultiByteMask"/>.
        /// </summary>
        /// <param name="device">The SPI device of the sensor chip, created with its bus, chip select, mode and clock.</param>
        /// <param name="maxBurstLength">The largest burst read, in bytes, at least 1 (e.g. 6 for one ADXL345 sample, or a FIFO batch).</param>
        /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBurstLength"/> is less than 1.</exception>
        public SpiRegisterBus(SpiDevice device, int maxBurstLength)
            : this(device, maxBurstLength, DefaultReadMask, DefaultMultiByteMask)
        {
        }

        /// <summary>
        /// Initializes a new instance of the <see cref="SpiRegisterBus"/> class.
        /// </summary>
        /// <param name="device">The SPI device of the sensor chip, created with its bus, chip select, mode and clock.</param>
        /// <param name="maxBurstLength">The largest burst read, in bytes, at least 1.</param>
        /// <param name="readMask">The bits set in the address byte of a read (0x80 on common accelerometers).</param>
        /// <param name="multiByteMask">The bits set in the address byte of a burst of more than one byte (0x40 on ADXL345 and LIS3DH, 0 when the chip auto-increments by configuration).</param>
        /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBurstLength"/> is less than 1, or <paramref name="readMask"/> is 0.</exception>
        public SpiRegisterBus(SpiDevice device, int maxBurstLength, byte readMask, byte multiByteMask)
        {
            if (device == null)
            {
                throw new ArgumentNullException(nameof(device));
            }

            if (maxBurstLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxBurstLength));
            }

            if (readMask == 0)
            {
                // Without a read bit, reads and writes would be the same transaction.
                throw new ArgumentOutOfRangeException(nameof(readMask));
            }

            _device = device;
            _maxBurstLength = maxBurstLength;
            _readMask = readMask;
            _multiByteMask = multiByteMask;

            // One address byte plus the data. Bytes after the address stay 0 in _transmit (dummy
            // bytes clocked out during a read), except transiently during a register write.
            _transmit = new byte[maxBurstLength + 1];
            _receive = new byte[maxBurstLength + 1];
        }

        /// <inheritdoc/>
        public int ErrorCount
        {
            get { return _errorCount; }
        }

        /// <summary>
        /// Gets the largest burst, in bytes, that <see cref="TryReadBurst"/> accepts.
        /// </summary>
        public int MaxBurstLength
        {
            get { return _maxBurstLength; }
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
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="register"/> has a read or multi-byte bit set.</exception>
        public bool TryReadRegister(byte register, out byte value)
        {
            CheckRegister(register);
            if (Transfer((byte)(register | _readMask), 1))
            {
                value = _receive[1];
                return true;
            }

            value = 0;
            return false;
        }

        /// <inheritdoc/>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="register"/> has a read or multi-byte bit set.</exception>
        public bool TryWriteRegister(byte register, byte value)
        {
            CheckRegister(register);
            _transmit[0] = register;
            _transmit[1] = value;
            try
            {
                _device.Write(new SpanByte(_transmit, 0, 2));
                return true;
            }
            catch (Exception)
            {
                // SpiDevice reports failures only by throwing: count it as a bus error and go on.
                _errorCount++;
                return false;
            }
            finally
            {
                _transmit[1] = 0;
            }
        }

        /// <inheritdoc/>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="startRegister"/> has a read or multi-byte bit set.</exception>
        public bool TryReadBurst(byte startRegister, byte[] buffer, int offset, int count)
        {
            BurstArguments.Check(buffer, offset, count, _maxBurstLength);
            CheckRegister(startRegister);
            byte command = count > 1 ? (byte)(startRegister | _readMask | _multiByteMask) : (byte)(startRegister | _readMask);
            if (!Transfer(command, count))
            {
                return false;
            }

            Array.Copy(_receive, 1, buffer, offset, count);
            return true;
        }

        private bool Transfer(byte command, int dataLength)
        {
            _transmit[0] = command;
            try
            {
                // Equal lengths: the chip answers during the bytes after the address.
                _device.TransferFullDuplex(new SpanByte(_transmit, 0, dataLength + 1), new SpanByte(_receive, 0, dataLength + 1));
                return true;
            }
            catch (Exception)
            {
                _errorCount++;
                return false;
            }
        }

        private void CheckRegister(byte register)
        {
            // An address that overlaps the protocol bits would silently address another register.
            if ((register & (_readMask | _multiByteMask)) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(register));
            }
        }
    }
}
