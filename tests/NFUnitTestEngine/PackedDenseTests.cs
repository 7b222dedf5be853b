// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Random;
using TinTin.Training;

namespace NFUnitTest
{
    // PackedDense against naive long sums: the same sums and the same largest magnitude, bit for bit,
    // from every forward loop (two products per multiply, eight weights per load, a weight at a time)
    // on random layers of every row length modulo 8, and on the worst-case magnitudes at the longest row.
    [TestClass]
    public class PackedDenseTests
    {
        [TestMethod]
        [DataRow(1, 1, false, 0, 201)]
        [DataRow(7, 3, true, 0, 202)]
        [DataRow(8, 5, false, 0, 203)]
        [DataRow(9, 4, true, 50, 204)]
        [DataRow(64, 64, true, 0, 205)]    // cwru-fft-mlp's first layer
        [DataRow(84, 10, true, 50, 206)]   // LeNet-5's last layer: rows start inside a long
        [DataRow(203, 6, false, 81, 207)]  // mostly zeros, as MNIST pixels
        [DataRow(120, 7, true, 50, 208)]
        public void EveryForwardLoopMatchesNaiveSums(int inputs, int outputs, bool bias, int zeroPercent, int seed)
        {
            Xorshift32 random = new Xorshift32((uint)seed);
            sbyte[] weights = Draw(random, inputs * outputs, 0);
            sbyte[] x = Draw(random, inputs, zeroPercent);
            int[] biases = new int[outputs];
            int[] expected = new int[outputs];
            int expectedMax = 0;
            for (int o = 0; o < outputs; o++)
            {
                biases[o] = bias ? random.NextInt() : 0;
                long sum = biases[o];
                for (int i = 0; i < inputs; i++)
                {
                    sum += (long)weights[(o * inputs) + i] * x[i];
                }

                expected[o] = (int)sum;
                int magnitude = expected[o] < 0 ? -expected[o] : expected[o];
                expectedMax = magnitude > expectedMax ? magnitude : expectedMax;
            }

            long[] packed = new long[PackedDense.Longs(inputs * outputs)];
            PackedDense.Pack(weights, 0, packed, 0, weights.Length);
            for (int i = 0; i < weights.Length; i++)
            {
                Assert.AreEqual(weights[i], PackedDense.Get(packed, i), "weight read back");
            }

            int[] acc = (int[])biases.Clone();
            Assert.AreEqual(expectedMax, PackedDense.ForwardAnyRow(packed, x, inputs, outputs, bias, acc), "largest magnitude (a weight at a time)");
            CollectionAssert.AreEqual(expected, acc, "sums (a weight at a time)");

            // The layer's kernel: packed input when given one and the rows start on a long.
            acc = (int[])biases.Clone();
            long[] packedInput = new long[PackedDense.Aligned(inputs) ? PackedDense.PackedInputLength(inputs) : 1];
            Assert.AreEqual(expectedMax, new ManagedKernels().DenseForward(packed, x, packedInput, inputs, outputs, bias, acc), "largest magnitude (kernel)");
            CollectionAssert.AreEqual(expected, acc, "sums (kernel)");
            if (!PackedDense.Aligned(inputs))
            {
                return;
            }

            acc = (int[])biases.Clone();
            Assert.AreEqual(expectedMax, PackedDense.ForwardLanes(packed, x, inputs, outputs, bias, acc), "largest magnitude (eight per load)");
            CollectionAssert.AreEqual(expected, acc, "sums (eight per load)");

            acc = (int[])biases.Clone();
            int correction = PackedDense.PackInput(x, inputs, packedInput);
            Assert.AreEqual(expectedMax, PackedDense.Forward(packed, packedInput, inputs / 8, outputs, correction, bias, acc), "largest magnitude (two per multiply)");
            CollectionAssert.AreEqual(expected, acc, "sums (two per multiply)");
        }

        [TestMethod]
        public void InputErrorMatchesNaiveSums()
        {
            Xorshift32 random = new Xorshift32(209);
            int inputs = 13;
            int outputs = 5;
            sbyte[] weights = Draw(random, inputs * outputs, 0);
            sbyte[] errors = Draw(random, outputs, 40);
            long[] packed = new long[PackedDense.Longs(weights.Length)];
            PackedDense.Pack(weights, 0, packed, 0, weights.Length);
            int[] acc = new int[inputs + 1];
            acc[inputs] = 77; // past the row: untouched
            PackedDense.InputError(packed, errors, inputs, outputs, acc);
            for (int i = 0; i < inputs; i++)
            {
                int sum = 0;
                for (int o = 0; o < outputs; o++)
                {
                    sum += weights[(o * inputs) + i] * errors[o];
                }

                Assert.AreEqual(sum, acc[i], "input " + i.ToString());
            }

            Assert.AreEqual(77, acc[inputs], "past the row");
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
            int rowLongs = n / 8;
            long[] packed;
            long[] packedInput;
            sbyte[] x;
            try
            {
                packed = new long[rowLongs * 2];
                packedInput = new long[PackedDense.PackedInputLength(n)];
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
        public void StorageIsTheInt8MatrixInLittleEndianLongs()
        {
            // 3 x 2 weights: bytes 6 and 7 of the long are past the last weight and stay 0.
            long[] packed = new long[1];
            PackedDense.Pack(new sbyte[] { -1, 2, -128, 127, 5, 6 }, 0, packed, 0, 6);
            Assert.AreEqual(0x0605_7F80_02FFL, packed[0], "bytes");
            PackedDense.Set(packed, 2, 3);
            Assert.AreEqual(0x0605_7F03_02FFL, packed[0], "one byte replaced and the others kept");
            Assert.AreEqual(-1, PackedDense.Get(packed, 0), "sign of byte 0");
            Assert.AreEqual(2, PackedDense.Longs(9), "longs for 9 weights");
            Assert.AreEqual(0, PackedDense.Longs(0), "longs for none");
        }

        [TestMethod]
        [DataRow(0, 32)]   // whole longs only
        [DataRow(3, 21)]   // starts and ends inside a long, two whole longs between
        [DataRow(5, 2)]    // inside one long
        [DataRow(8, 9)]
        public void PackAndUnpackTouchOnlyTheirRange(int start, int count)
        {
            Xorshift32 random = new Xorshift32((uint)(300 + start));
            sbyte[] before = Draw(random, 40, 0);
            sbyte[] values = Draw(random, count, 0);
            long[] packed = new long[PackedDense.Longs(before.Length)];
            PackedDense.Pack(before, 0, packed, 0, before.Length);
            PackedDense.Pack(values, 0, packed, start, count);
            sbyte[] after = new sbyte[before.Length];
            PackedDense.Unpack(packed, 0, after, 0, after.Length);
            for (int i = 0; i < before.Length; i++)
            {
                int expected = i >= start && i < start + count ? values[i - start] : before[i];
                Assert.AreEqual(expected, (int)after[i], "weight " + i.ToString());
            }

            sbyte[] window = new sbyte[count + 2];
            PackedDense.Unpack(packed, start, window, 1, count);
            Assert.AreEqual(0, (int)window[0], "before the window");
            Assert.AreEqual(0, (int)window[count + 1], "after the window");
            for (int i = 0; i < count; i++)
            {
                Assert.AreEqual((int)values[i], (int)window[i + 1], "window " + i.ToString());
            }

            Assert.AreEqual(ScanMaxAbs(after), PackedDense.MaxAbs(packed, after.Length), "largest magnitude");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(8)]
        [DataRow(9)]
        [DataRow(24)]
        [DataRow(61)]
        public void MaxAbsFindsTheLargestMagnitudeWhereverItIs(int count)
        {
            // Small weights with one extreme moved through every position, each extreme value in turn: the
            // byte-wise test of whole longs and the partial last long must both find it, and a larger
            // magnitude that comes later must replace an earlier one.
            int[] extremes = new int[] { 127, -127, -128, 64, -64, 1, -1 };
            Xorshift32 random = new Xorshift32((uint)(500 + count));
            for (int e = 0; e < extremes.Length; e++)
            {
                for (int at = 0; at < count; at++)
                {
                    sbyte[] values = new sbyte[count];
                    for (int i = 0; i < count; i++)
                    {
                        values[i] = (sbyte)(random.NextInt(3) - 1);
                    }

                    values[at] = (sbyte)extremes[e];
                    Assert.AreEqual(ScanMaxAbs(values), PackedDense.MaxAbs(PackedRows.Pack(values), count), "extreme " + extremes[e].ToString() + " at " + at.ToString());
                }
            }

            // Random weights over the whole int8 range, growing maxima and zeros.
            for (int trial = 0; trial < 20; trial++)
            {
                sbyte[] values = Draw(random, count, trial % 3 == 0 ? 90 : 0);
                Assert.AreEqual(ScanMaxAbs(values), PackedDense.MaxAbs(PackedRows.Pack(values), count), "random trial " + trial.ToString());
            }

            Assert.AreEqual(0, PackedDense.MaxAbs(PackedRows.Pack(new sbyte[count]), count), "all zero");
        }

        [TestMethod]
        public void MaxAbsReadsOnlyTheFirstCountWeights()
        {
            // A larger magnitude just past the count, in the same long and in the next, is not seen.
            sbyte[] values = new sbyte[24];
            values[3] = -20;
            values[13] = 100;
            values[17] = -120;
            long[] packed = PackedRows.Pack(values);
            Assert.AreEqual(20, PackedDense.MaxAbs(packed, 13), "count 13");
            Assert.AreEqual(20, PackedDense.MaxAbs(packed, 8), "count 8");
            Assert.AreEqual(100, PackedDense.MaxAbs(packed, 16), "count 16");
            Assert.AreEqual(120, PackedDense.MaxAbs(packed, 24), "count 24");
        }

        [TestMethod]
        [DataRow(16)]
        [DataRow(13)]
        [DataRow(1)]
        public void BytesRoundTripAndOverwriteTheWholeTensor(int count)
        {
            // The model file stores the weights as bytes: FromBytes must replace every weight and leave 0 past the last.
            Xorshift32 random = new Xorshift32((uint)(400 + count));
            sbyte[] weights = Draw(random, count, 0);
            byte[] file = new byte[count + 3];
            long[] packed = new long[PackedDense.Longs(count)];
            for (int j = 0; j < packed.Length; j++)
            {
                packed[j] = -1; // old contents, all bytes 0xFF
            }

            for (int i = 0; i < count; i++)
            {
                file[i + 3] = (byte)weights[i];
            }

            PackedDense.FromBytes(file, 3, packed, count);
            for (int i = 0; i < 8 * packed.Length; i++)
            {
                Assert.AreEqual(i < count ? (int)weights[i] : 0, PackedDense.Get(packed, i), "weight " + i.ToString());
            }

            byte[] back = new byte[count + 2];
            PackedDense.ToBytes(packed, back, 2, count);
            for (int i = 0; i < count; i++)
            {
                Assert.AreEqual((int)file[i + 3], (int)back[i + 2], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void OnlyRowsOfWholeLongsUpToTheLimitAreAligned()
        {
            Assert.IsTrue(PackedDense.Aligned(8), "8");
            Assert.IsTrue(PackedDense.Aligned(PackedDense.MaxInputs), "the limit");
            Assert.IsFalse(PackedDense.Aligned(84), "84");
            Assert.IsFalse(PackedDense.Aligned(0), "0");
            Assert.IsFalse(PackedDense.Aligned(PackedDense.MaxInputs + 8), "past the limit");
            Assert.AreEqual(32, PackedDense.PackedInputLength(64), "64 inputs");
            Assert.AreEqual(0, PackedDense.PackedInputLength(84), "84 inputs");
        }

        private static int ScanMaxAbs(sbyte[] values)
        {
            int max = 0;
            for (int i = 0; i < values.Length; i++)
            {
                int m = values[i] < 0 ? -values[i] : values[i];
                max = m > max ? m : max;
            }

            return max;
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
