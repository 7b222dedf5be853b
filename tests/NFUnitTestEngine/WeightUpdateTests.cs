// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Random;
using TinTin.Training;

namespace NFUnitTest
{
    // The weight update kernels against naive references: long arithmetic, floor division with an
    // explicit remainder, the random bits drawn from a separate Xorshift32 (the same stream the kernels
    // step inline), NITI's rounding written as a comparison of two fractions. Unbiasedness of the
    // stochastic rounding is checked exactly: the kernel is driven through every residue r of the low n
    // random bits (by starting from the state whose next output is r), and Hermite's identity
    // sum over r of floor((p + r) / 2^n) = p must hold for the applied updates.
    [TestClass]
    public class WeightUpdateTests
    {
        [TestMethod]
        [DataRow(0, 21)]
        [DataRow(5, 22)]
        [DataRow(20, 23)]
        [DataRow(32, 24)]
        [DataRow(40, 25)]                 // above 32: an exact floor pre-shift by 8, then 32 random bits
        [DataRow(62, 26)]
        public void TinTinGradientsMatchesReference(int shift, int seed)
        {
            Xorshift32 data = new Xorshift32((uint)seed);
            int count = 20;
            int[] g = new int[count + 2];
            for (int i = 0; i < g.Length; i++)
            {
                g[i] = data.NextInt() >> data.NextInt(31);
            }

            g[2] = int.MinValue;
            g[3] = int.MaxValue;
            int mantissa = 16384 + data.NextInt(16384);
            sbyte[] w = ReferenceArithmetic.RandomInt8(data, count, 127);
            sbyte[] expected = ReferenceArithmetic.Copy(w);
            uint state = (uint)seed;

            Xorshift32 stream = new Xorshift32(state);
            int expectedClamped = 0;
            for (int i = 0; i < count; i++)
            {
                uint r = stream.NextUInt();
                long p = (long)g[2 + i] * mantissa;
                long delta = shift <= 32
                    ? ReferenceArithmetic.FloorDivide(p + (long)(r % (1UL << shift)), 1L << shift)
                    : ReferenceArithmetic.FloorDivide(ReferenceArithmetic.FloorDivide(p, 1L << (shift - 32)) + r, 1L << 32);
                expected[i] = ReferenceArithmetic.ClampInt8(expected[i] - delta, ref expectedClamped);
            }

            int clamped = WeightUpdate.TinTinGradients(w, 0, g, 2, count, mantissa, shift, ref state);
            CollectionAssert.AreEqual(expected, w, "weights");
            Assert.AreEqual(expectedClamped, clamped, "clamped");
            Assert.AreEqual(stream.State, state, "random state");
        }

        [TestMethod]
        public void StochasticRoundingIsExactlyUnbiasedOverAllResidues()
        {
            // For each n, the states whose next output has low bits r = 0 .. 2^n - 1 (high bit set: never 0).
            for (int n = 1; n <= 6; n++)
            {
                int residues = 1 << n;
                uint[] states = new uint[residues];
                for (int r = 0; r < residues; r++)
                {
                    states[r] = ReferenceArithmetic.InverseXorshift(0x80000000u | (uint)r);
                    Assert.AreEqual(0x80000000u | (uint)r, Xorshift32.Step(states[r]), "inverse step");
                }

                sbyte[] w = new sbyte[1];
                int[] g = new int[1];
                for (int error = -3; error <= 2; error += 1)
                {
                    for (int input = -63; input <= 63; input += 2)
                    {
                        // |p| <= 190, so every update is at most 95 in magnitude: no clamping from 0.
                        g[0] = error * input + 1;
                        long gradientSum = 0;
                        for (int r = 0; r < residues; r++)
                        {
                            uint state = states[r];
                            w[0] = 0;
                            WeightUpdate.TinTinGradients(w, 0, g, 0, 1, 1, n, ref state);
                            gradientSum -= w[0];
                        }

                        Assert.AreEqual((long)g[0], gradientSum, "gradient mean times 2^n");
                    }
                }
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(9)]
        [DataRow(20)]
        [DataRow(30)]
        public void NitiGradientsMatchesReference(int shift)
        {
            Xorshift32 data = new Xorshift32((uint)(shift + 77));
            int[] g = new int[50];
            for (int i = 0; i < g.Length; i++)
            {
                g[i] = data.NextInt() >> data.NextInt(31);
            }

            // The extremes within the kernel's contract: the update itself (g >> shift) must fit w - update in an int.
            g[0] = shift == 0 ? int.MaxValue >> 1 : int.MaxValue;
            g[1] = -g[0];
            sbyte[] w = ReferenceArithmetic.RandomInt8(data, 50, 127);
            sbyte[] expected = ReferenceArithmetic.Copy(w);
            int expectedClamped = 0;
            for (int i = 0; i < 50; i++)
            {
                expected[i] = ReferenceArithmetic.ClampInt8(expected[i] - ReferenceArithmetic.NitiRound(g[i], shift), ref expectedClamped);
            }

            int clamped = WeightUpdate.NitiGradients(w, 0, g, 0, 50, shift);
            CollectionAssert.AreEqual(expected, w, "weights");
            Assert.AreEqual(expectedClamped, clamped, "clamped");
        }

        [TestMethod]
        public void NitiRoundingOnHandCheckedValues()
        {
            // shift 4 splits the 4 discarded bits into probability (upper 2) and random (lower 2):
            // 0b1_0110 = 22: q 1, probability 01, random 10: 2 >= 1 so no round up -> 1.
            // 0b1_1001 = 25: probability 10, random 01: 1 < 2 -> 2. Signs are symmetric: -25 -> -2.
            sbyte[] w = new sbyte[4];
            WeightUpdate.NitiGradients(w, 0, new int[] { 22, 25, -25, -22 }, 0, 4, 4);
            CollectionAssert.AreEqual(new sbyte[] { -1, -2, 2, 1 }, w, "w -= update");
        }

        [TestMethod]
        [DataRow(3, 16384, 1)]            // exact: the products are multiples of 2^14
        [DataRow(-3, 16384, 15)]          // e * x / 2: every odd product is a tie (-2.5 -> -3)
        [DataRow(7, 20001, 12)]
        [DataRow(-127, 32767, 20)]
        [DataRow(5, 16384, 0)]
        [DataRow(-2, 16384, -3)]          // left shift
        [DataRow(127, 32767, -31)]        // the largest left shift Dense passes: saturates
        public void AccumulateRowMatchesReference(int error, int mantissa, int shift)
        {
            Xorshift32 data = new Xorshift32((uint)(mantissa + shift + 50));
            sbyte[] x = ReferenceArithmetic.RandomInt8(data, 32, 127);
            x[0] = 1;
            x[1] = -1;
            int[] acc = new int[33];
            for (int i = 0; i < acc.Length; i++)
            {
                acc[i] = data.NextInt() >> 8;
            }

            acc[1] = int.MaxValue - 3;
            acc[2] = -int.MaxValue + 3;
            int[] expected = new int[33];
            System.Array.Copy(acc, expected, 33);
            int expectedSaturated = 0;
            for (int i = 0; i < 32; i++)
            {
                long p = (long)error * mantissa * x[i];
                long step = shift >= 0 ? ReferenceArithmetic.RoundHalfAway(p, 1L << shift) : p * (1L << -shift);
                expected[1 + i] = SaturateInt(expected[1 + i] + step, ref expectedSaturated);
            }

            int saturated = WeightUpdate.AccumulateRow(acc, 1, error, x, 32, mantissa, shift);
            CollectionAssert.AreEqual(expected, acc, "accumulators");
            Assert.AreEqual(expectedSaturated, saturated, "saturated");
        }

        [TestMethod]
        [DataRow(16384, 1)]
        [DataRow(16384, 3)]
        [DataRow(25000, 14)]
        [DataRow(32767, 30)]
        [DataRow(16384, 0)]
        [DataRow(30000, -17)]             // the largest left shift the convolutions pass
        public void AccumulateGradientsMatchesReference(int mantissa, int shift)
        {
            Xorshift32 data = new Xorshift32((uint)(mantissa - shift));
            int[] g = new int[30];
            for (int i = 0; i < g.Length; i++)
            {
                g[i] = data.NextInt() >> data.NextInt(31);
            }

            g[0] = -1;
            g[1] = 1;
            g[2] = -3;
            g[3] = int.MinValue;
            int[] acc = new int[30];
            for (int i = 0; i < acc.Length; i++)
            {
                acc[i] = data.NextInt() >> 4;
            }

            int[] expected = new int[30];
            System.Array.Copy(acc, expected, 30);
            int expectedSaturated = 0;
            for (int i = 0; i < 30; i++)
            {
                long p = (long)g[i] * mantissa;
                long step = shift >= 0 ? ReferenceArithmetic.RoundHalfAway(p, 1L << shift) : p * (1L << -shift);
                expected[i] = SaturateInt(expected[i] + step, ref expectedSaturated);
            }

            int saturated = WeightUpdate.AccumulateGradients(acc, 0, g, 0, 30, mantissa, shift);
            CollectionAssert.AreEqual(expected, acc, "accumulators");
            Assert.AreEqual(expectedSaturated, saturated, "saturated");
        }

        [TestMethod]
        public void AccumulateSaturatesInsteadOfWrappingForHugeMultipliers()
        {
            // g * mantissa up to 2^46 shifted left by 20 would overflow a long; it must saturate instead.
            int[] g = new int[] { int.MaxValue, -int.MaxValue, 1, -1, 0 };
            int[] acc = new int[5];
            int saturated = WeightUpdate.AccumulateGradients(acc, 0, g, 0, 5, 32767, -20);
            Assert.AreEqual(4, saturated, "four nonzero gradients saturate");
            Assert.AreEqual(int.MaxValue, acc[0], "positive");
            Assert.AreEqual(-int.MaxValue, acc[1], "negative");
            Assert.AreEqual(int.MaxValue, acc[2], "1 * 32767 * 2^20 is above 2^31");
            Assert.AreEqual(-int.MaxValue, acc[3], "mirror");
            Assert.AreEqual(0, acc[4], "zero stays zero");

            // A small product at a large left shift is exact, not saturated: 1 * 16384 * 2^17 = 2^31 saturates; 2^30 does not.
            int[] one = new int[] { 1 };
            int[] small = new int[1];
            Assert.AreEqual(0, WeightUpdate.AccumulateGradients(small, 0, one, 0, 1, 16384, -16), "no saturation");
            Assert.AreEqual(1 << 30, small[0], "2^14 * 2^16");
        }

        [TestMethod]
        public void AccumulateIgnoresContributionsBelowAnyBit()
        {
            int[] acc = new int[] { 5, -5 };
            sbyte[] x = new sbyte[] { 127, -127 };
            Assert.AreEqual(0, WeightUpdate.AccumulateRow(acc, 0, 127, x, 2, 32767, 63), "row");
            Assert.AreEqual(0, WeightUpdate.AccumulateGradients(acc, 0, new int[] { int.MaxValue, -int.MaxValue }, 0, 2, 32767, 70), "gradients");
            Assert.AreEqual(5, acc[0], "unchanged");
            Assert.AreEqual(-5, acc[1], "unchanged");
        }

        [TestMethod]
        public void AccumulateRoundsNegativeHalvesAwayFromZero()
        {
            // e * x * mantissa = -5 * 1 * 1 at shift 1 is -2.5 -> -3; +2.5 -> 3; -1.5 -> -2; -0.5 -> -1.
            int[] acc = new int[4];
            WeightUpdate.AccumulateRow(acc, 0, -5, new sbyte[] { 1, -1 }, 2, 1, 1);
            WeightUpdate.AccumulateGradients(acc, 2, new int[] { -3, -1 }, 0, 2, 1, 1);
            CollectionAssert.AreEqual(new int[] { -3, 3, -2, -1 }, acc, "rounded halves");
        }

        private static int SaturateInt(long v, ref int saturated)
        {
            if (v > int.MaxValue || v < -int.MaxValue)
            {
                saturated++;
                return v > 0 ? int.MaxValue : -int.MaxValue;
            }

            return (int)v;
        }
    }
}
