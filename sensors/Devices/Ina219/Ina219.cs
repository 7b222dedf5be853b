// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Devices.Ina219
{
    /// <summary>
    /// Integer driver for the TI INA219 high-side current, bus voltage and power monitor over an
    /// <see cref="IIna219Bus"/> (I2C or a simulator): microvolts, millivolts, microamps and microwatts,
    /// no floating point.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <see cref="TryInitialize"/> resets the chip, checks that the configuration register holds its
    /// power-on value 0x399F (the INA219 has no ID register), picks the smallest PGA range that holds the
    /// shunt voltage at the maximum expected current, the current LSB (maximum current / 2^15, rounded up
    /// to whole microamps) and the calibration value, and starts continuous 12-bit shunt and bus conversion
    /// (one result every 1064 microseconds) on the 32 V bus range.
    /// </para>
    /// <para>
    /// The chip sets OVF when the current or power calculation is out of range: the current and power
    /// registers may then be meaningless. <see cref="TryReadMeasurement"/> reports such a sample as failed
    /// and counts it in <see cref="Overflows"/>. Bus errors are counted in <see cref="RegisterDriver.Errors"/> (and by the
    /// bus in its ErrorCount); <see cref="RegisterDriver.LastError"/> says what failed.
    /// </para>
    /// </remarks>
    public sealed class Ina219 : RegisterDriver
    {
        private const ushort AllOnes = 0xFFFF;

        private readonly IIna219Bus _bus;
        private int _currentLsbMicroamps;
        private ushort _calibration;
        private ushort _configuration;
        private bool _mathOverflow;
        private bool _conversionReady;
        private int _overflows;

        /// <summary>
        /// Initializes a new instance of the <see cref="Ina219"/> class. Call <see cref="TryInitialize"/> before
        /// reading current or power.
        /// </summary>
        /// <param name="bus">The register bus of the chip; <see cref="RegisterDriver.Dispose"/> disposes it.</param>
        /// <exception cref="ArgumentNullException"><paramref name="bus"/> is null.</exception>
        public Ina219(IIna219Bus bus)
            : base(bus, "INA219")
        {
            _bus = bus;
        }

        /// <summary>Gets the current register's LSB in microamps chosen by the last initialization.</summary>
        public int CurrentLsbMicroamps
        {
            get { return _currentLsbMicroamps; }
        }

        /// <summary>Gets the power register's LSB in microwatts (20 times the current LSB).</summary>
        public int PowerLsbMicrowatts
        {
            get { return _currentLsbMicroamps * Ina219Bits.PowerLsbPerCurrentLsb; }
        }

        /// <summary>Gets the calibration value written by the last initialization.</summary>
        public ushort Calibration
        {
            get { return _calibration; }
        }

        /// <summary>Gets the configuration value written by the last initialization.</summary>
        public ushort Configuration
        {
            get { return _configuration; }
        }

        /// <summary>Gets the configuration register value read after the reset by the last initialization (0 when the read failed).</summary>
        public ushort LastConfigurationRead
        {
            get { return (ushort)Identity; }
        }

        /// <summary>Gets the OVF bit of the last bus voltage read: current and power may be meaningless.</summary>
        public bool MathOverflow
        {
            get { return _mathOverflow; }
        }

        /// <summary>Gets the CNVR bit of the last bus voltage read: a conversion completed since Power was last read.</summary>
        public bool ConversionReady
        {
            get { return _conversionReady; }
        }

        /// <summary>Gets the number of bus voltage reads that saw OVF set.</summary>
        public int Overflows
        {
            get { return _overflows; }
        }

        /// <summary>
        /// Computes the calibration register value of data sheet Equation 1 in integers:
        /// 40960000 / (currentLsbMicroamps * shuntMilliohms), truncated, with bit 0 cleared.
        /// </summary>
        /// <param name="currentLsbMicroamps">The current LSB in microamps, 1 or more.</param>
        /// <param name="shuntMilliohms">The shunt resistance in milliohms, 1 or more.</param>
        /// <returns>The calibration value, 0 when it would not fit in 16 bits.</returns>
        /// <exception cref="ArgumentOutOfRangeException">An argument is less than 1.</exception>
        public static int CalibrationFor(int currentLsbMicroamps, int shuntMilliohms)
        {
            if (currentLsbMicroamps < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(currentLsbMicroamps));
            }

            if (shuntMilliohms < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(shuntMilliohms));
            }

            long calibration = Ina219Bits.CalibrationNumerator / ((long)currentLsbMicroamps * shuntMilliohms);
            return calibration > Ina219Bits.CalibrationValueMask ? 0 : (int)calibration & Ina219Bits.CalibrationValueMask;
        }

        /// <summary>
        /// Resets the chip, checks its power-on configuration, then writes the configuration (32 V bus range,
        /// the smallest PGA range that holds the maximum shunt voltage, 12-bit conversions, shunt and bus
        /// continuous) and the calibration, and reads both back.
        /// </summary>
        /// <param name="shuntMilliohms">The shunt resistance in milliohms (100 on the common breakout boards).</param>
        /// <param name="maxExpectedCurrentMilliamps">The largest current to measure, in milliamps.</param>
        /// <returns>The outcome; on failure <see cref="RegisterDriver.LastError"/> says what was read.</returns>
        /// <exception cref="ArgumentOutOfRangeException">
        /// A value is less than 1, or the shunt voltage at the maximum current exceeds the chip's 320 mV shunt range.
        /// </exception>
        public Ina219InitializationResult TryInitialize(int shuntMilliohms, int maxExpectedCurrentMilliamps)
        {
            if (shuntMilliohms < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(shuntMilliohms));
            }

            if (maxExpectedCurrentMilliamps < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxExpectedCurrentMilliamps));
            }

            // milliamps * milliohms = microvolts.
            long maxShuntMicrovolts = (long)maxExpectedCurrentMilliamps * shuntMilliohms;
            int pga = 0;
            while (pga < 3 && maxShuntMicrovolts > (long)Ina219Bits.ShuntFullScaleCountsPga1 * Ina219Bits.ShuntMicrovoltsPerCount << pga)
            {
                pga++;
            }

            if (maxShuntMicrovolts > (long)Ina219Bits.ShuntFullScaleCountsPga1 * Ina219Bits.ShuntMicrovoltsPerCount << pga)
            {
                throw new ArgumentOutOfRangeException(nameof(maxExpectedCurrentMilliamps), "shunt voltage above 320 mV");
            }

            // Equation 2: Current_LSB = max current / 2^15, rounded up so the maximum current fits the register.
            long lsb = ((long)maxExpectedCurrentMilliamps * 1000 + Ina219Bits.CurrentFullScaleCounts - 1) / Ina219Bits.CurrentFullScaleCounts;

            // A larger LSB when a tiny current on a small shunt would need a calibration above 16 bits.
            long minimumLsb = (Ina219Bits.CalibrationNumerator + ((long)Ina219Bits.CalibrationValueMask * shuntMilliohms) - 1)
                / ((long)Ina219Bits.CalibrationValueMask * shuntMilliohms);
            if (lsb < minimumLsb)
            {
                lsb = minimumLsb;
            }

            int calibration = CalibrationFor((int)lsb, shuntMilliohms);
            if (calibration < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(shuntMilliohms), "calibration below 2");
            }

            ushort configuration = (ushort)(Ina219Bits.BusRange32V
                | (pga << Ina219Bits.PgaShift)
                | (Ina219Bits.Adc12Bit << Ina219Bits.BusAdcShift)
                | (Ina219Bits.Adc12Bit << Ina219Bits.ShuntAdcShift)
                | Ina219Bits.ModeShuntAndBusContinuous);

            BeginInitialization();
            _currentLsbMicroamps = (int)lsb;
            _calibration = (ushort)calibration;
            _configuration = configuration;

            if (!_bus.TryWriteRegister(Ina219Register.Configuration, Ina219Bits.ConfigurationReset))
            {
                return (Ina219InitializationResult)Fail(BusError, "INA219: bus error writing the reset bit to CONFIGURATION (0x00): check wiring, pull-ups and the I2C address (0x40..0x4F)");
            }

            ushort powerOn;
            if (!_bus.TryReadRegister(Ina219Register.Configuration, out powerOn))
            {
                return (Ina219InitializationResult)Fail(BusError, "INA219: bus error reading CONFIGURATION (0x00) after reset");
            }

            int probe = CheckIdentity(powerOn, Ina219Bits.ConfigurationPowerOn, AllOnes, "CONFIGURATION", " after reset", "the data line is stuck", "another chip answers at this address");
            if (probe != Success)
            {
                return (Ina219InitializationResult)probe;
            }

            if (!_bus.TryWriteRegister(Ina219Register.Configuration, configuration)
                || !_bus.TryWriteRegister(Ina219Register.Calibration, (ushort)calibration))
            {
                return (Ina219InitializationResult)Fail(BusError, "INA219: bus error writing CONFIGURATION or CALIBRATION");
            }

            int check = VerifyWord(Ina219Register.Configuration, configuration);
            if (check == Success)
            {
                check = VerifyWord(Ina219Register.Calibration, (ushort)calibration);
            }

            if (check != Success)
            {
                return (Ina219InitializationResult)check;
            }

            return (Ina219InitializationResult)CompleteInitialization();
        }

        /// <summary>
        /// Reads the bus voltage (IN- to GND) and updates <see cref="MathOverflow"/> and <see cref="ConversionReady"/>.
        /// Works without initialization (power-on settings).
        /// </summary>
        /// <param name="millivolts">The bus voltage in millivolts (4 mV steps); 0 on failure.</param>
        /// <returns><c>true</c> when the read succeeded.</returns>
        public bool TryReadBusMillivolts(out int millivolts)
        {
            ushort raw;
            if (!_bus.TryReadRegister(Ina219Register.BusVoltage, out raw))
            {
                millivolts = 0;
                return ReadFailed("INA219: bus error reading BUS VOLTAGE (0x02)");
            }

            _conversionReady = (raw & Ina219Bits.BusConversionReady) != 0;
            _mathOverflow = (raw & Ina219Bits.BusMathOverflow) != 0;
            if (_mathOverflow)
            {
                _overflows++;
            }

            millivolts = (raw >> Ina219Bits.BusVoltageShift) * Ina219Bits.BusMillivoltsPerCount;
            return true;
        }

        /// <summary>
        /// Reads the shunt voltage (IN+ to IN-), signed. Works without initialization (power-on settings).
        /// </summary>
        /// <param name="microvolts">The shunt voltage in microvolts (10 microvolt steps); 0 on failure.</param>
        /// <returns><c>true</c> when the read succeeded.</returns>
        public bool TryReadShuntMicrovolts(out int microvolts)
        {
            ushort raw;
            if (!_bus.TryReadRegister(Ina219Register.ShuntVoltage, out raw))
            {
                microvolts = 0;
                return ReadFailed("INA219: bus error reading SHUNT VOLTAGE (0x01)");
            }

            microvolts = (short)raw * Ina219Bits.ShuntMicrovoltsPerCount;
            return true;
        }

        /// <summary>
        /// Reads the current register, signed (positive from IN+ to IN-).
        /// </summary>
        /// <param name="microamps">The current in microamps (steps of <see cref="CurrentLsbMicroamps"/>); 0 on failure.</param>
        /// <returns><c>true</c> when the read succeeded.</returns>
        /// <exception cref="InvalidOperationException">The driver has not been initialized successfully.</exception>
        public bool TryReadCurrentMicroamps(out int microamps)
        {
            RequireInitialized();
            ushort raw;
            if (!_bus.TryReadRegister(Ina219Register.Current, out raw))
            {
                microamps = 0;
                return ReadFailed("INA219: bus error reading CURRENT (0x04)");
            }

            microamps = (short)raw * _currentLsbMicroamps;
            return true;
        }

        /// <summary>
        /// Reads the power register (reading it clears the chip's CNVR bit).
        /// </summary>
        /// <param name="microwatts">The power in microwatts (steps of <see cref="PowerLsbMicrowatts"/>); 0 on failure.</param>
        /// <returns><c>true</c> when the read succeeded.</returns>
        /// <exception cref="InvalidOperationException">The driver has not been initialized successfully.</exception>
        public bool TryReadPowerMicrowatts(out long microwatts)
        {
            RequireInitialized();
            ushort raw;
            if (!_bus.TryReadRegister(Ina219Register.Power, out raw))
            {
                microwatts = 0;
                return ReadFailed("INA219: bus error reading POWER (0x03)");
            }

            microwatts = (long)raw * Ina219Bits.PowerLsbPerCurrentLsb * _currentLsbMicroamps;
            return true;
        }

        /// <summary>
        /// Reads bus voltage (with the OVF and CNVR flags), current and power in that order: one sample for
        /// energy measurement.
        /// </summary>
        /// <param name="busMillivolts">The bus voltage in millivolts.</param>
        /// <param name="microamps">The current in microamps.</param>
        /// <param name="microwatts">The power in microwatts.</param>
        /// <returns>
        /// <c>true</c> for a valid sample; <c>false</c> on a bus error or when the chip flagged a math overflow
        /// (<see cref="MathOverflow"/>; the maximum expected current is too low), with <see cref="RegisterDriver.LastError"/> saying which.
        /// </returns>
        /// <exception cref="InvalidOperationException">The driver has not been initialized successfully.</exception>
        public bool TryReadMeasurement(out int busMillivolts, out int microamps, out long microwatts)
        {
            RequireInitialized();
            microamps = 0;
            microwatts = 0;
            if (!TryReadBusMillivolts(out busMillivolts)
                || !TryReadCurrentMicroamps(out microamps)
                || !TryReadPowerMicrowatts(out microwatts))
            {
                return false;
            }

            if (_mathOverflow)
            {
                SetLastError("INA219: math overflow (OVF): current or power out of range; raise the maximum expected current");
                return false;
            }

            return true;
        }

        private int VerifyWord(byte register, ushort expected)
        {
            ushort actual;
            bool read = _bus.TryReadRegister(register, out actual);
            return CheckReadBack(register, read, actual, expected, AllOnes);
        }
    }
}
