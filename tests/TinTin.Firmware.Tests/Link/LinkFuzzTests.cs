// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Diagnostics;
using TinTin.Firmware.Core.Link;
using TinTin.Persistence;
using Xunit.Abstractions;

namespace TinTin.Firmware.Tests.Link
{
    /// <summary>
    /// Throws more than a million random and mutated frames at one <see cref="FrameDecoder"/>: nothing may throw, hang
    /// or allocate, nothing false may be accepted, and every 0x00-delimited chunk fed is accounted for by exactly one
    /// acceptance or one rejection counted by reason (the only exception, a byte inserted into an intact frame, may add
    /// the recovered intact frame: it is checked byte for byte).
    /// </summary>
    public sealed class LinkFuzzTests
    {
        private const int Units = 1_000_000;
        private const int MaxUnit = 8192;

        private readonly ITestOutputHelper _output;

        // Generator state, all allocated once so the measured loop allocates nothing.
        private readonly System.Random _rng = new System.Random(20261207);
        private readonly FrameEncoder _encoder = new FrameEncoder();
        private readonly FrameDecoder _decoder = new FrameDecoder();
        private readonly byte[] _unit = new byte[MaxUnit];
        private readonly byte[] _frame = new byte[LinkProtocol.MaxFrameLength + 64];
        private readonly byte[][] _payloads = new byte[5][];
        private readonly int[] _payloadLengths = new int[5];
        private readonly int[] _types = new int[5];
        private readonly int[] _sequences = new int[5];
        private int _expectedFrames;
        private int _acceptedInUnit;
        private bool _falseAccept;

        public LinkFuzzTests(ITestOutputHelper output)
        {
            _output = output;
            for (int i = 0; i < _payloads.Length; i++)
            {
                _payloads[i] = new byte[LinkProtocol.MaxPayloadLength];
            }
        }

        [Fact]
        public void AMillionRandomAndMutatedFramesAreAllAccountedFor()
        {
            long fedChunks = 0;
            long validFrames = 0;
            long expectedRejections = 0;
            long recovered = 0;
            long insertions = 0;
            long bytesFed = 0;

            // Warm up the paths once so JIT-time allocations stay out of the measurement.
            RunUnit(0);
            _decoder.Stats.Reset();
            var watch = new Stopwatch();
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            watch.Start();
            for (int u = 0; u < Units; u++)
            {
                int category = _rng.Next(100);
                long rejectedBefore = _decoder.Stats.Rejected;
                _acceptedInUnit = 0;
                int length = Build(category, out int chunks, out bool exact);
                bytesFed += length;
                Feed(length);
                long rejected = _decoder.Stats.Rejected - rejectedBefore;
                fedChunks += chunks;
                if (_falseAccept)
                {
                    Assert.Fail($"unit {u} (category {category}) accepted a frame that was not sent intact");
                }

                if (exact)
                {
                    // Valid units: every frame accepted, nothing rejected. Damaged units: one rejection per chunk.
                    if (_acceptedInUnit != _expectedFrames || rejected != chunks - (_expectedFrames > 0 ? 1 : 0))
                    {
                        Assert.Fail($"unit {u} (category {category}): {_acceptedInUnit} accepted of {_expectedFrames}, {rejected} rejected for {chunks} chunks");
                    }

                    validFrames += _expectedFrames;
                    expectedRejections += rejected;
                }
                else
                {
                    // A byte inserted into an intact frame: one rejection, and the intact frame may be recovered.
                    insertions++;
                    if (rejected != 1 || _acceptedInUnit > 1)
                    {
                        Assert.Fail($"unit {u} (insertion): {_acceptedInUnit} accepted and {rejected} rejected");
                    }

                    recovered += _acceptedInUnit;
                    expectedRejections += rejected;
                }
            }

            watch.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            LinkStats s = _decoder.Stats;
            long byReason = 0;
            string reasons = string.Empty;
            for (int r = 1; r <= 7; r++)
            {
                byReason += s.RejectedFor((FrameError)r);
                reasons += $" {(FrameError)r}={s.RejectedFor((FrameError)r)}";
            }

            _output.WriteLine($"{Units} units, {fedChunks} chunks fed ({bytesFed} bytes), {watch.ElapsedMilliseconds} ms, {allocated} bytes allocated");
            _output.WriteLine($"accepted {s.Accepted} (valid {validFrames}, recovered after an insertion {recovered} of {insertions}), rejected {s.Rejected}:{reasons}");
            _output.WriteLine($"resync misses {s.ResyncMisses}, bytes discarded while hunting {s.BytesDiscarded}");

            Assert.Equal(s.Rejected, byReason);
            Assert.Equal(validFrames + recovered, s.Accepted);
            Assert.Equal(expectedRejections, s.Rejected);
            Assert.True(s.Accepted + s.Rejected >= Units, "at least a million frames were decided");
            Assert.True(allocated <= 1024, $"the loop allocated {allocated} bytes");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "no hang");
            for (int r = 1; r <= 7; r++)
            {
                Assert.True(s.RejectedFor((FrameError)r) > 0, $"reason {(FrameError)r} was exercised");
            }
        }

        private void RunUnit(int category)
        {
            int length = Build(category, out _, out _);
            Feed(length);
        }

        private void Feed(int length)
        {
            _falseAccept = false;
            int offset = 0;
            while (offset < length)
            {
                offset += _decoder.Feed(_unit, offset, length - offset);
                if (_decoder.HasFrame)
                {
                    CheckAccepted();
                }
            }
        }

        // The accepted frame must be the next one sent intact, byte for byte.
        private void CheckAccepted()
        {
            int i = _acceptedInUnit++;
            if (i >= _expectedFrames && !(i == 0 && _expectedFrames == 0 && _payloadLengths[0] > 0))
            {
                _falseAccept = true;
                return;
            }

            int n = _payloadLengths[i];
            if ((int)_decoder.Type != _types[i] || _decoder.Sequence != _sequences[i] || _decoder.PayloadLength != n
                || !_decoder.Buffer.AsSpan(_decoder.PayloadOffset, n).SequenceEqual(_payloads[i].AsSpan(0, n)))
            {
                _falseAccept = true;
            }
        }

        // Builds one unit in _unit (always ending in 0x00) and returns its length. chunks: non-empty 0x00-delimited
        // pieces; exact: the outcome is fully determined (all but insertions).
        private int Build(int category, out int chunks, out bool exact)
        {
            exact = true;
            _expectedFrames = 0;
            _payloadLengths[0] = 0;
            if (category < 30)
            {
                _expectedFrames = 1;
                chunks = 1;
                return EncodeValid(0, 0);
            }

            if (category < 50)
            {
                chunks = 1;
                return BuildStructured();
            }

            if (category < 70)
            {
                return BuildRawMutation(out chunks, out exact);
            }

            if (category < 85)
            {
                return BuildGarbage(out chunks);
            }

            // Several valid frames with every 0x00 dropped but the last: each must still be delivered.
            int frames = 2 + _rng.Next(4);
            int o = 0;
            for (int f = 0; f < frames; f++)
            {
                int n = EncodeValid(f, o);
                o += n - 1;
            }

            _unit[o++] = 0;
            _expectedFrames = frames;
            chunks = 1;
            return o;
        }

        private int RandomType()
        {
            int t;
            do
            {
                t = _rng.Next(1, 0x22);
            }
            while (!MessageTypes.IsKnown(t));
            return t;
        }

        private int RandomPayload(byte[] payload, int type)
        {
            int min = MessageTypes.MinPayloadLength(type);
            int max = MessageTypes.MaxPayloadLength(type);
            int length = _rng.Next(10) < 8 ? Math.Min(max, min + _rng.Next(65)) : _rng.Next(min, max + 1);
            Span<byte> span = payload.AsSpan(0, length);
            switch (_rng.Next(4))
            {
                case 0:
                    span.Clear();
                    break;
                case 1:
                    span.Fill((byte)_rng.Next(1, 256));
                    break;
                default:
                    _rng.NextBytes(span);
                    break;
            }

            return length;
        }

        // A valid frame for slot f, written at _unit[offset]; returns its encoded length (terminator included).
        private int EncodeValid(int f, int offset)
        {
            int type = RandomType();
            int length = RandomPayload(_payloads[f], type);
            int sequence = _rng.Next(0x10000);
            _types[f] = type;
            _payloadLengths[f] = length;
            _sequences[f] = sequence;
            int n = _encoder.EncodeWithSequence((MessageType)type, sequence, _rng.NextInt64(long.MaxValue), _payloads[f], 0, length);
            Array.Copy(_encoder.Output, 0, _unit, offset, n);
            return n;
        }

        // A frame damaged before COBS: a bad header field, length or CRC. One rejection, of a known reason where fixed.
        private int BuildStructured()
        {
            int type = RandomType();
            int length = RandomPayload(_payloads[0], type);
            int declared = length;
            int actual = length;
            int version = LinkProtocol.Version;
            uint crcXor = 0;
            int flipAt = -1;
            switch (_rng.Next(7))
            {
                case 0:
                    do
                    {
                        version = _rng.Next(256);
                    }
                    while (version == LinkProtocol.Version);
                    break;
                case 1:
                    do
                    {
                        type = _rng.Next(256);
                    }
                    while (MessageTypes.IsKnown(type));
                    break;
                case 2:
                    declared = _rng.Next(LinkProtocol.MaxPayloadLength + 1, 0x10000);
                    break;
                case 3:
                    declared = 0;
                    break;
                case 4:
                    crcXor = 1u << _rng.Next(32);
                    break;
                case 5:
                    flipAt = _rng.Next(2, LinkProtocol.HeaderLength + length + LinkProtocol.CrcLength);
                    break;
                default:
                    // Declared and actual lengths differ.
                    actual = Math.Max(1, Math.Min(LinkProtocol.MaxPayloadLength, length + _rng.Next(-8, 9)));
                    if (actual == declared)
                    {
                        actual = declared == 1 ? 2 : declared - 1;
                    }

                    break;
            }

            byte[] frame = _frame;
            frame[0] = (byte)version;
            frame[1] = (byte)type;
            ByteOrder.WriteUInt16(frame, 2, _rng.Next(0x10000));
            ByteOrder.WriteInt64(frame, 4, _rng.NextInt64(long.MaxValue));
            ByteOrder.WriteUInt16(frame, 12, declared);
            if (actual > length)
            {
                _payloads[0].AsSpan(length, actual - length).Clear();
            }

            Array.Copy(_payloads[0], 0, frame, LinkProtocol.HeaderLength, actual);
            int crcAt = LinkProtocol.HeaderLength + actual;
            ByteOrder.WriteInt32(frame, crcAt, Crc32.Compute(frame, 0, crcAt) ^ crcXor);
            if (flipAt >= 0)
            {
                frame[flipAt] ^= (byte)(1 << _rng.Next(8));
            }

            int n = Cobs.Encode(frame, 0, crcAt + LinkProtocol.CrcLength, _unit, 0);
            _unit[n] = 0;
            return n + 1;
        }

        // An intact encoded frame damaged on the wire: a byte replaced, deleted, inserted, zeroed, or the frame cut.
        private int BuildRawMutation(out int chunks, out bool exact)
        {
            exact = true;
            chunks = 1;
            int n = EncodeValid(0, 0);
            int body = n - 1;
            int k = _rng.Next(body);
            switch (_rng.Next(5))
            {
                case 0:
                    byte b;
                    do
                    {
                        b = (byte)_rng.Next(1, 256);
                    }
                    while (b == _unit[k]);
                    _unit[k] = b;
                    return n;
                case 1:
                    Array.Copy(_unit, k + 1, _unit, k, n - k - 1);
                    return n - 1;
                case 2:
                    // Insert at 0 to body (after the last data byte): the intact frame may be delivered as well.
                    k = _rng.Next(body + 1);
                    Array.Copy(_unit, k, _unit, k + 1, n - k);
                    _unit[k] = (byte)_rng.Next(1, 256);
                    exact = false;
                    _expectedFrames = 0;
                    return n + 1;
                case 3:
                    k = Math.Max(1, k);
                    _unit[k] = 0;
                    return k + 1;
                default:
                    _unit[k] = 0;
                    chunks = k == 0 || k == body - 1 ? 1 : 2;
                    return n;
            }
        }

        // Random bytes, zeros sprinkled in, or a plausible header that runs on far past any frame.
        private int BuildGarbage(out int chunks)
        {
            int length = _rng.Next(1, 1500);
            Span<byte> span = _unit.AsSpan(0, length);
            _rng.NextBytes(span);
            if (_rng.Next(3) == 0)
            {
                // A frame start (code, version, model chunk) followed by thousands of non-zero bytes.
                for (int i = 0; i < length; i++)
                {
                    if (span[i] == 0)
                    {
                        span[i] = 0x5A;
                    }
                }

                if (length >= 3)
                {
                    span[0] = 0xFF;
                    span[1] = LinkProtocol.Version;
                    span[2] = (byte)MessageType.ModelChunk;
                }
            }

            _unit[length] = 0;
            chunks = 0;
            bool inChunk = false;
            for (int i = 0; i <= length; i++)
            {
                if (_unit[i] != 0)
                {
                    inChunk = true;
                }
                else if (inChunk)
                {
                    chunks++;
                    inChunk = false;
                }
            }

            return length + 1;
        }
    }
}
