// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Firmware.Core.Link;

namespace NFUnitTest
{
    // Frames through the encoder and the streaming decoder: fields, every rejection reason, resynchronisation,
    // sequence loss, and streams whose 0x00 bytes were all dropped (the STM32 serial trap).
    [TestClass]
    public class LinkFrameTests
    {
        [TestMethod]
        public void RoundTripsHeaderAndPayload()
        {
            byte[] payload = LinkTestSupport.Pattern(300);
            byte[] frame = LinkTestSupport.Encode(MessageType.ModelChunk, 0xBEEF, 0x0123456789AL, payload);
            var decoder = new FrameDecoder();
            Assert.AreEqual(1, LinkTestSupport.FeedAll(decoder, frame), "one frame");
            Assert.AreEqual((byte)MessageType.ModelChunk, (byte)decoder.Type, "type");
            Assert.AreEqual(0xBEEF, decoder.Sequence, "sequence");
            Assert.AreEqual(0x0123456789AL, decoder.TimestampUs, "timestamp");
            Assert.AreEqual(300, decoder.PayloadLength, "payload length");
            for (int i = 0; i < 300; i++)
            {
                Assert.AreEqual(payload[i], decoder.Buffer[decoder.PayloadOffset + i], "payload byte " + i.ToString());
            }

            Assert.AreEqual(1L, decoder.Stats.Accepted, "accepted");
            Assert.AreEqual(0L, decoder.Stats.Rejected, "rejected");
        }

        [TestMethod]
        public void TheFrameIsDeliveredOnItsLastDataByte()
        {
            byte[] frame = LinkTestSupport.Encode(MessageType.Command, 1, 2, new byte[] { 0x04 });
            var decoder = new FrameDecoder();
            for (int i = 0; i < frame.Length - 2; i++)
            {
                Assert.IsFalse(decoder.Push(frame[i]), "early at " + i.ToString());
            }

            Assert.IsTrue(decoder.Push(frame[frame.Length - 2]), "delivered before the terminator");
            Assert.IsFalse(decoder.Push(0), "the terminator is silent");
            Assert.AreEqual(0L, decoder.Stats.Rejected, "nothing rejected");
        }

        [TestMethod]
        public void FeedStopsAfterEachFrame()
        {
            byte[] one = LinkTestSupport.Encode(MessageType.Command, 1, 2, new byte[] { 0x03 });
            byte[] two = LinkTestSupport.Encode(MessageType.Command, 2, 3, new byte[] { 0x04 });
            byte[] both = LinkTestSupport.Join(one, two);
            var decoder = new FrameDecoder();
            int used = decoder.Feed(both, 0, both.Length);
            Assert.IsTrue(decoder.HasFrame, "first frame");
            Assert.AreEqual(one.Length - 1, used, "stops before the terminator");
            Assert.AreEqual(1, decoder.Sequence, "first sequence");
            int more = decoder.Feed(both, used, both.Length - used);
            Assert.IsTrue(decoder.HasFrame, "second frame");
            Assert.AreEqual(2, decoder.Sequence, "second sequence");
            decoder.Feed(both, used + more, both.Length - used - more);
            Assert.IsFalse(decoder.HasFrame, "no third frame");
        }

        [TestMethod]
        public void RejectsACrcMismatch()
        {
            var decoder = new FrameDecoder();
            byte[] bad = LinkTestSupport.Raw(1, (int)MessageType.Command, 1, new byte[] { 0x04 }, 0x00010000u);
            Assert.AreEqual(0, LinkTestSupport.FeedAll(decoder, bad), "no frame");
            Assert.AreEqual(1L, decoder.Stats.RejectedFor(FrameError.BadCrc), "bad crc");
            Assert.AreEqual(1L, decoder.Stats.Rejected, "one rejection");
        }

        [TestMethod]
        public void CountsEveryReasonOnce()
        {
            var decoder = new FrameDecoder();
            byte[] command = new byte[] { 0x04 };
            LinkTestSupport.FeedAll(decoder, LinkTestSupport.Raw(2, (int)MessageType.Command, 1, command, 0u));
            LinkTestSupport.FeedAll(decoder, LinkTestSupport.Raw(1, 0x7F, 1, command, 0u));
            LinkTestSupport.FeedAll(decoder, LinkTestSupport.Raw(1, (int)MessageType.Command, 0, new byte[0], 0u));
            LinkTestSupport.FeedAll(decoder, LinkTestSupport.Raw(1, (int)MessageType.ModelChunk, 1025, LinkTestSupport.Pattern(20), 0u));
            LinkTestSupport.FeedAll(decoder, LinkTestSupport.Raw(1, (int)MessageType.Command, 3, command, 0u));
            LinkTestSupport.FeedAll(decoder, new byte[] { 0x05, 0x01, 0x10, 0x00 });
            LinkTestSupport.FeedAll(decoder, LinkTestSupport.Raw(1, (int)MessageType.Command, 1, new byte[] { 0x04, 0x09 }, 0u));
            Assert.AreEqual(1L, decoder.Stats.RejectedFor(FrameError.UnknownVersion), "version");
            Assert.AreEqual(1L, decoder.Stats.RejectedFor(FrameError.UnknownType), "type");
            Assert.AreEqual(1L, decoder.Stats.RejectedFor(FrameError.BadPayloadLength), "empty command");
            Assert.AreEqual(2L, decoder.Stats.RejectedFor(FrameError.TooLong), "declared 1025 and data past the length");
            Assert.AreEqual(1L, decoder.Stats.RejectedFor(FrameError.TooShort), "declared 3 got 1");
            Assert.AreEqual(1L, decoder.Stats.RejectedFor(FrameError.BadCobs), "cut block");
            Assert.AreEqual(7L, decoder.Stats.Rejected, "total");
            Assert.AreEqual(0L, decoder.Stats.Accepted, "accepted");
        }

        [TestMethod]
        public void ResynchronisesAfterGarbage()
        {
            var decoder = new FrameDecoder();
            byte[] garbage = new byte[] { 0x33, 0x01, 0x20, 0xFF, 0xFE, 0x12, 0x00, 0x00, 0x09, 0x01, 0x02, 0x00 };
            byte[] good = LinkTestSupport.Encode(MessageType.Command, 9, 1, new byte[] { 0x03 });
            Assert.AreEqual(1, LinkTestSupport.FeedAll(decoder, LinkTestSupport.Join(garbage, good)), "the good frame");
            Assert.AreEqual(9, decoder.Sequence, "its sequence");
            Assert.AreEqual(2L, decoder.Stats.Rejected, "two garbage runs");
        }

        [TestMethod]
        public void RecoversWithoutAZeroAfterACorruptFrame()
        {
            // On a link that drops every 0x00 the decoder hunts for the next frame start instead.
            byte[] first = LinkTestSupport.Raw(1, (int)MessageType.Command, 1, new byte[] { 0x04 }, 0x80u);
            byte[] second = LinkTestSupport.Encode(MessageType.Command, 11, 1, new byte[] { 0x03 });
            var decoder = new FrameDecoder();
            Assert.AreEqual(1, LinkTestSupport.FeedAll(decoder, LinkTestSupport.WithoutZeros(LinkTestSupport.Join(first, second))), "second frame");
            Assert.AreEqual(11, decoder.Sequence, "its sequence");
            Assert.AreEqual(1L, decoder.Stats.RejectedFor(FrameError.BadCrc), "first rejected");
        }

        [TestMethod]
        public void DecodesAStreamWithEveryZeroDropped()
        {
            var decoder = new FrameDecoder();
            byte[] stream = new byte[0];
            int frames = 0;
            for (int length = 1; length <= 1000; length += 111)
            {
                stream = LinkTestSupport.Join(stream, LinkTestSupport.Encode(MessageType.ModelChunk, frames, length, LinkTestSupport.Pattern(length + 8)));
                frames++;
            }

            // Edge cases at the frame's end: a CRC that ends in 0x00 (timestamp 558) and in two 0x00 (2954), a
            // frame that ends on a full 254-byte block (timestamp 1), an all-zero payload.
            byte[] oneZero = LinkTestSupport.Encode(MessageType.Command, 9, 558, new byte[] { 0x02, 0x03 });
            byte[] twoZeros = LinkTestSupport.Encode(MessageType.Command, 9, 2954, new byte[] { 0x02, 0x03 });
            Assert.AreEqual(1, TrailingZeros(oneZero), "crc ends in one zero");
            Assert.AreEqual(2, TrailingZeros(twoZeros), "crc ends in two zeros");
            stream = LinkTestSupport.Join(LinkTestSupport.Join(stream, oneZero), twoZeros);
            frames += 2;
            byte[] full = LinkTestSupport.Filled(300, 0x5A);
            full[49] = 0;
            byte[] fullFrame = LinkTestSupport.Encode(MessageType.ModelChunk, 7, 1, full);
            Assert.AreEqual((byte)0xFF, fullFrame[fullFrame.Length - 256], "ends on a full block");
            stream = LinkTestSupport.Join(stream, fullFrame);
            frames++;
            stream = LinkTestSupport.Join(stream, LinkTestSupport.Encode(MessageType.ModelChunk, 8, 0, new byte[500]));
            frames++;
            stream = LinkTestSupport.Join(stream, LinkTestSupport.Encode(MessageType.Command, 9, 0, new byte[] { 0x04 }));
            frames++;

            Assert.AreEqual(frames, LinkTestSupport.FeedAll(decoder, LinkTestSupport.WithoutZeros(stream)), "every frame without zeros");
            Assert.AreEqual(0L, decoder.Stats.Rejected, "no rejection without zeros");
            var withZeros = new FrameDecoder();
            Assert.AreEqual(frames, LinkTestSupport.FeedAll(withZeros, stream), "every frame with zeros");
            Assert.AreEqual(0L, withZeros.Stats.Rejected, "no rejection with zeros");
        }

        // Zero bytes at the end of the decoded frame (its CRC).
        private static int TrailingZeros(byte[] frame)
        {
            byte[] decoded = new byte[LinkProtocol.MaxFrameLength];
            int n = Cobs.Decode(frame, 0, frame.Length - 1, decoded, 0, decoded.Length);
            int zeros = 0;
            while (zeros < n && decoded[n - 1 - zeros] == 0)
            {
                zeros++;
            }

            return zeros;
        }

        [TestMethod]
        public void CountsLostFramesAndWrapsTheSequence()
        {
            var encoder = new FrameEncoder();
            var decoder = new FrameDecoder();
            encoder.NextSequence = 65534;
            byte[] payload = new byte[] { 0x04 };
            for (int i = 0; i < 5; i++)
            {
                int n = encoder.Encode(MessageType.Command, i, payload, 0, 1);
                if (i != 3)
                {
                    decoder.Feed(encoder.Output, 0, n);
                    Assert.IsTrue(decoder.HasFrame, "frame " + i.ToString());
                }
            }

            Assert.AreEqual(3, encoder.NextSequence, "wrapped to 3");
            Assert.AreEqual(1L, decoder.Stats.FramesLost, "one lost");
            Assert.AreEqual(0L, decoder.Stats.OutOfOrder, "none out of order");
        }

        [TestMethod]
        public void EncoderRefusesBadArguments()
        {
            var encoder = new FrameEncoder();
            byte[] payload = new byte[8];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Encode(MessageType.None, 0, payload, 0, 1), "type none");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Encode(MessageType.Command, 0, payload, 0, 0), "empty command");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Encode(MessageType.Command, -1, payload, 0, 1), "negative time");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Encode(MessageType.Command, 0, payload, 7, 2), "past the end");
            Assert.ThrowsException(typeof(ArgumentNullException), () => encoder.Encode(MessageType.Command, 0, null, 0, 1), "null payload");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.NextSequence = 65536, "sequence");
        }
    }
}
