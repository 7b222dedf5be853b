// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Firmware.Core.Link;

namespace NFUnitTest
{
    // COBS against the published examples (Cheshire and Baker; the Wikipedia table) and at its block boundaries.
    [TestClass]
    public class LinkCobsTests
    {
        [TestMethod]
        public void EncodesThePublishedExamples()
        {
            Check(new byte[0], new byte[] { 0x01 }, "empty");
            Check(new byte[] { 0x00 }, new byte[] { 0x01, 0x01 }, "one zero");
            Check(new byte[] { 0x00, 0x00 }, new byte[] { 0x01, 0x01, 0x01 }, "two zeros");
            Check(new byte[] { 0x00, 0x11, 0x00 }, new byte[] { 0x01, 0x02, 0x11, 0x01 }, "zero x zero");
            Check(new byte[] { 0x11, 0x22, 0x00, 0x33 }, new byte[] { 0x03, 0x11, 0x22, 0x02, 0x33 }, "11 22 00 33");
            Check(new byte[] { 0x11, 0x22, 0x33, 0x44 }, new byte[] { 0x05, 0x11, 0x22, 0x33, 0x44 }, "no zero");
            Check(new byte[] { 0x11, 0x00, 0x00, 0x00 }, new byte[] { 0x02, 0x11, 0x01, 0x01, 0x01 }, "trailing zeros");
        }

        [TestMethod]
        public void A254ByteRunIsOneFullBlockWithoutATrailingCode()
        {
            byte[] data = LinkTestSupport.Filled(254, 0xA5);
            byte[] encoded = EncodeAll(data);
            Assert.AreEqual(255, encoded.Length, "254 bytes take 255");
            Assert.AreEqual((byte)0xFF, encoded[0], "full block code");
            RoundTrip(data, "254");
        }

        [TestMethod]
        public void A255ByteRunStartsASecondBlock()
        {
            byte[] data = LinkTestSupport.Filled(255, 0xA5);
            byte[] encoded = EncodeAll(data);
            Assert.AreEqual(257, encoded.Length, "255 bytes take 257");
            Assert.AreEqual((byte)0xFF, encoded[0], "full block code");
            Assert.AreEqual((byte)0x02, encoded[255], "second block code");
            RoundTrip(data, "255");
        }

        [TestMethod]
        public void A254ByteRunThenAZero()
        {
            byte[] data = new byte[255];
            for (int i = 0; i < 254; i++)
            {
                data[i] = 0x42;
            }

            byte[] encoded = EncodeAll(data);
            Assert.AreEqual(257, encoded.Length, "length");
            Assert.AreEqual((byte)0x01, encoded[255], "empty block for the zero");
            Assert.AreEqual((byte)0x01, encoded[256], "empty last block");
            RoundTrip(data, "254 then zero");
        }

        [TestMethod]
        public void AllZerosBecomeAllOnes()
        {
            byte[] encoded = EncodeAll(new byte[300]);
            Assert.AreEqual(301, encoded.Length, "one code per zero plus one");
            for (int i = 0; i < encoded.Length; i++)
            {
                Assert.AreEqual((byte)1, encoded[i], "byte " + i.ToString());
            }

            RoundTrip(new byte[300], "zeros");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(253)]
        [DataRow(254)]
        [DataRow(255)]
        [DataRow(508)]
        [DataRow(509)]
        [DataRow(1042)]
        public void RoundTripsAtBlockBoundaries(int length)
        {
            RoundTrip(LinkTestSupport.Filled(length, 0x7E), "run " + length.ToString());
            RoundTrip(LinkTestSupport.Pattern(length), "pattern " + length.ToString());
        }

        [TestMethod]
        public void NeverWritesZeroAndStaysWithinTheBound()
        {
            for (int length = 0; length < 600; length += 37)
            {
                byte[] data = LinkTestSupport.Pattern(length);
                byte[] encoded = EncodeAll(data);
                Assert.IsTrue(encoded.Length <= Cobs.MaxEncodedLength(length), "bound at " + length.ToString());
                for (int i = 0; i < encoded.Length; i++)
                {
                    Assert.AreNotEqual((byte)0, encoded[i], "zero in output at " + length.ToString());
                }
            }
        }

        [TestMethod]
        public void DecodeRejectsZerosCutBlocksAndOverflow()
        {
            byte[] output = new byte[16];
            Assert.AreEqual(-1, Cobs.Decode(new byte[] { 0x03, 0x11, 0x00 }, 0, 3, output, 0, 16), "zero inside a block");
            Assert.AreEqual(-1, Cobs.Decode(new byte[] { 0x05, 0x11, 0x22 }, 0, 3, output, 0, 16), "cut block");
            Assert.AreEqual(-1, Cobs.Decode(new byte[] { 0x00 }, 0, 1, output, 0, 16), "zero code");
            Assert.AreEqual(-1, Cobs.Decode(new byte[] { 0x05, 0x11, 0x22, 0x33, 0x44 }, 0, 5, output, 0, 3), "over capacity");
            Assert.AreEqual(4, Cobs.Decode(new byte[] { 0x05, 0x11, 0x22, 0x33, 0x44 }, 0, 5, output, 0, 4), "exact capacity");
        }

        private static void Check(byte[] data, byte[] expected, string name)
        {
            byte[] encoded = EncodeAll(data);
            Assert.AreEqual(expected.Length, encoded.Length, name + " length");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], encoded[i], name + " byte " + i.ToString());
            }

            RoundTrip(data, name);
        }

        private static byte[] EncodeAll(byte[] data)
        {
            byte[] encoded = new byte[Cobs.MaxEncodedLength(data.Length)];
            int n = Cobs.Encode(data, 0, data.Length, encoded, 0);
            return LinkTestSupport.Slice(encoded, 0, n);
        }

        private static void RoundTrip(byte[] data, string name)
        {
            byte[] encoded = EncodeAll(data);
            byte[] decoded = new byte[data.Length + 8];
            int n = Cobs.Decode(encoded, 0, encoded.Length, decoded, 0, decoded.Length);
            Assert.AreEqual(data.Length, n, name + " decoded length");
            for (int i = 0; i < data.Length; i++)
            {
                Assert.AreEqual(data[i], decoded[i], name + " decoded byte " + i.ToString());
            }
        }
    }
}
