// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Numerics;

namespace NFUnitTest
{
    // Saturation: the symmetric int8 clamp and the saturating left shift, at their boundaries and
    // against long-arithmetic references.
    [TestClass]
    public class SaturationTests
    {
        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 1)]
        [DataRow(-1, -1)]
        [DataRow(126, 126)]
        [DataRow(127, 127)]
        [DataRow(128, 127)]
        [DataRow(-126, -126)]
        [DataRow(-127, -127)]
        [DataRow(-128, -127)]                        // symmetric range: -128 is not stored
        [DataRow(1000, 127)]
        [DataRow(-1000, -127)]
        [DataRow(int.MaxValue, 127)]
        [DataRow(int.MinValue, -127)]
        public void SaturateToInt8ClampsToSymmetricRange(int value, int expected)
        {
            Assert.AreEqual(expected, Saturation.SaturateToInt8(value), "SaturateToInt8");
        }

        [TestMethod]
        public void SaturateToInt8MatchesReferenceAroundTheRange()
        {
            Assert.AreEqual(127, Saturation.Int8Limit, "Int8Limit");
            for (int value = -1000; value <= 1000; value++)
            {
                int expected = value;
                if (expected > 127)
                {
                    expected = 127;
                }
                else if (expected < -127)
                {
                    expected = -127;
                }

                if (Saturation.SaturateToInt8(value) != expected)
                {
                    Assert.AreEqual(expected, Saturation.SaturateToInt8(value), "value " + value.ToString());
                }
            }
        }

        [TestMethod]
        [DataRow(5, 0, 5)]
        [DataRow(int.MaxValue, 0, int.MaxValue)]
        [DataRow(int.MinValue, 0, int.MinValue)]
        [DataRow(1, 30, 1073741824)]
        [DataRow(1, 31, int.MaxValue)]
        [DataRow(-1, 31, int.MinValue)]               // exactly -2^31: fits
        [DataRow(-2, 30, int.MinValue)]               // exactly -2^31: fits
        [DataRow(-3, 30, int.MinValue)]
        [DataRow(2, 30, int.MaxValue)]
        [DataRow(1073741823, 1, 2147483646)]
        [DataRow(1073741824, 1, int.MaxValue)]
        [DataRow(-1073741824, 1, int.MinValue)]
        [DataRow(-1073741825, 1, int.MinValue)]
        [DataRow(65535, 15, 2147450880)]
        [DataRow(65536, 15, int.MaxValue)]
        [DataRow(int.MaxValue, 1, int.MaxValue)]
        [DataRow(int.MinValue, 1, int.MinValue)]
        [DataRow(0, 31, 0)]
        [DataRow(0, 100, 0)]
        [DataRow(1, 32, int.MaxValue)]                // plain 1 << 32 wraps to 1
        [DataRow(-1, 32, int.MinValue)]
        [DataRow(3, 33, int.MaxValue)]                // plain 3 << 33 wraps to 6
        [DataRow(-1, int.MaxValue, int.MinValue)]
        [DataRow(3, int.MaxValue, int.MaxValue)]
        public void SaturatingShiftLeftClampsAtTheIntBounds(int value, int shift, int expected)
        {
            Assert.AreEqual(expected, Saturation.SaturatingShiftLeft(value, shift), "SaturatingShiftLeft");
        }

        [TestMethod]
        public void SaturatingShiftLeftMatchesReference()
        {
            int[] values = RoundingTests.LargeValues();
            for (int shift = 0; shift <= 32; shift++)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    int value = values[i];
                    Assert.AreEqual(RoundingTests.ReferenceShiftLeft(value, shift), Saturation.SaturatingShiftLeft(value, shift), "value " + value.ToString() + " shift " + shift.ToString());
                }

                for (int value = -5000; value <= 5000; value += 3)
                {
                    if (Saturation.SaturatingShiftLeft(value, shift) != RoundingTests.ReferenceShiftLeft(value, shift))
                    {
                        Assert.AreEqual(RoundingTests.ReferenceShiftLeft(value, shift), Saturation.SaturatingShiftLeft(value, shift), "value " + value.ToString() + " shift " + shift.ToString());
                    }
                }
            }
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(int.MinValue)]
        public void SaturatingShiftLeftRejectsNegativeShift(int shift)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Saturation.SaturatingShiftLeft(1, shift), "negative shift");
        }
    }
}
