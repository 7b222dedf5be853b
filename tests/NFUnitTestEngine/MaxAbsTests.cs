// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Numerics;
using TinTin.Random;

namespace NFUnitTest
{
    // Magnitude.MaxAbs over int and sbyte ranges: negatives, extremes, sub-ranges and argument checks.
    [TestClass]
    public class MaxAbsTests
    {
        [TestMethod]
        public void FindsLargestMagnitudeOfEitherSign()
        {
            Assert.AreEqual(7, Magnitude.MaxAbs(new int[] { 3, -7, 5 }, 0, 3), "negative wins");
            Assert.AreEqual(9, Magnitude.MaxAbs(new int[] { 3, -7, 9 }, 0, 3), "positive wins");
            Assert.AreEqual(8, Magnitude.MaxAbs(new int[] { -1, -8, -2 }, 0, 3), "all negative");
            Assert.AreEqual(0, Magnitude.MaxAbs(new int[] { 0, 0 }, 0, 2), "all zero");
            Assert.AreEqual(int.MaxValue, Magnitude.MaxAbs(new int[] { 5, int.MaxValue, -5 }, 0, 3), "int.MaxValue");
            Assert.AreEqual(int.MaxValue, Magnitude.MaxAbs(new int[] { int.MinValue + 1 }, 0, 1), "int.MinValue + 1");
        }

        [TestMethod]
        public void IntMinValueSaturatesToIntMaxValue()
        {
            // |int.MinValue| = 2^31 does not fit an int; the documented result is int.MaxValue (never negative).
            Assert.AreEqual(int.MaxValue, Magnitude.MaxAbs(new int[] { 1, int.MinValue, -3 }, 0, 3), "int.MinValue inside");
            Assert.AreEqual(int.MaxValue, Magnitude.MaxAbs(new int[] { int.MinValue }, 0, 1), "int.MinValue alone");
        }

        [TestMethod]
        public void ScansOnlyTheGivenRange()
        {
            int[] values = new int[] { 100, 1, -2, 3, -100 };
            Assert.AreEqual(3, Magnitude.MaxAbs(values, 1, 3), "middle three");
            Assert.AreEqual(100, Magnitude.MaxAbs(values, 4, 1), "last one");
            Assert.AreEqual(0, Magnitude.MaxAbs(values, 2, 0), "empty range");
            Assert.AreEqual(0, Magnitude.MaxAbs(values, 5, 0), "empty range at the end");
            Assert.AreEqual(0, Magnitude.MaxAbs(new int[0], 0, 0), "empty array");
        }

        [TestMethod]
        public void SByteRangeIncludingMinus128()
        {
            Assert.AreEqual(128, Magnitude.MaxAbs(new sbyte[] { 5, -128, 127 }, 0, 3), "-128");
            Assert.AreEqual(127, Magnitude.MaxAbs(new sbyte[] { 127, -127 }, 0, 2), "127");
            Assert.AreEqual(127, Magnitude.MaxAbs(new sbyte[] { -128, -127, 3 }, 1, 2), "range skips -128");
            Assert.AreEqual(1, Magnitude.MaxAbs(new sbyte[] { -1 }, 0, 1), "-1");
            Assert.AreEqual(0, Magnitude.MaxAbs(new sbyte[] { 0, 0, 0 }, 0, 3), "zeros");
            Assert.AreEqual(0, Magnitude.MaxAbs(new sbyte[] { -50 }, 1, 0), "empty");
        }

        [TestMethod]
        public void MatchesReferenceOnPseudoRandomArrays()
        {
            Xorshift32 rng = new Xorshift32(31337u);
            int[] ints = new int[64];
            sbyte[] bytes = new sbyte[64];
            for (int trial = 0; trial < 50; trial++)
            {
                // Vary the magnitude range so both small and large values are exercised.
                int bits = 1 + (trial % 31);
                for (int i = 0; i < ints.Length; i++)
                {
                    ints[i] = rng.NextInt() >> (32 - bits);
                    bytes[i] = (sbyte)rng.NextUInt();
                }

                int offset = rng.NextInt(16);
                int count = rng.NextInt(ints.Length - offset + 1);
                long expectedInt = 0;
                int expectedByte = 0;
                for (int i = offset; i < offset + count; i++)
                {
                    long a = ints[i] < 0 ? -(long)ints[i] : ints[i];
                    if (a > expectedInt)
                    {
                        expectedInt = a;
                    }

                    int b = bytes[i] < 0 ? -bytes[i] : bytes[i];
                    if (b > expectedByte)
                    {
                        expectedByte = b;
                    }
                }

                Assert.AreEqual(expectedInt, (long)Magnitude.MaxAbs(ints, offset, count), "int trial " + trial.ToString());
                Assert.AreEqual(expectedByte, Magnitude.MaxAbs(bytes, offset, count), "sbyte trial " + trial.ToString());
            }
        }

        [TestMethod]
        public void RejectsNullArrays()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => Magnitude.MaxAbs((int[])null, 0, 0), "null int array");
            Assert.ThrowsException(typeof(ArgumentNullException), () => Magnitude.MaxAbs((sbyte[])null, 0, 0), "null sbyte array");
        }

        [TestMethod]
        [DataRow(-1, 1)]
        [DataRow(0, -1)]
        [DataRow(0, 5)]
        [DataRow(3, 2)]
        [DataRow(5, 1)]
        [DataRow(6, 0)]
        [DataRow(int.MaxValue, 1)]
        [DataRow(1, int.MaxValue)]
        public void RejectsRangesOutsideTheArray(int offset, int count)
        {
            int[] ints = new int[4];
            sbyte[] bytes = new sbyte[4];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Magnitude.MaxAbs(ints, offset, count), "int range");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Magnitude.MaxAbs(bytes, offset, count), "sbyte range");
        }
    }
}
