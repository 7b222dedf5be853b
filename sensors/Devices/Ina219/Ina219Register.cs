// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Ina219
{
    /// <summary>
    /// INA219 register pointers (TI data sheet SBOS448, 8.6.1 "Register Information", Table 2 "Summary of
    /// Register Set"). Every register is 16 bits, sent MSB first.
    /// </summary>
    public static class Ina219Register
    {
        /// <summary>Configuration (0x00, R/W): RST, BRNG, PG, BADC, SADC, MODE; power-on value 0x399F (8.6.2.1).</summary>
        public const byte Configuration = 0x00;

        /// <summary>Shunt voltage (0x01, read-only): signed, 10 microvolts per LSB, sign-extended for the PGA range (8.6.3.1).</summary>
        public const byte ShuntVoltage = 0x01;

        /// <summary>Bus voltage (0x02, read-only): BD12..BD0 in bits 15:3 (4 mV LSB), CNVR bit 1, OVF bit 0 (8.6.3.2).</summary>
        public const byte BusVoltage = 0x02;

        /// <summary>Power (0x03, read-only): Current * BusVoltage / 5000, LSB = 20 * Current_LSB; reading it clears CNVR (8.6.3.3).</summary>
        public const byte Power = 0x03;

        /// <summary>Current (0x04, read-only): signed ShuntVoltage * Calibration / 4096, LSB = Current_LSB (8.6.3.4).</summary>
        public const byte Current = 0x04;

        /// <summary>Calibration (0x05, R/W): scales Current and Power; power-on value 0, which keeps both at 0 (8.6.4.1).</summary>
        public const byte Calibration = 0x05;

        /// <summary>The highest register pointer (0x05).</summary>
        public const byte LastRegister = 0x05;
    }

    /// <summary>
    /// INA219 register values, bit fields and scale factors (TI data sheet SBOS448: 8.6.2.1 Configuration
    /// register with Table 5 "PG Bit Settings", Table 6 "ADC Settings" and Table 7 "Mode Settings"; 8.6.3.2
    /// Bus Voltage register; 8.5.1 "Programming the Calibration Register", Equations 1 to 5). The integer
    /// calibration constant is the one of the Linux ina2xx driver (calibration_factor 40960000).
    /// </summary>
    public static class Ina219Bits
    {
        /// <summary>The I2C address with A0 and A1 at GND (0x40); A0/A1 select 0x40..0x4F (8.5.5.1, Table 1).</summary>
        public const byte DefaultI2cAddress = 0x40;

        /// <summary>Configuration bit 15: RST, a full reset to the power-on values; self-clearing.</summary>
        public const ushort ConfigurationReset = 0x8000;

        /// <summary>The configuration register's power-on value 0x399F: 32 V, PGA /8, 12-bit bus and shunt, shunt and bus continuous.</summary>
        public const ushort ConfigurationPowerOn = 0x399F;

        /// <summary>Configuration bit 13: BRNG, 1 = 32 V bus full-scale range, 0 = 16 V.</summary>
        public const ushort BusRange32V = 0x2000;

        /// <summary>Configuration bits 12:11: PG, the shunt PGA (00 = /1 40 mV, 01 = /2 80 mV, 10 = /4 160 mV, 11 = /8 320 mV).</summary>
        public const ushort PgaMask = 0x1800;

        /// <summary>The position of the PG field.</summary>
        public const int PgaShift = 11;

        /// <summary>Configuration bits 10:7: BADC, the bus ADC resolution or averaging (Table 6).</summary>
        public const ushort BusAdcMask = 0x0780;

        /// <summary>The position of the BADC field.</summary>
        public const int BusAdcShift = 7;

        /// <summary>Configuration bits 6:3: SADC, the shunt ADC resolution or averaging (Table 6).</summary>
        public const ushort ShuntAdcMask = 0x0078;

        /// <summary>The position of the SADC field.</summary>
        public const int ShuntAdcShift = 3;

        /// <summary>ADC setting 0011: one 12-bit conversion, 532 microseconds (the power-on setting).</summary>
        public const int Adc12Bit = 0x3;

        /// <summary>ADC setting bit 3: set for averaging (1000 = 1 sample ... 1111 = 128 samples, all 12-bit).</summary>
        public const int AdcAveraging = 0x8;

        /// <summary>Configuration bits 2:0: MODE (Table 7).</summary>
        public const ushort ModeMask = 0x0007;

        /// <summary>MODE bit 0: the shunt voltage is converted (modes 001, 011, 101, 111).</summary>
        public const int ModeShuntBit = 0x1;

        /// <summary>MODE bit 1: the bus voltage is converted (modes 010, 011, 110, 111).</summary>
        public const int ModeBusBit = 0x2;

        /// <summary>MODE bit 2: continuous conversion (otherwise triggered by the configuration write, or off).</summary>
        public const int ModeContinuousBit = 0x4;

        /// <summary>MODE 111: shunt and bus, continuous (the power-on mode).</summary>
        public const int ModeShuntAndBusContinuous = 0x7;

        /// <summary>Bus voltage register bits 15:3 hold the 13-bit result.</summary>
        public const int BusVoltageShift = 3;

        /// <summary>Bus voltage register bit 1: CNVR, conversion ready (cleared by reading Power or writing a new MODE).</summary>
        public const ushort BusConversionReady = 0x0002;

        /// <summary>Bus voltage register bit 0: OVF, the current or power calculation was out of range.</summary>
        public const ushort BusMathOverflow = 0x0001;

        /// <summary>Bus voltage LSB: 4 mV.</summary>
        public const int BusMillivoltsPerCount = 4;

        /// <summary>Shunt voltage LSB: 10 microvolts.</summary>
        public const int ShuntMicrovoltsPerCount = 10;

        /// <summary>The shunt full scale in counts at PGA /1 (40 mV); it doubles with each PG step up to 32000 at /8.</summary>
        public const int ShuntFullScaleCountsPga1 = 4000;

        /// <summary>Power LSB = 20 * Current_LSB (Equation 3).</summary>
        public const int PowerLsbPerCurrentLsb = 20;

        /// <summary>Current register = ShuntVoltage * Calibration / 4096 (Equation 4).</summary>
        public const int CurrentDivisor = 4096;

        /// <summary>Power register = Current * BusVoltage / 5000 (Equation 5).</summary>
        public const int PowerDivisor = 5000;

        /// <summary>
        /// Cal = trunc(0.04096 / (Current_LSB * R_shunt)) (Equation 1) in integers: with Current_LSB in microamps and
        /// R_shunt in milliohms, Cal = 40960000 / (Current_LSB_uA * R_shunt_mOhm).
        /// </summary>
        public const int CalibrationNumerator = 40960000;

        /// <summary>
        /// Calibration bit 0 is not part of the value (reads 0; reported on TI E2E for the register-compatible INA220):
        /// the driver always writes it as 0.
        /// </summary>
        public const ushort CalibrationValueMask = 0xFFFE;

        /// <summary>The current register's full scale: Current_LSB = maximum expected current / 2^15 (Equation 2).</summary>
        public const int CurrentFullScaleCounts = 32768;
    }
}
