// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Bus;

namespace TinTin.Sensors.Devices
{
    /// <summary>
    /// The part every chip driver shares: the bus it owns (disposed with the driver, as nanoFramework.IoT.Device
    /// bindings dispose their I2cDevice or SpiDevice), Try-style failure reporting (<see cref="Errors"/>,
    /// <see cref="LastError"/>, never an exception for a bus failure), the identity probe (WHO_AM_I, DEVID or a
    /// power-on value: 0 or all ones means no chip answers, another value another chip), the read-back check of a
    /// configuration register, and the argument checks of a streaming read.
    /// </summary>
    /// <remarks>
    /// The status codes returned by the protected helpers are the values every driver's
    /// <c>...InitializationResult</c> enumeration shares (<see cref="Success"/> to <see cref="ConfigurationMismatch"/>),
    /// so a driver casts them to its own enumeration. Messages name the chip (the prefix given to the constructor),
    /// the register and the values read and expected.
    /// </remarks>
    public abstract class RegisterDriver : IDisposable
    {
        /// <summary>Status code: the step succeeded.</summary>
        protected const int Success = 0;

        /// <summary>Status code: a transfer failed (the bus reported an error).</summary>
        protected const int BusError = 1;

        /// <summary>Status code: the identity read 0 or all ones: no chip answers.</summary>
        protected const int NoDevice = 2;

        /// <summary>Status code: the identity is another chip's.</summary>
        protected const int WrongDevice = 3;

        /// <summary>Status code: a configuration register read back another value than written.</summary>
        protected const int ConfigurationMismatch = 4;

        private readonly object _bus;
        private readonly IRegisterBus _registerBus;
        private readonly string _chip;
        private bool _initialized;
        private bool _disposed;
        private int _errors;
        private int _identity;
        private string _lastError = string.Empty;

        /// <summary>
        /// Initializes a new instance of the <see cref="RegisterDriver"/> class.
        /// </summary>
        /// <param name="bus">The bus of the chip: an <see cref="IRegisterBus"/> (then <see cref="RegisterBus"/> returns it) or a
        /// chip-specific bus; disposed by <see cref="Dispose"/> when it is <see cref="IDisposable"/>.</param>
        /// <param name="chip">The chip's name, the prefix of every message (e.g. "ADXL345").</param>
        /// <exception cref="ArgumentNullException"><paramref name="bus"/> is null.</exception>
        protected RegisterDriver(object bus, string chip)
        {
            if (bus == null)
            {
                throw new ArgumentNullException(nameof(bus));
            }

            _bus = bus;
            _registerBus = bus as IRegisterBus;
            _chip = chip;
        }

        /// <summary>
        /// Gets the number of failed transfers (failed reads and failed initializations) seen by this driver.
        /// </summary>
        public int Errors
        {
            get { return _errors; }
        }

        /// <summary>
        /// Gets a value indicating whether the last initialization succeeded (false again once disposed).
        /// </summary>
        public bool IsInitialized
        {
            get { return _initialized; }
        }

        /// <summary>
        /// Gets a description of the last failure (what was read and what was expected), or an empty string.
        /// </summary>
        public string LastError
        {
            get { return _lastError; }
        }

        /// <summary>
        /// Gets the byte-register bus, or null when the chip has a bus of its own kind.
        /// </summary>
        protected IRegisterBus RegisterBus
        {
            get { return _registerBus; }
        }

        /// <summary>
        /// Gets the identity value read by the last probe (0 when the read failed or no probe ran).
        /// </summary>
        protected int Identity
        {
            get { return _identity; }
        }

        /// <summary>
        /// Disposes the bus (and through it the I2C or SPI device) when it is disposable. The driver cannot be
        /// initialized or read afterwards.
        /// </summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _initialized = false;
            IDisposable disposable = _bus as IDisposable;
            if (disposable != null)
            {
                disposable.Dispose();
            }
        }

        /// <summary>
        /// Checks the arguments of a streaming read and that the driver is initialized.
        /// </summary>
        /// <param name="destination">The destination array.</param>
        /// <param name="offset">The index of the first value written.</param>
        /// <param name="maxSamples">The most samples to read.</param>
        /// <param name="axes">The values per sample.</param>
        /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="maxSamples"/> is outside the array.</exception>
        /// <exception cref="InvalidOperationException">The driver has not been initialized successfully.</exception>
        protected void CheckRead(int[] destination, int offset, int maxSamples, int axes)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (offset < 0 || offset > destination.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            if (maxSamples < 0 || maxSamples > (destination.Length - offset) / axes)
            {
                throw new ArgumentOutOfRangeException(nameof(maxSamples));
            }

            RequireInitialized();
        }

        /// <summary>
        /// Throws unless the last initialization succeeded.
        /// </summary>
        /// <exception cref="InvalidOperationException">The driver has not been initialized successfully.</exception>
        protected void RequireInitialized()
        {
            if (!_initialized)
            {
                throw new InvalidOperationException();
            }
        }

        /// <summary>
        /// Starts an initialization: not initialized, no identity, no last error.
        /// </summary>
        /// <exception cref="ObjectDisposedException">The driver has been disposed.</exception>
        protected void BeginInitialization()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(_chip);
            }

            _initialized = false;
            _identity = 0;
            _lastError = string.Empty;
        }

        /// <summary>
        /// Ends a successful initialization.
        /// </summary>
        /// <returns><see cref="Success"/>.</returns>
        protected int CompleteInitialization()
        {
            _initialized = true;
            return Success;
        }

        /// <summary>
        /// Reads a byte identity register (WHO_AM_I, DEVID) and checks it.
        /// </summary>
        /// <param name="register">The register address.</param>
        /// <param name="expected">The chip's identity.</param>
        /// <param name="name">The register's data sheet name.</param>
        /// <param name="wiringHint">What to check when the read fails (wiring, address, chip select).</param>
        /// <param name="stuckHint">Which line is stuck when the read gives 0 or 0xFF.</param>
        /// <returns><see cref="Success"/>, <see cref="BusError"/>, <see cref="NoDevice"/> or <see cref="WrongDevice"/>.</returns>
        protected int ProbeIdentity(byte register, byte expected, string name, string wiringHint, string stuckHint)
        {
            byte id;
            if (!_registerBus.TryReadRegister(register, out id))
            {
                return Fail(BusError, _chip + ": bus error reading " + name + " (0x" + register.ToString("X2") + "): " + wiringHint);
            }

            return CheckIdentity(id, expected, 0xFF, name, string.Empty, stuckHint, "another chip answers");
        }

        /// <summary>
        /// Checks an identity value already read: 0 or all ones means no chip answers, another value than the
        /// expected one another chip.
        /// </summary>
        /// <param name="value">The value read.</param>
        /// <param name="expected">The chip's identity.</param>
        /// <param name="allOnes">All ones at the register's width (0xFF or 0xFFFF); also selects 2 or 4 hex digits.</param>
        /// <param name="name">The register's data sheet name.</param>
        /// <param name="when">Text after the value read (e.g. " after reset"), or empty.</param>
        /// <param name="stuckHint">Which line is stuck when the value is 0 or all ones.</param>
        /// <param name="otherChip">The text for another chip's identity.</param>
        /// <returns><see cref="Success"/>, <see cref="NoDevice"/> or <see cref="WrongDevice"/>.</returns>
        protected int CheckIdentity(int value, int expected, int allOnes, string name, string when, string stuckHint, string otherChip)
        {
            _identity = value;
            if (value == 0 || value == allOnes)
            {
                return Fail(NoDevice, IdentityText(value, expected, allOnes, name, when) + "no chip answers; " + stuckHint);
            }

            if (value != expected)
            {
                return Fail(WrongDevice, IdentityText(value, expected, allOnes, name, when) + otherChip);
            }

            return Success;
        }

        /// <summary>
        /// Reads back a byte configuration register and compares it with the value written.
        /// </summary>
        /// <param name="register">The register address.</param>
        /// <param name="expected">The value written.</param>
        /// <returns><see cref="Success"/>, <see cref="BusError"/> or <see cref="ConfigurationMismatch"/>.</returns>
        protected int Verify(byte register, byte expected)
        {
            byte actual;
            bool read = _registerBus.TryReadRegister(register, out actual);
            return CheckReadBack(register, read, actual, expected, 0xFF);
        }

        /// <summary>
        /// Checks a configuration register read back against the value written.
        /// </summary>
        /// <param name="register">The register address.</param>
        /// <param name="read">Whether the read succeeded.</param>
        /// <param name="actual">The value read.</param>
        /// <param name="expected">The value written.</param>
        /// <param name="allOnes">All ones at the register's width (0xFF or 0xFFFF): selects 2 or 4 hex digits.</param>
        /// <returns><see cref="Success"/>, <see cref="BusError"/> or <see cref="ConfigurationMismatch"/>.</returns>
        protected int CheckReadBack(byte register, bool read, int actual, int expected, int allOnes)
        {
            if (!read)
            {
                return Fail(BusError, _chip + ": bus error reading back register 0x" + register.ToString("X2"));
            }

            if (actual != expected)
            {
                string format = allOnes > 0xFF ? "X4" : "X2";
                return Fail(
                    ConfigurationMismatch,
                    _chip + ": register 0x" + register.ToString("X2") + " read back 0x" + actual.ToString(format) + " after writing 0x" + expected.ToString(format));
            }

            return Success;
        }

        /// <summary>
        /// Records a failed initialization step.
        /// </summary>
        /// <param name="result">The status code to return.</param>
        /// <param name="message">What failed.</param>
        /// <returns><paramref name="result"/>.</returns>
        protected int Fail(int result, string message)
        {
            _errors++;
            _lastError = message;
            return result;
        }

        /// <summary>
        /// Records a failed read.
        /// </summary>
        /// <param name="message">What failed.</param>
        /// <returns>false.</returns>
        protected bool ReadFailed(string message)
        {
            _errors++;
            _lastError = message;
            return false;
        }

        /// <summary>
        /// Records a failure that is not a bus error (e.g. a flagged measurement): sets <see cref="LastError"/> only.
        /// </summary>
        /// <param name="message">What failed.</param>
        protected void SetLastError(string message)
        {
            _lastError = message;
        }

        private string IdentityText(int value, int expected, int allOnes, string name, string when)
        {
            string format = allOnes > 0xFF ? "X4" : "X2";
            return _chip + ": " + name + " read 0x" + value.ToString(format) + when + " (expected 0x" + expected.ToString(format) + "): ";
        }
    }
}
