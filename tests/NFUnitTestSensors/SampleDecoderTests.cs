// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Bus;

namespace NFUnitTest
{
    /// <summary>
    /// Tests of <see cref="SampleDecoder"/> against hand-computed byte vectors.
    /// </summary>
    [TestClass]
    public class SampleDecoderTests
    {
        // Destination slots a decode must not touch keep this value.
        private const int Untouched = 0x5A5A5A5A;

        [TestMethod]
        public void LittleEndianDecodesOneSample()
        {
            // X = 0x1234 = 4660, Y = 0xFFFF = -1, Z = 0x8000 = -32768.
            byte[] source = new byte[] { 0x34, 0x12, 0xFF, 0xFF, 0x00, 0x80 };
            int[] destination = new int[3];

            SampleDecoder.DecodeLittleEndian(source, 0, 6, destination, 0, 1);

            Assert.AreEqual(4660, destination[0]);
            Assert.AreEqual(-1, destination[1]);
            Assert.AreEqual(-32768, destination[2]);
        }

        [TestMethod]
        public void BigEndianDecodesOneSample()
        {
            // X = 0x1234 = 4660, Y = 0xFFFE = -2, Z = 0x8000 = -32768.
            byte[] source = new byte[] { 0x12, 0x34, 0xFF, 0xFE, 0x80, 0x00 };
            int[] destination = new int[3];

            SampleDecoder.DecodeBigEndian(source, 0, 6, destination, 0, 1);

            Assert.AreEqual(4660, destination[0]);
            Assert.AreEqual(-2, destination[1]);
            Assert.AreEqual(-32768, destination[2]);
        }

        [TestMethod]
        public void LittleEndianDecodesRangeLimitsAndByteWeights()
        {
            // Two samples: (32767, -32767, 1) then (256, 0, -256).
            byte[] source = new byte[]
            {
                0xFF, 0x7F, 0x01, 0x80, 0x01, 0x00,
                0x00, 0x01, 0x00, 0x00, 0x00, 0xFF,
            };
            int[] destination = new int[6];

            SampleDecoder.DecodeLittleEndian(source, 0, SampleDecoder.BytesPerSample, destination, 0, 2);

            Assert.AreEqual(32767, destination[0]);
            Assert.AreEqual(-32767, destination[1]);
            Assert.AreEqual(1, destination[2]);
            Assert.AreEqual(256, destination[3]);
            Assert.AreEqual(0, destination[4]);
            Assert.AreEqual(-256, destination[5]);
        }

        [TestMethod]
        public void BigEndianDecodesRangeLimitsAndByteWeights()
        {
            // The same values as the little-endian test with each pair of bytes swapped.
            byte[] source = new byte[]
            {
                0x7F, 0xFF, 0x80, 0x01, 0x00, 0x01,
                0x01, 0x00, 0x00, 0x00, 0xFF, 0x00,
            };
            int[] destination = new int[6];

            SampleDecoder.DecodeBigEndian(source, 0, SampleDecoder.BytesPerSample, destination, 0, 2);

            Assert.AreEqual(32767, destination[0]);
            Assert.AreEqual(-32767, destination[1]);
            Assert.AreEqual(1, destination[2]);
            Assert.AreEqual(256, destination[3]);
            Assert.AreEqual(0, destination[4]);
            Assert.AreEqual(-256, destination[5]);
        }

        [TestMethod]
        public void StrideSkipsFrameBytesThatAreNotSamples()
        {
            // IIS3DWB-style FIFO words: a tag byte, then X, Y, Z little-endian. The buffer starts
            // with one byte of something else, so the first data byte is at index 2.
            byte[] source = new byte[]
            {
                0xEE,
                0x10, 0x01, 0x00, 0x02, 0x00, 0xFD, 0xFF,
                0x10, 0x00, 0x80, 0xFF, 0x7F, 0x64, 0x00,
            };
            int[] destination = new int[6];

            SampleDecoder.DecodeLittleEndian(source, 2, 7, destination, 0, 2);

            Assert.AreEqual(1, destination[0]);
            Assert.AreEqual(2, destination[1]);
            Assert.AreEqual(-3, destination[2]);
            Assert.AreEqual(-32768, destination[3]);
            Assert.AreEqual(32767, destination[4]);
            Assert.AreEqual(100, destination[5]);
        }

        [TestMethod]
        public void BigEndianStrideReadsAccelerometerPartOfWideFrames()
        {
            // MPU6886-style 14-byte FIFO frames: accelerometer X, Y, Z, then temperature and gyroscope.
            byte[] source = new byte[28];
            for (int i = 0; i < source.Length; i++)
            {
                source[i] = 0x77;
            }

            source[0] = 0x40;
            source[1] = 0x00;
            source[2] = 0xC0;
            source[3] = 0x00;
            source[4] = 0x00;
            source[5] = 0x05;
            source[14] = 0xFF;
            source[15] = 0x9C;
            source[16] = 0x00;
            source[17] = 0x00;
            source[18] = 0x80;
            source[19] = 0x00;
            int[] destination = new int[6];

            SampleDecoder.DecodeBigEndian(source, 0, 14, destination, 0, 2);

            Assert.AreEqual(16384, destination[0]);
            Assert.AreEqual(-16384, destination[1]);
            Assert.AreEqual(5, destination[2]);
            Assert.AreEqual(-100, destination[3]);
            Assert.AreEqual(0, destination[4]);
            Assert.AreEqual(-32768, destination[5]);
        }

        [TestMethod]
        public void DecodeWritesOnlyTheRequestedDestinationRange()
        {
            byte[] source = new byte[]
            {
                0x01, 0x00, 0x02, 0x00, 0x03, 0x00,
                0x04, 0x00, 0x05, 0x00, 0x06, 0x00,
            };
            int[] destination = new int[8];
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = Untouched;
            }

            // Only the second sample into slots 2..4.
            SampleDecoder.DecodeLittleEndian(source, 6, 6, destination, 2, 1);

            Assert.AreEqual(Untouched, destination[0]);
            Assert.AreEqual(Untouched, destination[1]);
            Assert.AreEqual(4, destination[2]);
            Assert.AreEqual(5, destination[3]);
            Assert.AreEqual(6, destination[4]);
            Assert.AreEqual(Untouched, destination[5]);
            Assert.AreEqual(Untouched, destination[6]);
            Assert.AreEqual(Untouched, destination[7]);
        }

        [TestMethod]
        public void ZeroSamplesWritesNothing()
        {
            byte[] source = new byte[] { 0x01, 0x00, 0x02, 0x00, 0x03, 0x00 };
            int[] destination = new int[] { Untouched, Untouched, Untouched };

            // Offsets at the very end of both arrays are valid when nothing is decoded.
            SampleDecoder.DecodeLittleEndian(source, 6, 6, destination, 3, 0);
            SampleDecoder.DecodeBigEndian(source, 0, 6, destination, 0, 0);

            Assert.AreEqual(Untouched, destination[0]);
            Assert.AreEqual(Untouched, destination[1]);
            Assert.AreEqual(Untouched, destination[2]);
        }

        [TestMethod]
        public void ExactFitAtTheEndOfBothArraysIsAccepted()
        {
            // Two samples with stride 8: the last one ends exactly at the end of the source
            // (1 + 8 + 6 = 15 bytes), and the destination is exactly full from offset 1.
            byte[] source = new byte[15];
            source[9] = 0x07;
            source[13] = 0xF9;
            source[14] = 0xFF;
            int[] destination = new int[7];

            SampleDecoder.DecodeLittleEndian(source, 1, 8, destination, 1, 2);

            Assert.AreEqual(7, destination[4]);
            Assert.AreEqual(0, destination[5]);
            Assert.AreEqual(-7, destination[6]);
        }

        [TestMethod]
        public void NullArraysAreRejected()
        {
            byte[] source = new byte[6];
            int[] destination = new int[3];

            Assert.ThrowsException(typeof(ArgumentNullException), () => SampleDecoder.DecodeLittleEndian(null, 0, 6, destination, 0, 1), "little-endian null source");
            Assert.ThrowsException(typeof(ArgumentNullException), () => SampleDecoder.DecodeLittleEndian(source, 0, 6, null, 0, 1), "little-endian null destination");
            Assert.ThrowsException(typeof(ArgumentNullException), () => SampleDecoder.DecodeBigEndian(null, 0, 6, destination, 0, 1), "big-endian null source");
            Assert.ThrowsException(typeof(ArgumentNullException), () => SampleDecoder.DecodeBigEndian(source, 0, 6, null, 0, 1), "big-endian null destination");
        }

        // Each row is one invalid call, next to the valid ExactFit case above:
        // sourceLength, sourceOffset, sourceStride, destinationLength, destinationOffset, sampleCount.
        [DataRow(6, 0, 5, 3, 0, 1)]
        [DataRow(6, 0, 0, 3, 0, 1)]
        [DataRow(6, 0, 6, 3, 0, -1)]
        [DataRow(6, -1, 6, 3, 0, 1)]
        [DataRow(6, 7, 6, 3, 0, 0)]
        [DataRow(6, 1, 6, 3, 0, 1)]
        [DataRow(14, 1, 8, 6, 0, 2)]
        [DataRow(5, 0, 6, 3, 0, 1)]
        [DataRow(6, 0, 6, 3, -1, 1)]
        [DataRow(6, 0, 6, 3, 4, 0)]
        [DataRow(6, 0, 6, 3, 1, 1)]
        [DataRow(12, 0, 6, 5, 0, 2)]
        [DataRow(12, 0, 6, 6, 0, 2147483647)]
        [DataRow(12, 2147483647, 6, 6, 0, 1)]
        public void InvalidRangesAreRejected(int sourceLength, int sourceOffset, int sourceStride, int destinationLength, int destinationOffset, int sampleCount)
        {
            byte[] source = new byte[sourceLength];
            int[] destination = new int[destinationLength];

            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => SampleDecoder.DecodeLittleEndian(source, sourceOffset, sourceStride, destination, destinationOffset, sampleCount), "little-endian range");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => SampleDecoder.DecodeBigEndian(source, sourceOffset, sourceStride, destination, destinationOffset, sampleCount), "big-endian range");
        }
    }
}
