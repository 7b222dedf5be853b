// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Bus;
using TinTin.Sensors.Devices.Iis3dwb;

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// A register-level model of an ST IIS3DWB behind an <see cref="IRegisterBus"/> (the SPI register protocol:
    /// 7-bit addresses), so the driver runs unchanged against it on the host and on a board, with simulated
    /// time instead of a clock.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Modelled from data sheet DS13220 and ST's iis3dwb-pid register definitions: WHO_AM_I 0x7B; CTRL3_C resets
    /// to 0x04 (IF_INC) and SW_RESET restores every control register (instantly here); reserved addresses read 0
    /// and, like read-only registers, ignore writes (both counted in <see cref="IllegalAccessCount"/>); burst reads
    /// auto-increment the address only while IF_INC is set, and wrap from FIFO_DATA_OUT_Z_H (0x7E) back to
    /// FIFO_DATA_OUT_TAG (0x78) so one burst reads consecutive FIFO words; samples are produced while CTRL1_XL
    /// XL_EN is 101, at 26.667 kHz (one per 37.5 microseconds) as <see cref="Advance"/> moves time on, saturating
    /// at the 16-bit output; OUTX..OUTZ and STATUS_REG XLDA; a 512-word FIFO fed when BDR_XL is 1010, in Bypass
    /// (entering it empties the FIFO and its flags), FIFO (stops when full) and Continuous (the newest word
    /// replaces the oldest) modes, with the STOP_ON_WTM depth limit; FIFO_STATUS1/2 with DIFF_FIFO, FIFO_WTM_IA,
    /// FIFO_OVR_IA (cleared when a word is read), FIFO_FULL_IA (full at the next sample) and FIFO_OVR_LATCHED
    /// (cleared by reading FIFO_STATUS2). A FIFO word is 7 bytes, tag 0x10 (TAG_SENSOR 0x02) then X, Y, Z
    /// little-endian, and is removed from the FIFO when its last byte (0x7E) is read.
    /// </para>
    /// <para>
    /// Not modelled: the trigger-based modes (Continuous-to-FIFO behaves as Continuous, Bypass-to-Continuous and
    /// Bypass-to-FIFO as Bypass), TAG_CNT and TAG_PARITY (always 0), temperature and timestamp batching, the batch
    /// counter, filters, offsets, self-test, wake-up, BOOT, BDU, the INT pins and the part-to-part ODR spread.
    /// Assumed (not stated in the sources checked): XLDA clears when an output register is read; a FIFO read with
    /// the FIFO empty returns zeros.
    /// </para>
    /// </remarks>
    public sealed class Iis3dwbSimulator : IRegisterBus
    {
        private const int Axes = 3;
        private const int RegisterCount = 128;
        private const byte Reserved = 0;
        private const byte Writable = 1;
        private const byte ReadOnly = 2;
        private const byte TagAccelerometer = Iis3dwbBits.TagSensorAccelerometer << Iis3dwbBits.TagSensorShift;

        private static readonly byte[] s_access = BuildAccessTable();

        private readonly byte[] _registers = new byte[RegisterCount];
        private readonly int[] _fifo = new int[Iis3dwbBits.FifoDepth * Axes];
        private readonly int[] _output = new int[Axes];
        private readonly Iis3dwbSignal _signal;

        private int _fifoHead;
        private int _fifoCount;
        private bool _overrunActive;
        private bool _overrunLatched;
        private bool _dataAvailable;

        private long _elapsedMicroseconds;
        private long _samplesSinceTimeBase;
        private int _sampleIndex;

        private int _errorCount;
        private int _failNext;
        private int _illegalAccessCount;
        private int _lostSampleCount;
        private byte _deviceId = Iis3dwbBits.DeviceId;
        private Iis3dwbSimulatorFault _fault;

        /// <summary>
        /// Initializes a new instance of the <see cref="Iis3dwbSimulator"/> class in its power-on state.
        /// </summary>
        /// <param name="signal">The acceleration the chip measures, in counts.</param>
        /// <exception cref="ArgumentNullException"><paramref name="signal"/> is null.</exception>
        public Iis3dwbSimulator(Iis3dwbSignal signal)
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
        public Iis3dwbSimulatorFault Fault
        {
            get { return _fault; }
            set { _fault = value; }
        }

        /// <summary>
        /// Gets or sets the value WHO_AM_I returns (0x7B by default; set another to simulate a wrong chip).
        /// </summary>
        public byte DeviceId
        {
            get { return _deviceId; }
            set { _deviceId = value; }
        }

        /// <summary>
        /// Gets the number of writes to reserved or read-only registers and reads of reserved registers.
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
        /// Gets the number of samples lost: overwritten in Continuous mode or not stored by a full FIFO in FIFO
        /// mode. The chip itself cannot report this number.
        /// </summary>
        public int LostSampleCount
        {
            get { return _lostSampleCount; }
        }

        /// <summary>
        /// Gets the number of words in the FIFO.
        /// </summary>
        public int FifoCount
        {
            get { return _fifoCount; }
        }

        /// <summary>
        /// The number of samples the chip produces in a span of measuring time from the time base: one per
        /// 37.5 microseconds (26.667 kHz).
        /// </summary>
        /// <param name="microseconds">The time, 0 or more.</param>
        /// <returns>The number of whole sample periods in it.</returns>
        public static long SamplesIn(long microseconds)
        {
            return (microseconds * 2) / 75;
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
        /// Reads a control register's stored value without any side effect, for tests.
        /// </summary>
        /// <param name="register">The register address, 0x00 to 0x7F.</param>
        /// <returns>The stored value; 0 for reserved and computed (status, data) registers.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="register"/> is above 0x7F.</exception>
        public byte PeekRegister(byte register)
        {
            CheckAddress(register);
            return _registers[register];
        }

        /// <summary>
        /// Moves simulated time forward; while the accelerometer is on, produces the samples that fall due.
        /// </summary>
        /// <param name="microseconds">The time to advance, 0 or more.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="microseconds"/> is negative.</exception>
        public void Advance(int microseconds)
        {
            if (microseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(microseconds));
            }

            if ((_registers[Iis3dwbRegister.Ctrl1Xl] & Iis3dwbBits.Ctrl1XlEnableMask) != Iis3dwbBits.Ctrl1XlEnable26k7Hz)
            {
                return;
            }

            _elapsedMicroseconds += microseconds;
            long due = SamplesIn(_elapsedMicroseconds);
            while (_samplesSinceTimeBase < due)
            {
                ProduceSample();
                _samplesSinceTimeBase++;
            }
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

            value = _fault != Iis3dwbSimulatorFault.None ? AbsentByte() : ReadByteAt(register);
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

            if (_fault == Iis3dwbSimulatorFault.None)
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

            if (_fault != Iis3dwbSimulatorFault.None)
            {
                byte absent = AbsentByte();
                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = absent;
                }

                return true;
            }

            // IF_INC is read once: a burst cannot change it (writes are separate transfers).
            bool increment = (_registers[Iis3dwbRegister.Ctrl3C] & Iis3dwbBits.Ctrl3CAutoIncrement) != 0;
            int address = startRegister;
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = ReadByteAt(address);
                if (increment)
                {
                    address = address == Iis3dwbRegister.FifoDataOutZH ? Iis3dwbRegister.FifoDataOutTag : (address + 1) & Iis3dwbRegister.LastAddress;
                }
            }

            return true;
        }

        private byte ReadByteAt(int address)
        {
            byte access = s_access[address];
            if (access == Reserved)
            {
                _illegalAccessCount++;
                return 0;
            }

            if (address >= Iis3dwbRegister.FifoDataOutTag && address <= Iis3dwbRegister.FifoDataOutZH)
            {
                return ReadFifoByte(address - Iis3dwbRegister.FifoDataOutTag);
            }

            if (address >= Iis3dwbRegister.OutXLA && address <= Iis3dwbRegister.OutZHA)
            {
                int index = address - Iis3dwbRegister.OutXLA;
                _dataAvailable = false;
                int value = _output[index >> 1];
                return (byte)((index & 1) == 0 ? value : value >> 8);
            }

            switch (address)
            {
                case Iis3dwbRegister.WhoAmI:
                    return _deviceId;
                case Iis3dwbRegister.StatusReg:
                    return _dataAvailable ? Iis3dwbBits.StatusXlDataAvailable : (byte)0;
                case Iis3dwbRegister.FifoStatus1:
                    return (byte)_fifoCount;
                case Iis3dwbRegister.FifoStatus2:
                    return FifoStatus2();
                default:
                    return _registers[address];
            }
        }

        private byte FifoStatus2()
        {
            int value = (_fifoCount >> 8) & Iis3dwbBits.FifoStatus2DiffHighMask;
            int watermark = Watermark();
            if (watermark > 0 && _fifoCount >= watermark)
            {
                value |= Iis3dwbBits.FifoStatus2WatermarkReached;
            }

            if (_overrunActive)
            {
                value |= Iis3dwbBits.FifoStatus2Overrun;
            }

            if (_fifoCount >= Capacity() - 1)
            {
                value |= Iis3dwbBits.FifoStatus2Full;
            }

            if (_overrunLatched)
            {
                value |= Iis3dwbBits.FifoStatus2OverrunLatched;
                _overrunLatched = false;
            }

            return (byte)value;
        }

        private byte ReadFifoByte(int index)
        {
            if (_fifoCount == 0)
            {
                return 0;
            }

            byte value;
            if (index == 0)
            {
                value = TagAccelerometer;
            }
            else
            {
                int axisValue = _fifo[(_fifoHead * Axes) + ((index - 1) >> 1)];
                value = (byte)((index & 1) == 1 ? axisValue : axisValue >> 8);
            }

            if (index == Iis3dwbBits.FifoWordBytes - 1)
            {
                // The last byte of the word: the word leaves the FIFO and makes room for a new one.
                _fifoHead = (_fifoHead + 1) % Iis3dwbBits.FifoDepth;
                _fifoCount--;
                _overrunActive = false;
            }

            return value;
        }

        private void Write(int address, byte value)
        {
            if (s_access[address] != Writable)
            {
                _illegalAccessCount++;
                return;
            }

            switch (address)
            {
                case Iis3dwbRegister.Ctrl3C:
                    if ((value & Iis3dwbBits.Ctrl3CSoftwareReset) != 0)
                    {
                        ResetRegisters();
                    }
                    else
                    {
                        _registers[address] = value;
                    }

                    break;
                case Iis3dwbRegister.Ctrl1Xl:
                    bool wasOn = (_registers[address] & Iis3dwbBits.Ctrl1XlEnableMask) == Iis3dwbBits.Ctrl1XlEnable26k7Hz;
                    bool isOn = (value & Iis3dwbBits.Ctrl1XlEnableMask) == Iis3dwbBits.Ctrl1XlEnable26k7Hz;

                    // Bits 4 and 0 are not used and read 0.
                    _registers[address] = (byte)(value & 0xEE);
                    if (isOn && !wasOn)
                    {
                        _elapsedMicroseconds = 0;
                        _samplesSinceTimeBase = 0;
                    }

                    break;
                case Iis3dwbRegister.FifoCtrl2:
                    _registers[address] = (byte)(value & (Iis3dwbBits.FifoCtrl2StopOnWatermark | Iis3dwbBits.FifoCtrl2WatermarkBit8));
                    break;
                case Iis3dwbRegister.FifoCtrl3:
                    _registers[address] = (byte)(value & Iis3dwbBits.FifoCtrl3BdrXlMask);
                    break;
                case Iis3dwbRegister.FifoCtrl4:
                    _registers[address] = (byte)(value & 0xF7);
                    if (EffectiveMode() == Iis3dwbBits.FifoModeBypass)
                    {
                        ClearFifo();
                    }

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
            int x = Clip(_signal(0, index));
            int y = Clip(_signal(1, index));
            int z = Clip(_signal(2, index));
            _output[0] = x;
            _output[1] = y;
            _output[2] = z;
            _dataAvailable = true;

            int mode = EffectiveMode();
            if (mode == Iis3dwbBits.FifoModeBypass
                || (_registers[Iis3dwbRegister.FifoCtrl3] & Iis3dwbBits.FifoCtrl3BdrXlMask) != Iis3dwbBits.BdrXl26k7Hz)
            {
                return;
            }

            if (_fifoCount >= Capacity())
            {
                _lostSampleCount++;
                if (mode == Iis3dwbBits.FifoModeFifo)
                {
                    // FIFO mode stops collecting when full.
                    return;
                }

                // Continuous: the newest word replaces the oldest.
                _fifoHead = (_fifoHead + 1) % Iis3dwbBits.FifoDepth;
                _fifoCount--;
                _overrunActive = true;
                _overrunLatched = true;
            }

            int slot = ((_fifoHead + _fifoCount) % Iis3dwbBits.FifoDepth) * Axes;
            _fifo[slot] = x;
            _fifo[slot + 1] = y;
            _fifo[slot + 2] = z;
            _fifoCount++;
        }

        // The mode the FIFO acts in without trigger events: the trigger-based modes stay in their first state.
        private int EffectiveMode()
        {
            int mode = _registers[Iis3dwbRegister.FifoCtrl4] & Iis3dwbBits.FifoModeMask;
            if (mode == Iis3dwbBits.FifoModeContinuousToFifo)
            {
                return Iis3dwbBits.FifoModeContinuous;
            }

            if (mode == Iis3dwbBits.FifoModeFifo || mode == Iis3dwbBits.FifoModeContinuous)
            {
                return mode;
            }

            return Iis3dwbBits.FifoModeBypass;
        }

        private int Watermark()
        {
            return ((_registers[Iis3dwbRegister.FifoCtrl2] & Iis3dwbBits.FifoCtrl2WatermarkBit8) << 8) | _registers[Iis3dwbRegister.FifoCtrl1];
        }

        private int Capacity()
        {
            int watermark = Watermark();
            if ((_registers[Iis3dwbRegister.FifoCtrl2] & Iis3dwbBits.FifoCtrl2StopOnWatermark) != 0 && watermark > 0)
            {
                return watermark;
            }

            return Iis3dwbBits.FifoDepth;
        }

        private void ClearFifo()
        {
            _fifoHead = 0;
            _fifoCount = 0;
            _overrunActive = false;
            _overrunLatched = false;
        }

        private void ResetRegisters()
        {
            for (int i = 0; i < RegisterCount; i++)
            {
                _registers[i] = 0;
            }

            _registers[Iis3dwbRegister.Ctrl3C] = Iis3dwbBits.Ctrl3CResetValue;
            ClearFifo();
            _dataAvailable = false;
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

            if (_fault == Iis3dwbSimulatorFault.BusError)
            {
                _errorCount++;
                return false;
            }

            return true;
        }

        private byte AbsentByte()
        {
            return _fault == Iis3dwbSimulatorFault.AbsentReadsOnes ? (byte)0xFF : (byte)0x00;
        }

        private static int Clip(int value)
        {
            if (value > short.MaxValue)
            {
                return short.MaxValue;
            }

            return value < short.MinValue ? short.MinValue : value;
        }

        private static void CheckAddress(int register)
        {
            // The protocol carries a 7-bit address; bit 7 is the SPI R/W bit.
            if (register > Iis3dwbRegister.LastAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(register));
            }
        }

        // Which addresses exist and which accept writes (DS13220 "Register mapping"; ST iis3dwb_reg.h).
        private static byte[] BuildAccessTable()
        {
            byte[] table = new byte[RegisterCount];
            Mark(table, Iis3dwbRegister.PinCtrl, Iis3dwbRegister.PinCtrl, Writable);
            Mark(table, Iis3dwbRegister.FifoCtrl1, Iis3dwbRegister.Int2Ctrl, Writable);
            Mark(table, Iis3dwbRegister.WhoAmI, Iis3dwbRegister.WhoAmI, ReadOnly);
            Mark(table, Iis3dwbRegister.Ctrl1Xl, Iis3dwbRegister.Ctrl1Xl, Writable);
            Mark(table, Iis3dwbRegister.Ctrl3C, Iis3dwbRegister.Ctrl6C, Writable);
            Mark(table, Iis3dwbRegister.Ctrl8Xl, Iis3dwbRegister.Ctrl8Xl, Writable);
            Mark(table, Iis3dwbRegister.Ctrl10C, Iis3dwbRegister.Ctrl10C, Writable);
            Mark(table, Iis3dwbRegister.AllIntSrc, Iis3dwbRegister.WakeUpSrc, ReadOnly);
            Mark(table, Iis3dwbRegister.StatusReg, Iis3dwbRegister.StatusReg, ReadOnly);
            Mark(table, Iis3dwbRegister.OutTempL, Iis3dwbRegister.OutTempL + 1, ReadOnly);
            Mark(table, Iis3dwbRegister.OutXLA, Iis3dwbRegister.OutZHA, ReadOnly);
            Mark(table, Iis3dwbRegister.FifoStatus1, Iis3dwbRegister.FifoStatus2, ReadOnly);
            Mark(table, Iis3dwbRegister.Timestamp0, Iis3dwbRegister.Timestamp0 + 3, ReadOnly);
            Mark(table, Iis3dwbRegister.SlopeEn, Iis3dwbRegister.SlopeEn, Writable);
            Mark(table, Iis3dwbRegister.InterruptsEn, Iis3dwbRegister.InterruptsEn, Writable);
            Mark(table, Iis3dwbRegister.WakeUpThs, Iis3dwbRegister.WakeUpDur, Writable);
            Mark(table, Iis3dwbRegister.Md1Cfg, Iis3dwbRegister.Md2Cfg, Writable);
            Mark(table, Iis3dwbRegister.InternalFreqFine, Iis3dwbRegister.InternalFreqFine, ReadOnly);
            Mark(table, Iis3dwbRegister.XOfsUsr, Iis3dwbRegister.ZOfsUsr, Writable);
            Mark(table, Iis3dwbRegister.FifoDataOutTag, Iis3dwbRegister.FifoDataOutZH, ReadOnly);
            return table;
        }

        private static void Mark(byte[] table, int first, int last, byte access)
        {
            for (int i = first; i <= last; i++)
            {
                table[i] = access;
            }
        }
    }
}
