// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Devices.Mpu6886
{
    /// <summary>
    /// MPU-6886 register addresses used by the streaming driver (MPU-6886 data sheet DS-000193, section
    /// "Register Map" and the register descriptions that follow it).
    /// </summary>
    /// <remarks>
    /// Big-endian data: each 16-bit output is a _H register followed by its _L register. A burst read
    /// auto-increments the register address, except that FIFO_R_W (0x74) stays put: reading it N times
    /// pops N bytes from the FIFO ("FIFO_R_W" description: the FIFO register supports burst reads).
    /// </remarks>
    public static class Mpu6886Register
    {
        /// <summary>SMPLRT_DIV (0x19): sample rate = internal rate (1 kHz) / (1 + SMPLRT_DIV), effective only with the DLPF in use (FCHOICE_B 0, 0 &lt; DLPF_CFG &lt; 7).</summary>
        public const byte SampleRateDivider = 0x19;

        /// <summary>CONFIG (0x1A): FIFO_MODE (bit 6), EXT_SYNC_SET (bits 5:3), DLPF_CFG (bits 2:0, gyroscope and temperature filter).</summary>
        public const byte Config = 0x1A;

        /// <summary>GYRO_CONFIG (0x1B): gyroscope full scale (bits 4:3) and FCHOICE_B (bits 1:0).</summary>
        public const byte GyroConfig = 0x1B;

        /// <summary>ACCEL_CONFIG (0x1C): self-test (bits 7:5) and ACCEL_FS_SEL (bits 4:3).</summary>
        public const byte AccelConfig = 0x1C;

        /// <summary>ACCEL_CONFIG2 (0x1D): DEC2_CFG (bits 5:4, low-power averaging), ACCEL_FCHOICE_B (bit 3), A_DLPF_CFG (bits 2:0).</summary>
        public const byte AccelConfig2 = 0x1D;

        /// <summary>FIFO_EN (0x23): GYRO_FIFO_EN (bit 4) and ACCEL_FIFO_EN (bit 3).</summary>
        public const byte FifoEnable = 0x23;

        /// <summary>INT_PIN_CFG (0x37): INT pin level, drive, latch and clear behaviour.</summary>
        public const byte IntPinConfig = 0x37;

        /// <summary>INT_ENABLE (0x38): FIFO_OFLOW_EN (bit 4), DATA_RDY_INT_EN (bit 0).</summary>
        public const byte IntEnable = 0x38;

        /// <summary>FIFO_WM_INT_STATUS (0x39, read-only): FIFO_WM_INT (bit 6), cleared by reading it or FIFO_R_W.</summary>
        public const byte FifoWatermarkIntStatus = 0x39;

        /// <summary>INT_STATUS (0x3A, read-only, cleared by reading): FIFO_OFLOW_INT (bit 4), DATA_RDY_INT (bit 0).</summary>
        public const byte IntStatus = 0x3A;

        /// <summary>ACCEL_XOUT_H (0x3B, read-only): X high byte; X_L, Y_H, Y_L, Z_H, Z_L follow up to 0x40.</summary>
        public const byte AccelXOutH = 0x3B;

        /// <summary>ACCEL_ZOUT_L (0x40, read-only): the last accelerometer data register.</summary>
        public const byte AccelZOutL = 0x40;

        /// <summary>TEMP_OUT_H (0x41, read-only): temperature high byte; TEMP_OUT_L is 0x42.</summary>
        public const byte TempOutH = 0x41;

        /// <summary>GYRO_XOUT_H (0x43, read-only): gyroscope X high byte; the gyroscope data ends at GYRO_ZOUT_L 0x48.</summary>
        public const byte GyroXOutH = 0x43;

        /// <summary>GYRO_ZOUT_L (0x48, read-only): the last sensor data register.</summary>
        public const byte GyroZOutL = 0x48;

        /// <summary>FIFO_WM_TH1 (0x60): FIFO watermark bits 9:8; FIFO_WM_TH2 (0x61) holds bits 7:0.</summary>
        public const byte FifoWatermarkHigh = 0x60;

        /// <summary>ACCEL_INTEL_CTRL (0x69): ACCEL_INTEL_EN (bit 7), ACCEL_INTEL_MODE (bit 6), OUTPUT_LIMIT (bit 1), WOM_TH_MODE (bit 0).</summary>
        public const byte AccelIntelControl = 0x69;

        /// <summary>USER_CTRL (0x6A): FIFO_EN (bit 6), FIFO_RST (bit 2, self-clearing), SIG_COND_RST (bit 0).</summary>
        public const byte UserControl = 0x6A;

        /// <summary>PWR_MGMT_1 (0x6B): DEVICE_RESET (bit 7), SLEEP (bit 6), CYCLE (bit 5), GYRO_STANDBY (bit 4), TEMP_DIS (bit 3), CLKSEL (bits 2:0).</summary>
        public const byte PowerManagement1 = 0x6B;

        /// <summary>PWR_MGMT_2 (0x6C): STBY_XA, STBY_YA, STBY_ZA (bits 5:3), STBY_XG, STBY_YG, STBY_ZG (bits 2:0); 1 = axis off.</summary>
        public const byte PowerManagement2 = 0x6C;

        /// <summary>FIFO_COUNTH (0x72, read-only): FIFO byte count, high bits; read it with FIFO_COUNTL in one burst (reading COUNTL latches both).</summary>
        public const byte FifoCountH = 0x72;

        /// <summary>FIFO_COUNTL (0x73, read-only): FIFO byte count, low byte.</summary>
        public const byte FifoCountL = 0x73;

        /// <summary>FIFO_R_W (0x74): reading pops the oldest FIFO byte; an empty FIFO reads 0xFF.</summary>
        public const byte FifoReadWrite = 0x74;

        /// <summary>WHO_AM_I (0x75, read-only): <see cref="Mpu6886Bits.DeviceId"/>.</summary>
        public const byte WhoAmI = 0x75;

        /// <summary>The highest register address the simulator accepts (0x7F, the 7-bit register space).</summary>
        public const byte LastAddress = 0x7F;
    }

    /// <summary>
    /// MPU-6886 register values and bit fields (MPU-6886 data sheet DS-000193: "Register Descriptions";
    /// the accelerometer sensitivities are in "Accelerometer Specifications", the filter table in the
    /// ACCEL_CONFIG2 description).
    /// </summary>
    public static class Mpu6886Bits
    {
        /// <summary>The WHO_AM_I value of the MPU-6886, 0x19.</summary>
        public const byte DeviceId = 0x19;

        /// <summary>The I2C address with AD0 low (0x68), as wired inside the M5StickC and M5Stack.</summary>
        public const byte I2cAddress = 0x68;

        /// <summary>The I2C address with AD0 high (0x69).</summary>
        public const byte I2cAddressAd0High = 0x69;

        /// <summary>CONFIG bit 6: FIFO_MODE; 1 = when the FIFO is full further writes are dropped, 0 = the oldest data is overwritten.</summary>
        public const byte ConfigFifoModeStopWhenFull = 0x40;

        /// <summary>CONFIG bits 2:0: DLPF_CFG.</summary>
        public const byte ConfigDlpfMask = 0x07;

        /// <summary>DLPF_CFG 1: 176 Hz gyroscope bandwidth at the 1 kHz internal rate (the divider works for codes 1 to 6).</summary>
        public const byte ConfigDlpf1Khz = 0x01;

        /// <summary>ACCEL_CONFIG bits 4:3: ACCEL_FS_SEL (0 = 2 g, 1 = 4 g, 2 = 8 g, 3 = 16 g).</summary>
        public const byte AccelFullScaleMask = 0x18;

        /// <summary>The shift of ACCEL_FS_SEL inside ACCEL_CONFIG.</summary>
        public const int AccelFullScaleShift = 3;

        /// <summary>ACCEL_CONFIG2 bit 3: ACCEL_FCHOICE_B (1 = DLPF bypassed, 4 kHz; this driver keeps it 0).</summary>
        public const byte AccelFChoiceB = 0x08;

        /// <summary>ACCEL_CONFIG2 bits 2:0: A_DLPF_CFG.</summary>
        public const byte AccelDlpfMask = 0x07;

        /// <summary>A_DLPF_CFG 7: 420 Hz 3-dB bandwidth, 1 kHz rate.</summary>
        public const byte AccelDlpf420Hz = 0x07;

        /// <summary>A_DLPF_CFG 1: 218.1 Hz 3-dB bandwidth, 1 kHz rate.</summary>
        public const byte AccelDlpf218Hz = 0x01;

        /// <summary>A_DLPF_CFG 2: 99 Hz 3-dB bandwidth.</summary>
        public const byte AccelDlpf99Hz = 0x02;

        /// <summary>A_DLPF_CFG 3: 44.8 Hz 3-dB bandwidth.</summary>
        public const byte AccelDlpf45Hz = 0x03;

        /// <summary>A_DLPF_CFG 4: 21.2 Hz 3-dB bandwidth.</summary>
        public const byte AccelDlpf21Hz = 0x04;

        /// <summary>A_DLPF_CFG 5: 10.2 Hz 3-dB bandwidth.</summary>
        public const byte AccelDlpf10Hz = 0x05;

        /// <summary>FIFO_EN bit 4: GYRO_FIFO_EN (writes TEMP_OUT and GYRO_XOUT..GYRO_ZOUT per sample).</summary>
        public const byte FifoEnableGyro = 0x10;

        /// <summary>FIFO_EN bit 3: ACCEL_FIFO_EN (writes ACCEL_XOUT..ACCEL_ZOUT and TEMP_OUT per sample).</summary>
        public const byte FifoEnableAccel = 0x08;

        /// <summary>INT_ENABLE/INT_STATUS bit 4: FIFO overflow.</summary>
        public const byte IntFifoOverflow = 0x10;

        /// <summary>INT_ENABLE/INT_STATUS bit 0: data ready.</summary>
        public const byte IntDataReady = 0x01;

        /// <summary>ACCEL_INTEL_CTRL bit 1: OUTPUT_LIMIT; the data sheet asks to set it at every power-up so outputs are not limited below 0x7F7F.</summary>
        public const byte AccelIntelOutputLimit = 0x02;

        /// <summary>USER_CTRL bit 6: FIFO_EN (FIFO operation on).</summary>
        public const byte UserControlFifoEnable = 0x40;

        /// <summary>USER_CTRL bit 2: FIFO_RST (empties the FIFO; clears itself).</summary>
        public const byte UserControlFifoReset = 0x04;

        /// <summary>USER_CTRL bit 0: SIG_COND_RST (resets the signal paths; clears itself).</summary>
        public const byte UserControlSignalReset = 0x01;

        /// <summary>PWR_MGMT_1 bit 7: DEVICE_RESET (resets every register; clears itself).</summary>
        public const byte PowerDeviceReset = 0x80;

        /// <summary>PWR_MGMT_1 bit 6: SLEEP.</summary>
        public const byte PowerSleep = 0x40;

        /// <summary>PWR_MGMT_1 bits 2:0 = 1: CLKSEL auto (PLL when ready), the value the data sheet asks for.</summary>
        public const byte PowerClockAuto = 0x01;

        /// <summary>PWR_MGMT_2 bits 5:3: accelerometer X, Y, Z standby.</summary>
        public const byte StandbyAccelMask = 0x38;

        /// <summary>PWR_MGMT_2 bits 2:0: gyroscope X, Y, Z standby (all set: accelerometer-only operation).</summary>
        public const byte StandbyGyroAll = 0x07;

        /// <summary>The FIFO size in bytes (1 KB).</summary>
        public const int FifoSizeBytes = 1024;

        /// <summary>
        /// The bytes one sample occupies in the FIFO with only ACCEL_FIFO_EN: ACCEL X, Y, Z then TEMP_OUT,
        /// 16 bits each, big-endian (the MPU-6886 always adds the temperature to a FIFO record).
        /// </summary>
        public const int AccelRecordBytes = 8;

        /// <summary>The bytes of one FIFO record with ACCEL_FIFO_EN and GYRO_FIFO_EN: accelerometer, temperature, gyroscope.</summary>
        public const int AccelGyroRecordBytes = 14;

        /// <summary>The internal sample rate the divider divides, with the DLPF in use (1 kHz).</summary>
        public const int InternalRateHz = 1000;
    }
}
