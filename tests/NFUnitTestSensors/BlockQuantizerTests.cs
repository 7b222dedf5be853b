// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Features;

namespace NFUnitTest
{
    /// <summary>
    /// <see cref="BlockQuantizer"/>: the smallest shift that keeps the rounded largest magnitude within
    /// 127, rounding halves away from zero for both signs. Expected values worked by hand.
    /// </summary>
    [TestClass]
    public class BlockQuantizerTests
    {
        [TestMethod]
        public void SmallValuesAreCopiedWithShiftZero()
        {
            sbyte[] q = new sbyte[4];
            int shift = BlockQuantizer.Quantize(new int[] { 127, -127, 0, 5 }, 0, 4, q);

            Assert.AreEqual(0, shift);
            Assert.AreEqual((sbyte)127, q[0]);
            Assert.AreEqual((sbyte)-127, q[1]);
            Assert.AreEqual((sbyte)0, q[2]);
            Assert.AreEqual((sbyte)5, q[3]);
        }

        [TestMethod]
        public void RoundingDecidesTheShift()
        {
            // 253 / 2 = 126.5 rounds to 127: shift 1 suffices. 255 / 2 = 127.5 rounds to 128: shift 2.
            sbyte[] q = new sbyte[2];
            Assert.AreEqual(1, BlockQuantizer.Quantize(new int[] { 253, -3 }, 0, 2, q), "shift for 253");
            Assert.AreEqual((sbyte)127, q[0]);
            Assert.AreEqual((sbyte)-2, q[1]);

            Assert.AreEqual(2, BlockQuantizer.Quantize(new int[] { 255, -6 }, 0, 2, q), "shift for 255");
            Assert.AreEqual((sbyte)64, q[0]);
            Assert.AreEqual((sbyte)-2, q[1]);
        }

        [TestMethod]
        public void NegativeHalvesRoundAwayFromZero()
        {
            // Shift 3 (1000 / 8 = 125): -12 / 8 = -1.5 -> -2, -11 / 8 = -1.375 -> -1, 12 / 8 = 1.5 -> 2.
            sbyte[] q = new sbyte[4];
            int shift = BlockQuantizer.Quantize(new int[] { 1000, -12, -11, 12 }, 0, 4, q);

            Assert.AreEqual(3, shift);
            Assert.AreEqual((sbyte)125, q[0]);
            Assert.AreEqual((sbyte)-2, q[1]);
            Assert.AreEqual((sbyte)-1, q[2]);
            Assert.AreEqual((sbyte)2, q[3]);
        }

        [TestMethod]
        public void ExtremeIntegersDoNotOverflow()
        {
            sbyte[] q = new sbyte[2];
            int shift = BlockQuantizer.Quantize(new int[] { int.MinValue, int.MaxValue }, 0, 2, q);

            // 2^31 / 2^24 = 128 > 127, so the shift is 25: 2^31 / 2^25 = 64.
            Assert.AreEqual(25, shift);
            Assert.AreEqual((sbyte)-64, q[0]);
            Assert.AreEqual((sbyte)64, q[1]);
        }

        [TestMethod]
        public void OffsetAndCountSelectTheBlock()
        {
            sbyte[] q = new sbyte[2];
            int shift = BlockQuantizer.Quantize(new int[] { 100000, 40, -80, 100000 }, 1, 2, q);

            Assert.AreEqual(0, shift);
            Assert.AreEqual((sbyte)40, q[0]);
            Assert.AreEqual((sbyte)-80, q[1]);
        }

        [TestMethod]
        public void BadRangesAreRejected()
        {
            sbyte[] q = new sbyte[2];
            Assert.ThrowsException(typeof(ArgumentNullException), () => BlockQuantizer.Quantize(null, 0, 1, q), "null source");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => BlockQuantizer.Quantize(new int[2], 1, 2, q), "block past the end");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => BlockQuantizer.Quantize(new int[3], 0, 3, q), "destination too short");
        }
    }
}
