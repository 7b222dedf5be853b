// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Text;
using TinTin.Firmware.Core.Link;
using TinTin.Persistence;

namespace TinTin.Firmware.Tests.Link
{
    /// <summary>
    /// Property tests: random values of every message type survive write, frame, decode and read unchanged; COBS
    /// and UTF-8 agree with independent references.
    /// </summary>
    public sealed class LinkRoundTripTests
    {
        private const int Cases = 2000;
        private readonly System.Random _rng = new System.Random(11);
        private readonly FrameEncoder _encoder = new FrameEncoder();
        private readonly FrameDecoder _decoder = new FrameDecoder();

        private static readonly string[] Texts = { "", "a", "grün µJ", "\u20AC\u20AC", "😀 emoji", "línea\nnueva", "日本語のテキスト" };

        private (byte[] Buffer, int Offset, int Length) RoundTrip(MessageType type, int length)
        {
            long ts = _rng.NextInt64(long.MaxValue);
            int n = _encoder.Encode(type, ts, _encoder.Payload, 0, length);
            int used = _decoder.Feed(_encoder.Output, 0, n);
            Assert.True(_decoder.HasFrame);
            Assert.Equal(n - 1, used);
            Assert.Equal(type, _decoder.Type);
            Assert.Equal(ts, _decoder.TimestampUs);
            Assert.Equal((_encoder.NextSequence - 1) & 0xFFFF, _decoder.Sequence);
            Assert.Equal(length, _decoder.PayloadLength);
            _decoder.Feed(_encoder.Output, used, 1);
            return (_decoder.Buffer, _decoder.PayloadOffset, _decoder.PayloadLength);
        }

        private string RandomText() => Texts[_rng.Next(Texts.Length)];

        [Fact]
        public void Hello()
        {
            for (int i = 0; i < Cases; i++)
            {
                var m = new HelloMessage
                {
                    FirmwareMajor = _rng.Next(0x10000), FirmwareMinor = _rng.Next(0x10000), FirmwareBuild = _rng.Next(0x10000),
                    FirmwareRevision = _rng.Next(0x10000), ModelHash = (uint)_rng.NextInt64(0x100000000L),
                    PlannedBytes = _rng.NextInt64(0x100000000L), HasFpu = _rng.Next(2) == 1, TargetName = RandomText(),
                };
                var (b, o, n) = RoundTrip(MessageType.Hello, m.Write(_encoder.Payload, 0));
                var r = new HelloMessage();
                Assert.Equal(NakReason.None, r.Read(b, o, n));
                Assert.Equal((m.FirmwareMajor, m.FirmwareMinor, m.FirmwareBuild, m.FirmwareRevision), (r.FirmwareMajor, r.FirmwareMinor, r.FirmwareBuild, r.FirmwareRevision));
                Assert.Equal((m.ModelHash, m.PlannedBytes, m.HasFpu, m.TargetName), (r.ModelHash, r.PlannedBytes, r.HasFpu, r.TargetName));
                Assert.Equal((1, 0), (r.ProtocolMajor, r.ProtocolMinor));
            }
        }

        [Fact]
        public void Counters()
        {
            for (int i = 0; i < Cases; i++)
            {
                var m = new CountersMessage();
                int count = _rng.Next(CountersMessage.MaxCounters + 1);
                while (m.Count < count)
                {
                    // More distinct ids than the list holds (ids past the named ones take any value), so any count is reachable.
                    int id = _rng.Next(1, CountersMessage.MaxCounters + 10);
                    long v = _rng.NextInt64(0, 1001);
                    if (CountersMessage.IsInRange(id, v))
                    {
                        m.SetRaw(id, v);
                    }
                    else if (i < 20)
                    {
                        // Checked on the first cases only: a thrown exception costs tens of µs, and the
                        // loop draws hundreds of thousands of out-of-range values over all cases.
                        Assert.Throws<ArgumentOutOfRangeException>(() => m.SetRaw(id, v));
                    }

                    if (id > 30 && m.Count < count)
                    {
                        m.SetRaw(id + 1000, _rng.NextInt64(long.MinValue, long.MaxValue));
                    }
                }

                var (b, o, n) = RoundTrip(MessageType.Counters, m.Write(_encoder.Payload, 0));
                var r = new CountersMessage();
                Assert.Equal(NakReason.None, r.Read(b, o, n));
                Assert.Equal(m.Count, r.Count);
                for (int k = 0; k < m.Count; k++)
                {
                    Assert.Equal((m.GetId(k), m.GetValue(k)), (r.GetId(k), r.GetValue(k)));
                }
            }
        }

        [Fact]
        public void EventLogAndNak()
        {
            for (int i = 0; i < Cases; i++)
            {
                var e = new EventMessage { Code = _rng.Next(1, 0x10000), Value = _rng.NextInt64(long.MinValue, long.MaxValue), Text = RandomText() };
                var (b, o, n) = RoundTrip(MessageType.Event, e.Write(_encoder.Payload, 0));
                var er = new EventMessage();
                Assert.Equal(NakReason.None, er.Read(b, o, n));
                Assert.Equal((e.Code, e.Value, e.Text), (er.Code, er.Value, er.Text));

                var l = new LogMessage { Level = (LogLevel)_rng.Next(4), Text = RandomText() + RandomText() };
                (b, o, n) = RoundTrip(MessageType.Log, l.Write(_encoder.Payload, 0));
                var lr = new LogMessage();
                Assert.Equal(NakReason.None, lr.Read(b, o, n));
                Assert.Equal((l.Level, l.Text), (lr.Level, lr.Text));

                bool chunk = _rng.Next(2) == 0;
                var k = new NakMessage
                {
                    AnsweredSequence = _rng.Next(0x10000), AnsweredType = chunk ? MessageType.ModelChunk : MessageType.Command,
                    Command = chunk ? CommandCode.None : (CommandCode)_rng.Next(1, 256), Reason = (NakReason)_rng.Next(1, 11), Text = RandomText(),
                };
                (b, o, n) = RoundTrip(MessageType.Nak, k.Write(_encoder.Payload, 0));
                var kr = new NakMessage();
                Assert.Equal(NakReason.None, kr.Read(b, o, n));
                Assert.Equal((k.AnsweredSequence, k.AnsweredType, k.Command, k.Reason, k.Text), (kr.AnsweredSequence, kr.AnsweredType, kr.Command, kr.Reason, kr.Text));
            }
        }

        [Fact]
        public void PredictionAckAndCommand()
        {
            CommandCode[] codes = { CommandCode.SetMode, CommandCode.SetLabel, CommandCode.SaveCheckpoint, CommandCode.ResetCounters, CommandCode.SetReportPeriod, CommandCode.SendModel, CommandCode.LoadModel, CommandCode.SendHello };
            for (int i = 0; i < Cases; i++)
            {
                var p = new PredictionMessage
                {
                    WindowSequence = _rng.NextInt64(0x100000000L), PredictedClass = _rng.Next(255), ConfidencePermille = _rng.Next(1001),
                    IsNovel = _rng.Next(2) == 0, Label = _rng.Next(-1, 255),
                };
                var (b, o, n) = RoundTrip(MessageType.Prediction, p.Write(_encoder.Payload, 0));
                var pr = new PredictionMessage();
                Assert.Equal(NakReason.None, pr.Read(b, o, n));
                Assert.Equal((p.WindowSequence, p.PredictedClass, p.ConfidencePermille, p.IsNovel, p.Label), (pr.WindowSequence, pr.PredictedClass, pr.ConfidencePermille, pr.IsNovel, pr.Label));

                CommandCode code = codes[_rng.Next(codes.Length)];
                long argument = code switch
                {
                    CommandCode.SetMode => _rng.Next(4),
                    CommandCode.SetLabel => _rng.Next(-1, 255),
                    CommandCode.SetReportPeriod => _rng.Next(2) == 0 ? 0 : _rng.NextInt64(100, 86_400_001),
                    CommandCode.LoadModel => _rng.NextInt64(1, ModelChunkMessage.MaxModelLength + 1),
                    _ => 0,
                };
                var c = new CommandMessage { Code = code, Argument = argument };
                (b, o, n) = RoundTrip(MessageType.Command, c.Write(_encoder.Payload, 0));
                var cr = new CommandMessage();
                Assert.Equal(NakReason.None, cr.Read(b, o, n));
                Assert.Equal((code, argument), (cr.Code, cr.Argument));

                var a = new AckMessage { AnsweredSequence = _rng.Next(0x10000), AnsweredType = MessageType.Command, Command = code };
                (b, o, n) = RoundTrip(MessageType.Ack, a.Write(_encoder.Payload, 0));
                var ar = new AckMessage();
                Assert.Equal(NakReason.None, ar.Read(b, o, n));
                Assert.Equal((a.AnsweredSequence, a.AnsweredType, a.Command), (ar.AnsweredSequence, ar.AnsweredType, ar.Command));
            }
        }

        [Fact]
        public void ModelChunksAndSamples()
        {
            byte[] data = new byte[4096];
            for (int i = 0; i < Cases; i++)
            {
                _rng.NextBytes(data);
                int length = _rng.Next(1, ModelChunkMessage.MaxDataLength + 1);
                long offset = _rng.NextInt64(ModelChunkMessage.MaxModelLength - length);
                var c = new ModelChunkMessage { TotalLength = _rng.NextInt64(offset + length, ModelChunkMessage.MaxModelLength + 1), Offset = offset, Data = data, DataOffset = 7, DataLength = length };
                var (b, o, n) = RoundTrip(MessageType.ModelChunk, c.Write(_encoder.Payload, 0));
                var cr = new ModelChunkMessage();
                Assert.Equal(NakReason.None, cr.Read(b, o, n));
                Assert.Equal((c.TotalLength, c.Offset, c.DataLength), (cr.TotalLength, cr.Offset, cr.DataLength));
                Assert.True(cr.Data.AsSpan(cr.DataOffset, cr.DataLength).SequenceEqual(data.AsSpan(7, length)));

                var s = new SamplesMessage { WindowSequence = _rng.NextInt64(0x100000000L), WindowLength = _rng.Next(1, 0x10000), Label = _rng.Next(-1, 255) };
                s.SampleCount = Math.Min(s.WindowLength, _rng.Next(1, SamplesMessage.MaxSamples + 1));
                s.SampleOffset = _rng.Next(s.WindowLength - s.SampleCount + 1);
                for (int k = 0; k < s.SampleCount; k++)
                {
                    s.Samples[k] = (short)_rng.Next(short.MinValue, short.MaxValue + 1);
                }

                (b, o, n) = RoundTrip(MessageType.Samples, s.Write(_encoder.Payload, 0));
                var sr = new SamplesMessage();
                Assert.Equal(NakReason.None, sr.Read(b, o, n));
                Assert.Equal((s.WindowSequence, s.WindowLength, s.SampleOffset, s.Label, s.SampleCount), (sr.WindowSequence, sr.WindowLength, sr.SampleOffset, sr.Label, sr.SampleCount));
                Assert.True(sr.Samples.AsSpan(0, sr.SampleCount).SequenceEqual(s.Samples.AsSpan(0, s.SampleCount)));
            }
        }

        [Fact]
        public void Utf8MatchesDotNetAndCutsAtCharacterBoundaries()
        {
            byte[] buffer = new byte[1024];
            foreach (string text in new[] { "", "abc", "grün", "€", "😀", "a😀b€c", "\uD800 lone", "日本語" })
            {
                int n = Utf8.Encode(text, buffer, 0, 1024);
                string expected = text.Replace("\uD800", "\uFFFD");
                Assert.Equal(Encoding.UTF8.GetBytes(expected), buffer.AsSpan(0, n).ToArray());
                Assert.Equal(expected, Utf8.Decode(buffer, 0, n));
                for (int max = 0; max < n; max++)
                {
                    int cut = Utf8.Encode(text, buffer, 0, max);
                    Assert.True(cut <= max);
                    Assert.NotNull(Utf8.Decode(buffer, 0, cut));
                }
            }

            // Anything .NET's strict decoder refuses, ours refuses too.
            var strict = new UTF8Encoding(false, true);
            byte[] bytes = new byte[4];
            for (int i = 0; i < 200_000; i++)
            {
                int n = _rng.Next(1, 5);
                _rng.NextBytes(bytes.AsSpan(0, n));
                string? reference;
                try
                {
                    reference = strict.GetString(bytes, 0, n);
                }
                catch (DecoderFallbackException)
                {
                    reference = null;
                }

                Assert.Equal(reference, Utf8.Decode(bytes, 0, n));
            }
        }

        [Fact]
        public void CobsMatchesAReferenceAndCrcMatchesABitwiseReference()
        {
            byte[] encoded = new byte[4096];
            byte[] decoded = new byte[4096];
            for (int i = 0; i < Cases; i++)
            {
                byte[] data = new byte[_rng.Next(0, 1100)];
                _rng.NextBytes(data);
                for (int k = 0; k < data.Length; k++)
                {
                    if (_rng.Next(4) == 0)
                    {
                        data[k] = 0;
                    }
                }

                int n = Cobs.Encode(data, 0, data.Length, encoded, 0);
                Assert.Equal(ReferenceCobs(data), encoded.AsSpan(0, n).ToArray());
                Assert.Equal(data.Length, Cobs.Decode(encoded, 0, n, decoded, 0, decoded.Length));
                Assert.True(decoded.AsSpan(0, data.Length).SequenceEqual(data));
                Assert.Equal(BitwiseCrc(data), Crc32.Compute(data, 0, data.Length));
            }
        }

        // COBS as the paper defines it, block by block, with the minimal ending (no 01 after a final full block).
        private static byte[] ReferenceCobs(byte[] data)
        {
            var output = new System.Collections.Generic.List<byte>();
            int start = 0;
            while (true)
            {
                int run = 0;
                while (start + run < data.Length && data[start + run] != 0 && run < 254)
                {
                    run++;
                }

                output.Add((byte)(run + 1));
                for (int k = 0; k < run; k++)
                {
                    output.Add(data[start + k]);
                }

                start += run;
                if (run == 254)
                {
                    if (start == data.Length)
                    {
                        break;
                    }

                    continue;
                }

                if (start == data.Length)
                {
                    break;
                }

                start++;
            }

            return output.ToArray();
        }

        private static uint BitwiseCrc(byte[] data)
        {
            uint crc = 0xFFFFFFFF;
            foreach (byte b in data)
            {
                crc ^= b;
                for (int k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
