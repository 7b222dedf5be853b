// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Random;
using TinTin.Training;

namespace NFUnitTest
{
    // PackedDense against ManagedKernels.DenseForward (itself checked against naive long sums in
    // DenseTests): the same sums and the same largest magnitude, bit for bit, on random layers of
    // every row length modulo 8, and on the worst-case magnitudes at the longest row.
    [TestClass]
    public class PackedDenseTests
    {
        [TestMethod]
        [DataRow(1, 1, false, 0, 201)]
        [DataRow(7, 3, true, 0, 202)]
        [DataRow(8, 5, false, 0, 203)]
        [DataRow(9, 4, true, 50, 204)]
        [DataRow(64, 64, true, 0, 205)]    // cwru-fft-mlp's first layer
        [DataRow(84, 10, true, 50, 206)]   // LeNet-5's last layer: a padded row
        [DataRow(203, 6, false, 81, 207)]  // mostly zeros, as MNIST pixels
        public void MatchesDenseForward(int inputs, int outputs, bool bias, int zeroPercent, int seed)
        {
            Xorshift32 random = new Xorshift32((uint)seed);
            sbyte[] weights = Draw(random, inputs * outputs, 0);
            sbyte[] x = Draw(random, inputs, zeroPercent);
            int[] expected = new int[outputs];
            int[] actual = new int[outputs];
            for (int o = 0; o < outputs; o++)
            {
                expected[o] = bias ? random.NextInt() : 0;
                actual[o] = expected[o];
            }

            int expectedMax = new ManagedKernels().DenseForward(weights, x, inputs, outputs, bias, false, expected);

            int rowLongs = PackedDense.RowLongs(inputs);
            long[] packed = new long[rowLongs * outputs];
            PackedDense.PackWeights(weights, inputs, outputs, packed);
            long[] packedInput = new long[rowLongs * PackedDense.InputLongsPerLong];
            int correction = PackedDense.PackInput(x, inputs, packedInput);
            int max = PackedDense.Forward(packed, packedInput, rowLongs, outputs, correction, bias, actual);

            CollectionAssert.AreEqual(expected, actual, "sums");
            Assert.AreEqual(expectedMax, max, "largest magnitude");
            for (int o = 0; o < outputs; o++)
            {
                for (int i = 0; i < inputs; i++)
                {
                    Assert.AreEqual(weights[(o * inputs) + i], PackedDense.Weight(packed, inputs, o, i), "weight read back");
                }
            }
        }

        [TestMethod]
        [DataRow(127, -128)]   // u = 255 times -128: the most negative high half, -2,139,095,040
        [DataRow(127, 127)]
        [DataRow(-127, -128)]  // u = 1
        [DataRow(-127, 127)]
        [DataRow(0, -128)]
        public void WorstCaseMagnitudesAtTheLongestRowAreExact(int weight, int input)
        {
            // Every weight and every input the same: each sum is MaxInputs * weight * input, and the
            // packed sums' halves reach their bounds (65,536 * 255 * 128 < 2^31).
            int n = PackedDense.MaxInputs;
            int rowLongs = PackedDense.RowLongs(n);
            long[] packed;
            long[] packedInput;
            sbyte[] x;
            try
            {
                packed = new long[rowLongs * 2];
                packedInput = new long[rowLongs * PackedDense.InputLongsPerLong];
                x = new sbyte[n];
            }
            catch (OutOfMemoryException)
            {
                Assert.SkipTest("not enough memory for 448 KB of worst-case tensors");
                return;
            }

            // Row 0 holds weight in every byte, row 1 its negation (two's complement bytes).
            long row = (long)(byte)weight * 0x0101010101010101L;
            long negated = (long)(byte)(-weight) * 0x0101010101010101L;
            for (int j = 0; j < packed.Length; j++)
            {
                packed[j] = j < rowLongs ? row : negated;
            }

            for (int i = 0; i < n; i++)
            {
                x[i] = (sbyte)input;
            }

            int[] acc = new int[2];
            int correction = PackedDense.PackInput(x, n, packedInput);
            int max = PackedDense.Forward(packed, packedInput, rowLongs, 2, correction, false, acc);
            int expected = n * weight * input;
            Assert.AreEqual(expected, acc[0], "row of weight");
            Assert.AreEqual(-expected, acc[1], "row of -weight");
            Assert.AreEqual(expected < 0 ? -expected : expected, max, "largest magnitude");
        }

        [TestMethod]
        public void PaddingHoldsZeroWeights()
        {
            // 3 inputs: bytes 3..7 of the row's long are padding and must be 0 whatever the input holds there.
            long[] packed = new long[2];
            PackedDense.PackWeights(new sbyte[] { -1, 2, -128, 127, 5, 6 }, 3, 2, packed);
            Assert.AreEqual(0x80_02_FFL, packed[0], "row 0");
            Assert.AreEqual(0x06_05_7FL, packed[1], "row 1");
        }

        [TestMethod]
        public void RejectsBadArguments()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PackedDense.RowLongs(0), "no inputs");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PackedDense.RowLongs(PackedDense.MaxInputs + 1), "beyond the exact sums");
            Assert.ThrowsException(typeof(ArgumentException), () => PackedDense.PackWeights(new sbyte[5], 3, 2, new long[2]), "weights too short");
            Assert.ThrowsException(typeof(ArgumentException), () => PackedDense.PackWeights(new sbyte[18], 9, 2, new long[3]), "packed too short");
            Assert.ThrowsException(typeof(ArgumentException), () => PackedDense.PackWeights(null, 1, 1, new long[1]), "no weights");
            Assert.ThrowsException(typeof(ArgumentException), () => PackedDense.PackInput(new sbyte[8], 9, new long[8]), "input too short");
            Assert.ThrowsException(typeof(ArgumentException), () => PackedDense.PackInput(new sbyte[9], 9, new long[7]), "packed input too short");
        }

        private static sbyte[] Draw(Xorshift32 random, int count, int zeroPercent)
        {
            sbyte[] values = new sbyte[count];
            for (int i = 0; i < count; i++)
            {
                // -128 too: the packing must hold the whole int8 range of inputs, and the weights' clamp is not its concern.
                values[i] = random.NextInt(100) < zeroPercent ? (sbyte)0 : (sbyte)(random.NextInt(256) - 128);
            }

            return values;
        }
    }
}
