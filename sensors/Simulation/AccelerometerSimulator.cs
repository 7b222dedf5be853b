// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Bus;

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// The part the accelerometer simulators share: a byte register file behind an <see cref="IRegisterBus"/>
    /// (address check, fault injection, burst reads that step the address as the chip does), the identity register's
    /// value, and simulated time that produces samples at the chip's output data rate.
    /// </summary>
    /// <remarks>
    /// A chip model supplies what a read or write of one address does (<see cref="ReadAt"/>, <see cref="WriteAt"/>),
    /// the next address of a burst (<see cref="NextBurstAddress"/>), what the end of a read transfer does
    /// (<see cref="EndRead"/>), whether it is sampling, how many samples are due after a time, and one sample
    /// (<see cref="ProduceSample"/>).
    /// </remarks>
    public abstract class AccelerometerSimulator : RegisterSimulator, IRegisterBus
    {
        private readonly byte[] _registers;
        private readonly int _lastAddress;
        private byte _deviceId;
        private long _elapsedMicroseconds;
        private long _samplesSinceTimeBase;
        private int _sampleIndex;
        private int _lostSampleCount;

        /// <summary>
        /// Initializes a new instance of the <see cref="AccelerometerSimulator"/> class.
        /// </summary>
        /// <param name="registerCount">The size of the register file (a power of two: the address space).</param>
        /// <param name="deviceId">The value the identity register returns.</param>
        protected AccelerometerSimulator(int registerCount, byte deviceId)
        {
            _registers = new byte[registerCount];
            _lastAddress = registerCount - 1;
            _deviceId = deviceId;
        }

        /// <summary>
        /// Gets or sets the value the identity register (WHO_AM_I, DEVID) returns; set another to simulate a wrong chip.
        /// </summary>
        public byte DeviceId
        {
            get { return _deviceId; }
            set { _deviceId = value; }
        }

        /// <summary>
        /// Gets the number of samples produced since creation (the next sample's index).
        /// </summary>
        public int SamplesProduced
        {
            get { return _sampleIndex; }
        }

        /// <summary>
        /// Gets the number of samples lost: overwritten in a FIFO, not stored by a full FIFO, or replaced unread.
        /// The chip itself cannot report this number.
        /// </summary>
        public int LostSampleCount
        {
            get { return _lostSampleCount; }
        }

        /// <summary>
        /// Gets the register file (the stored values; computed registers are the chip model's).
        /// </summary>
        protected byte[] Registers
        {
            get { return _registers; }
        }

        /// <summary>
        /// Moves simulated time forward; while sampling, produces the samples that fall due at the output data rate.
        /// </summary>
        /// <param name="microseconds">The time to advance, 0 or more.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="microseconds"/> is negative.</exception>
        public void Advance(int microseconds)
        {
            if (microseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(microseconds));
            }

            if (!IsSampling())
            {
                return;
            }

            _elapsedMicroseconds += microseconds;
            long due = SamplesDue(_elapsedMicroseconds);
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

            if (Absent)
            {
                value = AbsentByte();
                return true;
            }

            value = ReadAt(register);
            EndRead();
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

            if (!Absent)
            {
                WriteAt(register, value);
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

            if (Absent)
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
                buffer[offset + i] = ReadAt(address);
                address = NextBurstAddress(address);
            }

            EndRead();
            return true;
        }

        /// <summary>
        /// Checks a register address against the address space.
        /// </summary>
        /// <param name="register">The address.</param>
        /// <exception cref="ArgumentOutOfRangeException">The address is beyond the register file (its high bits are protocol bits).</exception>
        protected void CheckAddress(int register)
        {
            if (register > _lastAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(register));
            }
        }

        /// <summary>
        /// The next address of a burst: the address plus one, wrapping at the end of the address space. Chips that
        /// hold the address on a FIFO register or wrap within a block override this.
        /// </summary>
        /// <param name="address">The address just read.</param>
        /// <returns>The next address read.</returns>
        protected virtual int NextBurstAddress(int address)
        {
            return (address + 1) & _lastAddress;
        }

        /// <summary>
        /// The end of a read transfer (chip select high, I2C stop); nothing by default.
        /// </summary>
        protected virtual void EndRead()
        {
        }

        /// <summary>
        /// Restarts the sample clock: the next sample falls due one period from now.
        /// </summary>
        protected void ResetTimeBase()
        {
            _elapsedMicroseconds = 0;
            _samplesSinceTimeBase = 0;
        }

        /// <summary>
        /// Takes the index of the next sample (the argument of the signal).
        /// </summary>
        /// <returns>The sample's index since creation.</returns>
        protected int NextSampleIndex()
        {
            int index = _sampleIndex;
            _sampleIndex++;
            return index;
        }

        /// <summary>
        /// Counts a sample lost by the FIFO or the output registers.
        /// </summary>
        protected void CountLostSample()
        {
            _lostSampleCount++;
        }

        /// <summary>
        /// Reads one address in a read transfer, with the chip's side effects (pops, clear-on-read).
        /// </summary>
        /// <param name="address">The address.</param>
        /// <returns>The byte read.</returns>
        protected abstract byte ReadAt(int address);

        /// <summary>
        /// Writes one address.
        /// </summary>
        /// <param name="address">The address.</param>
        /// <param name="value">The value written.</param>
        protected abstract void WriteAt(int address, byte value);

        /// <summary>
        /// Whether the chip produces samples now (measuring, powered, accelerometer enabled).
        /// </summary>
        /// <returns><c>true</c> while sampling.</returns>
        protected abstract bool IsSampling();

        /// <summary>
        /// The number of samples due after a time of sampling from the time base.
        /// </summary>
        /// <param name="elapsedMicroseconds">The time since the time base.</param>
        /// <returns>The number of whole sample periods in it.</returns>
        protected abstract long SamplesDue(long elapsedMicroseconds);

        /// <summary>
        /// Produces one sample (take its index with <see cref="NextSampleIndex"/>).
        /// </summary>
        protected abstract void ProduceSample();
    }
}
