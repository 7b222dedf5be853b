// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Devices.Ina219;

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// A register-level model of a TI INA219 behind an <see cref="IIna219Bus"/>, measuring a configurable
    /// bus voltage and load current through a shunt of known resistance, with simulated time instead of a clock.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Modelled from the data sheet (SBOS448): power-on values (configuration 0x399F, calibration, current
    /// and power 0); RST restores them; writes to the read-only registers 0x01..0x04 are ignored and counted
    /// in <see cref="RegisterSimulator.IllegalAccessCount"/>, as are accesses beyond 0x05 (which read 0); calibration bit 0
    /// reads 0. A conversion takes the shunt plus the bus conversion time of the SADC/BADC settings (Table 6)
    /// and is started by a configuration write; continuous modes repeat, triggered modes convert once, power-down
    /// and ADC-off do not convert. At the end of a conversion: shunt = current * R / 10 microvolts, clipped to
    /// the PGA range; bus = voltage / 4 mV in bits 15:3, clipped to 13 bits (12 on the 16 V range);
    /// current = shunt * calibration / 4096 and power = |current| * bus / 5000 (Equations 4 and 5), with OVF set
    /// and the register clipped when a result exceeds 16 bits; CNVR set. Reading Power or writing a new
    /// operating mode clears CNVR.
    /// </para>
    /// <para>
    /// Not modelled: ADC resolution below 12 bits and averaging (the inputs are exact, so they would not change the
    /// result), noise and offsets, the 4 microsecond register update delay above 1 MHz SCL, SMBus alert and the
    /// chip's rounding inside Equations 4 and 5 (truncation toward zero here). Assumed, not from the data sheet:
    /// an out-of-range shunt voltage saturates at the PGA full scale, the power register uses the magnitude of
    /// the current, and configuration bit 14 keeps what was written.
    /// </para>
    /// </remarks>
    public sealed class Ina219Simulator : RegisterSimulator, IIna219Bus
    {
        private const int RegisterCount = 6;
        private const int MaxCurrentRegister = 32767;
        private const int MinCurrentRegister = -32768;
        private const int MaxPowerRegister = 65535;

        // Table 6 conversion times in microseconds: codes 0X00..0X11 (resolution), then 1000..1111 (averaging).
        private static readonly int[] s_resolutionMicroseconds = new int[] { 84, 148, 276, 532 };
        private static readonly int[] s_averagingMicroseconds = new int[] { 532, 1060, 2130, 4260, 8510, 17020, 34050, 68100 };

        private readonly int _shuntMilliohms;
        private ushort _configuration;
        private ushort _calibration;
        private int _shunt;
        private int _bus;
        private int _current;
        private int _power;
        private bool _conversionReady;
        private bool _mathOverflow;
        private bool _converting;
        private long _conversionElapsed;
        private int _conversions;

        private int _busMillivolts;
        private int _currentMicroamps;
        private ushort _powerOnConfiguration = Ina219Bits.ConfigurationPowerOn;

        /// <summary>
        /// Initializes a new instance of the <see cref="Ina219Simulator"/> class in its power-on state, converting
        /// continuously with no bus voltage and no current.
        /// </summary>
        /// <param name="shuntMilliohms">The resistance of the simulated board's shunt in milliohms, 1 or more.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="shuntMilliohms"/> is less than 1.</exception>
        public Ina219Simulator(int shuntMilliohms)
        {
            if (shuntMilliohms < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(shuntMilliohms));
            }

            _shuntMilliohms = shuntMilliohms;
            PowerOnReset();
        }

        /// <summary>Gets or sets the bus voltage (IN- to GND) the next conversions measure, in millivolts.</summary>
        public int BusMillivolts
        {
            get { return _busMillivolts; }
            set { _busMillivolts = value; }
        }

        /// <summary>Gets or sets the load current through the shunt (IN+ to IN-) the next conversions measure, in microamps.</summary>
        public int CurrentMicroamps
        {
            get { return _currentMicroamps; }
            set { _currentMicroamps = value; }
        }

        /// <summary>
        /// Gets or sets the configuration value a reset produces (0x399F by default; set another, e.g. an INA226's
        /// 0x4127, to simulate a different chip at the address). Takes effect at the next reset.
        /// </summary>
        public ushort PowerOnConfiguration
        {
            get { return _powerOnConfiguration; }
            set { _powerOnConfiguration = value; }
        }

        /// <summary>Gets the number of conversions completed since the last reset.</summary>
        public int Conversions
        {
            get { return _conversions; }
        }

        /// <summary>
        /// Gets the duration of one conversion with the current configuration, in microseconds (0 when the mode converts nothing).
        /// </summary>
        public int ConversionMicroseconds
        {
            get
            {
                int mode = _configuration & Ina219Bits.ModeMask;
                int total = 0;
                if ((mode & Ina219Bits.ModeShuntBit) != 0)
                {
                    total += AdcMicroseconds((_configuration & Ina219Bits.ShuntAdcMask) >> Ina219Bits.ShuntAdcShift);
                }

                if ((mode & Ina219Bits.ModeBusBit) != 0)
                {
                    total += AdcMicroseconds((_configuration & Ina219Bits.BusAdcMask) >> Ina219Bits.BusAdcShift);
                }

                return total;
            }
        }

        /// <summary>
        /// Returns a register's value without the side effects of a bus read (CNVR is not cleared).
        /// </summary>
        /// <param name="register">The register pointer, 0x00 to 0x05.</param>
        /// <returns>The register value.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="register"/> is above 0x05.</exception>
        public ushort PeekRegister(byte register)
        {
            if (register > Ina219Register.LastRegister)
            {
                throw new ArgumentOutOfRangeException(nameof(register));
            }

            return Value(register);
        }

        /// <summary>
        /// Moves simulated time forward, completing the conversions that fall due.
        /// </summary>
        /// <param name="microseconds">The time to advance, 0 or more.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="microseconds"/> is negative.</exception>
        public void Advance(int microseconds)
        {
            if (microseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(microseconds));
            }

            int period = ConversionMicroseconds;
            if (!_converting || period == 0)
            {
                return;
            }

            _conversionElapsed += microseconds;
            while (_converting && _conversionElapsed >= period)
            {
                _conversionElapsed -= period;
                CompleteConversion();
                if ((_configuration & Ina219Bits.ModeContinuousBit) == 0)
                {
                    // Triggered: one conversion, then idle until the next configuration write.
                    _converting = false;
                    _conversionElapsed = 0;
                }
            }
        }

        /// <inheritdoc/>
        public bool TryReadRegister(byte register, out ushort value)
        {
            if (!BeginTransfer())
            {
                value = 0;
                return false;
            }

            if (Absent)
            {
                // Both bytes of the word read the absent chip's byte.
                value = (ushort)(AbsentByte() * 0x0101);
                return true;
            }

            if (register > Ina219Register.LastRegister)
            {
                CountIllegalAccess();
                value = 0;
                return true;
            }

            value = Value(register);
            if (register == Ina219Register.Power)
            {
                _conversionReady = false;
            }

            return true;
        }

        /// <inheritdoc/>
        public bool TryWriteRegister(byte register, ushort value)
        {
            if (!BeginTransfer())
            {
                return false;
            }

            if (Absent)
            {
                return true;
            }

            switch (register)
            {
                case Ina219Register.Configuration:
                    WriteConfiguration(value);
                    break;
                case Ina219Register.Calibration:
                    _calibration = (ushort)(value & Ina219Bits.CalibrationValueMask);
                    break;
                default:
                    // Read-only data registers and pointers beyond 0x05.
                    CountIllegalAccess();
                    break;
            }

            return true;
        }

        private ushort Value(int register)
        {
            switch (register)
            {
                case Ina219Register.Configuration:
                    return _configuration;
                case Ina219Register.ShuntVoltage:
                    return (ushort)_shunt;
                case Ina219Register.BusVoltage:
                    int flags = (_conversionReady ? Ina219Bits.BusConversionReady : 0) | (_mathOverflow ? Ina219Bits.BusMathOverflow : 0);
                    return (ushort)((_bus << Ina219Bits.BusVoltageShift) | flags);
                case Ina219Register.Power:
                    return (ushort)_power;
                case Ina219Register.Current:
                    return (ushort)_current;
                default:
                    return _calibration;
            }
        }

        private void WriteConfiguration(ushort value)
        {
            if ((value & Ina219Bits.ConfigurationReset) != 0)
            {
                PowerOnReset();
                return;
            }

            _configuration = value;
            int mode = value & Ina219Bits.ModeMask;
            bool converts = (mode & (Ina219Bits.ModeShuntBit | Ina219Bits.ModeBusBit)) != 0;
            if (converts)
            {
                // A new operating mode clears CNVR (not for power-down or ADC off) and restarts the conversion.
                _conversionReady = false;
            }

            _converting = converts;
            _conversionElapsed = 0;
        }

        private void PowerOnReset()
        {
            _configuration = _powerOnConfiguration;
            _calibration = 0;
            _shunt = 0;
            _bus = 0;
            _current = 0;
            _power = 0;
            _conversionReady = false;
            _mathOverflow = false;
            _conversions = 0;
            _converting = (_configuration & (Ina219Bits.ModeShuntBit | Ina219Bits.ModeBusBit)) != 0;
            _conversionElapsed = 0;
        }

        private void CompleteConversion()
        {
            int mode = _configuration & Ina219Bits.ModeMask;
            if ((mode & Ina219Bits.ModeShuntBit) != 0)
            {
                // Microamps times milliohms is nanovolts; one count is 10 microvolts = 10000 nanovolts.
                long counts = ((long)_currentMicroamps * _shuntMilliohms) / 10000;
                int pga = (_configuration & Ina219Bits.PgaMask) >> Ina219Bits.PgaShift;
                int fullScale = Ina219Bits.ShuntFullScaleCountsPga1 << pga;
                _shunt = (int)Clip(counts, -fullScale, fullScale);
            }

            if ((mode & Ina219Bits.ModeBusBit) != 0)
            {
                int maxCount = (_configuration & Ina219Bits.BusRange32V) != 0 ? 8191 : 4095;
                _bus = (int)Clip(_busMillivolts / Ina219Bits.BusMillivoltsPerCount, 0, maxCount);
            }

            long current = ((long)_shunt * _calibration) / Ina219Bits.CurrentDivisor;
            long magnitude = current < 0 ? -current : current;
            long power = (magnitude * _bus) / Ina219Bits.PowerDivisor;
            _mathOverflow = current > MaxCurrentRegister || current < MinCurrentRegister || power > MaxPowerRegister;
            _current = (int)Clip(current, MinCurrentRegister, MaxCurrentRegister);
            _power = (int)Clip(power, 0, MaxPowerRegister);
            _conversionReady = true;
            _conversions++;
        }

        private static int AdcMicroseconds(int setting)
        {
            if ((setting & Ina219Bits.AdcAveraging) == 0)
            {
                // 0X00..0X11: bit 2 is "don't care".
                return s_resolutionMicroseconds[setting & 0x3];
            }

            return s_averagingMicroseconds[setting & 0x7];
        }

        private static long Clip(long value, long min, long max)
        {
            if (value < min)
            {
                return min;
            }

            return value > max ? max : value;
        }
    }
}
