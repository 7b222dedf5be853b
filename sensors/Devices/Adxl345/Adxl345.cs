// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Acquisition;
using TinTin.Sensors.Bus;

namespace TinTin.Sensors.Devices.Adxl345
{
    /// <summary>
    /// Streaming driver for the ADXL345/ADXL343 3-axis accelerometer over an <see cref="IRegisterBus"/>
    /// (I2C, SPI or a simulator): full resolution, FIFO in Stream mode, samples in raw counts of
    /// 3.9 mg (3900 micro-g) each.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Over SPI, construct the bus with read mask 0x80 and multi-byte mask 0x40 (<see cref="Adxl345Bits.SpiRead"/>,
    /// <see cref="Adxl345Bits.SpiMultiByte"/>), SPI mode 3, at most 5 MHz. Over I2C the address is 0x53
    /// (ALT ADDRESS low) or 0x1D.
    /// </para>
    /// <para>
    /// Each burst read of DATAX0..DATAZ1 pops exactly one FIFO entry (the pop happens when the address leaves
    /// 0x37 or the transfer ends), so <see cref="TryRead"/> reads one 6-byte burst per entry into a
    /// preallocated buffer and decodes them all at once. Every burst is its own transfer (chip select
    /// released), which gives the chip the 5 microseconds it needs between FIFO reads.
    /// </para>
    /// <para>
    /// The chip reports an overrun (INT_SOURCE Overrun) once its 32-entry FIFO has filled, i.e. when it was
    /// not drained in time; each <see cref="TryRead"/> that sees it counts one event in <see cref="Overruns"/>.
    /// At 3200 Hz the FIFO fills in 10 ms.
    /// </para>
    /// </remarks>
    public sealed class Adxl345 : ISampleSource
    {
        /// <summary>The default FIFO watermark, in samples: half the FIFO.</summary>
        public const int DefaultWatermark = 16;

        private const int AxisCount = 3;

        private readonly IRegisterBus _bus;
        private readonly byte[] _burst = new byte[Adxl345Bits.MaxEntries * SampleDecoder.BytesPerSample];
        private bool _initialized;
        private int _sampleRateHz;
        private int _overruns;
        private int _errors;
        private byte _lastDeviceId;
        private string _lastError = string.Empty;

        /// <summary>
        /// Initializes a new instance of the <see cref="Adxl345"/> class. Call
        /// <see cref="TryInitialize(Adxl345DataRate, Adxl345Range, int)"/> before reading.
        /// </summary>
        /// <param name="bus">The register bus of the chip.</param>
        /// <exception cref="ArgumentNullException"><paramref name="bus"/> is null.</exception>
        public Adxl345(IRegisterBus bus)
        {
            if (bus == null)
            {
                throw new ArgumentNullException(nameof(bus));
            }

            _bus = bus;
        }

        /// <inheritdoc/>
        public int SampleRateHz
        {
            get { return _sampleRateHz; }
        }

        /// <inheritdoc/>
        public int Axes
        {
            get { return AxisCount; }
        }

        /// <inheritdoc/>
        /// <remarks>3900: the data sheet's typical full-resolution scale factor, 3.9 mg/LSB.</remarks>
        public int MicroGPerCountNumerator
        {
            get { return Adxl345Bits.FullResolutionMicroGPerCount; }
        }

        /// <inheritdoc/>
        public int MicroGPerCountDenominator
        {
            get { return 1; }
        }

        /// <inheritdoc/>
        public int Overruns
        {
            get { return _overruns; }
        }

        /// <inheritdoc/>
        /// <remarks>Counts failed <see cref="TryRead"/> calls and failed initializations.</remarks>
        public int Errors
        {
            get { return _errors; }
        }

        /// <summary>
        /// Gets a value indicating whether the last initialization succeeded.
        /// </summary>
        public bool IsInitialized
        {
            get { return _initialized; }
        }

        /// <summary>
        /// Gets the DEVID value read by the last initialization (0 when the read failed).
        /// </summary>
        public byte LastDeviceId
        {
            get { return _lastDeviceId; }
        }

        /// <summary>
        /// Gets a description of the last failure (what was read and what was expected), or an empty string.
        /// </summary>
        public string LastError
        {
            get { return _lastError; }
        }

        /// <summary>
        /// Checks the device ID and starts measuring with the default watermark (<see cref="DefaultWatermark"/>).
        /// </summary>
        /// <param name="rate">The output data rate.</param>
        /// <param name="range">The measurement range.</param>
        /// <returns>The outcome; on failure <see cref="LastError"/> says what was read.</returns>
        public Adxl345InitializationResult TryInitialize(Adxl345DataRate rate, Adxl345Range range)
        {
            return TryInitialize(rate, range, DefaultWatermark);
        }

        /// <summary>
        /// Checks the device ID, then configures standby, BW_RATE, DATA_FORMAT (full resolution, right-justified,
        /// 4-wire SPI), FIFO_CTL (cleared through Bypass, then Stream with the watermark), INT_ENABLE (Watermark
        /// and Overrun on INT1), reads the configuration back, and sets POWER_CTL Measure.
        /// </summary>
        /// <param name="rate">The output data rate.</param>
        /// <param name="range">The measurement range.</param>
        /// <param name="watermark">The FIFO level, 1 to 31 samples, at which INT_SOURCE Watermark (and INT1) is raised.</param>
        /// <returns>The outcome; on failure <see cref="LastError"/> says what was read.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
        public Adxl345InitializationResult TryInitialize(Adxl345DataRate rate, Adxl345Range range, int watermark)
        {
            if ((byte)rate < (byte)Adxl345DataRate.Hz100 || (byte)rate > (byte)Adxl345DataRate.Hz3200)
            {
                throw new ArgumentOutOfRangeException(nameof(rate));
            }

            if ((byte)range > (byte)Adxl345Range.PlusMinus16G)
            {
                throw new ArgumentOutOfRangeException(nameof(range));
            }

            if (watermark < 1 || watermark >= Adxl345Bits.FifoDepth)
            {
                throw new ArgumentOutOfRangeException(nameof(watermark));
            }

            _initialized = false;
            _lastDeviceId = 0;
            _lastError = string.Empty;

            byte id;
            if (!_bus.TryReadRegister(Adxl345Register.DevId, out id))
            {
                return Fail(Adxl345InitializationResult.BusError, "ADXL345: bus error reading DEVID (0x00): check wiring and the I2C address or SPI chip select");
            }

            _lastDeviceId = id;
            if (id == 0x00 || id == 0xFF)
            {
                return Fail(Adxl345InitializationResult.NoDevice, "ADXL345: DEVID read 0x" + id.ToString("X2") + " (expected 0xE5): no chip answers; the data line is stuck");
            }

            if (id != Adxl345Bits.DeviceId)
            {
                return Fail(Adxl345InitializationResult.WrongDevice, "ADXL345: DEVID read 0x" + id.ToString("X2") + " (expected 0xE5): another chip answers");
            }

            byte bwRate = (byte)rate;
            byte dataFormat = (byte)(Adxl345Bits.DataFormatFullResolution | (byte)range);
            byte fifoCtl = (byte)(Adxl345Bits.FifoModeStream | watermark);
            byte interrupts = Adxl345Bits.IntWatermark | Adxl345Bits.IntOverrun;

            // Standby while configuring; Bypass empties the FIFO so Stream starts clean.
            if (!_bus.TryWriteRegister(Adxl345Register.PowerCtl, 0)
                || !_bus.TryWriteRegister(Adxl345Register.BwRate, bwRate)
                || !_bus.TryWriteRegister(Adxl345Register.DataFormat, dataFormat)
                || !_bus.TryWriteRegister(Adxl345Register.FifoCtl, Adxl345Bits.FifoModeBypass)
                || !_bus.TryWriteRegister(Adxl345Register.FifoCtl, fifoCtl)
                || !_bus.TryWriteRegister(Adxl345Register.IntMap, 0)
                || !_bus.TryWriteRegister(Adxl345Register.IntEnable, interrupts))
            {
                return Fail(Adxl345InitializationResult.BusError, "ADXL345: bus error writing the configuration");
            }

            Adxl345InitializationResult check = Verify(Adxl345Register.BwRate, bwRate);
            if (check == Adxl345InitializationResult.Success)
            {
                check = Verify(Adxl345Register.DataFormat, dataFormat);
            }

            if (check == Adxl345InitializationResult.Success)
            {
                check = Verify(Adxl345Register.FifoCtl, fifoCtl);
            }

            if (check != Adxl345InitializationResult.Success)
            {
                return check;
            }

            if (!_bus.TryWriteRegister(Adxl345Register.PowerCtl, Adxl345Bits.PowerCtlMeasure))
            {
                return Fail(Adxl345InitializationResult.BusError, "ADXL345: bus error writing POWER_CTL");
            }

            _sampleRateHz = 3200 >> (Adxl345Bits.Rate3200Hz - bwRate);
            _initialized = true;
            return Adxl345InitializationResult.Success;
        }

        /// <inheritdoc/>
        /// <remarks>
        /// Reads INT_SOURCE (counting an overrun when its Overrun bit is set) and FIFO_STATUS, then one
        /// 6-byte burst per available entry, up to <paramref name="maxSamples"/>.
        /// </remarks>
        /// <exception cref="InvalidOperationException">The driver has not been initialized successfully.</exception>
        public bool TryRead(int[] destination, int offset, int maxSamples, out int samplesRead)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (offset < 0 || offset > destination.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            if (maxSamples < 0 || maxSamples > (destination.Length - offset) / AxisCount)
            {
                throw new ArgumentOutOfRangeException(nameof(maxSamples));
            }

            if (!_initialized)
            {
                throw new InvalidOperationException();
            }

            samplesRead = 0;
            byte source;
            byte status;
            if (!_bus.TryReadRegister(Adxl345Register.IntSource, out source)
                || !_bus.TryReadRegister(Adxl345Register.FifoStatus, out status))
            {
                return ReadFailed("ADXL345: bus error reading INT_SOURCE or FIFO_STATUS");
            }

            if ((source & Adxl345Bits.IntOverrun) != 0)
            {
                _overruns++;
            }

            int available = status & Adxl345Bits.FifoStatusEntriesMask;
            if (available > Adxl345Bits.MaxEntries)
            {
                // Impossible for a working chip: a corrupted status byte (e.g. 0xFF from a vanished chip).
                return ReadFailed("ADXL345: FIFO_STATUS read 0x" + status.ToString("X2") + ": more than 33 entries");
            }

            int count = available < maxSamples ? available : maxSamples;
            byte[] burst = _burst;
            IRegisterBus bus = _bus;
            int done = 0;
            bool ok = true;
            while (done < count)
            {
                if (!bus.TryReadBurst(Adxl345Register.DataX0, burst, done * SampleDecoder.BytesPerSample, SampleDecoder.BytesPerSample))
                {
                    ok = false;
                    break;
                }

                done++;
            }

            SampleDecoder.DecodeLittleEndian(burst, 0, SampleDecoder.BytesPerSample, destination, offset, done);
            samplesRead = done;
            return ok || ReadFailed("ADXL345: bus error reading the FIFO data registers");
        }

        private Adxl345InitializationResult Verify(byte register, byte expected)
        {
            byte actual;
            if (!_bus.TryReadRegister(register, out actual))
            {
                return Fail(Adxl345InitializationResult.BusError, "ADXL345: bus error reading back register 0x" + register.ToString("X2"));
            }

            if (actual != expected)
            {
                return Fail(
                    Adxl345InitializationResult.ConfigurationMismatch,
                    "ADXL345: register 0x" + register.ToString("X2") + " read back 0x" + actual.ToString("X2") + " after writing 0x" + expected.ToString("X2"));
            }

            return Adxl345InitializationResult.Success;
        }

        private Adxl345InitializationResult Fail(Adxl345InitializationResult result, string message)
        {
            _errors++;
            _lastError = message;
            return result;
        }

        private bool ReadFailed(string message)
        {
            _errors++;
            _lastError = message;
            return false;
        }
    }
}
