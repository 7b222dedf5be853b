// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Features;

namespace NFUnitTest
{
    /// <summary>
    /// <see cref="SpectrumFeatures"/>: band b sums the magnitudes of its bins of the same
    /// <see cref="Spectrum"/>, so a tone lands in the band holding its bin and nowhere far away.
    /// </summary>
    [TestClass]
    public class SpectrumFeaturesTests
    {
        [TestMethod]
        public void BandsSumTheSpectrumBins()
        {
            int[] samples = Tone(256, 37, 4000);
            SpectrumFeatures features = new SpectrumFeatures(256, 16);
            features.Compute(samples, 0);

            Spectrum spectrum = new Spectrum(256);
            spectrum.Compute(samples, 0);
            for (int b = 0; b < 16; b++)
            {
                int sum = 0;
                for (int k = b * 8; k < (b * 8) + 8; k++)
                {
                    sum += spectrum.Magnitudes[k];
                }

                Assert.AreEqual(sum, features.Values[b], "band " + b.ToString());
            }
        }

        [TestMethod]
        public void ToneEnergyLandsInItsBand()
        {
            // Bin 37 of 256 lies in band 37 / 8 = 4; the Hann window spreads it to bins 36..38 only.
            SpectrumFeatures features = new SpectrumFeatures(256, 16);
            features.Compute(Tone(256, 37, 4000), 0);

            int largest = 0;
            for (int b = 1; b < 16; b++)
            {
                if (features.Values[b] > features.Values[largest])
                {
                    largest = b;
                }
            }

            Assert.AreEqual(4, largest);

            // A tone of amplitude A reads A/4 on its bin with the Hann window and A/8 on both neighbours: 2000 in all.
            Assert.IsTrue(features.Values[4] >= 1990 && features.Values[4] <= 2010, "band 4 holds " + features.Values[4].ToString());
            Assert.IsTrue(features.Values[0] + features.Values[10] < 20, "far bands stay near zero");
        }

        [TestMethod]
        public void BandCountMustDivideHalfTheWindow()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SpectrumFeatures(256, 3), "3 bands");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SpectrumFeatures(256, 0), "no band");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SpectrumFeatures(256, 256), "256 bands");
        }

        private static int[] Tone(int length, int bin, int amplitude)
        {
            // Integer samples of A·cos(2π·bin·n/N) from the integer cosine table (Q15).
            CosineTable table = new CosineTable(length);
            int[] samples = new int[length];
            for (int n = 0; n < length; n++)
            {
                samples[n] = (int)(((long)amplitude * table.CosineQ15((bin * n) % length) + 16384) >> 15);
            }

            return samples;
        }
    }
}
