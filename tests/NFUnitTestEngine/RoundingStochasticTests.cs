// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Numerics;
using TinTin.Random;

namespace NFUnitTest
{
    // Rounding.RoundShiftRightStochastic. Unbiasedness is checked exactly, not by sampling: for a shift s
    // the result depends only on the low s random bits, so summing the result over all 2^s patterns
    // gives 2^s times its expected value, which must equal value * 2^s / 2^s = value.
    [TestClass]
    public class RoundingStochasticTests
    {
        [TestMethod]
        public void MeanIsExactOverAllRandomPatternsForSmallValues()
        {
            // 601 values x (2 + 4 + ... + 256) patterns = about 306,000 calls.
            for (int shift = 1; shift <= 8; shift++)
            {
                uint patterns = 1u << shift;
                for (int value = -300; value <= 300; value++)
                {
                    long sum = 0;
                    for (uint r = 0; r < patterns; r++)
                    {
                        sum += Rounding.RoundShiftRightStochastic(value, shift, r);
                    }

                    if (sum != value)
                    {
                        Assert.AreEqual((long)value, sum, "sum for value " + value.ToString() + " shift " + shift.ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void MeanIsExactOverAllRandomPatternsForLargeValues()
        {
            int[] values = RoundingTests.LargeValues();
            for (int shift = 1; shift <= 10; shift++)
            {
                uint patterns = 1u << shift;
                for (int i = 0; i < values.Length; i++)
                {
                    int value = values[i];
                    long sum = 0;
                    for (uint r = 0; r < patterns; r++)
                    {
                        sum += Rounding.RoundShiftRightStochastic(value, shift, r);
                    }

                    Assert.AreEqual((long)value, sum, "sum for value " + value.ToString() + " shift " + shift.ToString());
                }
            }
        }

        [TestMethod]
        public void ResultIsAlwaysOneOfTheTwoNeighbours()
        {
            // floor and ceiling of value / 2^shift, from long arithmetic (>> on long floors).
            Xorshift32 rng = new Xorshift32(7u);
            for (int shift = 1; shift <= 12; shift++)
            {
                for (int value = -2000; value <= 2000; value += 7)
                {
                    long floor = (long)value >> shift;
                    long ceiling = ((long)value + (1L << shift) - 1) >> shift;
                    int result = Rounding.RoundShiftRightStochastic(value, shift, rng.NextUInt());
                    if (result != floor && result != ceiling)
                    {
                        Assert.AreEqual(floor, (long)result, "value " + value.ToString() + " shift " + shift.ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void RoundUpSetIsExactlyTheLowFractionForLargeShifts()
        {
            // For shifts too wide to enumerate: the magnitude rounds up exactly when the low random bits
            // are below the discarded fraction f, i.e. for f of the 2^shift patterns. Check both sides of
            // the threshold, both ends of the pattern range, and that higher random bits are ignored.
            int[] values = RoundingTests.LargeValues();
            for (int shift = 9; shift <= 31; shift++)
            {
                uint mask = (1u << shift) - 1u;
                uint high = ~mask;
                for (int i = 0; i < values.Length; i++)
                {
                    int value = values[i];
                    uint magnitude = value < 0 ? (uint)(-(long)value) : (uint)value;
                    uint fraction = magnitude & mask;
                    long sign = value < 0 ? -1 : 1;
                    long down = sign * (magnitude >> shift);
                    long up = down + sign;
                    string where = "value " + value.ToString() + " shift " + shift.ToString();

                    Assert.AreEqual(down, (long)Rounding.RoundShiftRightStochastic(value, shift, mask), "all ones " + where);
                    Assert.AreEqual(down, (long)Rounding.RoundShiftRightStochastic(value, shift, fraction), "at f " + where);
                    Assert.AreEqual(down, (long)Rounding.RoundShiftRightStochastic(value, shift, fraction | high), "at f with high bits " + where);
                    if (fraction > 0)
                    {
                        Assert.AreEqual(up, (long)Rounding.RoundShiftRightStochastic(value, shift, fraction - 1u), "below f " + where);
                        Assert.AreEqual(up, (long)Rounding.RoundShiftRightStochastic(value, shift, 0u), "zero bits " + where);
                        Assert.AreEqual(up, (long)Rounding.RoundShiftRightStochastic(value, shift, (fraction - 1u) | high), "below f with high bits " + where);
                    }
                    else
                    {
                        Assert.AreEqual(down, (long)Rounding.RoundShiftRightStochastic(value, shift, 0u), "exact quotient " + where);
                    }
                }
            }
        }

        [TestMethod]
        [DataRow(int.MinValue, 32, 0x7FFFFFFFu, -1)]     // -0.5: round up (away) for r < 2^31
        [DataRow(int.MinValue, 32, 0x80000000u, 0)]
        [DataRow(1, 32, 0u, 1)]                          // 2^-32: only r = 0 rounds up
        [DataRow(1, 32, 1u, 0)]
        [DataRow(int.MaxValue, 32, 0x7FFFFFFEu, 1)]
        [DataRow(int.MaxValue, 32, 0x7FFFFFFFu, 0)]
        [DataRow(int.MinValue, 33, 0x3FFFFFFFu, -1)]     // -0.25: threshold 2^30
        [DataRow(int.MinValue, 33, 0x40000000u, 0)]
        [DataRow(int.MinValue, 63, 0u, -1)]              // 2^-32: threshold 1
        [DataRow(int.MinValue, 63, 1u, 0)]
        [DataRow(int.MinValue, 64, 0u, 0)]
        [DataRow(int.MaxValue, int.MaxValue, 0u, 0)]
        public void HandlesShiftsOfThirtyTwoAndMore(int value, int shift, uint randomBits, int expected)
        {
            Assert.AreEqual(expected, Rounding.RoundShiftRightStochastic(value, shift, randomBits), "RoundShiftRightStochastic");
        }

        [TestMethod]
        [DataRow(-5, 0, 0xFFFFFFFFu, -5)]
        [DataRow(int.MinValue, 0, 0u, int.MinValue)]
        [DataRow(3, -2, 0xFFFFFFFFu, 12)]
        [DataRow(-3, -2, 0u, -12)]
        [DataRow(1, -31, 0u, int.MaxValue)]
        [DataRow(-1, -31, 0u, int.MinValue)]
        [DataRow(7, int.MinValue, 0u, int.MaxValue)]
        public void ShiftZeroAndNegativeShiftsUseNoRandomBits(int value, int shift, uint randomBits, int expected)
        {
            Assert.AreEqual(expected, Rounding.RoundShiftRightStochastic(value, shift, randomBits), "RoundShiftRightStochastic");
        }

        [TestMethod]
        public void IsSignSymmetricForTheSameRandomBits()
        {
            Xorshift32 rng = new Xorshift32(99u);
            for (int shift = 1; shift <= 20; shift++)
            {
                for (int value = 0; value <= 3000; value += 3)
                {
                    uint r = rng.NextUInt();
                    int positive = Rounding.RoundShiftRightStochastic(value, shift, r);
                    int negative = Rounding.RoundShiftRightStochastic(-value, shift, r);
                    if (negative != -positive)
                    {
                        Assert.AreEqual(-positive, negative, "value " + value.ToString() + " shift " + shift.ToString());
                    }
                }
            }
        }
    }
}
