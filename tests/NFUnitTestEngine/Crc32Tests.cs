// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Persistence;
using TinTin.Random;

namespace NFUnitTest
{
    // CRC-32 (IEEE 802.3) against published check values, computed independently with Python's
    // zlib.crc32, and against a bit-by-bit reference written here without a table.
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void CheckValueOf123456789()
        {
            // The standard check value of CRC-32/ISO-HDLC.
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(Ascii("123456789"), 0, 9), "check value");
        }

        [TestMethod]
        public void KnownVectors()
        {
            Assert.AreEqual(0x00000000u, Crc32.Compute(new byte[0], 0, 0), "empty");
            Assert.AreEqual(0xE8B7BE43u, Crc32.Compute(Ascii("a"), 0, 1), "a");
            Assert.AreEqual(0x352441C2u, Crc32.Compute(Ascii("abc"), 0, 3), "abc");
            byte[] fox = Ascii("The quick brown fox jumps over the lazy dog");
            Assert.AreEqual(0x414FA339u, Crc32.Compute(fox, 0, fox.Length), "quick brown fox");
            Assert.AreEqual(0x190A55ADu, Crc32.Compute(new byte[32], 0, 32), "32 zero bytes");
            byte[] ones = new byte[32];
            for (int i = 0; i < ones.Length; i++)
            {
                ones[i] = 0xFF;
            }

            Assert.AreEqual(0xFF6CAB0Bu, Crc32.Compute(ones, 0, 32), "32 bytes 0xFF");
        }

        [TestMethod]
        public void OnlyTheGivenRangeCounts()
        {
            // "123456789" inside other bytes: the surrounding bytes must not matter.
            byte[] data = Ascii("xx123456789yyy");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 2, 9), "slice");
        }

        [TestMethod]
        public void UpdateContinuesAtEverySplit()
        {
            byte[] data = RandomBytes(64, 7u);
            uint whole = Crc32.Compute(data, 0, data.Length);
            for (int split = 0; split <= data.Length; split++)
            {
                uint first = Crc32.Compute(data, 0, split);
                Assert.AreEqual(whole, Crc32.Update(first, data, split, data.Length - split), "split " + split.ToString());
            }

            Assert.AreEqual(whole, Crc32.Update(0u, data, 0, data.Length), "Update from 0 equals Compute");
        }

        [TestMethod]
        public void MatchesBitwiseReferenceOnRandomData()
        {
            for (int length = 0; length < 70; length += 3)
            {
                byte[] data = RandomBytes(length, (uint)(length + 1));
                Assert.AreEqual(BitwiseCrc(data), Crc32.Compute(data, 0, length), "length " + length.ToString());
            }
        }

        [TestMethod]
        public void EverySingleBitFlipChangesTheCrc()
        {
            // A CRC detects every single-bit error; check it on a 32-byte message (256 flips).
            byte[] data = RandomBytes(32, 99u);
            uint original = Crc32.Compute(data, 0, data.Length);
            for (int bit = 0; bit < 8 * data.Length; bit++)
            {
                data[bit >> 3] ^= (byte)(1 << (bit & 7));
                Assert.AreNotEqual(original, Crc32.Compute(data, 0, data.Length), "bit " + bit.ToString());
                data[bit >> 3] ^= (byte)(1 << (bit & 7));
            }
        }

        [TestMethod]
        public void RejectsBadArguments()
        {
            byte[] data = new byte[4];
            Assert.ThrowsException(typeof(ArgumentNullException), () => Crc32.Compute(null, 0, 0), "null data");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Crc32.Compute(data, 1, 4), "range past the end");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Crc32.Compute(data, -1, 1), "negative offset");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Crc32.Compute(data, 0, -1), "negative count");
        }

        // The definition, one bit at a time: shift right, XOR the polynomial when a 1 falls out.
        private static uint BitwiseCrc(byte[] data)
        {
            uint crc = 0xFFFFFFFFu;
            for (int i = 0; i < data.Length; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    bool low = (crc & 1u) == 1u;
                    crc >>= 1;
                    if (low)
                    {
                        crc ^= 0xEDB88320u;
                    }
                }
            }

            return crc ^ 0xFFFFFFFFu;
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        private static byte[] RandomBytes(int length, uint seed)
        {
            var random = new Xorshift32(seed);
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)random.NextBits(8);
            }

            return bytes;
        }
    }
}
