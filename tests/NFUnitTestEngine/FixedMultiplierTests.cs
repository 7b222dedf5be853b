// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Scaling;

namespace NFUnitTest
{
    // FixedMultiplier: Mantissa * 2^-RightShift for 2^p2 * 3^p3. Exact for 0 <= p3 <= 9 (3^9 < 2^15);
    // otherwise the mantissa must be the nearest 15-bit integer, checked with integer products only
    // (a two-word product where it would not fit a long).
    [TestClass]
    public class FixedMultiplierTests
    {
        [TestMethod]
        public void IsExactForPow3ZeroToNine()
        {
            for (int p3 = 0; p3 <= 9; p3++)
            {
                long power = ReferenceArithmetic.Power(3, p3);
                for (int p2 = -40; p2 <= 40; p2 += 3)
                {
                    FixedMultiplier m = FixedMultiplier.FromPowers(p2, p3);
                    AssertNormalised(m);

                    // M * 2^-R = 2^p2 * 3^p3  <=>  M * 2^t = 3^p3 with t = -R - p2.
                    int t = -m.RightShift - p2;
                    long left = t >= 0 ? (long)m.Mantissa << t : m.Mantissa;
                    long right = t >= 0 ? power : power << -t;
                    Assert.AreEqual(right, left, "p2 " + p2.ToString() + " p3 " + p3.ToString());
                }
            }
        }

        [TestMethod]
        public void IsNearestForPow3AboveNine()
        {
            for (int p3 = 10; p3 <= FixedMultiplier.MaxPow3; p3++)
            {
                long power = ReferenceArithmetic.Power(3, p3);
                for (int p2 = -5; p2 <= 5; p2 += 5)
                {
                    FixedMultiplier m = FixedMultiplier.FromPowers(p2, p3);
                    AssertNormalised(m);

                    // M * 2^t ~ 3^p3: |M * 2^t - 3^p3| <= 2^(t-1), i.e. no neighbour M +- 1 is closer.
                    int t = -m.RightShift - p2;
                    Assert.IsTrue(t > 0 && t < 48, "t for p3 " + p3.ToString());
                    long difference = ((long)m.Mantissa << t) - power;
                    long magnitude = difference < 0 ? -difference : difference;
                    Assert.IsTrue(magnitude <= (1L << (t - 1)), "nearest for p3 " + p3.ToString());
                }
            }
        }

        [TestMethod]
        public void IsNearestForNegativePow3()
        {
            for (int n = 1; n <= FixedMultiplier.MaxPow3; n++)
            {
                long power = ReferenceArithmetic.Power(3, n);
                for (int p2 = -12; p2 <= 12; p2 += 6)
                {
                    FixedMultiplier m = FixedMultiplier.FromPowers(p2, -n);
                    AssertNormalised(m);

                    // M * 2^-R ~ 2^p2 / 3^n  <=>  M * 3^n ~ 2^(R + p2): the distance is at most 3^n / 2.
                    int exponent = m.RightShift + p2;
                    Assert.IsTrue(IsNearest(m.Mantissa, power, exponent), "nearest for p3 -" + n.ToString() + " p2 " + p2.ToString());
                }
            }
        }

        [TestMethod]
        public void RatioOfTwoScales()
        {
            // (2^-3 * 1.5) / 2^-5 = 6; 0.75 / 1.5 = 1/2; x / x = 1.
            AssertValue(6, 1, FixedMultiplier.Ratio(new Scale(-3, 1, 0), Scale.PowerOfTwo(-5)), "6");
            AssertValue(1, 2, FixedMultiplier.Ratio(new Scale(0, 0, 1), new Scale(0, 1, 0)), "1/2");
            AssertValue(1, 1, FixedMultiplier.Ratio(new Scale(-9, 2, 3), new Scale(-9, 2, 3)), "1");
            AssertValue(9, 64, FixedMultiplier.Ratio(new Scale(0, 0, 2), Scale.PowerOfTwo(2)), "9/64");
        }

        [TestMethod]
        public void PowersBeyondOneStepAreProductsOfSteps()
        {
            // A tensor that keeps learning can drift to any power of three: no limit may be hit.
            for (int p3 = FixedMultiplier.MaxPow3 + 1; p3 <= 4 * FixedMultiplier.MaxPow3; p3 += 13)
            {
                FixedMultiplier up = FixedMultiplier.FromPowers(0, p3);
                FixedMultiplier down = FixedMultiplier.FromPowers(0, -p3);
                AssertNormalised(up);
                AssertNormalised(down);

                // 3^p * 3^-p = 1: M_up * M_down * 2^-(R_up + R_down) within 2^-11 of 1 (rounding of a few 15-bit steps).
                long product = (long)up.Mantissa * down.Mantissa;
                int shift = up.RightShift + down.RightShift;
                Assert.IsTrue(shift > 11 && shift < 62, "shift " + shift.ToString());
                long one = 1L << shift;
                long error = product > one ? product - one : one - product;
                Assert.IsTrue(error <= (one >> 11), "3^p * 3^-p for p " + p3.ToString());
            }
        }

        [TestMethod]
        public void MultiplyRoundsToFifteenBits()
        {
            // 3^20 * 3^19 = 3^39: the product of the two steps equals the direct value within one unit of 2^-14.
            FixedMultiplier product = FixedMultiplier.Multiply(FixedMultiplier.FromPowers(0, 20), FixedMultiplier.FromPowers(0, 19));
            FixedMultiplier direct = FixedMultiplier.FromPowers(0, 39);
            AssertNormalised(product);
            Assert.AreEqual(direct.RightShift, product.RightShift, "same exponent");
            int difference = product.Mantissa - direct.Mantissa;
            Assert.IsTrue(difference >= -2 && difference <= 2, "mantissa within two units");
        }

        private static void AssertNormalised(FixedMultiplier m)
        {
            Assert.IsTrue(m.Mantissa >= (1 << 14) && m.Mantissa < (1 << 15), "mantissa " + m.Mantissa.ToString());
        }

        // M * 2^-R == num / den exactly.
        private static void AssertValue(long num, long den, FixedMultiplier m, string what)
        {
            long left = m.Mantissa * den;
            long right = num;
            if (m.RightShift >= 0)
            {
                right <<= m.RightShift;
            }
            else
            {
                left <<= -m.RightShift;
            }

            Assert.AreEqual(right, left, what);
        }

        // |M * P - 2^N| < P / 2 for an odd P below 2^62 and M below 2^15. M * P may not fit a long, so both
        // sides are split at 2^32: M * P = high * 2^32 + low.
        private static bool IsNearest(long mantissa, long power, int exponent)
        {
            if (exponent < 0 || exponent > 94)
            {
                return false;
            }

            long product = mantissa * (power & 0xFFFFFFFFL);
            long high = mantissa * (power >> 32) + (product >> 32);
            long low = product & 0xFFFFFFFFL;
            long targetHigh = exponent >= 32 ? 1L << (exponent - 32) : 0;
            long targetLow = exponent >= 32 ? 0 : 1L << exponent;
            long highDifference = targetHigh - high;
            if (highDifference > (1L << 30) + 1 || highDifference < -(1L << 30) - 1)
            {
                return false; // |difference| >= 2^62 > P / 2
            }

            long difference = (highDifference << 32) + (targetLow - low);
            long magnitude = difference < 0 ? -difference : difference;
            return magnitude <= (power >> 1);
        }
    }
}
