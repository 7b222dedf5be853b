// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Features;

namespace NFUnitTest
{
    /// <summary>
    /// <see cref="TimeFeatures"/> on sequences whose features are known exactly (Q16: 65536 = 1.0).
    /// Expected values by hand: e.g. for {3, 1, −1, −3}: Σd² = 20, Σd⁴ = 164, kurtosis 4·164/400 = 1.64 →
    /// ⌊1.64·65536⌋ = 107479; crest 3/√5 → ⌊65536·1.341640786⌋ = 87925.
    /// </summary>
    [TestClass]
    public class TimeFeaturesTests
    {
        [TestMethod]
        public void SquareWaveHasCrestAndKurtosisExactlyOne()
        {
            int[] samples = new int[1024];
            for (int n = 0; n < samples.Length; n++)
            {
                samples[n] = (n & 4) == 0 ? 1500 : -1500;
            }

            TimeFeatures features = new TimeFeatures();
            features.Compute(samples, 0, 1, samples.Length);

            Assert.AreEqual(0, features.Mean);
            Assert.AreEqual(1500, features.Peak);
            Assert.AreEqual(1500, features.Rms);
            Assert.AreEqual(65536, features.CrestFactorQ16);
            Assert.AreEqual(65536, features.KurtosisQ16);
        }

        [TestMethod]
        public void FullScaleSquareWaveHasCrestExactlyOne()
        {
            int[] samples = new int[4096];
            for (int n = 0; n < samples.Length; n++)
            {
                samples[n] = (n & 1) == 0 ? 32767 : -32767;
            }

            TimeFeatures features = new TimeFeatures();
            features.Compute(samples, 0, 1, samples.Length);

            Assert.AreEqual(32767, features.Rms);
            Assert.AreEqual(65536, features.CrestFactorQ16);
        }

        [TestMethod]
        public void FourLevelSequenceHasKnownFeatures()
        {
            TimeFeatures features = new TimeFeatures();
            features.Compute(new int[] { 3, 1, -1, -3 }, 0, 1, 4);

            Assert.AreEqual(3, features.Peak);
            Assert.AreEqual(2, features.Rms);
            Assert.AreEqual(20L, features.SumOfSquares);
            Assert.AreEqual(87925, features.CrestFactorQ16);
            Assert.AreEqual(107479, features.KurtosisQ16);
        }

        [TestMethod]
        public void TwoSpikesInEightHaveKurtosisFour()
        {
            // {A, −A, 0 ×6}: m2 = A²/4, m4 = A⁴/4, kurtosis 4; RMS A/2, crest 2.
            TimeFeatures features = new TimeFeatures();
            features.Compute(new int[] { 1000, -1000, 0, 0, 0, 0, 0, 0 }, 0, 1, 8);

            Assert.AreEqual(500, features.Rms);
            Assert.AreEqual(2 * 65536, features.CrestFactorQ16);
            Assert.AreEqual(4 * 65536, features.KurtosisQ16);
        }

        [TestMethod]
        public void OffsetIsRemovedBeforeTheFeatures()
        {
            int[] plain = new int[] { 3, 1, -1, -3, 7, -7, 0, 2 };
            int[] shifted = new int[plain.Length];
            for (int i = 0; i < plain.Length; i++)
            {
                shifted[i] = plain[i] + 5000;
            }

            TimeFeatures a = new TimeFeatures();
            TimeFeatures b = new TimeFeatures();
            a.Compute(plain, 0, 1, plain.Length);
            b.Compute(shifted, 0, 1, shifted.Length);

            Assert.AreEqual(a.Mean + 5000, b.Mean);
            Assert.AreEqual(a.Peak, b.Peak);
            Assert.AreEqual(a.Rms, b.Rms);
            Assert.AreEqual(a.CrestFactorQ16, b.CrestFactorQ16);
            Assert.AreEqual(a.KurtosisQ16, b.KurtosisQ16);
        }

        [TestMethod]
        public void StrideReadsOneAxis()
        {
            // Interleaved X Y Z; Y is the four-level sequence.
            int[] interleaved = new int[] { 9, 3, -4, 9, 1, -4, 9, -1, -4, 9, -3, -4 };
            TimeFeatures features = new TimeFeatures();
            features.Compute(interleaved, 1, 3, 4);

            Assert.AreEqual(107479, features.KurtosisQ16);
            Assert.AreEqual(87925, features.CrestFactorQ16);
        }

        [TestMethod]
        public void ConstantWindowGivesZeros()
        {
            TimeFeatures features = new TimeFeatures();
            features.Compute(new int[] { -77, -77, -77 }, 0, 1, 3);

            Assert.AreEqual(-77, features.Mean);
            Assert.AreEqual(0, features.Peak);
            Assert.AreEqual(0, features.Rms);
            Assert.AreEqual(0, features.CrestFactorQ16);
            Assert.AreEqual(0, features.KurtosisQ16);
        }

        [TestMethod]
        public void RejectsCountsOutOfRange()
        {
            TimeFeatures features = new TimeFeatures();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => features.Compute(new int[4097], 0, 1, 4097), "throws for features Compute new int 4097 0 1 4097");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => features.Compute(new int[4], 0, 1, 0), "throws for features Compute new int 4 0 1 0");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => features.Compute(new int[4], 1, 1, 4), "throws for features Compute new int 4 1 1 4");
        }
    }
}
