// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Firmware.Core.Link;

namespace NFUnitTest
{
    // Every payload written, framed, decoded and read back; the range checks that make the board nak. Text stays in
    // the Basic Multilingual Plane here: nanoCLR stores strings as UTF-8 and does not round-trip surrogate pairs
    // through char arrays; 4-byte sequences are tested on the host (tests/TinTin.Firmware.Tests/Link).
    [TestClass]
    public class LinkMessageTests
    {
        private static FrameEncoder s_encoder;
        private static FrameDecoder s_decoder;

        [Setup]
        public void CreateCodec()
        {
            s_encoder = new FrameEncoder();
            s_decoder = new FrameDecoder();
        }

        [TestMethod]
        public void HelloRoundTrips()
        {
            var hello = new HelloMessage
            {
                FirmwareMajor = 0,
                FirmwareMinor = 3,
                FirmwareBuild = 65535,
                FirmwareRevision = 7,
                ModelHash = 0xCBF43926u,
                PlannedBytes = 0xFFFFFFFFL,
                HasFpu = true,
                TargetName = "ESP32_PSRAM_REV0",
            };
            Frame(MessageType.Hello, hello.Write(s_encoder.Payload, 0));
            var back = new HelloMessage();
            Assert.AreEqual((byte)NakReason.None, (byte)back.Read(s_decoder.Buffer, s_decoder.PayloadOffset, s_decoder.PayloadLength), "read");
            Assert.AreEqual(1, back.ProtocolMajor, "major");
            Assert.AreEqual(3, back.FirmwareMinor, "minor");
            Assert.AreEqual(65535, back.FirmwareBuild, "build");
            Assert.AreEqual(7, back.FirmwareRevision, "revision");
            Assert.AreEqual(0xCBF43926u, back.ModelHash, "hash");
            Assert.AreEqual(0xFFFFFFFFL, back.PlannedBytes, "planned");
            Assert.IsTrue(back.HasFpu, "fpu");
            Assert.AreEqual("ESP32_PSRAM_REV0", back.TargetName, "target");
        }

        [TestMethod]
        public void CountersRoundTripAndRejectBadEntries()
        {
            var counters = new CountersMessage();
            counters.Set(CounterId.ManagedFreeBytes, 2943180);
            counters.Set(CounterId.EnergyCumulativeUj, 0x7FFFFFFFFFFFL);
            counters.Set(CounterId.PrequentialAccuracyPermille, 1000);
            counters.Set(CounterId.Label, -1);
            counters.SetRaw(999, -5);
            counters.Set(CounterId.ManagedFreeBytes, 100);
            Assert.AreEqual(5, counters.Count, "replaced not appended");
            Frame(MessageType.Counters, counters.Write(s_encoder.Payload, 0));
            var back = new CountersMessage();
            Assert.AreEqual((byte)NakReason.None, (byte)back.Read(s_decoder.Buffer, s_decoder.PayloadOffset, s_decoder.PayloadLength), "read");
            Assert.AreEqual(5, back.Count, "count");
            long value;
            Assert.IsTrue(back.TryGetValue(CounterId.EnergyCumulativeUj, out value), "energy present");
            Assert.AreEqual(0x7FFFFFFFFFFFL, value, "energy");
            Assert.IsTrue(back.TryGetValue(CounterId.Label, out value), "label present");
            Assert.AreEqual(-1L, value, "label");
            Assert.AreEqual(999, back.GetId(4), "unknown id kept");
            Assert.AreEqual(-5L, back.GetValue(4), "unknown value kept");
            Assert.IsFalse(back.TryGetValue(CounterId.BusErrors, out value), "absent");

            byte[] p = new byte[21];
            p[0] = 2;
            ByteOrder.WriteUInt16(p, 1, 3);
            ByteOrder.WriteUInt16(p, 11, 3);
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)back.Read(p, 0, 21), "duplicate id");
            ByteOrder.WriteUInt16(p, 11, (int)CounterId.PrequentialAccuracyPermille);
            ByteOrder.WriteInt64(p, 13, 1001);
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)back.Read(p, 0, 21), "accuracy above 1000");
            Assert.AreEqual((byte)NakReason.BadLength, (byte)back.Read(p, 0, 20), "short entry");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => counters.Set(CounterId.WindowsDropped, -1), "negative count");
        }

        [TestMethod]
        public void EventAndLogRoundTripUtf8()
        {
            var ev = new EventMessage { Code = (int)EventCode.CheckpointSaved, Value = -42, Text = "grün µJ \u20AC" };
            Frame(MessageType.Event, ev.Write(s_encoder.Payload, 0));
            var evBack = new EventMessage();
            Assert.AreEqual((byte)NakReason.None, (byte)evBack.Read(s_decoder.Buffer, s_decoder.PayloadOffset, s_decoder.PayloadLength), "event read");
            Assert.AreEqual(4, evBack.Code, "code");
            Assert.AreEqual(-42L, evBack.Value, "value");
            Assert.AreEqual(ev.Text, evBack.Text, "text");

            var log = new LogMessage { Level = LogLevel.Warning, Text = "fifo overrun" };
            Frame(MessageType.Log, log.Write(s_encoder.Payload, 0));
            var logBack = new LogMessage();
            Assert.AreEqual((byte)NakReason.None, (byte)logBack.Read(s_decoder.Buffer, s_decoder.PayloadOffset, s_decoder.PayloadLength), "log read");
            Assert.AreEqual((byte)LogLevel.Warning, (byte)logBack.Level, "level");
            Assert.AreEqual("fifo overrun", logBack.Text, "log text");
        }

        [TestMethod]
        public void LongTextIsCutAtACharacterBoundary()
        {
            // 100 euro signs are 300 bytes: 80 fit in 240.
            string text = new string('\u20AC', 100);
            var log = new LogMessage { Level = LogLevel.Info, Text = text };
            int n = log.Write(s_encoder.Payload, 0);
            Assert.AreEqual(242, n, "cut to 240 text bytes");
            var back = new LogMessage();
            Assert.AreEqual((byte)NakReason.None, (byte)back.Read(s_encoder.Payload, 0, n), "read");
            Assert.AreEqual(80, back.Text.Length, "80 characters");
        }

        [TestMethod]
        public void InvalidUtf8IsRefused()
        {
            var log = new LogMessage();
            Assert.AreEqual((byte)NakReason.BadText, (byte)log.Read(new byte[] { 1, 2, 0xC0, 0x80 }, 0, 4), "overlong");
            Assert.AreEqual((byte)NakReason.BadText, (byte)log.Read(new byte[] { 1, 3, 0xED, 0xA0, 0x80 }, 0, 5), "surrogate");
            Assert.AreEqual((byte)NakReason.BadText, (byte)log.Read(new byte[] { 1, 1, 0xE2 }, 0, 3), "cut sequence");
            Assert.AreEqual((byte)NakReason.BadLength, (byte)log.Read(new byte[] { 1, 5, 0x41 }, 0, 3), "length byte too big");
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)log.Read(new byte[] { 9, 1, 0x41 }, 0, 3), "level 9");
        }

        [TestMethod]
        public void PredictionRoundTripsAndChecksRanges()
        {
            var prediction = new PredictionMessage { WindowSequence = 0xFFFFFFFFL, PredictedClass = 5, ConfidencePermille = 1000, IsNovel = true, Label = 0 };
            Frame(MessageType.Prediction, prediction.Write(s_encoder.Payload, 0));
            var back = new PredictionMessage();
            Assert.AreEqual((byte)NakReason.None, (byte)back.Read(s_decoder.Buffer, s_decoder.PayloadOffset, s_decoder.PayloadLength), "read");
            Assert.AreEqual(0xFFFFFFFFL, back.WindowSequence, "window");
            Assert.AreEqual(5, back.PredictedClass, "class");
            Assert.AreEqual(1000, back.ConfidencePermille, "confidence");
            Assert.IsTrue(back.IsNovel, "novel");
            Assert.AreEqual(0, back.Label, "label 0 is a label");

            byte[] p = new byte[9];
            ByteOrder.WriteUInt16(p, 5, 1001);
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)back.Read(p, 0, 9), "confidence 1001");
            Assert.AreEqual((byte)NakReason.BadLength, (byte)back.Read(p, 0, 8), "8 bytes");
            prediction.ConfidencePermille = 1001;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => prediction.Write(s_encoder.Payload, 0), "write 1001");
        }

        [TestMethod]
        [DataRow(1, 3)]
        [DataRow(2, 4)]
        [DataRow(2, -1)]
        [DataRow(3, 0)]
        [DataRow(4, 0)]
        [DataRow(5, 0)]
        [DataRow(5, 100)]
        [DataRow(5, 86400000)]
        [DataRow(6, 0)]
        [DataRow(7, 1)]
        [DataRow(7, 16777216)]
        [DataRow(8, 0)]
        public void CommandsRoundTrip(int code, int argument)
        {
            var command = new CommandMessage { Code = (CommandCode)code, Argument = argument };
            Frame(MessageType.Command, command.Write(s_encoder.Payload, 0));
            var back = new CommandMessage();
            Assert.AreEqual((byte)NakReason.None, (byte)back.Read(s_decoder.Buffer, s_decoder.PayloadOffset, s_decoder.PayloadLength), "read");
            Assert.AreEqual((byte)code, (byte)back.Code, "code");
            Assert.AreEqual((long)argument, back.Argument, "argument");
        }

        [TestMethod]
        public void CommandsOutOfRangeGetAReason()
        {
            var command = new CommandMessage();
            Assert.AreEqual((byte)NakReason.UnknownCommand, (byte)command.Read(new byte[] { 0x63 }, 0, 1), "unknown code");
            Assert.AreEqual(0x63, (int)command.Code, "the unknown code is kept for the nak");
            Assert.AreEqual((byte)NakReason.BadLength, (byte)command.Read(new byte[] { 0x01 }, 0, 1), "mode without argument");
            Assert.AreEqual((byte)NakReason.BadLength, (byte)command.Read(new byte[] { 0x03, 0x00 }, 0, 2), "save with argument");
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)command.Read(new byte[] { 0x01, 0x04 }, 0, 2), "mode 4");
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)command.Read(new byte[] { 0x05, 99, 0, 0, 0 }, 0, 5), "period 99 ms");
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)command.Read(new byte[] { 0x07, 0, 0, 0, 0 }, 0, 5), "empty model");
            Assert.AreEqual((byte)NakReason.None, (byte)command.Read(new byte[] { 0x02, 0x06 }, 0, 2), "label 6 passes the protocol");
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)command.Validate(6, 100000), "label 6 of 6 classes");
            Assert.AreEqual((byte)NakReason.None, (byte)command.Validate(7, 100000), "label 6 of 7 classes");
            Assert.AreEqual((byte)NakReason.None, (byte)command.Read(new byte[] { 0x07, 0xA1, 0x86, 0x01, 0x00 }, 0, 5), "model 100001");
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)command.Validate(6, 100000), "model too big for the board");
        }

        [TestMethod]
        public void AckAndNakRoundTrip()
        {
            var ack = new AckMessage { AnsweredSequence = 65535, AnsweredType = MessageType.ModelChunk };
            Frame(MessageType.Ack, ack.Write(s_encoder.Payload, 0));
            var ackBack = new AckMessage();
            Assert.AreEqual((byte)NakReason.None, (byte)ackBack.Read(s_decoder.Buffer, s_decoder.PayloadOffset, s_decoder.PayloadLength), "ack read");
            Assert.AreEqual(65535, ackBack.AnsweredSequence, "ack sequence");
            Assert.AreEqual((byte)MessageType.ModelChunk, (byte)ackBack.AnsweredType, "ack type");

            var nak = new NakMessage { AnsweredSequence = 12, Command = (CommandCode)0x63, Reason = NakReason.UnknownCommand, Text = "no such command" };
            Frame(MessageType.Nak, nak.Write(s_encoder.Payload, 0));
            var nakBack = new NakMessage();
            Assert.AreEqual((byte)NakReason.None, (byte)nakBack.Read(s_decoder.Buffer, s_decoder.PayloadOffset, s_decoder.PayloadLength), "nak read");
            Assert.AreEqual(12, nakBack.AnsweredSequence, "nak sequence");
            Assert.AreEqual((byte)0x63, (byte)nakBack.Command, "nak command");
            Assert.AreEqual((byte)NakReason.UnknownCommand, (byte)nakBack.Reason, "reason");
            Assert.AreEqual("no such command", nakBack.Text, "nak text");

            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)ackBack.Read(new byte[] { 1, 0, 0x10, 0x63 }, 0, 4), "ack of an unknown command");
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)nakBack.Read(new byte[] { 1, 0, 0x10, 0x01, 0x00, 0x00 }, 0, 6), "nak reason 0");
        }

        [TestMethod]
        public void ModelChunksReassemble()
        {
            byte[] model = LinkTestSupport.Pattern(2500);
            byte[] target = new byte[4096];
            var assembler = new ModelAssembler(target);
            Assert.AreEqual((byte)NakReason.WrongState, (byte)assembler.Accept(new ModelChunkMessage()), "before begin");
            Assert.AreEqual((byte)NakReason.None, (byte)assembler.Begin(model.Length), "begin");
            var chunk = new ModelChunkMessage { TotalLength = model.Length, Data = model };
            var back = new ModelChunkMessage();
            for (int offset = 0; offset < model.Length; offset += ModelChunkMessage.MaxDataLength)
            {
                chunk.Offset = offset;
                chunk.DataOffset = offset;
                chunk.DataLength = model.Length - offset < ModelChunkMessage.MaxDataLength ? model.Length - offset : ModelChunkMessage.MaxDataLength;
                Frame(MessageType.ModelChunk, chunk.Write(s_encoder.Payload, 0));
                Assert.AreEqual((byte)NakReason.None, (byte)back.Read(s_decoder.Buffer, s_decoder.PayloadOffset, s_decoder.PayloadLength), "read");
                Assert.AreEqual((byte)NakReason.None, (byte)assembler.Accept(back), "accept");
                Assert.AreEqual((byte)NakReason.None, (byte)assembler.Accept(back), "a resend is harmless");
            }

            Assert.IsTrue(back.IsLast, "last chunk");
            Assert.IsTrue(assembler.IsComplete, "complete");
            for (int i = 0; i < model.Length; i++)
            {
                Assert.AreEqual(model[i], target[i], "byte " + i.ToString());
            }

            assembler.Begin(model.Length);
            back.Offset = 1016;
            Assert.AreEqual((byte)NakReason.BadOffset, (byte)assembler.Accept(back), "gap");
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)assembler.Begin(5000), "larger than the buffer");
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)back.Read(new byte[] { 4, 0, 0, 0, 2, 0, 0, 0, 9, 9, 9 }, 0, 11), "past the total");
        }

        [TestMethod]
        public void SamplesRoundTripAndCheckTheWindow()
        {
            var samples = new SamplesMessage { WindowSequence = 77, WindowLength = 1024, SampleOffset = 524, Label = 3 };
            for (int i = 0; i < SamplesMessage.MaxSamples; i++)
            {
                samples.Samples[i] = (short)((i * 131) - 32768);
            }

            samples.SampleCount = SamplesMessage.MaxSamples;
            Frame(MessageType.Samples, samples.Write(s_encoder.Payload, 0));
            var back = new SamplesMessage();
            Assert.AreEqual((byte)NakReason.None, (byte)back.Read(s_decoder.Buffer, s_decoder.PayloadOffset, s_decoder.PayloadLength), "read");
            Assert.AreEqual(77L, back.WindowSequence, "window");
            Assert.AreEqual(1024, back.WindowLength, "length");
            Assert.AreEqual(524, back.SampleOffset, "offset");
            Assert.AreEqual(3, back.Label, "label");
            Assert.AreEqual(SamplesMessage.MaxSamples, back.SampleCount, "count");
            for (int i = 0; i < SamplesMessage.MaxSamples; i++)
            {
                Assert.AreEqual(samples.Samples[i], back.Samples[i], "sample " + i.ToString());
            }

            byte[] p = new byte[] { 1, 0, 0, 0, 4, 0, 3, 0, 255, 1, 0, 2, 0 };
            Assert.AreEqual((byte)NakReason.OutOfRange, (byte)back.Read(p, 0, 13), "offset 3 plus 2 past 4");
            Assert.AreEqual((byte)NakReason.BadLength, (byte)back.Read(p, 0, 12), "odd sample bytes");
            p[6] = 2;
            Assert.AreEqual((byte)NakReason.None, (byte)back.Read(p, 0, 13), "offset 2 plus 2");
            Assert.AreEqual(-1, back.Label, "unlabelled");
        }

        // Encodes the payload in s_encoder.Payload and decodes it into s_decoder.
        private static void Frame(MessageType type, int length)
        {
            int n = s_encoder.Encode(type, 123456789L, s_encoder.Payload, 0, length);
            s_decoder.Feed(s_encoder.Output, 0, n);
            Assert.IsTrue(s_decoder.HasFrame, "decoded");
            Assert.AreEqual((byte)type, (byte)s_decoder.Type, "type");
        }
    }
}
