// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Threading;
using TinTin.Sensors.Acquisition;
using TinTin.Sensors.Bus;

namespace TinTin.Sensors.Devices.Mpu6886
{
    /// <summary>
    /// Streaming driver for the accelerometer of the MPU-6886 6-axis IMU (M5StickC, M5Stack) over an
    /// <see cref="IRegisterBus"/> (I2C or a simulator): gyroscope in standby, accelerometer samples through the
    /// 1 KB FIFO, raw 16-bit counts.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Sample rate = 1 kHz / (1 + divider), so at most 1000 Hz: the driver keeps the accelerometer low-pass
    /// filter in use (ACCEL_FCHOICE_B = 0), which the sample-rate divider needs, and picks the widest filter
    /// whose 3-dB bandwidth stays below half the sample rate (420 Hz at 1000 Hz, 218 Hz at 500 Hz, ...,
    /// at narrowest 10.2 Hz, which is wider than half the rate below about 20 Hz). The
    /// 4 kHz filter-bypass mode is not used.
    /// </para>
    /// <para>
    /// Every FIFO record is 8 bytes: accelerometer X, Y, Z and the temperature, big-endian (the chip always
    /// adds the temperature). <see cref="TryRead"/> reads FIFO_COUNT, then whole records in bursts from
    /// FIFO_R_W (the address does not advance there, every byte read pops one FIFO byte) into a
    /// preallocated buffer, and decodes X, Y, Z with stride 8.
    /// </para>
    /// <para>
    /// The FIFO runs in stop-when-full mode, so a full FIFO keeps whole records (1024 = 128 x 8) and newer
    /// samples are dropped; the chip reports it with INT_STATUS FIFO_OFLOW, which <see cref="TryRead"/>
    /// counts in <see cref="Overruns"/>. At 1000 Hz the FIFO fills in 128 ms. A failed FIFO burst leaves the
    /// record boundary unknown: the next <see cref="TryRead"/> resets the FIFO first and counts an overrun.
    /// </para>
    /// </remarks>
    public sealed class Mpu6886 : RegisterDriver, ISampleSource
    {
        /// <summary>The most FIFO records read in one bus transfer (256 bytes).</summary>
        public const int MaxRecordsPerBurst = 32;

        /// <summary>The most records the FIFO holds (1024 / 8).</summary>
        public const int MaxRecords = Mpu6886Bits.FifoSizeBytes / Mpu6886Bits.AccelRecordBytes;

        private const int AxisCount = 3;
        private const int ResetDelayMilliseconds = 10;
        private const int MicroGNumerator = 15625;

        private readonly byte[] _burst = new byte[Mpu6886Bits.FifoSizeBytes];
        private readonly byte[] _count = new byte[2];
        private bool _resyncPending;
        private int _sampleRateHz;
        private int _denominator = 256;
        private int _overruns;

        /// <summary>
        /// Initializes a new instance of the <see cref="Mpu6886"/> class. Call
        /// <see cref="TryInitialize(Mpu6886Range, int)"/> before reading.
        /// </summary>
        /// <param name="bus">The register bus of the chip; <see cref="RegisterDriver.Dispose"/> disposes it.</param>
        /// <exception cref="ArgumentNullException"><paramref name="bus"/> is null.</exception>
        public Mpu6886(IRegisterBus bus)
            : base(bus, "MPU6886")
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
        /// <remarks>15625: 1 g / 16384 counts = 15625/256 micro-g at 2 g; the denominator halves with each range step.</remarks>
        public int MicroGPerCountNumerator
        {
            get { return MicroGNumerator; }
        }

        /// <inheritdoc/>
        /// <remarks>256, 128, 64 or 32 for 2, 4, 8 or 16 g.</remarks>
        public int MicroGPerCountDenominator
        {
            get { return _denominator; }
        }

        /// <inheritdoc/>
        public int Overruns
        {
            get { return _overruns; }
        }

        /// <summary>
        /// Gets the WHO_AM_I value read by the last initialization (0 when the read failed).
        /// </summary>
        public byte LastDeviceId
        {
            get { return (byte)Identity; }
        }

        /// <summary>
        /// Checks WHO_AM_I, resets the chip, wakes it with the automatic clock, puts the gyroscope in standby,
        /// sets OUTPUT_LIMIT, CONFIG (FIFO stop-when-full, DLPF_CFG 1), SMPLRT_DIV, ACCEL_CONFIG (range),
        /// ACCEL_CONFIG2 (filter), FIFO_EN (accelerometer), INT_ENABLE (FIFO overflow), resets and enables the
        /// FIFO, and reads the configuration back.
        /// </summary>
        /// <param name="range">The accelerometer full-scale range.</param>
        /// <param name="sampleRateDivider">SMPLRT_DIV, 0 to 255: sample rate = 1000 Hz / (1 + divider).</param>
        /// <returns>The outcome; on failure <see cref="RegisterDriver.LastError"/> says what was read.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
        public Mpu6886InitializationResult TryInitialize(Mpu6886Range range, int sampleRateDivider)
        {
            if ((byte)range > (byte)Mpu6886Range.PlusMinus16G)
            {
                throw new ArgumentOutOfRangeException(nameof(range));
            }

            if (sampleRateDivider < 0 || sampleRateDivider > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleRateDivider));
            }

            BeginInitialization();
            _resyncPending = false;
            int probe = ProbeIdentity(Mpu6886Register.WhoAmI, Mpu6886Bits.DeviceId, "WHO_AM_I", "check wiring and the I2C address (0x68)", "the data line is stuck");
            if (probe != Success)
            {
                return (Mpu6886InitializationResult)probe;
            }

            IRegisterBus bus = RegisterBus;

            if (!bus.TryWriteRegister(Mpu6886Register.PowerManagement1, Mpu6886Bits.PowerDeviceReset))
            {
                return (Mpu6886InitializationResult)Fail(BusError, "MPU6886: bus error writing PWR_MGMT_1 (reset)");
            }

            Thread.Sleep(ResetDelayMilliseconds);
            if (!bus.TryWriteRegister(Mpu6886Register.PowerManagement1, Mpu6886Bits.PowerClockAuto))
            {
                return (Mpu6886InitializationResult)Fail(BusError, "MPU6886: bus error writing PWR_MGMT_1 (wake)");
            }

            Thread.Sleep(ResetDelayMilliseconds);

            byte config = (byte)(Mpu6886Bits.ConfigFifoModeStopWhenFull | Mpu6886Bits.ConfigDlpf1Khz);
            byte divider = (byte)sampleRateDivider;
            byte accelConfig = (byte)((byte)range << Mpu6886Bits.AccelFullScaleShift);
            byte accelConfig2 = AccelerometerFilter(sampleRateDivider);

            if (!bus.TryWriteRegister(Mpu6886Register.PowerManagement2, Mpu6886Bits.StandbyGyroAll)
                || !bus.TryWriteRegister(Mpu6886Register.AccelIntelControl, Mpu6886Bits.AccelIntelOutputLimit)
                || !bus.TryWriteRegister(Mpu6886Register.Config, config)
                || !bus.TryWriteRegister(Mpu6886Register.SampleRateDivider, divider)
                || !bus.TryWriteRegister(Mpu6886Register.AccelConfig, accelConfig)
                || !bus.TryWriteRegister(Mpu6886Register.AccelConfig2, accelConfig2)
                || !bus.TryWriteRegister(Mpu6886Register.FifoEnable, Mpu6886Bits.FifoEnableAccel)
                || !bus.TryWriteRegister(Mpu6886Register.IntEnable, Mpu6886Bits.IntFifoOverflow)
                || !bus.TryWriteRegister(Mpu6886Register.UserControl, Mpu6886Bits.UserControlFifoReset)
                || !bus.TryWriteRegister(Mpu6886Register.UserControl, Mpu6886Bits.UserControlFifoEnable))
            {
                return (Mpu6886InitializationResult)Fail(BusError, "MPU6886: bus error writing the configuration");
            }

            int check = Verify(Mpu6886Register.Config, config);
            if (check == Success)
            {
                check = Verify(Mpu6886Register.SampleRateDivider, divider);
            }

            if (check == Success)
            {
                check = Verify(Mpu6886Register.AccelConfig, accelConfig);
            }

            if (check == Success)
            {
                check = Verify(Mpu6886Register.FifoEnable, Mpu6886Bits.FifoEnableAccel);
            }

            if (check != Success)
            {
                return (Mpu6886InitializationResult)check;
            }

            int divisor = 1 + sampleRateDivider;
            _sampleRateHz = (Mpu6886Bits.InternalRateHz + (divisor / 2)) / divisor;
            _denominator = 256 >> (byte)range;
            return (Mpu6886InitializationResult)CompleteInitialization();
        }

        /// <inheritdoc/>
        /// <remarks>
        /// Reads INT_STATUS (counting an overrun when FIFO_OFLOW is set) and FIFO_COUNT, then the whole
        /// records available, up to <paramref name="maxSamples"/>, in bursts of at most
        /// <see cref="MaxRecordsPerBurst"/> records.
        /// </remarks>
        /// <exception cref="InvalidOperationException">The driver has not been initialized successfully.</exception>
        public bool TryRead(int[] destination, int offset, int maxSamples, out int samplesRead)
        {
            CheckRead(destination, offset, maxSamples, AxisCount);
            samplesRead = 0;
            IRegisterBus bus = RegisterBus;
            if (_resyncPending)
            {
                // The last burst failed part-way: bytes were popped, the record boundary is lost.
                if (!bus.TryWriteRegister(Mpu6886Register.UserControl, (byte)(Mpu6886Bits.UserControlFifoEnable | Mpu6886Bits.UserControlFifoReset)))
                {
                    return ReadFailed("MPU6886: bus error resetting the FIFO after a failed read");
                }

                _resyncPending = false;
                _overruns++;
            }

            byte status;
            if (!bus.TryReadRegister(Mpu6886Register.IntStatus, out status)
                || !bus.TryReadBurst(Mpu6886Register.FifoCountH, _count, 0, 2))
            {
                return ReadFailed("MPU6886: bus error reading INT_STATUS or FIFO_COUNT");
            }

            if ((status & Mpu6886Bits.IntFifoOverflow) != 0)
            {
                _overruns++;
            }

            int bytes = (_count[0] << 8) | _count[1];
            if (bytes > Mpu6886Bits.FifoSizeBytes)
            {
                // Impossible for a working chip: a corrupted count (e.g. 0xFFFF from a vanished chip).
                return ReadFailed("MPU6886: FIFO_COUNT read " + bytes.ToString() + ": more than 1024 bytes");
            }

            int available = bytes / Mpu6886Bits.AccelRecordBytes;
            int count = available < maxSamples ? available : maxSamples;
            byte[] burst = _burst;
            int done = 0;
            bool ok = true;
            while (done < count)
            {
                int chunk = count - done;
                if (chunk > MaxRecordsPerBurst)
                {
                    chunk = MaxRecordsPerBurst;
                }

                if (!bus.TryReadBurst(Mpu6886Register.FifoReadWrite, burst, done * Mpu6886Bits.AccelRecordBytes, chunk * Mpu6886Bits.AccelRecordBytes))
                {
                    ok = false;
                    _resyncPending = true;
                    break;
                }

                done += chunk;
            }

            SampleDecoder.DecodeBigEndian(burst, 0, Mpu6886Bits.AccelRecordBytes, destination, offset, done);
            samplesRead = done;
            return ok || ReadFailed("MPU6886: bus error reading FIFO_R_W");
        }

        // The widest accelerometer filter whose 3-dB bandwidth is below half the sample rate
        // (1000 / (1 + divider)): 2 * bandwidth * (1 + divider) < 1000, bandwidths in tenths of a hertz.
        private static byte AccelerometerFilter(int divider)
        {
            int divisor = 1 + divider;
            if (2 * 4200 * divisor < 10000)
            {
                return Mpu6886Bits.AccelDlpf420Hz;
            }

            if (2 * 2181 * divisor < 10000)
            {
                return Mpu6886Bits.AccelDlpf218Hz;
            }

            if (2 * 990 * divisor < 10000)
            {
                return Mpu6886Bits.AccelDlpf99Hz;
            }

            if (2 * 448 * divisor < 10000)
            {
                return Mpu6886Bits.AccelDlpf45Hz;
            }

            if (2 * 212 * divisor < 10000)
            {
                return Mpu6886Bits.AccelDlpf21Hz;
            }

            return Mpu6886Bits.AccelDlpf10Hz;
        }
    }
}
