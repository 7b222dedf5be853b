// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Persistence;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// Decodes frames from a byte stream, one byte at a time, into one buffer allocated in the constructor: no
    /// allocation per byte or frame. Bad input is rejected, counted by reason in <see cref="Stats"/>, and the decoder
    /// resynchronises.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A frame ends at its 0x00 or, earlier, when the COBS block in progress ends exactly at the length its header
    /// declares. So a frame whose terminator was lost (some STM32 serial drivers drop 0x00 bytes on receive,
    /// nanoFramework Home#1211) is still delivered, and the next byte starts the next frame.
    /// </para>
    /// <para>
    /// After a rejection the decoder hunts: it discards bytes until a 0x00, or until three bytes look like a frame
    /// start (a COBS code of at least 3, the version byte, a known type byte), so it also recovers on a link that
    /// never delivers 0x00. A frame started while hunting that fails is counted as a resync miss, not as a
    /// rejection: each damaged frame is rejected once.
    /// </para>
    /// </remarks>
    public sealed class FrameDecoder
    {
        private const int StateIdle = 0;
        private const int StateFrame = 1;
        private const int StateHunt = 2;

        private readonly byte[] _buffer = new byte[LinkProtocol.MaxFrameLength];
        private readonly LinkStats _stats = new LinkStats();
        private int _state;
        private int _count;
        private int _expected;
        private int _remaining;
        private bool _pendingZero;
        private bool _fromHunt;
        private int _window0;
        private int _window1;
        private bool _hasFrame;
        private FrameError _lastError;

        /// <summary>Creates a decoder in the idle state.</summary>
        public FrameDecoder()
        {
            Reset();
        }

        /// <summary>The receive counters.</summary>
        public LinkStats Stats
        {
            get { return _stats; }
        }

        /// <summary>True right after <see cref="Push"/> or <see cref="Feed"/> delivered a frame; the frame's fields stay valid until the next byte.</summary>
        public bool HasFrame
        {
            get { return _hasFrame; }
        }

        /// <summary>The delivered frame's message type.</summary>
        public MessageType Type
        {
            get { return (MessageType)_buffer[LinkProtocol.TypeOffset]; }
        }

        /// <summary>The delivered frame's sequence number, 0 to 65535.</summary>
        public int Sequence
        {
            get { return ByteOrder.ReadUInt16(_buffer, LinkProtocol.SequenceOffset); }
        }

        /// <summary>The delivered frame's sender timestamp, µs.</summary>
        public long TimestampUs
        {
            get { return ByteOrder.ReadInt64(_buffer, LinkProtocol.TimestampOffset); }
        }

        /// <summary>The decoded frame buffer; the payload starts at <see cref="PayloadOffset"/>.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Where the payload starts in <see cref="Buffer"/>.</summary>
        public int PayloadOffset
        {
            get { return LinkProtocol.HeaderLength; }
        }

        /// <summary>The delivered frame's payload length.</summary>
        public int PayloadLength
        {
            get { return ByteOrder.ReadUInt16(_buffer, LinkProtocol.PayloadLengthOffset); }
        }

        /// <summary>The reason of the most recent rejection or resync miss (<see cref="FrameError.None"/> before any).</summary>
        public FrameError LastError
        {
            get { return _lastError; }
        }

        /// <summary>Drops any partial frame and returns to idle; the counters are kept.</summary>
        public void Reset()
        {
            _state = StateIdle;
            _hasFrame = false;
            _window0 = -1;
            _window1 = -1;
        }

        /// <summary>Feeds bytes until a frame is delivered or the bytes run out.</summary>
        /// <param name="data">The received bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="count">How many bytes.</param>
        /// <returns>How many bytes were consumed; when <see cref="HasFrame"/> is true, the frame ended at the last of them.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the array.</exception>
        public int Feed(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (offset < 0 || count < 0 || count > data.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "the range lies outside the array");
            }

            _hasFrame = false;
            for (int i = 0; i < count; i++)
            {
                if (Push(data[offset + i]))
                {
                    return i + 1;
                }
            }

            return count;
        }

        /// <summary>Feeds one byte.</summary>
        /// <param name="b">The byte.</param>
        /// <returns>True when this byte completed a valid frame (see <see cref="HasFrame"/>).</returns>
        public bool Push(byte b)
        {
            _hasFrame = false;
            if (_state == StateFrame)
            {
                if (b == 0)
                {
                    // The terminator came early: inside a block the COBS is cut, between blocks the frame is short.
                    Fail(_remaining > 0 ? FrameError.BadCobs : FrameError.TooShort);
                    _state = StateIdle;
                }
                else if (_remaining > 0)
                {
                    if (Append(b))
                    {
                        _remaining--;
                        if (_remaining == 0)
                        {
                            EndBlock();
                        }
                    }
                }
                else if (!_pendingZero || Append(0))
                {
                    StartBlock(b);
                }

                if (_state == StateHunt)
                {
                    // The byte that broke the frame may be the first of the next one.
                    _window1 = b;
                }

                return _hasFrame;
            }

            if (_state == StateIdle)
            {
                if (b != 0)
                {
                    _fromHunt = false;
                    _count = 0;
                    _expected = -1;
                    _state = StateFrame;
                    StartBlock(b);
                }

                return false;
            }

            // Hunting.
            if (b == 0)
            {
                _state = StateIdle;
                return false;
            }

            _stats.CountDiscarded(1);
            if (_window0 >= 3 && _window1 == LinkProtocol.Version && MessageTypes.IsKnown(b))
            {
                // Looks like a frame start: code byte, version, type. The two window bytes become frame bytes.
                _stats.CountDiscarded(-2);
                _fromHunt = true;
                _count = 0;
                _expected = -1;
                _state = StateFrame;
                int code = _window0;
                _window0 = -1;
                _window1 = -1;
                _buffer[0] = LinkProtocol.Version;
                _buffer[1] = b;
                _count = 2;
                _remaining = code - 3;
                _pendingZero = code != 0xFF;
                return false;
            }

            _window0 = _window1;
            _window1 = b;
            return false;
        }

        private void StartBlock(int code)
        {
            _remaining = code - 1;
            _pendingZero = code != 0xFF;
            if (_remaining == 0)
            {
                EndBlock();
            }
        }

        // A block ended: if the header's length is reached, the frame is complete without waiting for its 0x00.
        private void EndBlock()
        {
            if (_expected > 0 && _count == _expected)
            {
                Complete();
            }
        }

        private bool Append(byte b)
        {
            if (_count == _expected)
            {
                Fail(FrameError.TooLong);
                return false;
            }

            _buffer[_count++] = b;
            if (_count == 1)
            {
                if (b != LinkProtocol.Version)
                {
                    Fail(FrameError.UnknownVersion);
                    return false;
                }
            }
            else if (_count == 2)
            {
                if (!MessageTypes.IsKnown(b))
                {
                    Fail(FrameError.UnknownType);
                    return false;
                }
            }
            else if (_count == LinkProtocol.HeaderLength)
            {
                int length = ByteOrder.ReadUInt16(_buffer, LinkProtocol.PayloadLengthOffset);
                int type = _buffer[LinkProtocol.TypeOffset];
                if (length > LinkProtocol.MaxPayloadLength)
                {
                    Fail(FrameError.TooLong);
                    return false;
                }

                if (length < MessageTypes.MinPayloadLength(type) || length > MessageTypes.MaxPayloadLength(type))
                {
                    Fail(FrameError.BadPayloadLength);
                    return false;
                }

                _expected = LinkProtocol.HeaderLength + length + LinkProtocol.CrcLength;
            }

            return true;
        }

        private void Complete()
        {
            int crcAt = _expected - LinkProtocol.CrcLength;
            uint crc = Crc32.Compute(_buffer, 0, crcAt);
            if ((uint)ByteOrder.ReadInt32(_buffer, crcAt) != crc)
            {
                Fail(FrameError.BadCrc);
                return;
            }

            _stats.CountAccepted(_buffer[LinkProtocol.TypeOffset], Sequence);
            _state = StateIdle;
            _hasFrame = true;
        }

        private void Fail(FrameError reason)
        {
            if (_fromHunt)
            {
                _stats.CountResyncMiss();
            }
            else
            {
                _stats.CountRejected(reason);
            }

            _lastError = reason;
            _state = StateHunt;
            _window0 = -1;
            _window1 = -1;
        }
    }
}
