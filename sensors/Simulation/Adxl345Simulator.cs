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
    /// registers ignore writes (counted in <see cref="RegisterSimulator.IllegalAccessCount"/>), reserved registers read 0;
    /// burst reads auto-increment the address (wrapping at 0x3F); samples are produced while POWER_CTL
    /// Measure is set, at the BW_RATE output data rate, as <see cref="AccelerometerSimulator.Advance"/> moves time on; a 32-entry
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
    public sealed class Adxl345Simulator : AccelerometerSimulator
    {
        private const int RegisterCount = 64;

        private readonly byte[] _registers;
        private readonly SampleFifo _fifo = new SampleFifo(Adxl345Bits.FifoDepth);
        private readonly byte[] _output = new byte[6];
        private readonly Adxl345Signal _signal;

        private bool _overrun;
        private bool _bypassUnread;
        private bool _dataTouched;
        private int _bypassX;
        private int _bypassY;
        private int _bypassZ;

        /// <summary>
        /// Initializes a new instance of the <see cref="Adxl345Simulator"/> class in its power-on state.
        /// </summary>
        /// <param name="signal">The acceleration the chip measures, in counts.</param>
        /// <exception cref="ArgumentNullException"><paramref name="signal"/> is null.</exception>
        public Adxl345Simulator(Adxl345Signal signal)
            : base(RegisterCount, Adxl345Bits.DeviceId)
        {
            if (signal == null)
            {
                throw new ArgumentNullException(nameof(signal));
            }

            _signal = signal;
            _registers = Registers;
            _registers[Adxl345Register.BwRate] = Adxl345Bits.Rate100Hz;
        }

        /// <summary>
        /// Gets the number of samples in the FIFO.
        /// </summary>
        public int FifoCount
        {
            get { return _fifo.Count; }
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
        /// The simulated time, in microseconds, between two samples at a BW_RATE rate code, rounded down.
        /// </summary>
        /// <param name="rateCode">The rate code, 0x00 to 0x0F.</param>
        /// <returns>The sample period in microseconds (312 at 3200 Hz, whose exact period is 312.5).</returns>
        public static int PeriodMicroseconds(int rateCode)
        {
            return (int)((1000000L << (15 - (rateCode & Adxl345Bits.BwRateRateMask))) / 3200);
        }

        /// <inheritdoc/>
        protected override byte ReadAt(int address)
        {
            return ReadSequenceByte(address, true);
        }

        /// <inheritdoc/>
        /// <remarks>While POWER_CTL Measure is set.</remarks>
        protected override bool IsSampling()
        {
            return (_registers[Adxl345Register.PowerCtl] & Adxl345Bits.PowerCtlMeasure) != 0;
        }

        /// <inheritdoc/>
        /// <remarks>Rate = 3200 Hz / 2^(15 - code): samples due = elapsed * 3200 / (2^(15 - code) * 10^6).</remarks>
        protected override long SamplesDue(long elapsedMicroseconds)
        {
            int code = _registers[Adxl345Register.BwRate] & Adxl345Bits.BwRateRateMask;
            return (elapsedMicroseconds * 3200) / (1000000L << (15 - code));
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

        /// <inheritdoc/>
        /// <remarks>The end of a transfer after a data read pops the entry.</remarks>
        protected override void EndRead()
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
                    CountIllegalAccess();
                }

                return 0;
            }

            switch (address)
            {
                case Adxl345Register.DevId:
                    return DeviceId;
                case Adxl345Register.IntSource:
                    return IntSource();
                case Adxl345Register.FifoStatus:
                    return (byte)_fifo.Count;
                default:
                    return _registers[address];
            }
        }

        private byte IntSource()
        {
            int value = 0;
            bool bypass = (_registers[Adxl345Register.FifoCtl] & Adxl345Bits.FifoModeMask) == Adxl345Bits.FifoModeBypass;
            if (bypass ? _bypassUnread : _fifo.Count > 0)
            {
                value |= Adxl345Bits.IntDataReady;
            }

            // Entries at or above Samples: with the reset values (0 >= 0) this gives the data sheet's reset value 0x02.
            if (_fifo.Count >= (_registers[Adxl345Register.FifoCtl] & Adxl345Bits.FifoCtlSamplesMask))
            {
                value |= Adxl345Bits.IntWatermark;
            }

            if (_overrun)
            {
                value |= Adxl345Bits.IntOverrun;
            }

            return (byte)value;
        }

        /// <inheritdoc/>
        protected override void WriteAt(int address, byte value)
        {
            if (IsReserved(address) || IsReadOnly(address))
            {
                CountIllegalAccess();
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
                        _fifo.Clear();
                        _overrun = false;
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
            int x = Condition(_signal(0, index));
            int y = Condition(_signal(1, index));
            int z = Condition(_signal(2, index));

            byte mode = (byte)(_registers[Adxl345Register.FifoCtl] & Adxl345Bits.FifoModeMask);
            if (mode == Adxl345Bits.FifoModeBypass)
            {
                if (_bypassUnread)
                {
                    _overrun = true;
                    CountLostSample();
                }

                _bypassX = x;
                _bypassY = y;
                _bypassZ = z;
                _bypassUnread = true;
                return;
            }

            if (_fifo.Count == Adxl345Bits.FifoDepth)
            {
                CountLostSample();
                if (mode == Adxl345Bits.FifoModeFifo)
                {
                    // FIFO mode stops collecting when full.
                    return;
                }

                // Stream (and Trigger, modelled as Stream): discard the oldest entry.
                _fifo.DropOldest();
            }

            _fifo.Push(x, y, z);
            if (_fifo.Count == Adxl345Bits.FifoDepth)
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
            else if (_fifo.Count > 0)
            {
                Encode(_fifo.Oldest(0), _fifo.Oldest(1), _fifo.Oldest(2));
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
            else
            {
                _fifo.DropOldest();
            }

            _overrun = false;
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

    }
}
