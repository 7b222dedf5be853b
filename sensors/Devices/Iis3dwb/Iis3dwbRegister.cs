// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Iis3dwb
{
    /// <summary>
    /// IIS3DWB register addresses (data sheet DS13220, "Register mapping" table and "Register description"
    /// section; addresses confirmed against ST's iis3dwb-pid driver, iis3dwb_reg.h).
    /// </summary>
    /// <remarks>
    /// The address is 7 bits (0x00..0x7F): on SPI, bit 7 of the first byte is R/W (1 = read), and there is
    /// no multi-byte bit; consecutive bytes of one transfer auto-increment the address while CTRL3_C.IF_INC
    /// is set (its reset value). Addresses not listed here are reserved ("Register mapping": must not be
    /// written).
    /// </remarks>
    public static class Iis3dwbRegister
    {
        /// <summary>PIN_CTRL (0x02): SDO pull-up enable (bit 6).</summary>
        public const byte PinCtrl = 0x02;

        /// <summary>FIFO_CTRL1 (0x07): watermark WTM[7:0], in FIFO words.</summary>
        public const byte FifoCtrl1 = 0x07;

        /// <summary>FIFO_CTRL2 (0x08): STOP_ON_WTM (bit 7) and WTM[8] (bit 0).</summary>
        public const byte FifoCtrl2 = 0x08;

        /// <summary>FIFO_CTRL3 (0x09): BDR_XL[3:0], the accelerometer batch data rate.</summary>
        public const byte FifoCtrl3 = 0x09;

        /// <summary>FIFO_CTRL4 (0x0A): ODR_TS_BATCH (bits 7:6), ODR_T_BATCH (bits 5:4), FIFO_MODE[2:0].</summary>
        public const byte FifoCtrl4 = 0x0A;

        /// <summary>COUNTER_BDR_REG1 (0x0B): data-ready pulsed mode, batch counter reset and threshold bits 10:8.</summary>
        public const byte CounterBdrReg1 = 0x0B;

        /// <summary>COUNTER_BDR_REG2 (0x0C): batch counter threshold bits 7:0.</summary>
        public const byte CounterBdrReg2 = 0x0C;

        /// <summary>INT1_CTRL (0x0D): what drives the INT1 pin (FIFO threshold is bit 3).</summary>
        public const byte Int1Ctrl = 0x0D;

        /// <summary>INT2_CTRL (0x0E): what drives the INT2 pin.</summary>
        public const byte Int2Ctrl = 0x0E;

        /// <summary>WHO_AM_I (0x0F, read-only): the fixed device ID, <see cref="Iis3dwbBits.DeviceId"/>.</summary>
        public const byte WhoAmI = 0x0F;

        /// <summary>CTRL1_XL (0x10): XL_EN[2:0] (bits 7:5), FS[1:0] (bits 3:2), LPF2_XL_EN (bit 1).</summary>
        public const byte Ctrl1Xl = 0x10;

        /// <summary>CTRL3_C (0x12): BOOT, BDU, H_LACTIVE, PP_OD, SIM, IF_INC, SW_RESET; reset value 0x04.</summary>
        public const byte Ctrl3C = 0x12;

        /// <summary>CTRL4_C (0x13): DRDY_MASK, I2C_disable, INT2_on_INT1, single-axis output.</summary>
        public const byte Ctrl4C = 0x13;

        /// <summary>CTRL5_C (0x14): rounding and self-test.</summary>
        public const byte Ctrl5C = 0x14;

        /// <summary>CTRL6_C (0x15): axis selection and user offset weight.</summary>
        public const byte Ctrl6C = 0x15;

        /// <summary>CTRL8_XL (0x17): filter configuration.</summary>
        public const byte Ctrl8Xl = 0x17;

        /// <summary>CTRL10_C (0x19): TIMESTAMP_EN (bit 5).</summary>
        public const byte Ctrl10C = 0x19;

        /// <summary>ALL_INT_SRC (0x1A, read-only).</summary>
        public const byte AllIntSrc = 0x1A;

        /// <summary>WAKE_UP_SRC (0x1B, read-only).</summary>
        public const byte WakeUpSrc = 0x1B;

        /// <summary>STATUS_REG (0x1E, read-only): XLDA (bit 0), TDA (bit 2).</summary>
        public const byte StatusReg = 0x1E;

        /// <summary>OUT_TEMP_L (0x20, read-only); OUT_TEMP_H (0x21) follows.</summary>
        public const byte OutTempL = 0x20;

        /// <summary>OUTX_L_A (0x28, read-only): the latest sample, X low byte; OUTX_H_A..OUTZ_H_A follow up to 0x2D (little-endian, two's complement).</summary>
        public const byte OutXLA = 0x28;

        /// <summary>OUTZ_H_A (0x2D, read-only): the last output data register.</summary>
        public const byte OutZHA = 0x2D;

        /// <summary>FIFO_STATUS1 (0x3A, read-only): DIFF_FIFO[7:0], the number of unread FIFO words.</summary>
        public const byte FifoStatus1 = 0x3A;

        /// <summary>FIFO_STATUS2 (0x3B, read-only): FIFO_WTM_IA, FIFO_OVR_IA, FIFO_FULL_IA, COUNTER_BDR_IA, FIFO_OVR_LATCHED, DIFF_FIFO[9:8].</summary>
        public const byte FifoStatus2 = 0x3B;

        /// <summary>TIMESTAMP0 (0x40, read-only): timestamp bits 7:0; TIMESTAMP1..3 follow up to 0x43.</summary>
        public const byte Timestamp0 = 0x40;

        /// <summary>SLOPE_EN (0x56).</summary>
        public const byte SlopeEn = 0x56;

        /// <summary>INTERRUPTS_EN (0x58).</summary>
        public const byte InterruptsEn = 0x58;

        /// <summary>WAKE_UP_THS (0x5B).</summary>
        public const byte WakeUpThs = 0x5B;

        /// <summary>WAKE_UP_DUR (0x5C).</summary>
        public const byte WakeUpDur = 0x5C;

        /// <summary>MD1_CFG (0x5E).</summary>
        public const byte Md1Cfg = 0x5E;

        /// <summary>MD2_CFG (0x5F).</summary>
        public const byte Md2Cfg = 0x5F;

        /// <summary>INTERNAL_FREQ_FINE (0x63, read-only): the factory ODR trim.</summary>
        public const byte InternalFreqFine = 0x63;

        /// <summary>X_OFS_USR (0x73): user offset X; Y_OFS_USR (0x74) and Z_OFS_USR (0x75) follow.</summary>
        public const byte XOfsUsr = 0x73;

        /// <summary>Z_OFS_USR (0x75): the last user offset register.</summary>
        public const byte ZOfsUsr = 0x75;

        /// <summary>
        /// FIFO_DATA_OUT_TAG (0x78, read-only): the tag byte of the oldest FIFO word: TAG_SENSOR (bits 7:3),
        /// TAG_CNT (bits 2:1), TAG_PARITY (bit 0). FIFO_DATA_OUT_X_L..Z_H (0x79..0x7E) follow ("FIFO reading
        /// procedure": each word is the tag byte plus 6 data bytes).
        /// </summary>
        public const byte FifoDataOutTag = 0x78;

        /// <summary>FIFO_DATA_OUT_X_L (0x79, read-only): the first data byte of the FIFO word.</summary>
        public const byte FifoDataOutXL = 0x79;

        /// <summary>FIFO_DATA_OUT_Z_H (0x7E, read-only): the last byte of the FIFO word.</summary>
        public const byte FifoDataOutZH = 0x7E;

        /// <summary>The highest address the 7-bit address space can name (0x7F).</summary>
        public const byte LastAddress = 0x7F;
    }

    /// <summary>
    /// IIS3DWB register values and bit fields (data sheet DS13220, "Register description"; the FIFO modes and
    /// the word format in "FIFO"; sensitivities in the "Mechanical characteristics" table). Bit positions
    /// confirmed against ST's iis3dwb-pid driver (iis3dwb_reg.h bit-field structs and enums).
    /// </summary>
    public static class Iis3dwbBits
    {
        /// <summary>The fixed WHO_AM_I value, 0x7B.</summary>
        public const byte DeviceId = 0x7B;

        /// <summary>SPI address byte bit 7: set for a read.</summary>
        public const byte SpiRead = 0x80;

        /// <summary>SPI multi-byte mask: none (auto-increment is CTRL3_C.IF_INC; bit 6 belongs to the address).</summary>
        public const byte SpiMultiByte = 0x00;

        /// <summary>CTRL1_XL bits 7:5: XL_EN (000 = power-down, 101 = 26.667 kHz).</summary>
        public const byte Ctrl1XlEnableMask = 0xE0;

        /// <summary>CTRL1_XL XL_EN = 101: accelerometer on at 26.667 kHz.</summary>
        public const byte Ctrl1XlEnable26k7Hz = 0xA0;

        /// <summary>CTRL1_XL bits 3:2: FS[1:0], the full scale (see <see cref="Iis3dwbRange"/>).</summary>
        public const byte Ctrl1XlFullScaleMask = 0x0C;

        /// <summary>The shift of the FS field in CTRL1_XL.</summary>
        public const int Ctrl1XlFullScaleShift = 2;

        /// <summary>CTRL1_XL bit 1: LPF2_XL_EN (second low-pass filter stage).</summary>
        public const byte Ctrl1XlLpf2Enable = 0x02;

        /// <summary>CTRL3_C bit 7: BOOT (reload trimming).</summary>
        public const byte Ctrl3CBoot = 0x80;

        /// <summary>CTRL3_C bit 6: BDU (output registers not updated until both bytes are read).</summary>
        public const byte Ctrl3CBlockDataUpdate = 0x40;

        /// <summary>CTRL3_C bit 2: IF_INC (address auto-increment in multi-byte transfers; 1 at reset).</summary>
        public const byte Ctrl3CAutoIncrement = 0x04;

        /// <summary>CTRL3_C bit 0: SW_RESET (resets the control registers; cleared by the chip when done).</summary>
        public const byte Ctrl3CSoftwareReset = 0x01;

        /// <summary>CTRL3_C reset value: IF_INC only.</summary>
        public const byte Ctrl3CResetValue = 0x04;

        /// <summary>FIFO_CTRL2 bit 7: STOP_ON_WTM (limit the FIFO depth to the watermark).</summary>
        public const byte FifoCtrl2StopOnWatermark = 0x80;

        /// <summary>FIFO_CTRL2 bit 0: WTM[8].</summary>
        public const byte FifoCtrl2WatermarkBit8 = 0x01;

        /// <summary>FIFO_CTRL3 bits 3:0: BDR_XL.</summary>
        public const byte FifoCtrl3BdrXlMask = 0x0F;

        /// <summary>BDR_XL = 1010: accelerometer batched in the FIFO at 26.667 kHz (0000: not batched).</summary>
        public const byte BdrXl26k7Hz = 0x0A;

        /// <summary>FIFO_CTRL4 bits 2:0: FIFO_MODE.</summary>
        public const byte FifoModeMask = 0x07;

        /// <summary>FIFO_MODE 000: Bypass (FIFO disabled; entering it empties the FIFO).</summary>
        public const byte FifoModeBypass = 0x00;

        /// <summary>FIFO_MODE 001: FIFO mode (stops collecting when full).</summary>
        public const byte FifoModeFifo = 0x01;

        /// <summary>FIFO_MODE 011: Continuous-to-FIFO (trigger based).</summary>
        public const byte FifoModeContinuousToFifo = 0x03;

        /// <summary>FIFO_MODE 100: Bypass-to-Continuous (trigger based).</summary>
        public const byte FifoModeBypassToContinuous = 0x04;

        /// <summary>FIFO_MODE 110: Continuous (stream: when full, new words replace the oldest).</summary>
        public const byte FifoModeContinuous = 0x06;

        /// <summary>FIFO_MODE 111: Bypass-to-FIFO (trigger based).</summary>
        public const byte FifoModeBypassToFifo = 0x07;

        /// <summary>INT1_CTRL bit 3: INT1_FIFO_TH (FIFO watermark on INT1).</summary>
        public const byte Int1FifoThreshold = 0x08;

        /// <summary>INT1_CTRL bit 4: INT1_FIFO_OVR.</summary>
        public const byte Int1FifoOverrun = 0x10;

        /// <summary>INT1_CTRL bit 5: INT1_FIFO_FULL.</summary>
        public const byte Int1FifoFull = 0x20;

        /// <summary>STATUS_REG bit 0: XLDA (a new accelerometer sample is in OUTX..OUTZ).</summary>
        public const byte StatusXlDataAvailable = 0x01;

        /// <summary>FIFO_STATUS2 bit 7: FIFO_WTM_IA (unread words at or above the watermark).</summary>
        public const byte FifoStatus2WatermarkReached = 0x80;

        /// <summary>FIFO_STATUS2 bit 6: FIFO_OVR_IA (FIFO full and at least one word overwritten).</summary>
        public const byte FifoStatus2Overrun = 0x40;

        /// <summary>FIFO_STATUS2 bit 5: FIFO_FULL_IA (smart full: the FIFO is full at the next ODR).</summary>
        public const byte FifoStatus2Full = 0x20;

        /// <summary>FIFO_STATUS2 bit 4: COUNTER_BDR_IA (batch counter threshold reached).</summary>
        public const byte FifoStatus2CounterBdr = 0x10;

        /// <summary>FIFO_STATUS2 bit 3: FIFO_OVR_LATCHED (an overrun happened; cleared when FIFO_STATUS2 is read).</summary>
        public const byte FifoStatus2OverrunLatched = 0x08;

        /// <summary>FIFO_STATUS2 bits 1:0: DIFF_FIFO[9:8].</summary>
        public const byte FifoStatus2DiffHighMask = 0x03;

        /// <summary>The shift of TAG_SENSOR in the tag byte (bits 7:3).</summary>
        public const int TagSensorShift = 3;

        /// <summary>TAG_SENSOR 0x02: an accelerometer word (0x03 temperature, 0x04 timestamp).</summary>
        public const int TagSensorAccelerometer = 0x02;

        /// <summary>The bytes of one FIFO word: the tag byte, then X, Y, Z little-endian.</summary>
        public const int FifoWordBytes = 7;

        /// <summary>
        /// The FIFO depth in words: 3 KB of 6-byte data words (512 * 6 = 3072 bytes); DIFF_FIFO is 10 bits
        /// wide so that it can count 512.
        /// </summary>
        public const int FifoDepth = 512;

        /// <summary>The largest watermark WTM[8:0] can hold.</summary>
        public const int MaxWatermark = 511;

        /// <summary>The nominal output data rate rounded to the hertz: 26.667 kHz (one sample per 37.5 microseconds).</summary>
        public const int OutputDataRateHz = 26667;
    }
}
