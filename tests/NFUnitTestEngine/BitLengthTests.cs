// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Numerics;

namespace NFUnitTest
{
    // Magnitude.BitLength: bits needed for |value|, checked at every power-of-two boundary and against
    // a reference that counts shifts one at a time.
    [TestClass]
    public class BitLengthTests
    {
        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 1)]
        [DataRow(-1, 1)]
        [DataRow(2, 2)]
        [DataRow(3, 2)]
        [DataRow(4, 3)]
        [DataRow(127, 7)]
        [DataRow(-127, 7)]
        [DataRow(128, 8)]
        [DataRow(-128, 8)]
        [DataRow(255, 8)]
        [DataRow(256, 9)]
        [DataRow(65535, 16)]
        [DataRow(65536, 17)]
        [DataRow(1073741823, 30)]
        [DataRow(1073741824, 31)]
        [DataRow(-1073741824, 31)]
        [DataRow(-1073741825, 31)]
        [DataRow(int.MaxValue, 31)]
        [DataRow(int.MinValue + 1, 31)]
        [DataRow(int.MinValue, 32)]                  // magnitude 2^31
        public void BitLengthOfIntUsesTheMagnitude(int value, int expected)
        {
            Assert.AreEqual(expected, Magnitude.BitLength(value), "BitLength int");
        }

        [TestMethod]
        [DataRow(0u, 0)]
        [DataRow(1u, 1)]
        [DataRow(0xFFFFu, 16)]
        [DataRow(0x10000u, 17)]
        [DataRow(0x7FFFFFFFu, 31)]
        [DataRow(0x80000000u, 32)]
        [DataRow(0xFFFFFFFFu, 32)]
        public void BitLengthOfUIntAtBoundaries(uint value, int expected)
        {
            Assert.AreEqual(expected, Magnitude.BitLength(value), "BitLength uint");
        }

        [TestMethod]
        public void EveryPowerOfTwoBoundary()
        {
            for (int k = 0; k < 32; k++)
            {
                uint power = 1u << k;
                Assert.AreEqual(k + 1, Magnitude.BitLength(power), "2^" + k.ToString());
                Assert.AreEqual(k, Magnitude.BitLength(power - 1u), "2^" + k.ToString() + " - 1");
                Assert.AreEqual(k + 1, Magnitude.BitLength(power | (power - 1u)), "2^" + k.ToString() + " all ones");
                if (k < 31)
                {
                    int p = (int)power;
                    Assert.AreEqual(k + 1, Magnitude.BitLength(p), "int 2^" + k.ToString());
                    Assert.AreEqual(k + 1, Magnitude.BitLength(-p), "int -2^" + k.ToString());
                    Assert.AreEqual(k, Magnitude.BitLength(-(p - 1)), "int -(2^" + k.ToString() + " - 1)");
                }
            }
        }

        [TestMethod]
        public void MatchesShiftCountingReference()
        {
            for (int value = -5000; value <= 5000; value++)
            {
                long magnitude = value < 0 ? -(long)value : value;
                int expected = 0;
                while (magnitude != 0)
                {
                    magnitude >>= 1;
                    expected++;
                }

                if (Magnitude.BitLength(value) != expected)
                {
                    Assert.AreEqual(expected, Magnitude.BitLength(value), "value " + value.ToString());
                }
            }
        }
    }
}
