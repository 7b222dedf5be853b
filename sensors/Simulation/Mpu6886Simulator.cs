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
    /// <see cref="IllegalAccessCount"/>); burst reads auto-increment the address except at FIFO_R_W, where
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
    public sealed class Mpu6886Simulator : IRegisterBus
    {
        private const int RegisterCount = 128;
        private const byte PowerOnPowerManagement1 = 0x41;

        private readonly byte[] _registers = new byte[RegisterCount];
        private readonly byte[] _fifo = new byte[Mpu6886Bits.FifoSizeBytes];
        private readonly byte[] _record = new byte[Mpu6886Bits.AccelGyroRecordBytes];
        private readonly Mpu6886Signal _signal;

        private int _fifoHead;
        private int _fifoCount;
        private bool _overflow;
        private bool _dataReady;
        private short _temperature;

        private long _elapsedMicroseconds;
        private long _samplesSinceTimeBase;
        private int _sampleIndex;

        private int _errorCount;
        private int _failNext;
        private int _illegalAccessCount;
        private int _lostSampleCount;
        private byte _deviceId = Mpu6886Bits.DeviceId;
        private Mpu6886SimulatorFault _fault;

        /// <summary>
        /// Initializes a new instance of the <see cref="Mpu6886Simulator"/> class in its power-on state (asleep).
        /// </summary>
        /// <param name="signal">The acceleration the chip measures, in counts.</param>
        /// <exception cref="ArgumentNullException"><paramref name="signal"/> is null.</exception>
        public Mpu6886Simulator(Mpu6886Signal signal)
        {
            if (signal == null)
            {
                throw new ArgumentNullException(nameof(signal));
            }

            _signal = signal;
            ResetRegisters();
        }

        /// <inheritdoc/>
        public int ErrorCount
        {
            get { return _errorCount; }
        }

        /// <summary>
        /// Gets or sets the fault the simulator injects into every transfer.
        /// </summary>
        public Mpu6886SimulatorFault Fault
        {
            get { return _fault; }
            set { _fault = value; }
        }

        /// <summary>
        /// Gets or sets the value WHO_AM_I returns (0x19 by default; set another to simulate a wrong chip).
        /// </summary>
        public byte DeviceId
        {
            get { return _deviceId; }
            set { _deviceId = value; }
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
        /// Gets the number of writes to read-only registers (including FIFO_R_W writes, not modelled).
        /// </summary>
        public int IllegalAccessCount
        {
            get { return _illegalAccessCount; }
        }

        /// <summary>
        /// Gets the number of samples produced since creation (the next sample's index).
        /// </summary>
        public int SamplesProduced
        {
            get { return _sampleIndex; }
        }

        /// <summary>
        /// Gets the number of samples whose FIFO record was dropped or (partly) overwritten. The chip itself cannot report this number.
        /// </summary>
        public int LostSampleCount
        {
            get { return _lostSampleCount; }
        }

        /// <summary>
        /// Gets the number of bytes in the FIFO.
        /// </summary>
        public int FifoByteCount
        {
            get { return _fifoCount; }
        }

        /// <summary>
        /// Makes the next <paramref name="count"/> transfers fail as bus errors (a transient fault).
        /// </summary>
        /// <param name="count">The number of transfers to fail, 0 or more.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
        public void FailNextTransfers(int count)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _failNext = count;
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
        /// Moves simulated time forward; while sampling, produces the samples that fall due at the sample rate.
        /// </summary>
        /// <param name="microseconds">The time to advance, 0 or more.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="microseconds"/> is negative.</exception>
        public void Advance(int microseconds)
        {
            if (microseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(microseconds));
            }

            bool asleep = (_registers[Mpu6886Register.PowerManagement1] & Mpu6886Bits.PowerSleep) != 0;
            bool accelOff = (_registers[Mpu6886Register.PowerManagement2] & Mpu6886Bits.StandbyAccelMask) == Mpu6886Bits.StandbyAccelMask;
            if (asleep || accelOff)
            {
                return;
            }

            _elapsedMicroseconds += microseconds;
            long due = _elapsedMicroseconds / PeriodMicroseconds();
            while (_samplesSinceTimeBase < due)
            {
                ProduceSample();
                _samplesSinceTimeBase++;
            }
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
        public bool TryReadRegister(byte register, out byte value)
        {
            CheckAddress(register);
            if (!BeginTransfer())
            {
                value = 0;
                return false;
            }

            value = _fault != Mpu6886SimulatorFault.None ? AbsentByte() : ReadByte(register);
            return true;
        }

        /// <inheritdoc/>
        public bool TryWriteRegister(byte register, byte value)
        {
            CheckAddress(register);
            if (!BeginTransfer())
            {
                return false;
            }

            if (_fault == Mpu6886SimulatorFault.None)
            {
                Write(register, value);
            }

            return true;
        }

        /// <inheritdoc/>
        public bool TryReadBurst(byte startRegister, byte[] buffer, int offset, int count)
        {
            BurstArguments.Check(buffer, offset, count, int.MaxValue);
            CheckAddress(startRegister);
            if (!BeginTransfer())
            {
                return false;
            }

            if (_fault != Mpu6886SimulatorFault.None)
            {
                byte absent = AbsentByte();
                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = absent;
                }

                return true;
            }

            int address = startRegister;
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = ReadByte(address);

                // FIFO_R_W holds the address so that a burst drains the FIFO.
                if (address != Mpu6886Register.FifoReadWrite)
                {
                    address = (address + 1) & Mpu6886Register.LastAddress;
                }
            }

            return true;
        }

        private byte ReadByte(int address)
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
                    return _deviceId;
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

        private void Write(int address, byte value)
        {
            if (IsReadOnly(address) || address == Mpu6886Register.FifoReadWrite)
            {
                _illegalAccessCount++;
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

        private void ProduceSample()
        {
            int index = _sampleIndex;
            _sampleIndex++;
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
                _lostSampleCount++;
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

        private void ResetTimeBase()
        {
            _elapsedMicroseconds = 0;
            _samplesSinceTimeBase = 0;
        }

        private bool BeginTransfer()
        {
            if (_failNext > 0)
            {
                _failNext--;
                _errorCount++;
                return false;
            }

            if (_fault == Mpu6886SimulatorFault.BusError)
            {
                _errorCount++;
                return false;
            }

            return true;
        }

        private byte AbsentByte()
        {
            return _fault == Mpu6886SimulatorFault.AbsentReadsOnes ? (byte)0xFF : (byte)0x00;
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

        private static void CheckAddress(int register)
        {
            if (register > Mpu6886Register.LastAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(register));
            }
        }
    }
}
