// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Features;

namespace NFUnitTest
{
    /// <summary>
    /// Exact integer properties of <see cref="IntegerFft"/> and <see cref="CosineTable"/> (output scale 1/N,
    /// error bound 1.6·log2 N per bin; the double-precision comparison is in tests/TinTin.Sensors.Tests).
    /// </summary>
    [TestClass]
    public class IntegerFftTests
    {
        [TestMethod]
        public void ImpulseAtZeroGivesAnExactlyFlatSpectrum()
        {
            // X[k] = A for all k, scaled by 1/N: 16384/64 = 256, and every butterfly is exact.
            int[] real = new int[64];
            int[] imag = new int[64];
            real[0] = 16384;

            new IntegerFft(64).Forward(real, imag);

            for (int k = 0; k < 64; k++)
            {
                Assert.AreEqual(256, real[k], "real part of an impulse bin");
                Assert.AreEqual(0, imag[k], "imaginary part of an impulse bin");
            }
        }

        [TestMethod]
        public void ShiftedImpulseHasFlatMagnitude()
        {
            // An impulse at n = 5 has |X[k]|/N = 256 in every bin; bound 1.6·6 + 1 for the floor of the root.
            int[] real = new int[64];
            int[] imag = new int[64];
            real[5] = 16384;

            new IntegerFft(64).Forward(real, imag);

            for (int k = 0; k < 64; k++)
            {
                int magnitude = (int)IntegerMath.SqrtFloor(((long)real[k] * real[k]) + ((long)imag[k] * imag[k]));
                Assert.IsTrue(magnitude >= 256 - 11 && magnitude <= 256 + 11, "shifted impulse magnitude off");
            }
        }

        [TestMethod]
        public void DcLandsExactlyInBinZero()
        {
            int[] real = new int[128];
            int[] imag = new int[128];
            for (int n = 0; n < 128; n++)
            {
                real[n] = -1234;
            }

            new IntegerFft(128).Forward(real, imag);

            Assert.AreEqual(-1234, real[0]);
            Assert.AreEqual(0, imag[0]);
            for (int k = 1; k < 128; k++)
            {
                Assert.AreEqual(0, real[k], "DC leaked into a real part");
                Assert.AreEqual(0, imag[k], "DC leaked into an imaginary part");
            }
        }

        [TestMethod]
        public void PureToneLandsInItsBin()
        {
            // x[n] = round(20000·cos(2π·10n/256)): X/N = 10000 in bins 10 and 246, 0 elsewhere.
            // Bound: 1.6·8 = 12.8 for the FFT plus 0.5 for the rounded input.
            const int Length = 256;
            const int Bound = 14;
            CosineTable cosine = new CosineTable(Length);
            int[] real = new int[Length];
            int[] imag = new int[Length];
            for (int n = 0; n < Length; n++)
            {
                real[n] = ((20000 * cosine.CosineQ15(10 * n)) + (1 << 14)) >> 15;
            }

            new IntegerFft(cosine).Forward(real, imag);

            for (int k = 0; k < Length; k++)
            {
                int expected = (k == 10 || k == Length - 10) ? 10000 : 0;
                Assert.IsTrue(real[k] >= expected - Bound && real[k] <= expected + Bound, "tone real part off");
                Assert.IsTrue(imag[k] >= -Bound && imag[k] <= Bound, "tone imaginary part off");
            }
        }

        [TestMethod]
        public void EnergyFollowsParseval()
        {
            // Σ|Z[k]|² over all N bins = Σx²/N within the bound: the norms differ by ≤ √N·1.6·log2 N = 11.3·11.2.
            const int Length = 128;
            int[] real = new int[Length];
            int[] imag = new int[Length];
            uint state = 12345;
            long sumSquares = 0;
            for (int n = 0; n < Length; n++)
            {
                state = (state * 1664525) + 1013904223;
                real[n] = (int)(state >> 16) - 32768;
                sumSquares += (long)real[n] * real[n];
            }

            new IntegerFft(Length).Forward(real, imag);

            long energy = 0;
            for (int k = 0; k < Length; k++)
            {
                energy += ((long)real[k] * real[k]) + ((long)imag[k] * imag[k]);
            }

            long normInteger = IntegerMath.SqrtFloor(energy);
            long normExact = IntegerMath.SqrtFloor(sumSquares / Length);
            long difference = normInteger - normExact;
            Assert.IsTrue(difference >= -128 && difference <= 128, "Parseval norm differs beyond the bound");
        }

        [TestMethod]
        public void CosineTableHasExactQuadrantPoints()
        {
            CosineTable cosine = new CosineTable(1024);
            Assert.AreEqual(32768, cosine.CosineQ15(0));
            Assert.AreEqual(0, cosine.CosineQ15(256));
            Assert.AreEqual(-32768, cosine.CosineQ15(512));
            Assert.AreEqual(0, cosine.CosineQ15(768));
            Assert.AreEqual(32768, cosine.SineQ15(256));

            // cos(π/4)·32768 = 23170.475, rounded 23170.
            Assert.AreEqual(23170, cosine.CosineQ15(128));
            for (int k = 0; k < 1024; k++)
            {
                Assert.AreEqual(cosine.CosineQ15(k), cosine.CosineQ15(1024 - k), "cosine not even");
                Assert.AreEqual(-cosine.CosineQ15(k), cosine.CosineQ15(512 - k), "cosine not odd about a quarter period");
            }
        }

        [TestMethod]
        public void RejectsLengthsThatAreNotPowersOfTwo()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new IntegerFft(48));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new IntegerFft(2));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new IntegerFft(8192));
        }

        [TestMethod]
        public void RejectsArraysOfTheWrongLength()
        {
            IntegerFft fft = new IntegerFft(16);
            Assert.ThrowsException(typeof(ArgumentException), () => fft.Forward(new int[16], new int[8]), "throws for fft Forward new int 16 new int 8");
            Assert.ThrowsException(typeof(ArgumentNullException), () => fft.Forward(null, new int[16]), "throws for fft Forward null new int 16");
        }
    }
}
