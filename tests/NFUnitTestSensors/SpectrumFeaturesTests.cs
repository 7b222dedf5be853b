// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Features;

namespace NFUnitTest
{
    /// <summary>
    /// <see cref="SpectrumFeatures"/>: band b is ⌊8·log2⌋ of the summed magnitudes of its bins of the
    /// mean-removed, normalised window, minus 8 per bit of normalisation; and <see cref="IntegerMath.Log2Fixed"/>.
    /// </summary>
    [TestClass]
    public class SpectrumFeaturesTests
    {
        [TestMethod]
        public void BandsAreTheLogOfTheSpectrumBins()
        {
            int[] samples = Tone(256, 37, 300, 0);
            SpectrumFeatures features = new SpectrumFeatures(256, 16);
            features.Compute(samples, 0);

            // A peak of 300 is shifted left by 6 (300 << 6 = 19200 <= 32767 < 38400).
            Assert.AreEqual(6, features.NormalizationShift, "normalisation shift");
            int[] magnitudes = features.Spectrum.Magnitudes;
            for (int b = 0; b < 16; b++)
            {
                int sum = 0;
                for (int k = b * 8; k < (b * 8) + 8; k++)
                {
                    sum += magnitudes[k];
                }

                int expected = sum == 0 ? SpectrumFeatures.EmptyBand : IntegerMath.Log2Fixed(sum, 3) - (6 * 8);
                expected = expected < -127 ? -127 : expected;
                Assert.AreEqual(expected, features.Values[b], "band " + b.ToString());
            }
        }

        [TestMethod]
        public void ToneLevelLandsInItsBand()
        {
            // Bin 37 of 256 lies in band 37 / 8 = 4. Hann: A/4 on the bin and A/8 on both neighbours, A/2 = 2000 in all.
            SpectrumFeatures features = new SpectrumFeatures(256, 16);
            features.Compute(Tone(256, 37, 4000, 0), 0);
            int largest = 0;
            for (int b = 1; b < 16; b++)
            {
                if (features.Values[b] > features.Values[largest])
                {
                    largest = b;
                }
            }

            Assert.AreEqual(4, largest, "loudest band");

            // 8 * log2(2000) = 87.7; the normalised FFT's rounding moves the sum by a few counts at most.
            Assert.IsTrue(features.Values[4] >= 86 && features.Values[4] <= 88, "band 4 level " + features.Values[4].ToString());
            Assert.IsTrue(features.Values[12] < features.Values[4] - 40, "far bands lie far below");
        }

        [TestMethod]
        [DataRow(40)]
        [DataRow(400)]
        [DataRow(4000)]
        public void DoublingTheAmplitudeRaisesTheToneBandByOneOctave(int amplitude)
        {
            SpectrumFeatures features = new SpectrumFeatures(256, 16);
            features.Compute(Tone(256, 37, amplitude, 0), 0);
            int single = features.Values[4];
            features.Compute(Tone(256, 37, 2 * amplitude, 0), 0);
            int twice = features.Values[4];
            Assert.IsTrue(twice - single >= 7 && twice - single <= 9, "one octave is 8 units: " + single.ToString() + " to " + twice.ToString());
        }

        [TestMethod]
        public void AnOffsetChangesNothing()
        {
            // Gravity or a sensor offset: an integer constant moves the integer mean by exactly that constant.
            SpectrumFeatures features = new SpectrumFeatures(256, 16);
            features.Compute(Tone(256, 21, 1500, 0), 0);
            int[] plain = (int[])features.Values.Clone();
            features.Compute(Tone(256, 21, 1500, 2048), 0);
            for (int b = 0; b < 16; b++)
            {
                Assert.AreEqual(plain[b], features.Values[b], "band " + b.ToString());
            }
        }

        [TestMethod]
        public void ASilentWindowIsEmptyEverywhere()
        {
            SpectrumFeatures features = new SpectrumFeatures(256, 16);
            int[] samples = new int[300];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = -700;
            }

            features.Compute(samples, 44);
            Assert.AreEqual(0, features.NormalizationShift);
            for (int b = 0; b < 16; b++)
            {
                Assert.AreEqual(SpectrumFeatures.EmptyBand, features.Values[b], "band " + b.ToString());
            }
        }

        [TestMethod]
        public void RejectsWindowsOutsideTheInt16RangeOrTheArray()
        {
            SpectrumFeatures features = new SpectrumFeatures(256, 16);
            int[] samples = Tone(256, 5, 20000, 0);
            samples[3] = -40000;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => features.Compute(samples, 0), "beyond int16");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => features.Compute(new int[256], 1), "past the end");
            Assert.ThrowsException(typeof(ArgumentNullException), () => features.Compute(null, 0), "no samples");
        }

        [TestMethod]
        public void BandCountMustDivideHalfTheWindow()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SpectrumFeatures(256, 3), "3 bands");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SpectrumFeatures(256, 0), "no band");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SpectrumFeatures(256, 256), "256 bands");
        }

        [TestMethod]
        public void Log2FixedIsMonotonicAndExactOnPowersOfTwo()
        {
            int previous = IntegerMath.Log2Fixed(1, 3);
            Assert.AreEqual(0, previous, "log2 1");
            for (int v = 2; v <= 5000; v++)
            {
                int current = IntegerMath.Log2Fixed(v, 3);
                Assert.IsTrue(current >= previous, "monotonic");
                previous = current;
            }

            for (int e = 0; e < 31; e++)
            {
                Assert.AreEqual(e * 8, IntegerMath.Log2Fixed(1L << e, 3), "power of two");
            }

            // 8 * log2(3) = 12.68 and 8 * log2(1000) = 79.73.
            Assert.AreEqual(12, IntegerMath.Log2Fixed(3, 3), "log2 3");
            Assert.AreEqual(79, IntegerMath.Log2Fixed(1000, 3), "log2 1000");
        }

        private static int[] Tone(int length, int bin, int amplitude, int offset)
        {
            // Integer samples of offset + A·cos(2π·bin·n/N) from the integer cosine table (Q15).
            CosineTable table = new CosineTable(length);
            int[] samples = new int[length];
            for (int n = 0; n < length; n++)
            {
                samples[n] = offset + (int)(((long)amplitude * table.CosineQ15((bin * n) % length) + 16384) >> 15);
            }

            return samples;
        }
    }
}
