// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Bus;
using TinTin.Sensors.Devices.Adxl345;

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// A register-level model of an ADXL345/ADXL343 behind an <see cref="IRegisterBus"/>, so the driver
    /// runs unchanged against it on the host and on a board, with simulated time instead of a clock.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Modelled from the ADXL345 data sheet: DEVID 0xE5; reserved (0x01..0x1C, 0x3A..0x3F) and read-only
    /// registers ignore writes (counted in <see cref="IllegalAccessCount"/>), reserved registers read 0;
    /// burst reads auto-increment the address (wrapping at 0x3F); samples are produced while POWER_CTL
    /// Measure is set, at the BW_RATE output data rate, as <see cref="Advance"/> moves time on; a 32-entry
    /// FIFO in Bypass, FIFO (stops when full) and Stream (overwrites the oldest) modes; INT_SOURCE
    /// DATA_READY, Watermark (entries reach FIFO_CTL Samples) and Overrun (bypass: new data replaced unread
    /// data; FIFO modes: the FIFO filled; cleared by reading data); a read of the data registers pops one
    /// entry when the address moves from 0x37 to 0x38 or the transfer ends ("Retrieving Data from FIFO"),
    /// so one burst reads one entry; right or left justification, full or 10-bit resolution with clipping
    /// to the range, and the always-0 LSB at 1600/3200 Hz in full resolution or 2 g 10-bit mode.
    /// </para>
    /// <para>
    /// Not modelled: tap, activity, free fall, sleep, self-test, offsets, the INT pins, trigger events
    /// (Trigger mode behaves as Stream and FIFO_TRIG stays 0), the extra 33rd entry held in the output
    /// stage of a real chip, and the 5 microsecond pop delay.
    /// </para>
    /// </remarks>
    public sealed class Adxl345Simulator : IRegisterBus
    {
        private const int Axes = 3;
        private const int RegisterCount = 64;

        private readonly byte[] _registers = new byte[RegisterCount];
        private readonly int[] _fifo = new int[Adxl345Bits.FifoDepth * Axes];
        private readonly byte[] _output = new byte[6];
        private readonly Adxl345Signal _signal;

        private int _fifoHead;
        private int _fifoCount;
        private bool _overrun;
        private bool _bypassUnread;
        private bool _dataTouched;
        private int _bypassX;
        private int _bypassY;
        private int _bypassZ;

        private long _elapsedMicroseconds;
        private long _samplesSinceTimeBase;
        private int _sampleIndex;

        private int _errorCount;
        private int _failNext;
        private int _illegalAccessCount;
        private int _lostSampleCount;
        private byte _deviceId = Adxl345Bits.DeviceId;
        private Adxl345SimulatorFault _fault;

        /// <summary>
        /// Initializes a new instance of the <see cref="Adxl345Simulator"/> class in its power-on state.
        /// </summary>
        /// <param name="signal">The acceleration the chip measures, in counts.</param>
        /// <exception cref="ArgumentNullException"><paramref name="signal"/> is null.</exception>
        public Adxl345Simulator(Adxl345Signal signal)
        {
            if (signal == null)
            {
                throw new ArgumentNullException(nameof(signal));
            }

            _signal = signal;
            _registers[Adxl345Register.BwRate] = Adxl345Bits.Rate100Hz;
        }

        /// <inheritdoc/>
        public int ErrorCount
        {
            get { return _errorCount; }
        }

        /// <summary>
        /// Gets or sets the fault the simulator injects into every transfer.
        /// </summary>
        public Adxl345SimulatorFault Fault
        {
            get { return _fault; }
            set { _fault = value; }
        }

        /// <summary>
        /// Gets or sets the value DEVID returns (0xE5 by default; set another to simulate a wrong chip).
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
        /// Gets the number of samples lost: overwritten in Stream mode, not stored by a full FIFO in FIFO
        /// mode, or replaced unread in Bypass mode. The chip itself cannot report this number.
        /// </summary>
        public int LostSampleCount
        {
            get { return _lostSampleCount; }
        }

        /// <summary>
        /// Gets the number of samples in the FIFO.
        /// </summary>
        public int FifoCount
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
        /// Reads a register's stored value without any side effect (no pop, no access count), for tests.
        /// </summary>
        /// <param name="register">The register address, 0x00 to 0x3F.</param>
        /// <returns>The value a read would return, except that data registers return their stored bytes without popping.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="register"/> is above 0x3F.</exception>
        public byte PeekRegister(byte register)
        {
            CheckAddress(register);
            if (register >= Adxl345Register.DataX0 && register <= Adxl345Register.DataZ1)
            {
                return _output[register - Adxl345Register.DataX0];
            }

            return ReadPlain(register, false);
        }

        /// <summary>
        /// Moves simulated time forward; while measuring, produces the samples that fall due at the output data rate.
        /// </summary>
        /// <param name="microseconds">The time to advance, 0 or more.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="microseconds"/> is negative.</exception>
        public void Advance(int microseconds)
        {
            if (microseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(microseconds));
            }

            if ((_registers[Adxl345Register.PowerCtl] & Adxl345Bits.PowerCtlMeasure) == 0)
            {
                return;
            }

            _elapsedMicroseconds += microseconds;

            // Rate = 3200 Hz / 2^(15 - code): samples due = elapsed * 3200 / (2^(15 - code) * 10^6).
            int code = _registers[Adxl345Register.BwRate] & Adxl345Bits.BwRateRateMask;
            long due = (_elapsedMicroseconds * 3200) / (1000000L << (15 - code));
            while (_samplesSinceTimeBase < due)
            {
                ProduceSample();
                _samplesSinceTimeBase++;
            }
        }

        /// <summary>
        /// The simulated time, in microseconds, between two samples at a BW_RATE rate code, rounded down.
        /// </summary>
        /// <param name="rateCode">The rate code, 0x00 to 0x0F.</param>
        /// <returns>The sample period in microseconds (312 at 3200 Hz, whose exact period is 312.5).</returns>
        public static int PeriodMicroseconds(int rateCode)
        {
            return (int)((1000000L << (15 - (rateCode & Adxl345Bits.BwRateRateMask))) / 3200);
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

            if (_fault != Adxl345SimulatorFault.None)
            {
                value = AbsentByte();
                return true;
            }

            value = ReadSequenceByte(register, true);
            EndReadSequence();
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

            if (_fault == Adxl345SimulatorFault.None)
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

            if (_fault != Adxl345SimulatorFault.None)
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
                buffer[offset + i] = ReadSequenceByte(address, true);
                address = (address + 1) & Adxl345Register.LastAddress;
            }

            EndReadSequence();
            return true;
        }

        private byte ReadSequenceByte(int address, bool counted)
        {
            if (address >= Adxl345Register.DataX0 && address <= Adxl345Register.DataZ1)
            {
                if (!_dataTouched)
                {
                    LatchOutput();
                    _dataTouched = true;
                }

                return _output[address - Adxl345Register.DataX0];
            }

            if (_dataTouched)
            {
                // Leaving DATAZ1 (0x37 -> 0x38) pops the entry before FIFO_CTL/FIFO_STATUS are read.
                Pop();
                _dataTouched = false;
            }

            return ReadPlain(address, counted);
        }

        private void EndReadSequence()
        {
            // The end of the transfer (CS high, I2C stop) after a data read pops the entry; a partial
            // read loses the rest of that sample, as the data sheet warns.
            if (_dataTouched)
            {
                Pop();
                _dataTouched = false;
            }
        }

        private byte ReadPlain(int address, bool counted)
        {
            if (IsReserved(address))
            {
                if (counted)
                {
                    _illegalAccessCount++;
                }

                return 0;
            }

            switch (address)
            {
                case Adxl345Register.DevId:
                    return _deviceId;
                case Adxl345Register.IntSource:
                    return IntSource();
                case Adxl345Register.FifoStatus:
                    return (byte)_fifoCount;
                default:
                    return _registers[address];
            }
        }

        private byte IntSource()
        {
            int value = 0;
            bool bypass = (_registers[Adxl345Register.FifoCtl] & Adxl345Bits.FifoModeMask) == Adxl345Bits.FifoModeBypass;
            if (bypass ? _bypassUnread : _fifoCount > 0)
            {
                value |= Adxl345Bits.IntDataReady;
            }

            // Entries at or above Samples: with the reset values (0 >= 0) this gives the data sheet's reset value 0x02.
            if (_fifoCount >= (_registers[Adxl345Register.FifoCtl] & Adxl345Bits.FifoCtlSamplesMask))
            {
                value |= Adxl345Bits.IntWatermark;
            }

            if (_overrun)
            {
                value |= Adxl345Bits.IntOverrun;
            }

            return (byte)value;
        }

        private void Write(int address, byte value)
        {
            if (IsReserved(address) || IsReadOnly(address))
            {
                _illegalAccessCount++;
                return;
            }

            switch (address)
            {
                case Adxl345Register.BwRate:
                    byte rate = (byte)(value & (Adxl345Bits.BwRateLowPower | Adxl345Bits.BwRateRateMask));
                    if (((rate ^ _registers[address]) & Adxl345Bits.BwRateRateMask) != 0)
                    {
                        ResetTimeBase();
                    }

                    _registers[address] = rate;
                    break;
                case Adxl345Register.PowerCtl:
                    bool wasMeasuring = (_registers[address] & Adxl345Bits.PowerCtlMeasure) != 0;
                    _registers[address] = (byte)(value & 0x3F);
                    if (!wasMeasuring && (value & Adxl345Bits.PowerCtlMeasure) != 0)
                    {
                        ResetTimeBase();
                    }

                    break;
                case Adxl345Register.DataFormat:
                    _registers[address] = (byte)(value & ~Adxl345Bits.DataFormatReserved);
                    break;
                case Adxl345Register.FifoCtl:
                    _registers[address] = value;
                    if ((value & Adxl345Bits.FifoModeMask) == Adxl345Bits.FifoModeBypass)
                    {
                        // Bypass mode does not use the FIFO: its content and the overrun state are gone.
                        _fifoHead = 0;
                        _fifoCount = 0;
                        _overrun = false;
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
            int x = Condition(_signal(0, index));
            int y = Condition(_signal(1, index));
            int z = Condition(_signal(2, index));

            byte mode = (byte)(_registers[Adxl345Register.FifoCtl] & Adxl345Bits.FifoModeMask);
            if (mode == Adxl345Bits.FifoModeBypass)
            {
                if (_bypassUnread)
                {
                    _overrun = true;
                    _lostSampleCount++;
                }

                _bypassX = x;
                _bypassY = y;
                _bypassZ = z;
                _bypassUnread = true;
                return;
            }

            if (_fifoCount == Adxl345Bits.FifoDepth)
            {
                _lostSampleCount++;
                if (mode == Adxl345Bits.FifoModeFifo)
                {
                    // FIFO mode stops collecting when full.
                    return;
                }

                // Stream (and Trigger, modelled as Stream): discard the oldest entry.
                _fifoHead = (_fifoHead + 1) % Adxl345Bits.FifoDepth;
                _fifoCount--;
            }

            int slot = ((_fifoHead + _fifoCount) % Adxl345Bits.FifoDepth) * Axes;
            _fifo[slot] = x;
            _fifo[slot + 1] = y;
            _fifo[slot + 2] = z;
            _fifoCount++;
            if (_fifoCount == Adxl345Bits.FifoDepth)
            {
                _overrun = true;
            }
        }

        // Clips to the output width of the current format and applies the 1600/3200 Hz LSB rule.
        private int Condition(int value)
        {
            byte format = _registers[Adxl345Register.DataFormat];
            int range = format & Adxl345Bits.DataFormatRangeMask;
            bool fullResolution = (format & Adxl345Bits.DataFormatFullResolution) != 0;
            int bits = fullResolution ? 10 + range : 10;
            int max = (1 << (bits - 1)) - 1;
            int min = -(1 << (bits - 1));
            if (value > max)
            {
                value = max;
            }
            else if (value < min)
            {
                value = min;
            }

            int code = _registers[Adxl345Register.BwRate] & Adxl345Bits.BwRateRateMask;
            if (code >= 0x0E && (fullResolution || range == 0))
            {
                value &= ~1;
            }

            return value;
        }

        private void LatchOutput()
        {
            bool bypass = (_registers[Adxl345Register.FifoCtl] & Adxl345Bits.FifoModeMask) == Adxl345Bits.FifoModeBypass;
            if (bypass)
            {
                Encode(_bypassX, _bypassY, _bypassZ);
            }
            else if (_fifoCount > 0)
            {
                int slot = _fifoHead * Axes;
                Encode(_fifo[slot], _fifo[slot + 1], _fifo[slot + 2]);
            }

            // An empty FIFO leaves the last values in the output registers.
        }

        private void Encode(int x, int y, int z)
        {
            byte format = _registers[Adxl345Register.DataFormat];
            int shift = 0;
            if ((format & Adxl345Bits.DataFormatJustifyLeft) != 0)
            {
                // Left-justified: the MSB of the output width lands on bit 15.
                bool fullResolution = (format & Adxl345Bits.DataFormatFullResolution) != 0;
                shift = fullResolution ? 6 - (format & Adxl345Bits.DataFormatRangeMask) : 6;
            }

            EncodeAxis(x << shift, 0);
            EncodeAxis(y << shift, 2);
            EncodeAxis(z << shift, 4);
        }

        private void EncodeAxis(int value, int index)
        {
            _output[index] = (byte)value;
            _output[index + 1] = (byte)(value >> 8);
        }

        private void Pop()
        {
            bool bypass = (_registers[Adxl345Register.FifoCtl] & Adxl345Bits.FifoModeMask) == Adxl345Bits.FifoModeBypass;
            if (bypass)
            {
                _bypassUnread = false;
            }
            else if (_fifoCount > 0)
            {
                _fifoHead = (_fifoHead + 1) % Adxl345Bits.FifoDepth;
                _fifoCount--;
            }

            _overrun = false;
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

            if (_fault == Adxl345SimulatorFault.BusError)
            {
                _errorCount++;
                return false;
            }

            return true;
        }

        private byte AbsentByte()
        {
            return _fault == Adxl345SimulatorFault.AbsentReadsOnes ? (byte)0xFF : (byte)0x00;
        }

        private static bool IsReserved(int address)
        {
            return (address >= Adxl345Register.FirstReserved && address <= Adxl345Register.LastReserved)
                || address > Adxl345Register.FifoStatus;
        }

        private static bool IsReadOnly(int address)
        {
            return address == Adxl345Register.DevId
                || address == Adxl345Register.ActTapStatus
                || address == Adxl345Register.IntSource
                || (address >= Adxl345Register.DataX0 && address <= Adxl345Register.DataZ1)
                || address == Adxl345Register.FifoStatus;
        }

        private static void CheckAddress(int register)
        {
            // The protocol carries a 6-bit address; higher bits are the SPI R/W and MB bits.
            if (register > Adxl345Register.LastAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(register));
            }
        }
    }
}
