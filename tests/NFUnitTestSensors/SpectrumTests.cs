// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Features;

namespace NFUnitTest
{
    /// <summary>
    /// Exact integer properties of <see cref="Spectrum"/>, <see cref="WindowFunction"/> and
    /// <see cref="IntegerMath"/>.
    /// </summary>
    [TestClass]
    public class SpectrumTests
    {
        [TestMethod]
        public void SqrtFloorMatchesBruteForce()
        {
            // Walk r upwards: ⌊√v⌋ = r exactly while r² ≤ v < (r + 1)².
            long r = 0;
            for (long v = 0; v <= 70000; v++)
            {
                if ((r + 1) * (r + 1) <= v)
                {
                    r++;
                }

                Assert.AreEqual(r, IntegerMath.SqrtFloor(v), "isqrt differs from brute force");
            }
        }

        [TestMethod]
        public void SqrtFloorIsExactAtLargeSquares()
        {
            long[] roots = new long[] { 46340, 46341, 65535, 65536, 2147483647, 3037000499 };
            for (int i = 0; i < roots.Length; i++)
            {
                long square = roots[i] * roots[i];
                Assert.AreEqual(roots[i], IntegerMath.SqrtFloor(square), "isqrt of a square");
                Assert.AreEqual(roots[i] - 1, IntegerMath.SqrtFloor(square - 1), "isqrt just below a square");
            }

            Assert.AreEqual(3037000499L, IntegerMath.SqrtFloor(long.MaxValue));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => IntegerMath.SqrtFloor(-1));
        }

        [TestMethod]
        public void MagnitudesAreTheExactRootOfEveryBin()
        {
            // The magnitude loop inlines the square root: compare it with IntegerMath on every bin.
            const int Length = 256;
            int[] samples = new int[Length];
            uint state = 777;
            for (int n = 0; n < Length; n++)
            {
                state = (state * 1664525) + 1013904223;
                samples[n] = (int)(state >> 16) - 32768;
            }

            Spectrum spectrum = new Spectrum(Length);
            spectrum.Compute(samples, 0);

            for (int k = 0; k < spectrum.BinCount; k++)
            {
                long re = spectrum.Real[k];
                long im = spectrum.Imaginary[k];
                Assert.AreEqual((int)IntegerMath.SqrtFloor((re * re) + (im * im)), spectrum.Magnitudes[k], "magnitude is not the exact root");
            }
        }

        [TestMethod]
        public void HannWindowedDcFillsBinsZeroAndOne()
        {
            // Hann = ½ − ½cos: a constant c reads c/2 in bin 0 and c/4 in bin 1, 0 beyond.
            // Bound per bin: 1.6·6 + 1 (window) + 1 (root) < 12.
            const int Length = 64;
            int[] samples = new int[Length];
            for (int n = 0; n < Length; n++)
            {
                samples[n] = 8000;
            }

            Spectrum spectrum = new Spectrum(Length);
            spectrum.Compute(samples, 0);

            int[] magnitudes = spectrum.Magnitudes;
            Assert.IsTrue(magnitudes[0] >= 4000 - 12 && magnitudes[0] <= 4000 + 12, "bin 0 of windowed DC");
            Assert.IsTrue(magnitudes[1] >= 2000 - 12 && magnitudes[1] <= 2000 + 12, "bin 1 of windowed DC");
            for (int k = 2; k < spectrum.BinCount; k++)
            {
                Assert.IsTrue(magnitudes[k] <= 12, "windowed DC leaked");
            }
        }

        [TestMethod]
        public void ToneEnergyStaysInItsBand()
        {
            // A tone on bin 20 with Hann: A/4 in bin 20, A/8 in bins 19 and 21, nothing else beyond the bound.
            const int Length = 256;
            CosineTable cosine = new CosineTable(Length);
            int[] samples = new int[Length];
            for (int n = 0; n < Length; n++)
            {
                samples[n] = ((24000 * cosine.CosineQ15(20 * n)) + (1 << 14)) >> 15;
            }

            Spectrum spectrum = new Spectrum(Length);
            spectrum.Compute(samples, 0);

            Assert.IsTrue(spectrum.Magnitudes[20] >= 6000 - 16 && spectrum.Magnitudes[20] <= 6000 + 16, "tone bin");
            Assert.IsTrue(spectrum.Magnitudes[19] >= 3000 - 16 && spectrum.Magnitudes[19] <= 3000 + 16, "tone bin below");

            int[] edges = new int[] { 0, 19, 22, spectrum.BinCount };
            long[] energies = new long[3];
            spectrum.BandEnergies(edges, energies);
            long total = spectrum.BandEnergy(0, spectrum.BinCount);
            Assert.AreEqual(total, energies[0] + energies[1] + energies[2], "bands do not add up");

            // Ideal band energy 6000² + 2·3000² = 54,000,000; outside it ≤ 234 bins·(16)².
            Assert.IsTrue(energies[1] > 53000000 && energies[1] < 55000000, "tone band energy");
            Assert.IsTrue(energies[0] + energies[2] < 234 * 16 * 16, "energy outside the tone band");
        }

        [TestMethod]
        public void HannWindowIsSymmetricWithExactEnds()
        {
            WindowFunction window = WindowFunction.Hann(new CosineTable(128));
            Assert.AreEqual(0, window.Coefficient(0));
            Assert.AreEqual(32768, window.Coefficient(64));
            Assert.AreEqual(16384, window.Coefficient(32));
            for (int n = 1; n < 128; n++)
            {
                Assert.AreEqual(window.Coefficient(n), window.Coefficient(128 - n), "Hann not symmetric");
            }

            // y = round(x·w/32768): full scale through the peak coefficient is unchanged; w = ½ halves (half up).
            int[] source = new int[128];
            int[] destination = new int[128];
            source[64] = -32768;
            source[32] = 32767;
            window.Apply(source, 0, 1, destination);
            Assert.AreEqual(-32768, destination[64]);
            Assert.AreEqual(16384, destination[32]);
            Assert.AreEqual(0, destination[0]);
        }

        [TestMethod]
        public void RejectsBadBandRanges()
        {
            Spectrum spectrum = new Spectrum(64);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => spectrum.BandEnergy(5, 4), "throws for spectrum BandEnergy 5 4");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => spectrum.BandEnergy(0, 34), "throws for spectrum BandEnergy 0 34");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => spectrum.Compute(new int[63], 0), "throws for spectrum Compute new int 63 0");
        }
    }
}
