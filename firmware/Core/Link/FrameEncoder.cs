// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Persistence;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// Builds frames: header, payload and CRC-32, COBS-encoded and ended by 0x00, numbered by a 16-bit sequence
    /// that wraps. All buffers are allocated once, in the constructor: encoding a frame allocates nothing.
    /// </summary>
    /// <example>
    /// <code>
    /// int n = hello.Write(encoder.Payload, 0);
    /// int length = encoder.Encode(MessageType.Hello, nowUs, encoder.Payload, 0, n);
    /// port.Write(encoder.Output, 0, length);
    /// </code>
    /// </example>
    public sealed class FrameEncoder
    {
        private readonly byte[] _payload = new byte[LinkProtocol.MaxPayloadLength];
        private readonly byte[] _frame = new byte[LinkProtocol.MaxFrameLength];
        private readonly byte[] _output = new byte[LinkProtocol.MaxEncodedLength];
        private int _sequence;

        /// <summary>A scratch buffer of <see cref="LinkProtocol.MaxPayloadLength"/> bytes for the caller to write a payload into.</summary>
        public byte[] Payload
        {
            get { return _payload; }
        }

        /// <summary>The last encoded frame, from index 0, valid until the next encode.</summary>
        public byte[] Output
        {
            get { return _output; }
        }

        /// <summary>The sequence number the next <see cref="Encode"/> uses, 0 to 65535.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Set outside 0 to 65535.</exception>
        public int NextSequence
        {
            get
            {
                return _sequence;
            }

            set
            {
                if (value < 0 || value > LinkProtocol.MaxSequence)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                _sequence = value;
            }
        }

        /// <summary>Encodes a frame with the next sequence number, then advances it (65535 wraps to 0).</summary>
        /// <param name="type">The message type.</param>
        /// <param name="timestampUs">The sender's clock, µs (not negative).</param>
        /// <param name="payload">The payload bytes (may be <see cref="Payload"/>).</param>
        /// <param name="offset">The first payload byte.</param>
        /// <param name="count">The payload length, within the type's range.</param>
        /// <returns>The encoded length in <see cref="Output"/>, terminator included.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An unknown type, a negative timestamp, or a length or range the type does not allow.</exception>
        public int Encode(MessageType type, long timestampUs, byte[] payload, int offset, int count)
        {
            int length = EncodeWithSequence(type, _sequence, timestampUs, payload, offset, count);
            _sequence = (_sequence + 1) & LinkProtocol.MaxSequence;
            return length;
        }

        /// <summary>Encodes a frame with a given sequence number; <see cref="NextSequence"/> does not change.</summary>
        /// <param name="type">The message type.</param>
        /// <param name="sequence">The sequence number, 0 to 65535.</param>
        /// <param name="timestampUs">The sender's clock, µs (not negative).</param>
        /// <param name="payload">The payload bytes.</param>
        /// <param name="offset">The first payload byte.</param>
        /// <param name="count">The payload length, within the type's range.</param>
        /// <returns>The encoded length in <see cref="Output"/>, terminator included.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
        public int EncodeWithSequence(MessageType type, int sequence, long timestampUs, byte[] payload, int offset, int count)
        {
            if (payload == null)
            {
                throw new ArgumentNullException(nameof(payload));
            }

            int t = (int)type;
            if (!MessageTypes.IsKnown(t))
            {
                throw new ArgumentOutOfRangeException(nameof(type));
            }

            if (count < MessageTypes.MinPayloadLength(t) || count > MessageTypes.MaxPayloadLength(t))
            {
                throw new ArgumentOutOfRangeException(nameof(count), "payload length outside the type's range");
            }

            if (offset < 0 || count > payload.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "the range lies outside the array");
            }

            if (sequence < 0 || sequence > LinkProtocol.MaxSequence)
            {
                throw new ArgumentOutOfRangeException(nameof(sequence));
            }

            if (timestampUs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(timestampUs));
            }

            byte[] frame = _frame;
            frame[LinkProtocol.VersionOffset] = LinkProtocol.Version;
            frame[LinkProtocol.TypeOffset] = (byte)t;
            ByteOrder.WriteUInt16(frame, LinkProtocol.SequenceOffset, sequence);
            ByteOrder.WriteInt64(frame, LinkProtocol.TimestampOffset, timestampUs);
            ByteOrder.WriteUInt16(frame, LinkProtocol.PayloadLengthOffset, count);
            Array.Copy(payload, offset, frame, LinkProtocol.HeaderLength, count);
            int crcAt = LinkProtocol.HeaderLength + count;
            uint crc = Crc32.Compute(frame, 0, crcAt);
            ByteOrder.WriteInt32(frame, crcAt, crc);
            int n = Cobs.Encode(frame, 0, crcAt + LinkProtocol.CrcLength, _output, 0);
            _output[n] = 0;
            return n + 1;
        }
    }
}
