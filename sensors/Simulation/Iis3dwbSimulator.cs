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
    /// and, like read-only registers, ignore writes (both counted in <see cref="RegisterSimulator.IllegalAccessCount"/>); burst reads
    /// auto-increment the address only while IF_INC is set, and wrap from FIFO_DATA_OUT_Z_H (0x7E) back to
    /// FIFO_DATA_OUT_TAG (0x78) so one burst reads consecutive FIFO words; samples are produced while CTRL1_XL
    /// XL_EN is 101, at 26.667 kHz (one per 37.5 microseconds) as <see cref="AccelerometerSimulator.Advance"/> moves time on, saturating
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
    public sealed class Iis3dwbSimulator : AccelerometerSimulator
    {
        private const int Axes = 3;
        private const int RegisterCount = 128;
        private const byte Reserved = 0;
        private const byte Writable = 1;
        private const byte ReadOnly = 2;
        private const byte TagAccelerometer = Iis3dwbBits.TagSensorAccelerometer << Iis3dwbBits.TagSensorShift;

        private static readonly byte[] s_access = BuildAccessTable();

        private readonly byte[] _registers;
        private readonly SampleFifo _fifo = new SampleFifo(Iis3dwbBits.FifoDepth);
        private readonly int[] _output = new int[Axes];
        private readonly Iis3dwbSignal _signal;

        private bool _overrunActive;
        private bool _overrunLatched;
        private bool _dataAvailable;

        /// <summary>
        /// Initializes a new instance of the <see cref="Iis3dwbSimulator"/> class in its power-on state.
        /// </summary>
        /// <param name="signal">The acceleration the chip measures, in counts.</param>
        /// <exception cref="ArgumentNullException"><paramref name="signal"/> is null.</exception>
        public Iis3dwbSimulator(Iis3dwbSignal signal)
            : base(RegisterCount, Iis3dwbBits.DeviceId)
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
        /// Gets the number of words in the FIFO.
        /// </summary>
        public int FifoCount
        {
            get { return _fifo.Count; }
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

        /// <inheritdoc/>
        /// <remarks>While CTRL1_XL enables the accelerometer at 26.667 kHz.</remarks>
        protected override bool IsSampling()
        {
            return (_registers[Iis3dwbRegister.Ctrl1Xl] & Iis3dwbBits.Ctrl1XlEnableMask) == Iis3dwbBits.Ctrl1XlEnable26k7Hz;
        }

        /// <inheritdoc/>
        protected override long SamplesDue(long elapsedMicroseconds)
        {
            return SamplesIn(elapsedMicroseconds);
        }

        /// <inheritdoc/>
        /// <remarks>
        /// With CTRL3_C IF_INC the address steps, wrapping from FIFO_DATA_OUT_Z_H back to FIFO_DATA_OUT_TAG so a
        /// burst reads whole FIFO words; without it the address stays. A burst cannot change IF_INC (writes are
        /// separate transfers).
        /// </remarks>
        protected override int NextBurstAddress(int address)
        {
            if ((_registers[Iis3dwbRegister.Ctrl3C] & Iis3dwbBits.Ctrl3CAutoIncrement) == 0)
            {
                return address;
            }

            return address == Iis3dwbRegister.FifoDataOutZH ? Iis3dwbRegister.FifoDataOutTag : (address + 1) & Iis3dwbRegister.LastAddress;
        }

        /// <inheritdoc/>
        protected override byte ReadAt(int address)
        {
            byte access = s_access[address];
            if (access == Reserved)
            {
                CountIllegalAccess();
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
                    return DeviceId;
                case Iis3dwbRegister.StatusReg:
                    return _dataAvailable ? Iis3dwbBits.StatusXlDataAvailable : (byte)0;
                case Iis3dwbRegister.FifoStatus1:
                    return (byte)_fifo.Count;
                case Iis3dwbRegister.FifoStatus2:
                    return FifoStatus2();
                default:
                    return _registers[address];
            }
        }

        private byte FifoStatus2()
        {
            int value = (_fifo.Count >> 8) & Iis3dwbBits.FifoStatus2DiffHighMask;
            int watermark = Watermark();
            if (watermark > 0 && _fifo.Count >= watermark)
            {
                value |= Iis3dwbBits.FifoStatus2WatermarkReached;
            }

            if (_overrunActive)
            {
                value |= Iis3dwbBits.FifoStatus2Overrun;
            }

            if (_fifo.Count >= Capacity() - 1)
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
            if (_fifo.Count == 0)
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
                int axisValue = _fifo.Oldest((index - 1) >> 1);
                value = (byte)((index & 1) == 1 ? axisValue : axisValue >> 8);
            }

            if (index == Iis3dwbBits.FifoWordBytes - 1)
            {
                // The last byte of the word: the word leaves the FIFO and makes room for a new one.
                _fifo.DropOldest();
                _overrunActive = false;
            }

            return value;
        }

        /// <inheritdoc/>
        protected override void WriteAt(int address, byte value)
        {
            if (s_access[address] != Writable)
            {
                CountIllegalAccess();
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
                        ResetTimeBase();
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

        /// <inheritdoc/>
        protected override void ProduceSample()
        {
            int index = NextSampleIndex();
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

            if (_fifo.Count >= Capacity())
            {
                CountLostSample();
                if (mode == Iis3dwbBits.FifoModeFifo)
                {
                    // FIFO mode stops collecting when full.
                    return;
                }

                // Continuous: the newest word replaces the oldest.
                _fifo.DropOldest();
                _overrunActive = true;
                _overrunLatched = true;
            }

            _fifo.Push(x, y, z);
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
            _fifo.Clear();
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
            ResetTimeBase();
        }

        private static int Clip(int value)
        {
            if (value > short.MaxValue)
            {
                return short.MaxValue;
            }

            return value < short.MinValue ? short.MinValue : value;
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
