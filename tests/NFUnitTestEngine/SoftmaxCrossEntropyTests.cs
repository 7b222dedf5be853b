// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // Integer softmax cross-entropy. The reference tables below were computed independently (Python,
    // 50-digit decimal arithmetic, rounded half up):
    //   exp2[j] = round(2^15 * 2^(-j/64)),  log2[j] = round(2^16 * log2(1 + j/64)),  j = 0..64
    //   ln(c) in Q16 = round(65536 * ln c) for c = 2..10.
    [TestClass]
    public class SoftmaxCrossEntropyTests
    {
        private static readonly int[] s_exp2Reference = new int[]
        {
            32768, 32415, 32066, 31720, 31379, 31041, 30706, 30376, 30048, 29725, 29405, 29088, 28774, 28464, 28158, 27855,
            27554, 27258, 26964, 26674, 26386, 26102, 25821, 25543, 25268, 24995, 24726, 24460, 24196, 23936, 23678, 23423,
            23170, 22921, 22674, 22430, 22188, 21949, 21713, 21479, 21247, 21019, 20792, 20568, 20347, 20127, 19911, 19696,
            19484, 19274, 19066, 18861, 18658, 18457, 18258, 18061, 17867, 17674, 17484, 17296, 17109, 16925, 16743, 16562,
            16384,
        };

        private static readonly int[] s_log2Reference = new int[]
        {
            0, 1466, 2909, 4331, 5732, 7112, 8473, 9814, 11136, 12440, 13727, 14996, 16248, 17484, 18704, 19909,
            21098, 22272, 23433, 24579, 25711, 26830, 27936, 29029, 30109, 31178, 32234, 33279, 34312, 35334, 36346, 37346,
            38336, 39316, 40286, 41246, 42196, 43137, 44068, 44990, 45904, 46809, 47705, 48593, 49472, 50344, 51207, 52063,
            52911, 53751, 54584, 55410, 56229, 57040, 57845, 58643, 59434, 60219, 60997, 61769, 62534, 63294, 64047, 64794,
            65536,
        };

        // ln(c) * 65536 for c = 2..10 (index c - 2): ln 2 = 0.693147, ..., ln 10 = 2.302585 -> 150902.
        private static readonly int[] s_lnReference = new int[] { 45426, 71999, 90852, 105476, 117425, 127527, 136278, 143997, 150902 };

        [TestMethod]
        public void UniformLogitsCostLnOfTheClassCount()
        {
            // Tolerance 2 in Q16 (3e-5 nats): the log2 table entries are rounded (0.5 unit times ln 2),
            // ln 2 is 45426 instead of 45426.09 (0.3 unit at 150902), and the result is floored (1 unit).
            for (int classes = 2; classes <= 10; classes++)
            {
                for (int v = -127; v <= 127; v += 127)
                {
                    Tensor8 logits = Logits(Constant(classes, v), new Scale(-4, 1, 0));
                    Tensor8 error = new Tensor8(new sbyte[classes], 0);
                    int loss = SoftmaxCrossEntropy.Compute(logits, classes - 1, error, new int[classes], true);
                    int difference = loss - s_lnReference[classes - 2];
                    Assert.IsTrue(difference >= -2 && difference <= 2, "ln " + classes.ToString() + " got " + loss.ToString());
                }
            }
        }

        [TestMethod]
        public void ErrorSumsToZeroUpToRounding()
        {
            // Q14: P_i = floor(p_i * 2^14 / sum) loses less than 1 per class, so sum(P) - 2^14 is in [-(classes - 1) 0].
            // int8: each element is rounded by at most half a step, so |sum q| <= classes / 2 + (classes - 1) * f
            // with f = 2^-14 / scale(error) the Q14-to-int8 factor.
            Xorshift32 random = new Xorshift32(31u);
            for (int round = 0; round < 200; round++)
            {
                int classes = 2 + random.NextInt(9);
                sbyte[] q = ReferenceArithmetic.RandomInt8(random, classes, 127);
                Tensor8 logits = Logits(q, new Scale(-2 - random.NextInt(6), random.NextInt(2), random.NextInt(2)));
                Tensor8 error = new Tensor8(new sbyte[classes], 0);
                int[] scratch = new int[classes];
                int label = random.NextInt(classes);
                SoftmaxCrossEntropy.Compute(logits, label, error, scratch, (round & 1) == 0);

                long q14 = 0;
                long int8 = 0;
                for (int i = 0; i < classes; i++)
                {
                    q14 += scratch[i]; // Compute leaves the Q14 error P - 2^14 * onehot in the scratch
                    int8 += error.Data[i];
                }

                Assert.IsTrue(q14 <= 0 && q14 >= -(classes - 1), "Q14 sum " + q14.ToString());
                int a = -SoftmaxCrossEntropy.ProbabilityBits - error.Scale.Pow2;
                int b = -error.Scale.Pow3;
                long num = ReferenceArithmetic.Power(2, a > 0 ? a : 0) * ReferenceArithmetic.Power(3, b > 0 ? b : 0);
                long den = ReferenceArithmetic.Power(2, a < 0 ? -a : 0) * ReferenceArithmetic.Power(3, b < 0 ? -b : 0);
                long magnitude = int8 < 0 ? -int8 : int8;
                Assert.IsTrue(2 * magnitude * den <= classes * den + 2 * (classes - 1) * num, "int8 sum " + int8.ToString());
            }
        }

        [TestMethod]
        public void LabelErrorIsNegativeAndTheOthersAreNot()
        {
            // Logits within +-60 at 2^-5: spreads below 4 nats, so no probability underflows and the label's is below 1.
            Xorshift32 random = new Xorshift32(5u);
            for (int round = 0; round < 100; round++)
            {
                int classes = 2 + random.NextInt(9);
                Tensor8 logits = Logits(ReferenceArithmetic.RandomInt8(random, classes, 60), Scale.PowerOfTwo(-5));
                Tensor8 error = new Tensor8(new sbyte[classes], 0);
                int label = random.NextInt(classes);
                int loss = SoftmaxCrossEntropy.Compute(logits, label, error, new int[classes], (round & 1) == 0);
                Assert.IsTrue(loss > 0, "positive loss");
                int max = 0;
                for (int i = 0; i < classes; i++)
                {
                    int e = error.Data[i];
                    Assert.IsTrue(i == label ? e < 0 : e >= 0, "sign of class " + i.ToString());
                    max = (e < 0 ? -e : e) > max ? (e < 0 ? -e : e) : max;
                }

                Assert.AreEqual(max, error.MaxAbs, "MaxAbs");
                Assert.IsTrue(max <= 127, "int8 range");
            }
        }

        [TestMethod]
        public void ConfidentCorrectPredictionCostsAlmostNothing()
        {
            // Label 127 and the others -127 at 2^-5: the real loss is ln(1 + 9 e^-7.94) = 0.0032 nats (210 in Q16).
            sbyte[] q = Constant(10, -127);
            q[3] = 127;
            Tensor8 error = new Tensor8(new sbyte[10], 0);
            int loss = SoftmaxCrossEntropy.Compute(Logits(q, Scale.PowerOfTwo(-5)), 3, error, new int[10], true);
            Assert.IsTrue(loss >= 0 && loss < 656, "loss below 0.01 nats: " + loss.ToString());
            Assert.IsTrue(error.Data[3] <= 0, "label error");

            // At 2^-3 the others underflow (2^-31 of the label's): the loss is exactly 0 and so is the error.
            loss = SoftmaxCrossEntropy.Compute(Logits(q, Scale.PowerOfTwo(-3)), 3, error, new int[10], true);
            Assert.AreEqual(0, loss, "saturated confidence");
            Assert.AreEqual(0, error.MaxAbs, "no error left");
        }

        [TestMethod]
        public void ConfidentWrongPredictionCostsALotButStaysFinite()
        {
            // Label -127 and class 0 at 127, at 2^-3: the real loss is 31.75 nats. The base-2 exponent saturates
            // at 31, so the loss is 31 ln 2 = 21.49 nats (31 * 45426 in Q16): large, finite, no overflow.
            sbyte[] q = new sbyte[] { 127, -127, -127 };
            for (int c = 0; c < 2; c++)
            {
                Tensor8 error = new Tensor8(new sbyte[3], 0);
                int loss = SoftmaxCrossEntropy.Compute(Logits(q, Scale.PowerOfTwo(-3)), 2, error, new int[3], c == 1);
                Assert.IsTrue(loss > 10 * 65536, "above 10 nats: " + loss.ToString());
                Assert.IsTrue(loss <= 31 * 45426 + 2, "at most 31 ln 2: " + loss.ToString());

                // P = (1 0 0) and the target (0 0 1): the error is (+x 0 -x) at the largest int8 magnitude the step gives.
                Assert.AreEqual((int)error.Data[0], -(int)error.Data[2], "opposite errors");
                Assert.AreEqual(0, (int)error.Data[1], "third class");
                Assert.AreEqual(c == 1 ? 108 : 64, (int)error.Data[0], "2^14 rescaled");
            }
        }

        [TestMethod]
        public void Exp2NegativeMatchesTheTableAndDecreases()
        {
            for (int whole = 0; whole <= 15; whole++)
            {
                for (int j = 0; j < 64; j++)
                {
                    int d = (whole << 10) + (j << 4);
                    Assert.AreEqual(s_exp2Reference[j] >> whole, SoftmaxCrossEntropy.Exp2Negative(d), "table point " + d.ToString());
                }
            }

            int previous = SoftmaxCrossEntropy.Exp2Negative(0);
            for (int d = 1; d <= 16 << 10; d++)
            {
                int value = SoftmaxCrossEntropy.Exp2Negative(d);
                int j = (d & 1023) >> 4;
                int whole = d >> 10;
                Assert.IsTrue(value <= previous, "non-increasing at " + d.ToString());
                if (whole <= 15)
                {
                    Assert.IsTrue(value <= s_exp2Reference[j] >> whole && value >= s_exp2Reference[j + 1] >> whole, "between table points at " + d.ToString());
                }

                previous = value;
            }

            Assert.AreEqual(0, SoftmaxCrossEntropy.Exp2Negative(16 << 10), "2^-16 underflows Q15");
            Assert.AreEqual(0, SoftmaxCrossEntropy.Exp2Negative(31 << 10), "largest exponent");
        }

        [TestMethod]
        public void Log2MatchesTheTableAndIncreases()
        {
            // x = (64 + j) * 2^k = 2^(k+6) * (1 + j/64): log2 x = k + 6 + log2(1 + j/64).
            for (int k = 0; k <= 40; k++)
            {
                for (int j = 0; j < 64; j++)
                {
                    long x = (64L + j) << k;
                    Assert.AreEqual(((long)(k + 6) << 16) + s_log2Reference[j], SoftmaxCrossEntropy.Log2Q16(x), "table point " + x.ToString());
                }
            }

            long previous = SoftmaxCrossEntropy.Log2Q16(1);
            Assert.AreEqual(0L, previous, "log2 1");
            for (long x = 2; x <= 20000; x++)
            {
                long value = SoftmaxCrossEntropy.Log2Q16(x);
                Assert.IsTrue(value >= previous, "non-decreasing at " + x.ToString());
                previous = value;
                if (x >= 64)
                {
                    int k = 0;
                    while ((x >> k) >= 128)
                    {
                        k++;
                    }

                    int j = (int)(x >> k) - 64; // x in [(64 + j) 2^k  (65 + j) 2^k)
                    long bottom = ((long)(k + 6) << 16) + s_log2Reference[j];
                    long top = ((long)(k + 6) << 16) + s_log2Reference[j + 1];
                    Assert.IsTrue(value >= bottom && value <= top, "between table points at " + x.ToString());
                }
            }
        }

        [TestMethod]
        public void RejectsALabelOutsideTheClasses()
        {
            Tensor8 logits = Logits(new sbyte[] { 1, 2, 3 }, Scale.PowerOfTwo(-4));
            Tensor8 error = new Tensor8(new sbyte[3], 0);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => { SoftmaxCrossEntropy.Compute(logits, -1, error, new int[3], true); }, "label -1");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => { SoftmaxCrossEntropy.Compute(logits, 3, error, new int[3], true); }, "label 3");
        }

        [TestMethod]
        public void ArgMaxTakesTheFirstLargest()
        {
            Assert.AreEqual(1, SoftmaxCrossEntropy.ArgMax(Logits(new sbyte[] { 3, 7, 7, -1 }, Scale.PowerOfTwo(0))), "first of the tie");
            Assert.AreEqual(0, SoftmaxCrossEntropy.ArgMax(Logits(new sbyte[] { -5, -5 }, Scale.PowerOfTwo(0))), "all equal");
            Assert.AreEqual(2, SoftmaxCrossEntropy.ArgMax(Logits(new sbyte[] { -127, -3, 0 }, Scale.PowerOfTwo(0))), "last");
        }

        private static Tensor8 Logits(sbyte[] q, Scale scale)
        {
            Tensor8 t = MaxPool2DTests.Input(q);
            t.Scale = scale;
            return t;
        }

        private static sbyte[] Constant(int count, int value)
        {
            return MaxPool2DTests.Filled(count, value);
        }
    }
}
