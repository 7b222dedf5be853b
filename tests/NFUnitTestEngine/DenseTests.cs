// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // Dense against naive references: long dot products over explicit [output, input] indices, biases
    // converted by exact rational rounding, outputs re-derived from the accumulators and the output
    // scale, and the Tin-Tin update re-implemented as floor((p + r) / 2^n) with r from a separate
    // Xorshift32 started from the same seed.
    [TestClass]
    public class DenseTests
    {
        [TestMethod]
        public void ForwardOnAHandCheckedLayer()
        {
            // W = [1 2 3; -4 5 -6], x = (10 -20 30): acc = (60 -320) at 2^-4 * 2^-3 = 2^-7.
            // Tin-Tin rescale: 320 * 3/8 = 120 is the best <= 127 (1/4 gives 80, 9/32 gives 90, 81/256 gives 101),
            // so the output is (22.5 -> 23, -120) at 2^-7 / (3/8) = 2^-5 * 1.5^-1.
            Dense dense = Create(3, 2, false);
            SetWeights(dense, new sbyte[] { 1, 2, 3, -4, 5, -6 }, Scale.PowerOfTwo(-3));
            Tensor8 input = Tensor(new sbyte[] { 10, -20, 30 }, Scale.PowerOfTwo(-4));
            Tensor8 output = new Tensor8(new sbyte[2], 0);
            Workspace workspace = NewWorkspace(new TrainingOptions(), 4, 1u);
            dense.Forward(input, output, workspace);

            Assert.AreEqual(60, workspace.Accumulators[0], "acc 0");
            Assert.AreEqual(-320, workspace.Accumulators[1], "acc 1");
            CollectionAssert.AreEqual(new sbyte[] { 23, -120 }, output.Data, "output");
            MaxPool2DTests.AssertScale(new Scale(-5, -1, 0), output.Scale, "output scale");
            Assert.AreEqual(120, output.MaxAbs, "MaxAbs");
            Assert.AreEqual(2, output.Length, "length");
        }

        [TestMethod]
        public void ForwardAddsBiasesConvertedToTheAccumulatorScale()
        {
            // Biases at 2^-20, accumulators at 2^-7: b / 2^13. 20480 / 8192 = 2.5 -> 3 and -12288 / 8192 = -1.5 -> -2
            // (halves away from zero), so acc = (60 + 3  -320 - 2) = (63 -322).
            Dense dense = Create(3, 2, true);
            SetWeights(dense, new sbyte[] { 1, 2, 3, -4, 5, -6 }, Scale.PowerOfTwo(-3));
            dense.Biases[0] = 20480;
            dense.Biases[1] = -12288;
            Tensor8 output = new Tensor8(new sbyte[2], 0);
            Workspace workspace = NewWorkspace(new TrainingOptions(), 4, 1u);
            dense.Forward(Tensor(new sbyte[] { 10, -20, 30 }, Scale.PowerOfTwo(-4)), output, workspace);
            Assert.AreEqual(63, workspace.Accumulators[0], "acc 0");
            Assert.AreEqual(-322, workspace.Accumulators[1], "acc 1");

            // A compound accumulator scale: x at 1.5 * 2^-4, so acc at 3 * 2^-8 and a bias is worth b / 12288.
            // 61440 -> 5, -30000 -> -2.44 -> -2, 1233800 -> 100.41 -> 100 (away from halves: the 15-bit
            // multiplier for 1/3 is exact to 2^-14).
            Dense compound = Create(1, 3, true);
            SetWeights(compound, new sbyte[] { 0, 0, 0 }, Scale.PowerOfTwo(-3));
            compound.Biases[0] = 61440;
            compound.Biases[1] = -30000;
            compound.Biases[2] = 1233800;
            output = new Tensor8(new sbyte[3], 0);
            compound.Forward(Tensor(new sbyte[] { 7 }, new Scale(-4, 1, 0)), output, workspace);
            Assert.AreEqual(5, workspace.Accumulators[0], "compound acc 0");
            Assert.AreEqual(-2, workspace.Accumulators[1], "compound acc 1");
            Assert.AreEqual(100, workspace.Accumulators[2], "compound acc 2");
        }

        [TestMethod]
        [DataRow(1, 8, 5, false, 101)]
        [DataRow(1, 17, 9, true, 102)]
        [DataRow(2, 8, 5, true, 103)]
        [DataRow(2, 33, 3, false, 104)]
        public void ForwardMatchesNaiveReference(int mode, int inputs, int outputs, bool bias, int seed)
        {
            Xorshift32 random = new Xorshift32((uint)seed);
            TrainingOptions options = new TrainingOptions();
            options.Mode = (TrainingMode)mode;
            Dense dense = Create(inputs, outputs, bias);
            Scale weightScale = new Scale(-7, random.NextInt(3), random.NextInt(3));
            SetWeights(dense, ReferenceArithmetic.RandomInt8(random, inputs * outputs, 127), weightScale);
            if (bias)
            {
                for (int o = 0; o < outputs; o++)
                {
                    dense.Biases[o] = random.NextInt() >> 9; // +-2^22 at 2^-20: +-4.0
                }
            }

            Tensor8 input = Tensor(ReferenceArithmetic.RandomInt8(random, inputs, 127), Scale.PowerOfTwo(-5));
            Tensor8 output = new Tensor8(new sbyte[outputs], 0);
            Workspace workspace = NewWorkspace(options, inputs + outputs, 1u);
            dense.Forward(input, output, workspace);

            Scale accScale = Scale.Product(input.Scale, weightScale);
            for (int o = 0; o < outputs; o++)
            {
                long acc = 0;
                for (int i = 0; i < inputs; i++)
                {
                    acc += (long)dense.GetWeight(o * inputs + i) * input.Data[i];
                }

                long difference = workspace.Accumulators[o] - acc;
                if (bias)
                {
                    // Power-of-two scales convert the bias exactly; compound ones to within the multiplier's 2^-14,
                    // which can move a rounding by one.
                    difference -= ReferenceArithmetic.Convert(dense.Biases[o], dense.BiasScale, accScale);
                }

                long tolerance = bias && accScale.Pow3 != 0 ? 1 : 0;
                Assert.IsTrue(difference >= -tolerance && difference <= tolerance, "acc " + o.ToString());
                long actual = workspace.Accumulators[o];
                Assert.AreEqual(ReferenceArithmetic.Convert(actual, accScale, output.Scale), (long)output.Data[o], "output " + o.ToString());
            }

            Assert.IsTrue(output.MaxAbs <= 127 && output.MaxAbs == ReferenceArithmetic.MaxAbs(output.Data, outputs), "MaxAbs");
            if (options.Mode == TrainingMode.Niti)
            {
                Assert.AreEqual(accScale.Pow3, output.Scale.Pow3, "NITI rescales by powers of two");
            }
        }

        [TestMethod]
        public void BackwardErrorAndExactNitiUpdate()
        {
            // W = [125 20 -30; 0 1 2], x = (-3 -4 5), e = (1 -2).
            // Input error with the old weights: (125 + 0  20 - 2  -30 - 4) = (125 18 -34) at 2^-6 * 2^-3 = 2^-9,
            // already within 127: no rescale.
            // NITI with mu = 14: the largest product (2 * 5 = 10) needs no shift, so W -= e * x exactly:
            // row 0: (125 + 3 -> 128 clamped to 127  20 + 4  -30 - 5); row 1: (0 - 6  1 - 8  2 + 10).
            TrainingOptions options = new TrainingOptions();
            options.Mode = TrainingMode.Niti;
            options.MuBits = 14;
            Dense dense = Create(3, 2, false);
            SetWeights(dense, new sbyte[] { 125, 20, -30, 0, 1, 2 }, Scale.PowerOfTwo(-3));
            Tensor8 input = Tensor(new sbyte[] { -3, -4, 5 }, Scale.PowerOfTwo(-4));
            Tensor8 error = Tensor(new sbyte[] { 1, -2 }, Scale.PowerOfTwo(-6));
            Tensor8 inputError = new Tensor8(new sbyte[3], 0);
            Workspace workspace = NewWorkspace(options, 4, 1u);
            dense.Backward(input, new Tensor8(new sbyte[2], 2), error, inputError, workspace);

            CollectionAssert.AreEqual(new sbyte[] { 125, 18, -34 }, inputError.Data, "input error");
            MaxPool2DTests.AssertScale(Scale.PowerOfTwo(-9), inputError.Scale, "error scale");
            Assert.AreEqual(125, inputError.MaxAbs, "error MaxAbs");
            CollectionAssert.AreEqual(new sbyte[] { 127, 24, -35, -6, -7, 12 }, ReferenceArithmetic.Weights(dense), "updated weights");
            Assert.AreEqual(1, dense.Stats.Saturations, "one clamp");
            MaxPool2DTests.AssertScale(Scale.PowerOfTwo(-3), dense.WeightScale, "NITI keeps the weight scale");
        }

        [TestMethod]
        [DataRow(1, 0, 9, 211)]
        [DataRow(2, 1, 7, 212)]
        [DataRow(2, 0, 12, 213)]
        public void FusedBackwardSendsTheErrorToNonzeroInputsAndMovesTheWeightsLikeTheSeparatePass(int mode, int up, int inputs, int seed)
        {
            // The layer below is a ReLU (ZeroInputsDropTheirError): error and update share one read of each row.
            Xorshift32 random = new Xorshift32((uint)seed);
            TrainingOptions options = new TrainingOptions();
            options.Mode = (TrainingMode)mode;
            options.WeightCheckInterval = 0;
            int outputs = 4;
            Scale weightScale = new Scale(-6, up, 0);
            sbyte[] w = ReferenceArithmetic.RandomInt8(random, inputs * outputs, 100);
            sbyte[] x = ReferenceArithmetic.RandomInt8(random, inputs, 127);
            for (int i = 0; i < inputs; i += 3)
            {
                x[i] = 0;
            }

            sbyte[] e = ReferenceArithmetic.RandomInt8(random, outputs, 127);
            Dense fused = Create(inputs, outputs, false);
            fused.ZeroInputsDropTheirError = true;
            Dense separate = Create(inputs, outputs, false);
            Tensor8 fusedError = new Tensor8(new sbyte[inputs], 0);
            Tensor8 separateError = new Tensor8(new sbyte[inputs], 0);
            Dense[] layers = new Dense[] { fused, separate };
            Tensor8[] errors = new Tensor8[] { fusedError, separateError };
            for (int k = 0; k < 2; k++)
            {
                SetWeights(layers[k], ReferenceArithmetic.Copy(w), weightScale);
                Workspace workspace = NewWorkspace(options, inputs + outputs, 9u);
                layers[k].Backward(Tensor(ReferenceArithmetic.Copy(x), Scale.PowerOfTwo(-5)), new Tensor8(new sbyte[outputs], outputs), Tensor(ReferenceArithmetic.Copy(e), new Scale(-9, 0, 1)), errors[k], workspace);
            }

            CollectionAssert.AreEqual(ReferenceArithmetic.Weights(separate), ReferenceArithmetic.Weights(fused), "weights");
            Scale accScale = Scale.Product(new Scale(-9, 0, 1), weightScale);
            for (int i = 0; i < inputs; i++)
            {
                long acc = 0;
                for (int o = 0; o < outputs; o++)
                {
                    acc += x[i] == 0 ? 0 : (long)w[o * inputs + i] * e[o];
                }

                Assert.AreEqual(ReferenceArithmetic.Convert(acc, accScale, fusedError.Scale), (long)fusedError.Data[i], "input error " + i.ToString());
            }
        }

        [TestMethod]
        [DataRow(1, 0, 5, 201)]
        [DataRow(2, 1, 3, 202)]
        [DataRow(1, 2, 7, 203)]
        public void BackwardErrorMatchesNaiveReference(int mode, int up, int inputs, int seed)
        {
            Xorshift32 random = new Xorshift32((uint)seed);
            TrainingOptions options = new TrainingOptions();
            options.Mode = (TrainingMode)mode;
            options.WeightCheckInterval = 0;
            int outputs = 4;
            Dense dense = Create(inputs, outputs, false);
            Scale weightScale = new Scale(-6, up, 0);
            sbyte[] w = ReferenceArithmetic.RandomInt8(random, inputs * outputs, 127);
            SetWeights(dense, ReferenceArithmetic.Copy(w), weightScale);
            Tensor8 input = Tensor(ReferenceArithmetic.RandomInt8(random, inputs, 127), Scale.PowerOfTwo(-5));
            Tensor8 error = Tensor(ReferenceArithmetic.RandomInt8(random, outputs, 127), new Scale(-9, 0, 1));
            Tensor8 inputError = new Tensor8(new sbyte[inputs], 0);
            dense.Backward(input, new Tensor8(new sbyte[outputs], outputs), error, inputError, NewWorkspace(options, inputs + outputs, 1u));

            Scale accScale = Scale.Product(error.Scale, weightScale);
            for (int i = 0; i < inputs; i++)
            {
                long acc = 0;
                for (int o = 0; o < outputs; o++)
                {
                    acc += (long)w[o * inputs + i] * error.Data[o];
                }

                Assert.AreEqual(ReferenceArithmetic.Convert(acc, accScale, inputError.Scale), (long)inputError.Data[i], "input error " + i.ToString());
            }

            Assert.IsTrue(inputError.MaxAbs <= 127 && inputError.MaxAbs == ReferenceArithmetic.MaxAbs(inputError.Data, inputs), "MaxAbs");
        }

        [TestMethod]
        [DataRow(0, 50, 301)]             // eta = 2^-5: eta * 2^-6 * 2^-4 / 2^-7 = 2^-8 = 16384 * 2^-22
        [DataRow(1, 30, 302)]             // eta = 1.5 * 2^-5: 3 * 2^-9 = 24576 * 2^-22
        public void TinTinUpdateMatchesStochasticRoundingReference(int up, int weightLimit, int seed)
        {
            Xorshift32 random = new Xorshift32((uint)seed);
            TrainingOptions options = new TrainingOptions();
            options.LearningRate = new Scale(-5, up, 0);
            options.WeightCheckInterval = 0;
            options.Seed = (uint)seed;
            int inputs = 6;
            int outputs = 4;
            Dense dense = Create(inputs, outputs, false);
            sbyte[] w = ReferenceArithmetic.RandomInt8(random, inputs * outputs, weightLimit);
            SetWeights(dense, ReferenceArithmetic.Copy(w), Scale.PowerOfTwo(-7));
            Tensor8 input = Tensor(ReferenceArithmetic.RandomInt8(random, inputs, 127), Scale.PowerOfTwo(-4));
            Tensor8 error = Tensor(ReferenceArithmetic.RandomInt8(random, outputs, 127), Scale.PowerOfTwo(-6));
            error.Data[2] = 0; // a row with no error draws no random bits
            input.Data[1] = 0; // a zero input neither moves its weight nor advances the dither
            Workspace workspace = NewWorkspace(options, inputs + outputs, (uint)seed);
            dense.Backward(input, new Tensor8(new sbyte[outputs], outputs), error, null, workspace);

            // Updates are at most 127 * 127 * 1.5 / 256 = 95 and the weights at most 50 (30 with 1.5): no clamping.
            long mantissa = up == 0 ? 16384 : 24576;
            Xorshift32 stream = new Xorshift32((uint)seed);
            for (int o = 0; o < outputs; o++)
            {
                if (error.Data[o] == 0)
                {
                    continue;
                }

                // One random word per row starts the dither; each nonzero input adds the Weyl step (RowUpdate).
                uint u = stream.NextUInt();
                for (int i = 0; i < inputs; i++)
                {
                    if (input.Data[i] == 0)
                    {
                        continue;
                    }

                    u += RowUpdate.DitherStep;
                    long r = u >> (32 - 22);
                    long delta = ReferenceArithmetic.FloorDivide(error.Data[o] * mantissa * input.Data[i] + r, 1L << 22);
                    w[o * inputs + i] = (sbyte)(w[o * inputs + i] - delta);
                }
            }

            CollectionAssert.AreEqual(w, ReferenceArithmetic.Weights(dense), "weights");
            Assert.AreEqual(stream.State, workspace.Random.State, "random state");
            Assert.AreEqual(0, dense.Stats.Saturations, "no clamps");
        }

        [TestMethod]
        public void WorstCaseFanInDoesNotOverflow()
        {
            // The model accepts fan-in * 127^2 <= int.MaxValue / 2: fan-in 66,572 (66,572 * 16,129 = 1,073,739,788).
            // All weights and inputs 127 plus the largest bias contribution (2^30) give 2,147,481,612 < 2^31 - 1.
            // The negative extreme is the mirror image and int32 reaches one further below zero.
            // Memory: one 66.5 KB array, used as both the weights (copied into the packed ones) and the input.
            const int FanIn = 66572;
            Dense dense = Create(FanIn, 1, true);
            sbyte[] w = new sbyte[FanIn];
            for (int i = 0; i < FanIn; i++)
            {
                w[i] = 127;
            }

            dense.SetWeights(w);

            dense.WeightScale = Scale.PowerOfTwo(-30);
            dense.Biases[0] = int.MaxValue; // worth 2^11 at 2^-20: 2^51 accumulator units at 2^-40, clamped to 2^30
            Tensor8 output = new Tensor8(new sbyte[1], 0);
            Workspace workspace = NewWorkspace(new TrainingOptions(), 1, 1u);
            dense.Forward(Tensor(w, Scale.PowerOfTwo(-10)), output, workspace);

            long expected = (long)FanIn * 127 * 127 + (1L << 30);
            Assert.AreEqual(2147481612L, expected, "reference");
            Assert.AreEqual(expected, (long)workspace.Accumulators[0], "accumulator");
            // Rescaled: 2,147,481,612 * 27 / 2^29 = 107.9999 -> 108 is the best step (1/2^25 gives 64, 81/2^31 gives 81).
            Assert.AreEqual(108, (int)output.Data[0], "rescaled");
        }

        [TestMethod]
        public void WeightAccessorsReadAndWriteThePackedWeightsAndRejectBadArguments()
        {
            // 3 x 3 = 9 weights: two longs, the second holding one weight.
            Dense dense = Create(3, 3, false);
            dense.SetWeights(new sbyte[] { 1, -2, 3, -4, 5, -6, 7, -8, 127 });
            Assert.AreEqual(-8, dense.GetWeight(7), "weight 7");
            Assert.AreEqual(127, dense.GetWeight(8), "weight 8 (second long)");
            dense.SetWeight(8, -128);
            CollectionAssert.AreEqual(new sbyte[] { 1, -2, 3, -4, 5, -6, 7, -8, -128 }, ReferenceArithmetic.Weights(dense), "after SetWeight");
            Assert.AreEqual(16, dense.WeightStorageBytes, "whole longs");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => dense.GetWeight(9), "index past the end");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => dense.SetWeight(-1, 0), "negative index");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => dense.SetWeight(0, 128), "value above int8");
            Assert.ThrowsException(typeof(ArgumentException), () => dense.SetWeights(new sbyte[8]), "source too short");
            Assert.ThrowsException(typeof(ArgumentException), () => dense.CopyWeightsTo(null), "no destination");
            CollectionAssert.AreEqual(new sbyte[] { 1, -2, 3, -4, 5, -6, 7, -8, -128 }, ReferenceArithmetic.Weights(dense), "nothing changed by the rejected calls");
        }

        [TestMethod]
        public void ModelRejectsADenseWhoseDotProductsCouldOverflow()
        {
            // Rejected before anything is allocated: fan-in 66,573 (a forward sum plus a bias of up to 2^30), and
            // fan-out 133,145 (an input error, no bias: 133,145 * 127^2 > 2^31 - 1).
            ModelSpec wide = new ModelSpec(Shape.Vector(66573)).Dense(2);
            Assert.ThrowsException(typeof(ArgumentException), () => { new Model(wide, new TrainingOptions()); }, "fan-in");
            ModelSpec tall = new ModelSpec(Shape.Vector(1)).Dense(133145);
            Assert.ThrowsException(typeof(ArgumentException), () => { new Model(tall, new TrainingOptions()); }, "fan-out");
        }

        private static Dense Create(int inputs, int outputs, bool bias)
        {
            return new Dense(new ModelSpec(Shape.Vector(inputs)).Dense(outputs, bias)[0], false);
        }

        private static void SetWeights(Dense dense, sbyte[] weights, Scale scale)
        {
            dense.SetWeights(weights);
            dense.WeightScale = scale;
        }

        private static Tensor8 Tensor(sbyte[] data, Scale scale)
        {
            Tensor8 t = MaxPool2DTests.Input(data);
            t.Scale = scale;
            return t;
        }

        private static Workspace NewWorkspace(TrainingOptions options, int accumulators, uint seed)
        {
            return new Workspace(accumulators, 0, options, new Xorshift32(seed));
        }
    }
}
