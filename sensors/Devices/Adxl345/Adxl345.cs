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
    public sealed class Adxl345 : RegisterDriver, ISampleSource
    {
        /// <summary>The default FIFO watermark, in samples: half the FIFO.</summary>
        public const int DefaultWatermark = 16;

        private const int AxisCount = 3;

        private readonly byte[] _burst = new byte[Adxl345Bits.MaxEntries * SampleDecoder.BytesPerSample];
        private int _sampleRateHz;
        private int _overruns;

        /// <summary>
        /// Initializes a new instance of the <see cref="Adxl345"/> class. Call
        /// <see cref="TryInitialize(Adxl345DataRate, Adxl345Range, int)"/> before reading.
        /// </summary>
        /// <param name="bus">The register bus of the chip; <see cref="RegisterDriver.Dispose"/> disposes it.</param>
        /// <exception cref="ArgumentNullException"><paramref name="bus"/> is null.</exception>
        public Adxl345(IRegisterBus bus)
            : base(bus, "ADXL345")
        {
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

        /// <summary>
        /// Gets the DEVID value read by the last initialization (0 when the read failed).
        /// </summary>
        public byte LastDeviceId
        {
            get { return (byte)Identity; }
        }

        /// <summary>
        /// Checks the device ID and starts measuring with the default watermark (<see cref="DefaultWatermark"/>).
        /// </summary>
        /// <param name="rate">The output data rate.</param>
        /// <param name="range">The measurement range.</param>
        /// <returns>The outcome; on failure <see cref="RegisterDriver.LastError"/> says what was read.</returns>
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
        /// <returns>The outcome; on failure <see cref="RegisterDriver.LastError"/> says what was read.</returns>
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

            BeginInitialization();
            int probe = ProbeIdentity(Adxl345Register.DevId, Adxl345Bits.DeviceId, "DEVID", "check wiring and the I2C address or SPI chip select", "the data line is stuck");
            if (probe != Success)
            {
                return (Adxl345InitializationResult)probe;
            }

            IRegisterBus bus = RegisterBus;

            byte bwRate = (byte)rate;
            byte dataFormat = (byte)(Adxl345Bits.DataFormatFullResolution | (byte)range);
            byte fifoCtl = (byte)(Adxl345Bits.FifoModeStream | watermark);
            byte interrupts = Adxl345Bits.IntWatermark | Adxl345Bits.IntOverrun;

            // Standby while configuring; Bypass empties the FIFO so Stream starts clean.
            if (!bus.TryWriteRegister(Adxl345Register.PowerCtl, 0)
                || !bus.TryWriteRegister(Adxl345Register.BwRate, bwRate)
                || !bus.TryWriteRegister(Adxl345Register.DataFormat, dataFormat)
                || !bus.TryWriteRegister(Adxl345Register.FifoCtl, Adxl345Bits.FifoModeBypass)
                || !bus.TryWriteRegister(Adxl345Register.FifoCtl, fifoCtl)
                || !bus.TryWriteRegister(Adxl345Register.IntMap, 0)
                || !bus.TryWriteRegister(Adxl345Register.IntEnable, interrupts))
            {
                return (Adxl345InitializationResult)Fail(BusError, "ADXL345: bus error writing the configuration");
            }

            int check = Verify(Adxl345Register.BwRate, bwRate);
            if (check == Success)
            {
                check = Verify(Adxl345Register.DataFormat, dataFormat);
            }

            if (check == Success)
            {
                check = Verify(Adxl345Register.FifoCtl, fifoCtl);
            }

            if (check != Success)
            {
                return (Adxl345InitializationResult)check;
            }

            if (!bus.TryWriteRegister(Adxl345Register.PowerCtl, Adxl345Bits.PowerCtlMeasure))
            {
                return (Adxl345InitializationResult)Fail(BusError, "ADXL345: bus error writing POWER_CTL");
            }

            _sampleRateHz = 3200 >> (Adxl345Bits.Rate3200Hz - bwRate);
            return (Adxl345InitializationResult)CompleteInitialization();
        }

        /// <inheritdoc/>
        /// <remarks>
        /// Reads INT_SOURCE (counting an overrun when its Overrun bit is set) and FIFO_STATUS, then one
        /// 6-byte burst per available entry, up to <paramref name="maxSamples"/>.
        /// </remarks>
        /// <exception cref="InvalidOperationException">The driver has not been initialized successfully.</exception>
        public bool TryRead(int[] destination, int offset, int maxSamples, out int samplesRead)
        {
            CheckRead(destination, offset, maxSamples, AxisCount);
            samplesRead = 0;
            IRegisterBus bus = RegisterBus;
            byte source;
            byte status;
            if (!bus.TryReadRegister(Adxl345Register.IntSource, out source)
                || !bus.TryReadRegister(Adxl345Register.FifoStatus, out status))
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
    }
}
