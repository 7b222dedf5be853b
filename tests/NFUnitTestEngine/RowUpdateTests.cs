// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Random;
using TinTin.Training;

namespace NFUnitTest
{
    // The Dense row kernels against naive references: the dither sequence written out (u0 plus one
    // golden-ratio step per nonzero input, top bits), floor division with an explicit remainder, NITI's
    // rounding as fractions, the error to the input as a plain sum. Unbiasedness is checked exactly:
    // the row is started from the u0 that gives each value r of the top n bits at a chosen position,
    // and Hermite's identity sum over r of floor((p + r) / 2^n) = p must hold for the applied update.
    [TestClass]
    public class RowUpdateTests
    {
        [TestMethod]
        [DataRow(5, 24576, 22, 11)]       // 3 * 2^-9 = 24576 * 2^-22 with an error of 5
        [DataRow(-7, 16384, 10, 12)]      // large steps: clamps both ways
        [DataRow(127, 32767, 30, 13)]     // the largest shift the kernels take
        [DataRow(-127, 1, 0, 14)]         // shift 0: exact, no dither
        [DataRow(1, 16384, 20, 15)]       // tiny updates: mostly 0 or -1
        [DataRow(-3, 20001, 15, 16)]
        public void TinTinMatchesReference(int error, int mantissa, int shift, int seed)
        {
            // Weights 3 .. 26: the row starts and ends inside a long, so it goes weight by weight.
            CheckTinTin(error, mantissa, shift, seed, 3, 24, false);
        }

        [TestMethod]
        [DataRow(5, 24576, 22, 31)]
        [DataRow(-7, 16384, 10, 32)]      // clamps both ways
        [DataRow(127, 32767, 30, 33)]
        [DataRow(-127, 1, 0, 34)]
        [DataRow(1, 16384, 20, 35)]
        public void TinTinOnWholeLongsMatchesReference(int error, int mantissa, int shift, int seed)
        {
            // Weights 16 .. 47: four whole longs, the path with each long's lanes written out.
            CheckTinTin(error, mantissa, shift, seed, 16, 32, false);
        }

        [TestMethod]
        [DataRow(5, 24576, 22, 21)]
        [DataRow(-7, 16384, 10, 22)]
        [DataRow(-127, 1, 0, 23)]
        [DataRow(3, 0, 12, 24)]           // mantissa 0: the error still goes down, no weight moves
        public void TinTinPropagatingAddsTheOldWeightsTimesTheError(int error, int mantissa, int shift, int seed)
        {
            CheckTinTin(error, mantissa, shift, seed, 3, 24, true);
        }

        [TestMethod]
        [DataRow(5, 24576, 22, 41)]
        [DataRow(-7, 16384, 10, 42)]
        [DataRow(-127, 1, 0, 43)]
        [DataRow(3, 0, 12, 44)]
        public void TinTinPropagatingOnWholeLongsAddsTheOldWeightsTimesTheError(int error, int mantissa, int shift, int seed)
        {
            CheckTinTin(error, mantissa, shift, seed, 16, 32, true);
        }

        [TestMethod]
        public void ZeroErrorOrZeroInputsChangeNothing()
        {
            sbyte[] w = new sbyte[] { 1, -2, 3 };
            Assert.AreEqual(0, PackedRows.TinTin(w, 0, 0, new sbyte[] { 127, 127, 127 }, 3, 30000, 5, 12345u), "zero error");
            Assert.AreEqual(0, PackedRows.TinTin(w, 0, 100, new sbyte[] { 0, 0, 0 }, 3, 30000, 0, 12345u), "zero inputs");
            Assert.AreEqual(0, PackedRows.Niti(w, 0, 0, new sbyte[] { 127, 127, 127 }, 3, 0), "zero error niti");
            Assert.AreEqual(0, PackedRows.Niti(w, 0, 100, new sbyte[] { 0, 0, 0 }, 3, 0), "zero inputs niti");
            CollectionAssert.AreEqual(new sbyte[] { 1, -2, 3 }, w, "weights");
        }

        [TestMethod]
        public void DitheredRoundingIsExactlyUnbiasedAtEveryPosition()
        {
            // The weight at position k (the k-th nonzero input) sees u_k = u0 + k * step. Starting from
            // u0 = r * 2^(32 - n) - k * step makes its top n bits r, for every r in 0 .. 2^n - 1.
            sbyte[] x = new sbyte[] { 1, 0, 1, 1, 0, 1 };
            int[] positions = new int[] { 0, 2, 3, 5 };
            for (int n = 1; n <= 6; n++)
            {
                int residues = 1 << n;
                for (int p = 0; p < positions.Length; p++)
                {
                    int at = positions[p];
                    for (int scaled = -190; scaled <= 190; scaled += 19)
                    {
                        long sum = 0;
                        for (int r = 0; r < residues; r++)
                        {
                            uint u0 = ((uint)r << (32 - n)) - ((uint)(p + 1) * RowUpdate.DitherStep);
                            sbyte[] w = new sbyte[6];
                            PackedRows.TinTin(w, 0, scaled, x, 6, 1, n, u0);
                            sum -= w[at];
                        }

                        Assert.AreEqual((long)scaled, sum, "mean times 2^n at position " + at.ToString());
                    }
                }
            }
        }

        [TestMethod]
        [DataRow(3, 0)]
        [DataRow(-5, 1)]
        [DataRow(7, 4)]
        [DataRow(-127, 7)]
        [DataRow(127, 14)]
        [DataRow(-1, 3)]
        public void NitiMatchesReference(int error, int shift)
        {
            Xorshift32 data = new Xorshift32((uint)(error + 1000 * shift + 5000));
            sbyte[] x = InputsWithZeros(data, 40);
            sbyte[] w = ReferenceArithmetic.RandomInt8(data, 40, 127);
            sbyte[] expected = ReferenceArithmetic.Copy(w);
            int[] inputError = new int[40];
            int[] expectedError = new int[40];
            int expectedClamped = 0;
            for (int i = 0; i < 40; i++)
            {
                if (x[i] != 0)
                {
                    expectedError[i] += expected[i] * error;
                    expected[i] = ReferenceArithmetic.ClampInt8(expected[i] - ReferenceArithmetic.NitiRound(error * x[i], shift), ref expectedClamped);
                }
            }

            sbyte[] w2 = ReferenceArithmetic.Copy(w);
            int clamped = PackedRows.Niti(w, 0, error, x, 40, shift);
            CollectionAssert.AreEqual(expected, w, "weights");
            Assert.AreEqual(expectedClamped, clamped, "clamped");

            int clamped2 = PackedRows.NitiPropagating(w2, 0, error, x, 40, shift, inputError);
            CollectionAssert.AreEqual(expected, w2, "weights (propagating)");
            CollectionAssert.AreEqual(expectedError, inputError, "input error");
            Assert.AreEqual(expectedClamped, clamped2, "clamped (propagating)");
        }

        // Runs a Tin-Tin row kernel on weights offset .. offset + count - 1 of a random array (with weights
        // on both sides of the row) and compares weights, clamp count and (propagating) input error with
        // the reference.
        private static void CheckTinTin(int error, int mantissa, int shift, int seed, int offset, int count, bool propagating)
        {
            Xorshift32 data = new Xorshift32((uint)seed);
            sbyte[] x = InputsWithZeros(data, count);
            sbyte[] w = ReferenceArithmetic.RandomInt8(data, offset + count + 6, 127);
            sbyte[] expected = ReferenceArithmetic.Copy(w);
            int[] inputError = null;
            int[] expectedError = null;
            if (propagating)
            {
                inputError = new int[count];
                expectedError = new int[count];
                for (int i = 0; i < count; i++)
                {
                    inputError[i] = 1000 - (i * 77);
                    expectedError[i] = inputError[i];
                }
            }

            uint dither = data.NextUInt();
            int expectedClamped = TinTinReference(expected, offset, error, x, count, mantissa, shift, dither, expectedError);

            int clamped = propagating
                ? PackedRows.TinTinPropagating(w, offset, error, x, count, mantissa, shift, dither, inputError)
                : PackedRows.TinTin(w, offset, error, x, count, mantissa, shift, dither);
            CollectionAssert.AreEqual(expected, w, "weights");
            Assert.AreEqual(expectedClamped, clamped, "clamped");
            if (propagating)
            {
                CollectionAssert.AreEqual(expectedError, inputError, "input error");
            }
        }

        // The Tin-Tin row written out: only nonzero inputs are visited, and each advances the dither.
        private static int TinTinReference(sbyte[] w, int offset, int error, sbyte[] x, int count, int mantissa, int shift, uint dither, int[] inputError)
        {
            int clamped = 0;
            uint u = dither;
            for (int i = 0; i < count; i++)
            {
                if (x[i] == 0)
                {
                    continue;
                }

                if (inputError != null)
                {
                    inputError[i] += w[offset + i] * error;
                }

                u = unchecked(u + RowUpdate.DitherStep);
                long residue = shift == 0 ? 0 : (long)(u >> (32 - shift));
                long delta = ReferenceArithmetic.FloorDivide(((long)error * mantissa * x[i]) + residue, 1L << shift);
                w[offset + i] = ReferenceArithmetic.ClampInt8(w[offset + i] - delta, ref clamped);
            }

            return clamped;
        }

        // Random int8 inputs with about a third of them exactly 0 (as after a ReLU).
        private static sbyte[] InputsWithZeros(Xorshift32 data, int count)
        {
            sbyte[] x = ReferenceArithmetic.RandomInt8(data, count, 127);
            for (int i = 0; i < count; i++)
            {
                if (data.NextInt(3) == 0)
                {
                    x[i] = 0;
                }
            }

            return x;
        }
    }
}
