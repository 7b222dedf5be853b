// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Bus;
using TinTin.Sensors.Devices.Mpu6886;

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// A register-level model of the MPU-6886 accelerometer path behind an <see cref="IRegisterBus"/>, so the
    /// driver runs unchanged against it on the host and on a board, with simulated time instead of a clock.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Modelled from the MPU-6886 data sheet: WHO_AM_I 0x19; read-only registers ignore writes (counted in
    /// <see cref="RegisterSimulator.IllegalAccessCount"/>); burst reads auto-increment the address except at FIFO_R_W, where
    /// every byte read pops one FIFO byte (0xFF when empty); PWR_MGMT_1 DEVICE_RESET restores the power-on
    /// state (SLEEP set, CLKSEL 1: PWR_MGMT_1 = 0x41, every other register 0); samples are produced while
    /// SLEEP is clear and an accelerometer axis is on, at 1 kHz / (1 + SMPLRT_DIV) when the divider is
    /// effective (ACCEL_FCHOICE_B 0 and 0 &lt; DLPF_CFG &lt; 7), otherwise at 1 kHz; each sample updates
    /// ACCEL_XOUT..ZOUT (big-endian, clipped to 16 bits), TEMP_OUT (<see cref="TemperatureCounts"/>) and
    /// GYRO_XOUT..ZOUT (0) and, with USER_CTRL FIFO_EN, appends a FIFO record: accelerometer (ACCEL_FIFO_EN),
    /// temperature (whenever either FIFO_EN bit is set) and gyroscope (GYRO_FIFO_EN): 8 or 14 bytes; a 1 KB
    /// FIFO that on overflow drops the new record (CONFIG FIFO_MODE 1) or discards the oldest bytes (FIFO_MODE
    /// 0) and sets INT_STATUS FIFO_OFLOW; INT_STATUS DATA_RDY; INT_STATUS clears when read; USER_CTRL FIFO_RST
    /// empties the FIFO.
    /// </para>
    /// <para>
    /// Not modelled: the gyroscope signal (reads 0), the filter responses, the 4 kHz filter-bypass rate, the
    /// FIFO watermark (FIFO_WM_INT_STATUS reads 0), wake-on-motion, low-power modes, self-test, offsets, the
    /// INT pin, writes into the FIFO (counted as illegal accesses), and the start-up and reset delays.
    /// </para>
    /// </remarks>
    public sealed class Mpu6886Simulator : AccelerometerSimulator
    {
        private const int RegisterCount = 128;
        private const byte PowerOnPowerManagement1 = 0x41;

        private readonly byte[] _registers;
        private readonly byte[] _fifo = new byte[Mpu6886Bits.FifoSizeBytes];
        private readonly byte[] _record = new byte[Mpu6886Bits.AccelGyroRecordBytes];
        private readonly Mpu6886Signal _signal;

        private int _fifoHead;
        private int _fifoCount;
        private bool _overflow;
        private bool _dataReady;
        private short _temperature;

        /// <summary>
        /// Initializes a new instance of the <see cref="Mpu6886Simulator"/> class in its power-on state (asleep).
        /// </summary>
        /// <param name="signal">The acceleration the chip measures, in counts.</param>
        /// <exception cref="ArgumentNullException"><paramref name="signal"/> is null.</exception>
        public Mpu6886Simulator(Mpu6886Signal signal)
            : base(RegisterCount, Mpu6886Bits.DeviceId)
        {
            if (signal == null)
            {
                throw new ArgumentNullException(nameof(signal));
            }

            _signal = signal;
            _registers = Registers;
            ResetRegisters();
        }

        /// <summary>
        /// Gets or sets the raw TEMP_OUT value of every new sample (0 = 25 degrees C on the MPU-6886).
        /// </summary>
        public short TemperatureCounts
        {
            get { return _temperature; }
            set { _temperature = value; }
        }

        /// <summary>
        /// Gets the number of bytes in the FIFO.
        /// </summary>
        public int FifoByteCount
        {
            get { return _fifoCount; }
        }

        /// <summary>
        /// Reads a register's stored value without any side effect (no pop, no clear-on-read), for tests.
        /// </summary>
        /// <param name="register">The register address, 0x00 to 0x7F.</param>
        /// <returns>The stored value; WHO_AM_I, INT_STATUS and FIFO_COUNT report the current state, FIFO_R_W the next byte without popping it.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="register"/> is above 0x7F.</exception>
        public byte PeekRegister(byte register)
        {
            CheckAddress(register);
            if (register == Mpu6886Register.IntStatus)
            {
                return IntStatus();
            }

            if (register == Mpu6886Register.FifoReadWrite)
            {
                return _fifoCount == 0 ? (byte)0xFF : _fifo[_fifoHead];
            }

            return ReadPlain(register);
        }

        /// <summary>
        /// Gets the current sample period in microseconds: 1000 * (1 + SMPLRT_DIV) when the divider is
        /// effective, otherwise 1000.
        /// </summary>
        /// <returns>The sample period in microseconds.</returns>
        public int PeriodMicroseconds()
        {
            int dlpf = _registers[Mpu6886Register.Config] & Mpu6886Bits.ConfigDlpfMask;
            bool bypass = (_registers[Mpu6886Register.AccelConfig2] & Mpu6886Bits.AccelFChoiceB) != 0;
            if (bypass || dlpf == 0 || dlpf == 7)
            {
                return 1000;
            }

            return 1000 * (1 + _registers[Mpu6886Register.SampleRateDivider]);
        }

        /// <inheritdoc/>
        /// <remarks>While awake (PWR_MGMT_1 SLEEP clear) with the accelerometer out of standby.</remarks>
        protected override bool IsSampling()
        {
            bool asleep = (_registers[Mpu6886Register.PowerManagement1] & Mpu6886Bits.PowerSleep) != 0;
            bool accelOff = (_registers[Mpu6886Register.PowerManagement2] & Mpu6886Bits.StandbyAccelMask) == Mpu6886Bits.StandbyAccelMask;
            return !asleep && !accelOff;
        }

        /// <inheritdoc/>
        protected override long SamplesDue(long elapsedMicroseconds)
        {
            return elapsedMicroseconds / PeriodMicroseconds();
        }

        /// <inheritdoc/>
        /// <remarks>FIFO_R_W holds the address so that a burst drains the FIFO.</remarks>
        protected override int NextBurstAddress(int address)
        {
            return address == Mpu6886Register.FifoReadWrite ? address : (address + 1) & Mpu6886Register.LastAddress;
        }

        /// <inheritdoc/>
        protected override byte ReadAt(int address)
        {
            if (address == Mpu6886Register.IntStatus)
            {
                byte status = IntStatus();
                _overflow = false;
                _dataReady = false;
                return status;
            }

            if (address == Mpu6886Register.FifoReadWrite)
            {
                if (_fifoCount == 0)
                {
                    return 0xFF;
                }

                byte value = _fifo[_fifoHead];
                _fifoHead = (_fifoHead + 1) % Mpu6886Bits.FifoSizeBytes;
                _fifoCount--;
                return value;
            }

            return ReadPlain(address);
        }

        private byte ReadPlain(int address)
        {
            switch (address)
            {
                case Mpu6886Register.WhoAmI:
                    return DeviceId;
                case Mpu6886Register.FifoCountH:
                    return (byte)(_fifoCount >> 8);
                case Mpu6886Register.FifoCountL:
                    return (byte)_fifoCount;
                case Mpu6886Register.FifoWatermarkIntStatus:
                    return 0;
                default:
                    return _registers[address];
            }
        }

        private byte IntStatus()
        {
            int value = 0;
            if (_overflow)
            {
                value |= Mpu6886Bits.IntFifoOverflow;
            }

            if (_dataReady)
            {
                value |= Mpu6886Bits.IntDataReady;
            }

            return (byte)value;
        }

        /// <inheritdoc/>
        protected override void WriteAt(int address, byte value)
        {
            if (IsReadOnly(address) || address == Mpu6886Register.FifoReadWrite)
            {
                CountIllegalAccess();
                return;
            }

            switch (address)
            {
                case Mpu6886Register.PowerManagement1:
                    if ((value & Mpu6886Bits.PowerDeviceReset) != 0)
                    {
                        ResetRegisters();
                        return;
                    }

                    bool wasAsleep = (_registers[address] & Mpu6886Bits.PowerSleep) != 0;
                    _registers[address] = value;
                    if (wasAsleep && (value & Mpu6886Bits.PowerSleep) == 0)
                    {
                        ResetTimeBase();
                    }

                    break;
                case Mpu6886Register.UserControl:
                    if ((value & Mpu6886Bits.UserControlFifoReset) != 0)
                    {
                        ClearFifo();
                    }

                    // FIFO_RST and SIG_COND_RST clear themselves.
                    _registers[address] = (byte)(value & ~(Mpu6886Bits.UserControlFifoReset | Mpu6886Bits.UserControlSignalReset));
                    break;
                case Mpu6886Register.SampleRateDivider:
                case Mpu6886Register.Config:
                case Mpu6886Register.AccelConfig2:
                    _registers[address] = value;
                    ResetTimeBase();
                    break;
                default:
                    _registers[address] = value;
                    break;
            }
        }

        /// <inheritdoc/>
        protected override void ProduceSample()
        {
            int index = NextSampleIndex();
            short x = Clip(_signal(0, index));
            short y = Clip(_signal(1, index));
            short z = Clip(_signal(2, index));

            byte[] registers = _registers;
            Put(registers, Mpu6886Register.AccelXOutH, x);
            Put(registers, Mpu6886Register.AccelXOutH + 2, y);
            Put(registers, Mpu6886Register.AccelXOutH + 4, z);
            Put(registers, Mpu6886Register.TempOutH, _temperature);
            for (int a = Mpu6886Register.GyroXOutH; a <= Mpu6886Register.GyroZOutL; a++)
            {
                registers[a] = 0;
            }

            _dataReady = true;

            byte enables = registers[Mpu6886Register.FifoEnable];
            bool accel = (enables & Mpu6886Bits.FifoEnableAccel) != 0;
            bool gyro = (enables & Mpu6886Bits.FifoEnableGyro) != 0;
            if ((registers[Mpu6886Register.UserControl] & Mpu6886Bits.UserControlFifoEnable) == 0 || !(accel || gyro))
            {
                return;
            }

            // Record layout follows register order: ACCEL (6), TEMP (2), GYRO (6).
            int length = 0;
            int first = accel ? Mpu6886Register.AccelXOutH : Mpu6886Register.TempOutH;
            int last = gyro ? Mpu6886Register.GyroZOutL : Mpu6886Register.TempOutH + 1;
            for (int a = first; a <= last; a++)
            {
                _record[length] = registers[a];
                length++;
            }

            Append(length);
        }

        private void Append(int length)
        {
            int room = Mpu6886Bits.FifoSizeBytes - _fifoCount;
            if (length > room)
            {
                _overflow = true;
                CountLostSample();
                if ((_registers[Mpu6886Register.Config] & Mpu6886Bits.ConfigFifoModeStopWhenFull) != 0)
                {
                    return;
                }

                // Overwrite mode: the oldest bytes make room, whatever record boundary that cuts.
                int discard = length - room;
                _fifoHead = (_fifoHead + discard) % Mpu6886Bits.FifoSizeBytes;
                _fifoCount -= discard;
            }

            int tail = (_fifoHead + _fifoCount) % Mpu6886Bits.FifoSizeBytes;
            for (int i = 0; i < length; i++)
            {
                _fifo[tail] = _record[i];
                tail = (tail + 1) % Mpu6886Bits.FifoSizeBytes;
            }

            _fifoCount += length;
        }

        private static short Clip(int value)
        {
            if (value > short.MaxValue)
            {
                return short.MaxValue;
            }

            return value < short.MinValue ? short.MinValue : (short)value;
        }

        private static void Put(byte[] registers, int address, short value)
        {
            registers[address] = (byte)(value >> 8);
            registers[address + 1] = (byte)value;
        }

        private void ResetRegisters()
        {
            byte[] registers = _registers;
            for (int i = 0; i < registers.Length; i++)
            {
                registers[i] = 0;
            }

            registers[Mpu6886Register.PowerManagement1] = PowerOnPowerManagement1;
            ClearFifo();
            _dataReady = false;
            ResetTimeBase();
        }

        private void ClearFifo()
        {
            _fifoHead = 0;
            _fifoCount = 0;
            _overflow = false;
        }

        private static bool IsReadOnly(int address)
        {
            return address == Mpu6886Register.WhoAmI
                || address == Mpu6886Register.IntStatus
                || address == Mpu6886Register.FifoWatermarkIntStatus
                || (address >= Mpu6886Register.AccelXOutH && address <= Mpu6886Register.GyroZOutL)
                || address == Mpu6886Register.FifoCountH
                || address == Mpu6886Register.FifoCountL;
        }

    }
}
