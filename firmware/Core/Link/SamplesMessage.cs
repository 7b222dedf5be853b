// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// <see cref="MessageType.Samples"/>: the host streams a window of int16 samples for the board to train on or
    /// predict exactly as on its own sensor (hardware in the loop). Payload: window sequence u32, window length u16
    /// (samples, at least 1), sample offset u16, label u8 (255 = unlabelled), then 1 to <see cref="MaxSamples"/>
    /// int16 samples, with offset + samples &lt;= window length.
    /// </summary>
    /// <remarks>The sample array is allocated once, in the constructor: reading and writing allocate nothing.</remarks>
    public sealed class SamplesMessage
    {
        /// <summary>Payload bytes before the samples.</summary>
        public const int FixedLength = 9;

        /// <summary>The most samples in one frame.</summary>
        public const int MaxSamples = 500;

        private readonly short[] _samples = new short[MaxSamples];
        private int _count;

        /// <summary>The host's window sequence number (0 to 4294967295); predictions answer with it.</summary>
        public long WindowSequence { get; set; }

        /// <summary>The whole window's length, samples (1 to 65535).</summary>
        public int WindowLength { get; set; }

        /// <summary>The index of this frame's first sample in the window.</summary>
        public int SampleOffset { get; set; }

        /// <summary>The window's label, 0 to 254, or -1 when unlabelled.</summary>
        public int Label { get; set; } = -1;

        /// <summary>The samples; the first <see cref="SampleCount"/> are used. Length <see cref="MaxSamples"/>.</summary>
        public short[] Samples
        {
            get { return _samples; }
        }

        /// <summary>How many samples this frame carries.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Set outside 0 to <see cref="MaxSamples"/>.</exception>
        public int SampleCount
        {
            get
            {
                return _count;
            }

            set
            {
                if (value < 0 || value > MaxSamples)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                _count = value;
            }
        }

        /// <summary>Writes the payload.</summary>
        /// <param name="buffer">The destination, with room for <see cref="FixedLength"/> + 2 × <see cref="SampleCount"/> bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The payload length.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
        public int Write(byte[] buffer, int offset)
        {
            if (WindowSequence < 0 || WindowSequence > 0xFFFFFFFFL || Label < -1 || Label > 254 || Check() != NakReason.None)
            {
                throw new ArgumentOutOfRangeException("samples", "a field is out of range");
            }

            ByteOrder.WriteInt32(buffer, offset, WindowSequence);
            ByteOrder.WriteUInt16(buffer, offset + 4, WindowLength);
            ByteOrder.WriteUInt16(buffer, offset + 6, SampleOffset);
            buffer[offset + 8] = (byte)(Label < 0 ? 255 : Label);
            int o = offset + FixedLength;
            for (int i = 0; i < _count; i++)
            {
                ByteOrder.WriteUInt16(buffer, o, _samples[i]);
                o += 2;
            }

            return o - offset;
        }

        /// <summary>Reads a payload into this object.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first payload byte.</param>
        /// <param name="count">The payload length.</param>
        /// <returns><see cref="NakReason.None"/>, or why the payload is refused.</returns>
        public NakReason Read(byte[] buffer, int offset, int count)
        {
            _count = 0;
            int bytes = count - FixedLength;
            if (bytes < 2 || bytes > 2 * MaxSamples || (bytes & 1) != 0)
            {
                return NakReason.BadLength;
            }

            WindowSequence = ByteOrder.ReadUInt32(buffer, offset);
            WindowLength = ByteOrder.ReadUInt16(buffer, offset + 4);
            SampleOffset = ByteOrder.ReadUInt16(buffer, offset + 6);
            int label = buffer[offset + 8];
            Label = label == 255 ? -1 : label;
            int n = bytes >> 1;
            int o = offset + FixedLength;
            for (int i = 0; i < n; i++)
            {
                _samples[i] = ByteOrder.ReadInt16(buffer, o);
                o += 2;
            }

            _count = n;
            return Check();
        }

        private NakReason Check()
        {
            if (_count < 1)
            {
                return NakReason.BadLength;
            }

            if (WindowLength < 1 || WindowLength > 0xFFFF || SampleOffset < 0 || SampleOffset + _count > WindowLength)
            {
                return NakReason.OutOfRange;
            }

            return NakReason.None;
        }
    }
}
