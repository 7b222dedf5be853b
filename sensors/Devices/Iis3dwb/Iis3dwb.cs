// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Acquisition;
using TinTin.Sensors.Bus;

namespace TinTin.Sensors.Devices.Iis3dwb
{
    /// <summary>
    /// Streaming driver for the ST IIS3DWB wide-band vibration accelerometer over an <see cref="IRegisterBus"/>
    /// (SPI or a simulator): 26.667 kHz, 3 axes, the 512-word FIFO in Continuous mode, samples in raw
    /// 16-bit counts (61, 122, 244 or 488 micro-g each, by full scale).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Over SPI, construct the bus with read mask 0x80 and multi-byte mask 0x00 (<see cref="Iis3dwbBits.SpiRead"/>,
    /// <see cref="Iis3dwbBits.SpiMultiByte"/>): the chip auto-increments through CTRL3_C.IF_INC, which this driver
    /// keeps set. SPI mode 0 or 3, at most 10 MHz; the bus's largest burst must hold
    /// <see cref="MaxWordsPerBurst"/> * 7 bytes.
    /// </para>
    /// <para>
    /// Each FIFO word is 7 bytes: a tag (TAG_SENSOR 0x02 for the accelerometer), then X, Y, Z little-endian.
    /// With IF_INC the read address wraps from FIFO_DATA_OUT_Z_H (0x7E) back to FIFO_DATA_OUT_TAG (0x78), so
    /// one burst from 0x78 reads several whole words (as ST's and Zephyr's drivers do); <see cref="TryRead"/>
    /// reads FIFO_STATUS1/2, then the words in bursts of at most <see cref="MaxWordsPerBurst"/> into a
    /// preallocated buffer, checks every tag and decodes in place.
    /// </para>
    /// <para>
    /// At 26.667 kHz the 512-word FIFO fills in 19.2 ms. When it was not drained in time the chip sets
    /// FIFO_OVR_IA / FIFO_OVR_LATCHED; each <see cref="TryRead"/> that sees either counts one event in
    /// <see cref="Overruns"/>.
    /// </para>
    /// </remarks>
    public sealed class Iis3dwb : RegisterDriver, ISampleSource
    {
        /// <summary>The default FIFO watermark, in words: half the FIFO, 9.6 ms at 26.667 kHz.</summary>
        public const int DefaultWatermark = 256;

        /// <summary>The default largest burst, in FIFO words (448 bytes).</summary>
        public const int DefaultMaxWordsPerBurst = 64;

        private const int AxisCount = 3;

        private readonly byte[] _burst;
        private readonly byte[] _status = new byte[2];
        private readonly int _maxWordsPerBurst;
        private int _microGPerCount;
        private int _overruns;

        /// <summary>
        /// Initializes a new instance of the <see cref="Iis3dwb"/> class with bursts of at most
        /// <see cref="DefaultMaxWordsPerBurst"/> words. Call <see cref="TryInitialize(Iis3dwbRange, int)"/> before reading.
        /// </summary>
        /// <param name="bus">The register bus of the chip; <see cref="RegisterDriver.Dispose"/> disposes it.</param>
        /// <exception cref="ArgumentNullException"><paramref name="bus"/> is null.</exception>
        public Iis3dwb(IRegisterBus bus)
            : this(bus, DefaultMaxWordsPerBurst)
        {
        }

        /// <summary>
        /// Initializes a new instance of the <see cref="Iis3dwb"/> class.
        /// </summary>
        /// <param name="bus">The register bus of the chip; <see cref="RegisterDriver.Dispose"/> disposes it.</param>
        /// <param name="maxWordsPerBurst">The most FIFO words read in one burst, 1 to 512; the bus must accept bursts of 7 times as many bytes.</param>
        /// <exception cref="ArgumentNullException"><paramref name="bus"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWordsPerBurst"/> is outside 1 to 512.</exception>
        public Iis3dwb(IRegisterBus bus, int maxWordsPerBurst)
            : base(bus, "IIS3DWB")
        {
            if (maxWordsPerBurst < 1 || maxWordsPerBurst > Iis3dwbBits.FifoDepth)
            {
                throw new ArgumentOutOfRangeException(nameof(maxWordsPerBurst));
            }

            _maxWordsPerBurst = maxWordsPerBurst;
            _burst = new byte[maxWordsPerBurst * Iis3dwbBits.FifoWordBytes];
        }

        /// <inheritdoc/>
        /// <remarks>26667: the nominal 26.667 kHz; the real rate varies by part (INTERNAL_FREQ_FINE gives the trim).</remarks>
        public int SampleRateHz
        {
            get { return Iis3dwbBits.OutputDataRateHz; }
        }

        /// <inheritdoc/>
        public int Axes
        {
            get { return AxisCount; }
        }

        /// <inheritdoc/>
        /// <remarks>The data sheet's typical sensitivity: 61, 122, 244 or 488 micro-g per count at 2, 4, 8, 16 g; 0 before initialization.</remarks>
        public int MicroGPerCountNumerator
        {
            get { return _microGPerCount; }
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
        /// Gets the most FIFO words one burst reads.
        /// </summary>
        public int MaxWordsPerBurst
        {
            get { return _maxWordsPerBurst; }
        }

        /// <summary>
        /// Gets the WHO_AM_I value read by the last initialization (0 when the read failed).
        /// </summary>
        public byte LastDeviceId
        {
            get { return (byte)Identity; }
        }

        /// <summary>
        /// The typical sensitivity of a full scale, in micro-g per count (data sheet "Mechanical characteristics").
        /// </summary>
        /// <param name="range">The full scale.</param>
        /// <returns>61, 122, 244 or 488.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="range"/> is not a defined value.</exception>
        public static int MicroGPerCount(Iis3dwbRange range)
        {
            switch (range)
            {
                case Iis3dwbRange.PlusMinus2G:
                    return 61;
                case Iis3dwbRange.PlusMinus4G:
                    return 122;
                case Iis3dwbRange.PlusMinus8G:
                    return 244;
                case Iis3dwbRange.PlusMinus16G:
                    return 488;
                default:
                    throw new ArgumentOutOfRangeException(nameof(range));
            }
        }

        /// <summary>
        /// Checks the device ID and starts measuring with the default watermark (<see cref="DefaultWatermark"/>).
        /// </summary>
        /// <param name="range">The full scale.</param>
        /// <returns>The outcome; on failure <see cref="RegisterDriver.LastError"/> says what was read.</returns>
        public Iis3dwbInitializationResult TryInitialize(Iis3dwbRange range)
        {
            return TryInitialize(range, DefaultWatermark);
        }

        /// <summary>
        /// Checks WHO_AM_I, then, with the accelerometer powered down, configures CTRL3_C (BDU, IF_INC), the FIFO
        /// (emptied through Bypass, watermark, BDR_XL 26.667 kHz, Continuous mode), INT1_CTRL (FIFO threshold on
        /// INT1), reads the configuration back, and enables the accelerometer in CTRL1_XL.
        /// </summary>
        /// <param name="range">The full scale.</param>
        /// <param name="watermark">The FIFO level, 1 to 511 words, at which FIFO_WTM_IA (and INT1) is raised.</param>
        /// <returns>The outcome; on failure <see cref="RegisterDriver.LastError"/> says what was read.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
        public Iis3dwbInitializationResult TryInitialize(Iis3dwbRange range, int watermark)
        {
            int microG = MicroGPerCount(range);
            if (watermark < 1 || watermark > Iis3dwbBits.MaxWatermark)
            {
                throw new ArgumentOutOfRangeException(nameof(watermark));
            }

            BeginInitialization();
            int probe = ProbeIdentity(Iis3dwbRegister.WhoAmI, Iis3dwbBits.DeviceId, "WHO_AM_I", "check wiring and the SPI chip select", "MISO is stuck");
            if (probe != Success)
            {
                return (Iis3dwbInitializationResult)probe;
            }

            IRegisterBus bus = RegisterBus;

            byte ctrl3 = Iis3dwbBits.Ctrl3CBlockDataUpdate | Iis3dwbBits.Ctrl3CAutoIncrement;
            byte fifoCtrl1 = (byte)(watermark & 0xFF);
            byte fifoCtrl2 = (byte)(watermark >> 8);
            byte ctrl1 = (byte)(Iis3dwbBits.Ctrl1XlEnable26k7Hz | ((byte)range << Iis3dwbBits.Ctrl1XlFullScaleShift));

            // Power down while configuring; Bypass empties the FIFO so Continuous starts clean.
            if (!bus.TryWriteRegister(Iis3dwbRegister.Ctrl1Xl, 0)
                || !bus.TryWriteRegister(Iis3dwbRegister.Ctrl3C, ctrl3)
                || !bus.TryWriteRegister(Iis3dwbRegister.FifoCtrl4, Iis3dwbBits.FifoModeBypass)
                || !bus.TryWriteRegister(Iis3dwbRegister.FifoCtrl1, fifoCtrl1)
                || !bus.TryWriteRegister(Iis3dwbRegister.FifoCtrl2, fifoCtrl2)
                || !bus.TryWriteRegister(Iis3dwbRegister.FifoCtrl3, Iis3dwbBits.BdrXl26k7Hz)
                || !bus.TryWriteRegister(Iis3dwbRegister.Int1Ctrl, Iis3dwbBits.Int1FifoThreshold)
                || !bus.TryWriteRegister(Iis3dwbRegister.FifoCtrl4, Iis3dwbBits.FifoModeContinuous))
            {
                return (Iis3dwbInitializationResult)Fail(BusError, "IIS3DWB: bus error writing the configuration");
            }

            int check = Verify(Iis3dwbRegister.Ctrl3C, ctrl3);
            if (check == Success)
            {
                check = Verify(Iis3dwbRegister.FifoCtrl1, fifoCtrl1);
            }

            if (check == Success)
            {
                check = Verify(Iis3dwbRegister.FifoCtrl2, fifoCtrl2);
            }

            if (check == Success)
            {
                check = Verify(Iis3dwbRegister.FifoCtrl3, Iis3dwbBits.BdrXl26k7Hz);
            }

            if (check == Success)
            {
                check = Verify(Iis3dwbRegister.FifoCtrl4, Iis3dwbBits.FifoModeContinuous);
            }

            if (check != Success)
            {
                return (Iis3dwbInitializationResult)check;
            }

            if (!bus.TryWriteRegister(Iis3dwbRegister.Ctrl1Xl, ctrl1))
            {
                return (Iis3dwbInitializationResult)Fail(BusError, "IIS3DWB: bus error writing CTRL1_XL");
            }

            check = Verify(Iis3dwbRegister.Ctrl1Xl, ctrl1);
            if (check != Success)
            {
                return (Iis3dwbInitializationResult)check;
            }

            _microGPerCount = microG;
            return (Iis3dwbInitializationResult)CompleteInitialization();
        }

        /// <inheritdoc/>
        /// <remarks>
        /// Reads FIFO_STATUS1/2 in one burst (counting an overrun when FIFO_OVR_IA or FIFO_OVR_LATCHED is set),
        /// then the available words, up to <paramref name="maxSamples"/>, in bursts from FIFO_DATA_OUT_TAG.
        /// A word whose tag is not the accelerometer's fails the read (only the accelerometer is batched).
        /// </remarks>
        /// <exception cref="InvalidOperationException">The driver has not been initialized successfully.</exception>
        public bool TryRead(int[] destination, int offset, int maxSamples, out int samplesRead)
        {
            CheckRead(destination, offset, maxSamples, AxisCount);
            samplesRead = 0;
            IRegisterBus bus = RegisterBus;
            byte[] status = _status;
            if (!bus.TryReadBurst(Iis3dwbRegister.FifoStatus1, status, 0, 2))
            {
                return ReadFailed("IIS3DWB: bus error reading FIFO_STATUS1/2");
            }

            int status2 = status[1];
            if ((status2 & (Iis3dwbBits.FifoStatus2Overrun | Iis3dwbBits.FifoStatus2OverrunLatched)) != 0)
            {
                _overruns++;
            }

            int available = ((status2 & Iis3dwbBits.FifoStatus2DiffHighMask) << 8) | status[0];
            if (available > Iis3dwbBits.FifoDepth)
            {
                // Impossible for a working chip: a corrupted status (e.g. 0xFF 0xFF from a vanished chip).
                return ReadFailed("IIS3DWB: FIFO_STATUS1/2 read 0x" + status[0].ToString("X2") + " 0x" + status[1].ToString("X2") + ": more than 512 words");
            }

            int count = available < maxSamples ? available : maxSamples;
            byte[] burst = _burst;
            int maxWords = _maxWordsPerBurst;
            int done = 0;
            while (done < count)
            {
                int words = count - done;
                if (words > maxWords)
                {
                    words = maxWords;
                }

                if (!bus.TryReadBurst(Iis3dwbRegister.FifoDataOutTag, burst, 0, words * Iis3dwbBits.FifoWordBytes))
                {
                    samplesRead = done;
                    return ReadFailed("IIS3DWB: bus error reading the FIFO data registers");
                }

                int valid = 0;
                int end = words * Iis3dwbBits.FifoWordBytes;
                for (int i = 0; i < end; i += Iis3dwbBits.FifoWordBytes)
                {
                    if ((burst[i] >> Iis3dwbBits.TagSensorShift) != Iis3dwbBits.TagSensorAccelerometer)
                    {
                        break;
                    }

                    valid++;
                }

                SampleDecoder.DecodeLittleEndian(burst, 1, Iis3dwbBits.FifoWordBytes, destination, offset + (done * AxisCount), valid);
                done += valid;
                if (valid < words)
                {
                    samplesRead = done;
                    return ReadFailed("IIS3DWB: FIFO word tag 0x" + burst[valid * Iis3dwbBits.FifoWordBytes].ToString("X2") + " is not an accelerometer word (TAG_SENSOR 0x02)");
                }
            }

            samplesRead = done;
            return true;
        }
    }
}
