// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Adxl345
{
    /// <summary>
    /// ADXL345/ADXL343 register addresses (ADXL345 data sheet, "Register Map" table and "Register
    /// Definitions" section; the ADXL343 shares the map and the device ID).
    /// </summary>
    /// <remarks>
    /// Registers 0x01 to 0x1C are reserved ("do not access"). Read-only: DEVID, ACT_TAP_STATUS,
    /// INT_SOURCE, DATAX0..DATAZ1 and FIFO_STATUS. The register address is 6 bits (0x00..0x3F): on SPI,
    /// bit 7 of the command byte is R/W and bit 6 is MB (multiple bytes), see "Serial Communications".
    /// </remarks>
    public static class Adxl345Register
    {
        /// <summary>DEVID (0x00, read-only): the fixed device ID, <see cref="Adxl345Bits.DeviceId"/>.</summary>
        public const byte DevId = 0x00;

        /// <summary>The first reserved register (0x01); 0x01..0x1C are reserved.</summary>
        public const byte FirstReserved = 0x01;

        /// <summary>The last reserved register (0x1C).</summary>
        public const byte LastReserved = 0x1C;

        /// <summary>THRESH_TAP (0x1D): tap threshold, 62.5 mg/LSB.</summary>
        public const byte ThreshTap = 0x1D;

        /// <summary>OFSX (0x1E): X-axis offset, 15.6 mg/LSB (OFSY 0x1F and OFSZ 0x20 follow).</summary>
        public const byte OffsetX = 0x1E;

        /// <summary>ACT_TAP_STATUS (0x2B, read-only): source of single/double tap and activity.</summary>
        public const byte ActTapStatus = 0x2B;

        /// <summary>BW_RATE (0x2C): LOW_POWER (bit 4) and the output data rate code (bits 3:0); reset value 0x0A (100 Hz).</summary>
        public const byte BwRate = 0x2C;

        /// <summary>POWER_CTL (0x2D): Link, AUTO_SLEEP, Measure, Sleep, Wakeup; reset value 0x00 (standby).</summary>
        public const byte PowerCtl = 0x2D;

        /// <summary>INT_ENABLE (0x2E): which interrupt functions drive the INT pins.</summary>
        public const byte IntEnable = 0x2E;

        /// <summary>INT_MAP (0x2F): a 0 bit sends that interrupt to INT1, a 1 bit to INT2.</summary>
        public const byte IntMap = 0x2F;

        /// <summary>INT_SOURCE (0x30, read-only): which interrupt functions have fired; reset value 0x02.</summary>
        public const byte IntSource = 0x30;

        /// <summary>DATA_FORMAT (0x31): SELF_TEST, SPI (3-wire), INT_INVERT, FULL_RES, Justify, Range.</summary>
        public const byte DataFormat = 0x31;

        /// <summary>DATAX0 (0x32, read-only): X low byte; DATAX1, DATAY0, DATAY1, DATAZ0, DATAZ1 follow up to 0x37 (little-endian, two's complement).</summary>
        public const byte DataX0 = 0x32;

        /// <summary>DATAZ1 (0x37, read-only): the last data register. Leaving it (0x37 to 0x38) or ending the transfer pops one FIFO entry.</summary>
        public const byte DataZ1 = 0x37;

        /// <summary>FIFO_CTL (0x38): FIFO_MODE (bits 7:6), Trigger (bit 5), Samples (bits 4:0).</summary>
        public const byte FifoCtl = 0x38;

        /// <summary>FIFO_STATUS (0x39, read-only): FIFO_TRIG (bit 7) and Entries (bits 5:0).</summary>
        public const byte FifoStatus = 0x39;

        /// <summary>The highest register address the 6-bit address space can name (0x3F); 0x3A..0x3F do not exist.</summary>
        public const byte LastAddress = 0x3F;
    }

    /// <summary>
    /// ADXL345/ADXL343 register values and bit fields (ADXL345 data sheet, "Register Definitions"; the
    /// BW_RATE codes are in the "Typical Current Consumption vs. Data Rate" table, the range bits in
    /// "g Range Setting", the FIFO modes in "FIFO Modes" and the "FIFO" section).
    /// </summary>
    public static class Adxl345Bits
    {
        /// <summary>The fixed DEVID value, 0xE5 (octal 345), on the ADXL345 and the ADXL343.</summary>
        public const byte DeviceId = 0xE5;

        /// <summary>The I2C address with the ALT ADDRESS pin low (0x53).</summary>
        public const byte I2cAddressAltLow = 0x53;

        /// <summary>The I2C address with the ALT ADDRESS pin high (0x1D).</summary>
        public const byte I2cAddressAltHigh = 0x1D;

        /// <summary>SPI command bit 7: set for a read.</summary>
        public const byte SpiRead = 0x80;

        /// <summary>SPI command bit 6 (MB): set to transfer more than one byte (address auto-increment).</summary>
        public const byte SpiMultiByte = 0x40;

        /// <summary>BW_RATE bits 3:0: the rate code; output data rate = 3200 Hz / 2^(15 - code).</summary>
        public const byte BwRateRateMask = 0x0F;

        /// <summary>BW_RATE bit 4: reduced-power operation (more noise).</summary>
        public const byte BwRateLowPower = 0x10;

        /// <summary>BW_RATE rate code for 3200 Hz (bandwidth 1600 Hz).</summary>
        public const byte Rate3200Hz = 0x0F;

        /// <summary>BW_RATE rate code for 100 Hz, the reset value.</summary>
        public const byte Rate100Hz = 0x0A;

        /// <summary>POWER_CTL bit 3: Measure (0 = standby).</summary>
        public const byte PowerCtlMeasure = 0x08;

        /// <summary>INT_ENABLE/INT_MAP/INT_SOURCE bit 7: DATA_READY.</summary>
        public const byte IntDataReady = 0x80;

        /// <summary>INT_ENABLE/INT_MAP/INT_SOURCE bit 1: Watermark (FIFO entries reached the Samples bits).</summary>
        public const byte IntWatermark = 0x02;

        /// <summary>INT_ENABLE/INT_MAP/INT_SOURCE bit 0: Overrun (data replaced unread data; in FIFO modes: the FIFO filled).</summary>
        public const byte IntOverrun = 0x01;

        /// <summary>DATA_FORMAT bit 7: SELF_TEST.</summary>
        public const byte DataFormatSelfTest = 0x80;

        /// <summary>DATA_FORMAT bit 6: SPI (1 = 3-wire, 0 = 4-wire).</summary>
        public const byte DataFormatSpi3Wire = 0x40;

        /// <summary>DATA_FORMAT bit 5: INT_INVERT (interrupts active low).</summary>
        public const byte DataFormatIntInvert = 0x20;

        /// <summary>DATA_FORMAT bit 4: reserved, reads 0.</summary>
        public const byte DataFormatReserved = 0x10;

        /// <summary>DATA_FORMAT bit 3: FULL_RES (3.9 mg/LSB in every range; otherwise 10-bit).</summary>
        public const byte DataFormatFullResolution = 0x08;

        /// <summary>DATA_FORMAT bit 2: Justify (1 = left-justified/MSB, 0 = right-justified with sign extension).</summary>
        public const byte DataFormatJustifyLeft = 0x04;

        /// <summary>DATA_FORMAT bits 1:0: Range (00 = 2 g, 01 = 4 g, 10 = 8 g, 11 = 16 g).</summary>
        public const byte DataFormatRangeMask = 0x03;

        /// <summary>FIFO_CTL bits 7:6: FIFO_MODE.</summary>
        public const byte FifoModeMask = 0xC0;

        /// <summary>FIFO_MODE 00: Bypass (FIFO not used; entering it clears the FIFO).</summary>
        public const byte FifoModeBypass = 0x00;

        /// <summary>FIFO_MODE 01: FIFO (collects 32 samples, then stops collecting).</summary>
        public const byte FifoModeFifo = 0x40;

        /// <summary>FIFO_MODE 10: Stream (holds the latest 32 samples, discarding the oldest).</summary>
        public const byte FifoModeStream = 0x80;

        /// <summary>FIFO_MODE 11: Trigger (stream until a trigger event, then FIFO).</summary>
        public const byte FifoModeTrigger = 0xC0;

        /// <summary>FIFO_CTL bit 5: Trigger (0 = trigger event on INT1, 1 = INT2).</summary>
        public const byte FifoCtlTriggerInt2 = 0x20;

        /// <summary>FIFO_CTL bits 4:0: Samples (the watermark level in FIFO and stream modes).</summary>
        public const byte FifoCtlSamplesMask = 0x1F;

        /// <summary>FIFO_STATUS bit 7: FIFO_TRIG (a trigger event occurred).</summary>
        public const byte FifoStatusTriggered = 0x80;

        /// <summary>FIFO_STATUS bits 5:0: Entries (samples available in the FIFO).</summary>
        public const byte FifoStatusEntriesMask = 0x3F;

        /// <summary>The FIFO depth in 3-axis samples.</summary>
        public const int FifoDepth = 32;

        /// <summary>
        /// The most entries FIFO_STATUS can report: 32 in the FIFO plus the one held in the output
        /// registers (FIFO_STATUS "Entries bits" description).
        /// </summary>
        public const int MaxEntries = 33;

        /// <summary>The typical full-resolution scale factor: 3.9 mg/LSB = 3900 micro-g per count ("Specifications": sensitivity 256 LSB/g typical).</summary>
        public const int FullResolutionMicroGPerCount = 3900;
    }
}
