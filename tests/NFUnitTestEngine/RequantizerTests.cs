// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Random;
using TinTin.Scaling;

namespace NFUnitTest
{
    // Requantizer against brute force: every factor 3^(u+d) / 2^t with u, d in 0..2 and every total
    // shift t, each result rounded by long division with an explicit remainder. Choose must reach the
    // largest result <= 127 (with the fewest factors on ties), Apply must round halves away from zero,
    // and OutputScale must keep real values within half an output step.
    [TestClass]
    public class RequantizerTests
    {
        [TestMethod]
        public void ChooseReachesTheLargestResultNotAbove127()
        {
            // 1..600 exhaustively, then values spread up to int.MaxValue.
            for (int maxAbs = 1; maxAbs <= 600; maxAbs++)
            {
                CheckChoice(maxAbs);
            }

            Xorshift32 random = new Xorshift32(77u);
            for (int i = 0; i < 200; i++)
            {
                int bits = 10 + (i % 22);
                int maxAbs = ReferenceArithmetic.RandomBits(random, bits) | (1 << (bits - 1));
                CheckChoice(maxAbs);
            }

            CheckChoice(int.MaxValue);
        }

        [TestMethod]
        [DataRow(1, 64, 108)]          // 1 * 2^6; 1 * 27 * 4 (u = 2 d = 1)
        [DataRow(127, 127, 127)]
        [DataRow(128, 64, 108)]        // 128 / 2; 128 * 27 / 32
        [DataRow(255, 64, 108)]        // 255 / 4 = 63.75 -> 64; 255 * 27 / 64 = 107.6 -> 108 beats 3/8 (95.6) 9/32 (71.7) 81/256 (80.7)
        [DataRow(100, 100, 127)]       // 100 * 81 / 64 = 126.56 -> 127 (u = 2 d = 2)
        public void ChoosesTheHandCheckedResults(int maxAbs, int niti, int tinTin)
        {
            RescaleStep step = default(RescaleStep);
            Requantizer.Choose(maxAbs, false, ref step);
            Assert.AreEqual(niti, step.ResultMaxAbs, "niti");
            Requantizer.Choose(maxAbs, true, ref step);
            Assert.AreEqual(tinTin, step.ResultMaxAbs, "tin-tin");
        }

        [TestMethod]
        public void ZeroNeedsNoStep()
        {
            RescaleStep step = default(RescaleStep);
            step.Shift = 5;
            step.Up = 1;
            Requantizer.Choose(0, true, ref step);
            Assert.AreEqual(0, step.Shift, "shift");
            Assert.AreEqual(0, step.Up, "up");
            Assert.AreEqual(0, step.Down, "down");
            Assert.AreEqual(0, step.ResultMaxAbs, "result");
            sbyte[] destination = MaxPool2DTests.Filled(3, 9);
            Requantizer.Apply(new int[] { 0, 0, 0 }, 0, destination, 0, 3, step);
            CollectionAssert.AreEqual(new sbyte[] { 0, 0, 0 }, destination, "zeros");
        }

        [TestMethod]
        public void UpscalesSmallValuesExactly()
        {
            // max 1: Tin-Tin picks 27 * 2^2 = 108 (1.5^2 * 0.75 * 2^6); every value is multiplied exactly.
            RescaleStep step = default(RescaleStep);
            Requantizer.Choose(1, true, ref step);
            Assert.AreEqual(2, step.Up, "up");
            Assert.AreEqual(1, step.Down, "down");
            Assert.AreEqual(-6, step.Shift, "shift");
            sbyte[] destination = new sbyte[3];
            Requantizer.Apply(new int[] { 1, -1, 0 }, 0, destination, 0, 3, step);
            CollectionAssert.AreEqual(new sbyte[] { 108, -108, 0 }, destination, "upscaled");

            for (int maxAbs = 1; maxAbs <= 127; maxAbs++)
            {
                for (int c = 0; c < 2; c++)
                {
                    Requantizer.Choose(maxAbs, c == 1, ref step);
                    int total = step.Shift + step.Up + 2 * step.Down;
                    if (total > 0)
                    {
                        continue; // a downscale (only possible in Tin-Tin mode, e.g. 127 * 27 / 32)
                    }

                    int[] acc = new int[] { maxAbs, -maxAbs, maxAbs / 2, -(maxAbs / 3) };
                    destination = new sbyte[4];
                    Requantizer.Apply(acc, 0, destination, 0, 4, step);
                    for (int i = 0; i < 4; i++)
                    {
                        long exact = acc[i] * ReferenceArithmetic.Power(3, step.Up + step.Down) * ReferenceArithmetic.Power(2, -total);
                        Assert.AreEqual(exact, (long)destination[i], "exact upscale of " + acc[i].ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void ApplyRoundsHalvesAwayFromZero()
        {
            // Factor 1/2: 2.5 -> 3, -2.5 -> -3, 1.5 -> 2, -1.5 -> -2, 0.5 -> 1, -0.5 -> -1.
            RescaleStep half = default(RescaleStep);
            half.Shift = 1;
            sbyte[] destination = new sbyte[8];
            Requantizer.Apply(new int[] { 5, -5, 3, -3, 1, -1, 2, -2 }, 0, destination, 0, 8, half);
            CollectionAssert.AreEqual(new sbyte[] { 3, -3, 2, -2, 1, -1, 1, -1 }, destination, "factor 1/2");

            // Factor 1.5 * 2^-1 = 3/4 (u = 1 s = 0 d = 0 is 1.5; shift 1 more): 10 * 3/4 = 7.5 -> 8; -10 -> -8; -2 * 3/4 = -1.5 -> -2.
            RescaleStep compound = default(RescaleStep);
            compound.Up = 1;
            compound.Shift = 1;
            Requantizer.Apply(new int[] { 10, -10, -2, 2, -1 }, 0, destination, 0, 5, compound);
            Assert.AreEqual((sbyte)8, destination[0], "7.5");
            Assert.AreEqual((sbyte)-8, destination[1], "-7.5");
            Assert.AreEqual((sbyte)-2, destination[2], "-1.5");
            Assert.AreEqual((sbyte)2, destination[3], "1.5");
            Assert.AreEqual((sbyte)-1, destination[4], "-0.75");

            // Offsets: only the requested slice is written.
            sbyte[] slice = MaxPool2DTests.Filled(5, 55);
            Requantizer.Apply(new int[] { 99, 6, -6, 99 }, 1, slice, 2, 2, half);
            CollectionAssert.AreEqual(new sbyte[] { 55, 55, 3, -3, 55 }, slice, "slice");
        }

        [TestMethod]
        public void ApplyMatchesLongDivisionOnRandomTensors()
        {
            Xorshift32 random = new Xorshift32(4242u);
            int[] acc = new int[16];
            sbyte[] destination = new sbyte[16];
            RescaleStep step = default(RescaleStep);
            for (int round = 0; round < 400; round++)
            {
                int bits = 1 + (round % 31);
                int max = 0;
                for (int i = 0; i < acc.Length; i++)
                {
                    int v = ReferenceArithmetic.RandomBits(random, bits) - (bits > 1 ? 1 << (bits - 2) : 0);
                    acc[i] = (round & 1) == 0 ? v : -v;
                    int a = acc[i] < 0 ? -acc[i] : acc[i];
                    max = a > max ? a : max;
                }

                Requantizer.Choose(max, (round % 3) != 0, ref step);
                Requantizer.Apply(acc, 0, destination, 0, acc.Length, step);
                long multiplier = ReferenceArithmetic.Power(3, step.Up + step.Down);
                int total = step.Shift + step.Up + 2 * step.Down;
                int largest = 0;
                for (int i = 0; i < acc.Length; i++)
                {
                    long expected = total >= 0
                        ? ReferenceArithmetic.RoundHalfAway(acc[i] * multiplier, ReferenceArithmetic.Power(2, total))
                        : acc[i] * multiplier * ReferenceArithmetic.Power(2, -total);
                    Assert.AreEqual(expected, (long)destination[i], "acc " + acc[i].ToString());
                    int a = destination[i] < 0 ? -destination[i] : destination[i];
                    largest = a > largest ? a : largest;
                }

                Assert.IsTrue(largest <= 127, "never above 127");
                Assert.AreEqual(step.ResultMaxAbs, largest, "ResultMaxAbs is the largest magnitude");
            }
        }

        [TestMethod]
        public void ApplyIsExactAtTheLargestMagnitudeOfEveryBitLength()
        {
            // The largest |acc| of each bit length, with and without compound factors: Choose puts it at the
            // top of the int8 range, where Apply's int path (shifts up to 24) has the least headroom.
            int[] acc = new int[6];
            sbyte[] destination = new sbyte[6];
            RescaleStep step = default(RescaleStep);
            for (int bits = 8; bits <= 31; bits++)
            {
                int max = bits == 31 ? int.MaxValue : (1 << bits) - 1;
                for (int compound = 0; compound < 2; compound++)
                {
                    acc[0] = max;
                    acc[1] = -max;
                    acc[2] = max - 1;
                    acc[3] = -(max >> 1);
                    acc[4] = (max >> 7) + 1;
                    acc[5] = -((max >> 8) | 1);
                    Requantizer.Choose(max, compound == 1, ref step);
                    Requantizer.Apply(acc, 0, destination, 0, acc.Length, step);
                    long multiplier = ReferenceArithmetic.Power(3, step.Up + step.Down);
                    int total = step.Shift + step.Up + 2 * step.Down;
                    for (int i = 0; i < acc.Length; i++)
                    {
                        long expected = ReferenceArithmetic.RoundHalfAway(acc[i] * multiplier, ReferenceArithmetic.Power(2, total));
                        Assert.AreEqual(expected, (long)destination[i], "bits " + bits.ToString() + " acc " + acc[i].ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void OutputScaleKeepsRealValuesWithinHalfAStep()
        {
            // acc * scale_in and q * scale_out differ by at most scale_out / 2, checked exactly as rationals.
            Xorshift32 random = new Xorshift32(99u);
            int[] acc = new int[8];
            sbyte[] q = new sbyte[8];
            RescaleStep step = default(RescaleStep);
            for (int round = 0; round < 300; round++)
            {
                Scale input = new Scale(random.NextInt(26) - 20, random.NextInt(4), random.NextInt(4));
                int bits = 1 + random.NextInt(28);
                int max = 0;
                for (int i = 0; i < acc.Length; i++)
                {
                    acc[i] = ReferenceArithmetic.RandomBits(random, bits) * (random.NextInt(2) == 0 ? -1 : 1);
                    int a = acc[i] < 0 ? -acc[i] : acc[i];
                    max = a > max ? a : max;
                }

                Requantizer.Choose(max, (round & 1) == 0, ref step);
                Requantizer.Apply(acc, 0, q, 0, acc.Length, step);
                Scale output = Requantizer.OutputScale(input, step);
                for (int i = 0; i < acc.Length; i++)
                {
                    Assert.IsTrue(ReferenceArithmetic.WithinHalfStep(acc[i], input, q[i], output), "acc " + acc[i].ToString() + " scale " + input.ToString());
                }
            }
        }

        // Brute force over u, d in 0..2 and every total shift t: the best result <= 127, compared with Choose.
        private static void CheckChoice(int maxAbs)
        {
            for (int c = 0; c < 2; c++)
            {
                bool compound = c == 1;
                int best = 0;
                int bestFactors = 99;
                for (int u = 0; u <= (compound ? 2 : 0); u++)
                {
                    for (int d = 0; d <= (compound ? 2 : 0); d++)
                    {
                        long value = maxAbs * ReferenceArithmetic.Power(3, u + d);
                        // Results only shrink as t grows: the first t with a result <= 127 is this factor's best.
                        for (int t = -8; t <= 40; t++)
                        {
                            long result = t >= 0 ? ReferenceArithmetic.RoundHalfAway(value, 1L << t) : value << -t;
                            if (result <= 127)
                            {
                                if (result > best || (result == best && u + d < bestFactors))
                                {
                                    best = (int)result;
                                    bestFactors = u + d;
                                }

                                break;
                            }
                        }
                    }
                }

                RescaleStep step = default(RescaleStep);
                Requantizer.Choose(maxAbs, compound, ref step);
                string what = "max " + maxAbs.ToString() + (compound ? " compound" : " niti");
                Assert.AreEqual(best, step.ResultMaxAbs, what);
                Assert.AreEqual(bestFactors, step.Up + step.Down, what + " factors");
                if (!compound)
                {
                    Assert.AreEqual(0, step.Up + step.Down, what + " power of two");
                }

                // The step itself yields that result.
                int total = step.Shift + step.Up + 2 * step.Down;
                long own = maxAbs * ReferenceArithmetic.Power(3, step.Up + step.Down);
                own = total >= 0 ? ReferenceArithmetic.RoundHalfAway(own, 1L << total) : own << -total;
                Assert.AreEqual((long)best, own, what + " own result");
                Assert.IsTrue(step.ResultMaxAbs >= (compound ? 107 : 64), what + " range use");
            }
        }

        // Align against the fraction it stands for, on every int8 value the first step leaves, for steps chosen for row
        // maxima 1..2^30 (powers of 2 and 3 and their neighbours) aligned to the steps of every larger
        // maximum among them: q * (3^pt / 2^tt) / (3^pf / 2^tf), rounded half away from zero by long
        // division with an explicit remainder, clamped to 127; also the largest magnitude it returns.
        [TestMethod]
        [DataRow(true)]
        [DataRow(false)]
        public void AlignRoundsTheExactRatio(bool compound)
        {
            int[] maxima = new int[] { 1, 2, 3, 5, 64, 85, 100, 127, 128, 200, 255, 1000, 4095, 4097, 65535, 100000, 1 << 20, 3000000, 1 << 30 };
            sbyte[] values = new sbyte[255];
            for (int f = 0; f < maxima.Length; f++)
            {
                RescaleStep from = default(RescaleStep);
                Requantizer.Choose(maxima[f], compound, ref from);
                for (int t = f; t < maxima.Length; t++)
                {
                    RescaleStep to = default(RescaleStep);
                    Requantizer.Choose(maxima[t], compound, ref to);
                    // Every value Apply can have left with this step: |q| up to from.ResultMaxAbs.
                    int limit = from.ResultMaxAbs;
                    for (int q = -127; q <= 127; q++)
                    {
                        values[q + 127] = (sbyte)(q > limit ? limit : (q < -limit ? -limit : q));
                    }

                    int max = Requantizer.Align(values, 0, values.Length, from, to);
                    int expectedMax = 0;
                    for (int q = -127; q <= 127; q++)
                    {
                        long expected = AlignedByFraction(q > limit ? limit : (q < -limit ? -limit : q), from, to);
                        Assert.AreEqual(expected, (long)values[q + 127], "q " + q.ToString() + " from max " + maxima[f].ToString() + " to max " + maxima[t].ToString());
                        int magnitude = (int)(expected < 0 ? -expected : expected);
                        expectedMax = magnitude > expectedMax ? magnitude : expectedMax;
                    }

                    Assert.AreEqual(expectedMax, max, "largest magnitude");
                }
            }
        }

        private static long AlignedByFraction(int q, RescaleStep from, RescaleStep to)
        {
            // value / 2^tf * 3^pf -> value / 2^tt * 3^pt: q * 3^pt * 2^tf / (3^pf * 2^tt), as one fraction.
            long numerator = Power(3, to.Up + to.Down);
            long denominator = Power(3, from.Up + from.Down);
            int tf = from.Shift + from.Up + 2 * from.Down;
            int tt = to.Shift + to.Up + 2 * to.Down;
            int exponent = tf - tt;
            if (exponent >= 0)
            {
                numerator <<= exponent > 30 ? 30 : exponent;
            }
            else if (-exponent > 40)
            {
                return 0; // 127 * 81 / 2^40 rounds to 0
            }
            else
            {
                denominator <<= -exponent;
            }

            long magnitude = q < 0 ? -q : q;
            long product = magnitude * numerator;
            long quotient = product / denominator;
            long remainder = product - (quotient * denominator);
            if (2 * remainder >= denominator)
            {
                quotient++;
            }

            quotient = quotient > 127 ? 127 : quotient;
            return q < 0 ? -quotient : quotient;
        }

        private static long Power(long b, int e)
        {
            long p = 1;
            for (int i = 0; i < e; i++)
            {
                p *= b;
            }

            return p;
        }
    }
}
