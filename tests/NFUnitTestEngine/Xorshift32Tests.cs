// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Random;

namespace NFUnitTest
{
    // Xorshift32 against golden outputs that host and device must reproduce bit for bit.
    // The golden numbers were computed independently of the C# code, by this Python 3 script:
    //
    //   M = 0xFFFFFFFF
    //   def step(x): x ^= (x << 13) & M; x ^= x >> 17; x ^= (x << 5) & M; return x
    //   outputs(seed) = step(seed), step(step(seed)), ...      (seed 0 replaced by 0x9E3779B9)
    //   next_bits(c)  = step(x) >> (32 - c)
    //   next_int(n):  x = step(x); m = x * n
    //                 if m & M < n: t = (2**32 - n) % n; while m & M < t: x = step(x); m = x * n
    //                 return m >> 32
    [TestClass]
    public class Xorshift32Tests
    {
        [TestMethod]
        public void OutputsMatchGoldenForSeedOne()
        {
            AssertOutputs(1u, new uint[]
            {
                270369u, 67634689u, 2647435461u, 307599695u, 2398689233u, 745495504u,
                632435482u, 435756210u, 2005365029u, 2916098932u, 2657092299u, 1495045943u,
            });
        }

        [TestMethod]
        public void OutputsMatchGoldenForMarsagliaSeed()
        {
            // 2463534242 is the initial value in Marsaglia's xorshift paper (2003).
            AssertOutputs(2463534242u, new uint[]
            {
                723471715u, 2497366906u, 2064144800u, 2008045182u, 3532304609u, 374114282u,
                1350636274u, 691148861u, 746858951u, 2653896249u, 1156348781u, 3149294349u,
            });
        }

        [TestMethod]
        public void OutputsMatchGoldenForHighBitSeed()
        {
            AssertOutputs(0xDEADBEEFu, new uint[]
            {
                1199382711u, 2384302402u, 3129746520u, 4276113467u, 1745748808u, 2760751131u,
                1649732188u, 486387635u, 2289630710u, 1862841525u, 1247487802u, 4180835556u,
            });
        }

        [TestMethod]
        public void ZeroSeedUsesTheDocumentedConstant()
        {
            Assert.AreEqual(0x9E3779B9u, Xorshift32.ZeroSeedReplacement, "replacement constant");
            Xorshift32 rng = new Xorshift32(0u);
            Assert.AreEqual(Xorshift32.ZeroSeedReplacement, rng.State, "state after seed 0");

            // Golden outputs for seed 0x9E3779B9 (the same Python script).
            AssertOutputs(0u, new uint[]
            {
                1359758873u, 3761132862u, 2075758394u, 25405621u, 3862129951u, 4186559031u,
                3122997712u, 4244368831u, 2831543865u, 3042595768u, 445164014u, 4179142836u,
            });
        }

        [TestMethod]
        public void ZeroIsTheFixedPointOfTheStep()
        {
            // This is why a zero seed must be replaced: the raw step would output zeros forever.
            Assert.AreEqual(0u, Xorshift32.Step(0u), "Step of 0");
        }

        [TestMethod]
        public void StaticStepMatchesNextUInt()
        {
            Xorshift32 rng = new Xorshift32(0xDEADBEEFu);
            uint x = 0xDEADBEEFu;
            for (int i = 0; i < 1000; i++)
            {
                x = Xorshift32.Step(x);
                Assert.AreEqual(x, rng.NextUInt(), "output " + i.ToString());
                Assert.AreEqual(x, rng.State, "state " + i.ToString());
            }
        }

        [TestMethod]
        public void StateRoundTripsBitExactly()
        {
            Xorshift32 rng = new Xorshift32(12345u);
            for (int i = 0; i < 7; i++)
            {
                rng.NextUInt();
            }

            uint saved = rng.State;
            uint[] first = new uint[20];
            for (int i = 0; i < first.Length; i++)
            {
                first[i] = rng.NextUInt();
            }

            // Restore into the same generator.
            rng.State = saved;
            for (int i = 0; i < first.Length; i++)
            {
                Assert.AreEqual(first[i], rng.NextUInt(), "restored output " + i.ToString());
            }

            // Restore into a fresh generator seeded differently.
            Xorshift32 resumed = new Xorshift32(999u);
            resumed.State = saved;
            for (int i = 0; i < first.Length; i++)
            {
                Assert.AreEqual(first[i], resumed.NextUInt(), "resumed output " + i.ToString());
            }
        }

        [TestMethod]
        public void SettingStateZeroUsesTheDocumentedConstant()
        {
            Xorshift32 rng = new Xorshift32(5u);
            rng.State = 0u;
            Assert.AreEqual(Xorshift32.ZeroSeedReplacement, rng.State, "state after setting 0");
        }

        [TestMethod]
        public void NextBitsMatchesGoldenTopBits()
        {
            // Seed 42; next_bits(c) for c = 1 / 7 / 16 / 32 (Python script above).
            AssertBits(1, new uint[] { 0u, 1u, 0u, 1u, 1u, 0u, 1u, 1u });
            AssertBits(7, new uint[] { 0u, 84u, 14u, 108u, 112u, 42u, 110u, 72u });
            AssertBits(16, new uint[] { 173u, 43274u, 7271u, 55664u, 57372u, 21994u, 56663u, 37103u });
            AssertBits(32, new uint[]
            {
                11355432u, 2836018348u, 476557059u, 3648046016u, 3759983556u, 1441438134u, 3713466840u, 2431644334u,
            });
        }

        [TestMethod]
        public void NextBitsZeroReturnsZeroAndStillSteps()
        {
            Xorshift32 rng = new Xorshift32(42u);
            Assert.AreEqual(0u, rng.NextBits(0), "NextBits of 0");
            Assert.AreEqual(Xorshift32.Step(42u), rng.State, "one step taken");
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(33)]
        [DataRow(int.MinValue)]
        [DataRow(int.MaxValue)]
        public void NextBitsRejectsCountOutsideZeroToThirtyTwo(int count)
        {
            Xorshift32 rng = new Xorshift32(42u);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => rng.NextBits(count), "bad count");
        }

        [TestMethod]
        public void NextIntMatchesGoldenForSmallBounds()
        {
            AssertInts(12345u, 10, new int[] { 7, 3, 6, 4, 1, 7, 9, 8, 5, 5, 1, 1, 3, 0, 6, 3 }, 1295800828u);
            AssertInts(12345u, 1000, new int[] { 776, 395, 655, 455, 167, 764, 997, 857 }, 3680911160u);
        }

        [TestMethod]
        public void NextIntMatchesGoldenWhenDrawsAreRejected()
        {
            // Bound 0x60000000: 2^32 mod bound = 2^30, so a quarter of the draws are rejected. The Python
            // reference rejected 5 draws in these 16: the final state proves the same steps were consumed.
            AssertInts(777u, 0x60000000, new int[]
            {
                77199753, 377511285, 451872531, 1075443445, 934153852, 26391061, 1326070182, 879735612,
                420449076, 1487240443, 155347869, 545250293, 357241826, 991154009, 1273406977, 230108444,
            }, 613622518u);
        }

        [TestMethod]
        public void NextIntMatchesGoldenForLargestBound()
        {
            AssertInts(777u, int.MaxValue, new int[]
            {
                102933004, 503348380, 602496708, 235442523, 406910717, 1433924593,
            }, 2867849188u);
        }

        [TestMethod]
        public void SignedNextIntMatchesGoldenForHighBitSeed()
        {
            // The outputs of OutputsMatchGoldenForHighBitSeed read as signed 32-bit ints (x - 2^32 when x >= 2^31).
            int[] expected = new int[]
            {
                1199382711, -1910664894, -1165220776, -18853829, 1745748808, -1534216165,
                1649732188, 486387635, -2005336586, 1862841525, 1247487802, -114131740,
            };
            Xorshift32 rng = new Xorshift32(0xDEADBEEFu);
            for (int i = 0; i < expected.Length; i++)
            {
                // Widened straight from the call (no int local in between, which would hide an unsigned
                // tag on nanoCLR): a uint-tagged result would zero-extend to x instead of x - 2^32.
                Assert.AreEqual((long)expected[i], (long)rng.NextInt(), "signed output " + i.ToString());
            }

            Assert.AreEqual(4180835556u, rng.State, "one step per draw");
        }

        [TestMethod]
        public void SignedDrawsCoverBothSignsAfterShiftsAndWidening()
        {
            // Tests draw signed values as NextInt() >> k. Each operation is applied to the call's result
            // directly: on nanoCLR, (int)NextUInt() >> k shifted logically and was never negative.
            Xorshift32 rng = new Xorshift32(2024u);
            int negative = 0;
            int positive = 0;
            int negativeWide = 0;
            int negativeRemainder = 0;
            for (int i = 0; i < 200; i++)
            {
                int shifted = rng.NextInt() >> 9;
                Assert.IsTrue(shifted >= -(1 << 22) && shifted < (1 << 22), "NextInt() >> 9 within +-2^22");
                negative += shifted < 0 ? 1 : 0;
                positive += shifted > 0 ? 1 : 0;
                negativeWide += (long)rng.NextInt() < 0 ? 1 : 0;
                negativeRemainder += rng.NextInt() % 1000 < 0 ? 1 : 0;
            }

            // Each count is binomial(200, 1/2): below 60 with probability under 1e-8 (and fixed by the seed).
            Assert.IsTrue(negative >= 60, "negative shifted draws: " + negative.ToString());
            Assert.IsTrue(positive >= 60, "positive shifted draws: " + positive.ToString());
            Assert.IsTrue(negativeWide >= 60, "negative widened draws: " + negativeWide.ToString());
            Assert.IsTrue(negativeRemainder >= 60, "negative remainders: " + negativeRemainder.ToString());
        }

        [TestMethod]
        public void RandomBitsIsAPlainNonNegativeInt()
        {
            // ReferenceArithmetic.RandomBits: a draw's top bits as an int that stays signed in arithmetic
            // (subtracting makes it negative, and it then shifts and widens as a negative int).
            Xorshift32 rng = new Xorshift32(5u);
            int seenHigh = 0;
            for (int i = 0; i < 100; i++)
            {
                uint state = rng.State;
                int expected = (int)(Xorshift32.Step(state) >> 28);
                Assert.AreEqual(expected, ReferenceArithmetic.RandomBits(new Xorshift32(state), 4), "same bits as NextUInt() >> 28");
                Assert.AreEqual((long)expected - 16, (long)(ReferenceArithmetic.RandomBits(rng, 4) - 16), "widened after a subtraction");
                seenHigh += expected >= 8 ? 1 : 0;
            }

            Xorshift32 again = new Xorshift32(5u);
            Assert.AreEqual(-1, (ReferenceArithmetic.RandomBits(again, 31) - int.MaxValue - 1) >> 31, "shift after a subtraction");
            Assert.IsTrue(seenHigh > 0, "the top bit of the draw is reached");
        }

        [TestMethod]
        public void NextIntStaysInRangeAndReachesEveryValue()
        {
            Xorshift32 rng = new Xorshift32(2024u);
            int[] seen = new int[7];
            for (int i = 0; i < 700; i++)
            {
                int v = rng.NextInt(7);
                Assert.IsTrue(v >= 0 && v < 7, "draw in range");
                seen[v]++;
            }

            for (int v = 0; v < 7; v++)
            {
                Assert.IsTrue(seen[v] > 0, "value " + v.ToString() + " drawn");
            }
        }

        [TestMethod]
        public void NextIntOfOneIsAlwaysZero()
        {
            Xorshift32 rng = new Xorshift32(3u);
            for (int i = 0; i < 100; i++)
            {
                Assert.AreEqual(0, rng.NextInt(1), "NextInt of 1");
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        [DataRow(int.MinValue)]
        public void NextIntRejectsBoundBelowOne(int bound)
        {
            Xorshift32 rng = new Xorshift32(42u);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => rng.NextInt(bound), "bad bound");
        }

        private static void AssertOutputs(uint seed, uint[] expected)
        {
            Xorshift32 rng = new Xorshift32(seed);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], rng.NextUInt(), "output " + i.ToString());
            }
        }

        private static void AssertBits(int count, uint[] expected)
        {
            Xorshift32 rng = new Xorshift32(42u);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], rng.NextBits(count), "bits " + count.ToString() + " draw " + i.ToString());
            }
        }

        private static void AssertInts(uint seed, int bound, int[] expected, uint finalState)
        {
            Xorshift32 rng = new Xorshift32(seed);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], rng.NextInt(bound), "bound " + bound.ToString() + " draw " + i.ToString());
            }

            Assert.AreEqual(finalState, rng.State, "state after the draws");
        }
    }
}
