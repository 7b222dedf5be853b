// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Numerics;

namespace NFUnitTest
{
    // Rounding.RoundShiftRight: value / 2^shift rounded half away from zero, saturating left shift for
    // negative shifts. The references below are written differently from the implementation: long
    // division with an explicit remainder comparison, and long multiplication with explicit clamping.
    [TestClass]
    public class RoundingTests
    {
        [TestMethod]
        [DataRow(3, 1, 2)]            // 1.5 -> 2
        [DataRow(-3, 1, -2)]          // -1.5 -> -2
        [DataRow(5, 1, 3)]            // 2.5 -> 3
        [DataRow(-5, 1, -3)]          // -2.5 -> -3 (the (x + half) >> s trap gives -2)
        [DataRow(1, 1, 1)]            // 0.5 -> 1
        [DataRow(-1, 1, -1)]          // -0.5 -> -1
        [DataRow(-2, 1, -1)]
        [DataRow(2, 1, 1)]
        [DataRow(-6, 2, -2)]          // -1.5 -> -2
        [DataRow(-5, 2, -1)]          // -1.25 -> -1
        [DataRow(-7, 2, -2)]          // -1.75 -> -2
        [DataRow(-4, 2, -1)]
        [DataRow(6, 2, 2)]
        [DataRow(7, 3, 1)]            // 0.875 -> 1
        [DataRow(4, 3, 1)]            // 0.5 -> 1
        [DataRow(-4, 3, -1)]          // -0.5 -> -1
        [DataRow(3, 3, 0)]            // 0.375 -> 0
        [DataRow(-3, 3, 0)]           // -0.375 -> 0
        [DataRow(0, 5, 0)]
        [DataRow(-1, 30, 0)]
        public void RoundsHalvesAwayFromZero(int value, int shift, int expected)
        {
            Assert.AreEqual(expected, Rounding.RoundShiftRight(value, shift), "RoundShiftRight");
        }

        [TestMethod]
        [DataRow(int.MaxValue, 0, int.MaxValue)]
        [DataRow(int.MinValue, 0, int.MinValue)]
        [DataRow(int.MaxValue, 1, 1073741824)]      // 2^30 - 0.5 -> 2^30
        [DataRow(int.MinValue, 1, -1073741824)]
        [DataRow(int.MaxValue, 31, 1)]              // just under 1
        [DataRow(int.MinValue, 31, -1)]             // exactly -1
        [DataRow(1073741824, 31, 1)]                // exactly 0.5
        [DataRow(-1073741824, 31, -1)]              // exactly -0.5
        [DataRow(1073741823, 31, 0)]                // just under 0.5
        [DataRow(int.MinValue, 32, -1)]             // exactly -0.5
        [DataRow(int.MaxValue, 32, 0)]              // just under 0.5
        [DataRow(int.MinValue, 33, 0)]              // -0.25
        [DataRow(5, 100, 0)]
        [DataRow(int.MinValue, int.MaxValue, 0)]
        public void HandlesExtremeValuesAndShifts(int value, int shift, int expected)
        {
            Assert.AreEqual(expected, Rounding.RoundShiftRight(value, shift), "RoundShiftRight");
        }

        [TestMethod]
        [DataRow(-300, 1, -150)]
        [DataRow(-5, 1, -3)]
        [DataRow(int.MinValue, 1, -1073741824)]
        [DataRow(int.MinValue, 31, -1)]
        [DataRow(-7, 2, -2)]
        public void NegativeResultsStaySignedWhenWidenedShiftedOrReduced(int value, int shift, int expected)
        {
            // Each operation straight on the call's result (an int local in between would hide it): on
            // nanoCLR a result built from a uint kept an unsigned tag, so it widened with zeros, shifted
            // logically and took an unsigned remainder.
            Assert.AreEqual((long)expected, (long)Rounding.RoundShiftRight(value, shift), "widened");
            Assert.AreEqual(expected >> 1, Rounding.RoundShiftRight(value, shift) >> 1, "shifted");
            Assert.AreEqual(expected % 7, Rounding.RoundShiftRight(value, shift) % 7, "remainder");
            Assert.AreEqual((long)expected, (long)Rounding.RoundShiftRightStochastic(value, shift, 0u), "stochastic widened (r = 0 rounds the magnitude up)");
            Assert.AreEqual(expected >> 1, Rounding.RoundShiftRightStochastic(value, shift, 0u) >> 1, "stochastic shifted");
        }

        [TestMethod]
        [DataRow(3, -2, 12)]
        [DataRow(-3, -2, -12)]
        [DataRow(1, -30, 1073741824)]
        [DataRow(1, -31, int.MaxValue)]
        [DataRow(-1, -31, int.MinValue)]
        [DataRow(-2, -31, int.MinValue)]
        [DataRow(1073741823, -1, 2147483646)]
        [DataRow(1073741824, -1, int.MaxValue)]
        [DataRow(-1073741824, -1, int.MinValue)]
        [DataRow(-1073741825, -1, int.MinValue)]
        [DataRow(0, -40, 0)]
        [DataRow(5, int.MinValue, int.MaxValue)]
        [DataRow(-5, int.MinValue, int.MinValue)]
        public void NegativeShiftIsSaturatingLeftShift(int value, int shift, int expected)
        {
            Assert.AreEqual(expected, Rounding.RoundShiftRight(value, shift), "RoundShiftRight");
        }

        [TestMethod]
        public void MatchesReferenceOnSmallRangeExhaustively()
        {
            // 2049 values x 13 shifts.
            for (int shift = 0; shift <= 12; shift++)
            {
                for (int value = -1024; value <= 1024; value++)
                {
                    if (Rounding.RoundShiftRight(value, shift) != ReferenceRoundShift(value, shift))
                    {
                        Assert.AreEqual(ReferenceRoundShift(value, shift), Rounding.RoundShiftRight(value, shift), "value " + value.ToString() + " shift " + shift.ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void MatchesReferenceOnLargeValuesAtEveryShift()
        {
            int[] values = LargeValues();
            for (int shift = 0; shift <= 40; shift++)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    int value = values[i];
                    Assert.AreEqual(ReferenceRoundShift(value, shift), Rounding.RoundShiftRight(value, shift), "value " + value.ToString() + " shift " + shift.ToString());
                }
            }
        }

        [TestMethod]
        public void MatchesReferenceForNegativeShifts()
        {
            int[] values = LargeValues();
            for (int left = 1; left <= 32; left++)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    int value = values[i];
                    Assert.AreEqual(ReferenceShiftLeft(value, left), Rounding.RoundShiftRight(value, -left), "value " + value.ToString() + " shift -" + left.ToString());
                }

                for (int value = -300; value <= 300; value++)
                {
                    if (Rounding.RoundShiftRight(value, -left) != ReferenceShiftLeft(value, left))
                    {
                        Assert.AreEqual(ReferenceShiftLeft(value, left), Rounding.RoundShiftRight(value, -left), "value " + value.ToString() + " shift -" + left.ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void IsSignSymmetric()
        {
            for (int shift = 0; shift <= 13; shift++)
            {
                for (int value = 0; value <= 4096; value++)
                {
                    if (Rounding.RoundShiftRight(-value, shift) != -Rounding.RoundShiftRight(value, shift))
                    {
                        Assert.AreEqual(-Rounding.RoundShiftRight(value, shift), Rounding.RoundShiftRight(-value, shift), "value " + value.ToString() + " shift " + shift.ToString());
                    }
                }
            }
        }

        // Values near every boundary where an int overflow could hide.
        internal static int[] LargeValues()
        {
            return new int[]
            {
                int.MaxValue, int.MaxValue - 1, int.MinValue, int.MinValue + 1,
                1073741824, 1073741823, 1073741825, -1073741824, -1073741823, -1073741825,
                65535, 65536, -65536, -65537, 123456789, -987654321, 1, -1, 0, 127, -128,
            };
        }

        // round(value / 2^shift), ties away from zero: truncating long division, then one step away
        // from zero when twice the remainder's magnitude reaches the divisor.
        internal static long ReferenceRoundShift(long value, int shift)
        {
            long divisor = 1L << shift;
            long quotient = value / divisor;
            long remainder = value % divisor;
            long twiceRemainder = remainder < 0 ? -2 * remainder : 2 * remainder;
            if (twiceRemainder >= divisor)
            {
                quotient += value < 0 ? -1 : 1;
            }

            return quotient;
        }

        // value * 2^left clamped to the int range, for left up to 32 (|int| * 2^32 fits a long).
        internal static int ReferenceShiftLeft(long value, int left)
        {
            long product = value * (1L << left);
            if (product > int.MaxValue)
            {
                return int.MaxValue;
            }

            if (product < int.MinValue)
            {
                return int.MinValue;
            }

            return (int)product;
        }
    }
}
