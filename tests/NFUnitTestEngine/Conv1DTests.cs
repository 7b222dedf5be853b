// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // Conv1D on C x 1 x L: forward, input error, weight and bias updates against the naive
    // references of ConvReference (a 1 x K kernel, no vertical padding; the checks are in
    // ConvChecks), int32 worst cases, and the constructor's overflow bounds.
    [TestClass]
    public class Conv1DTests
    {
        [TestMethod]
        public void ForwardHandCheckedWithoutPadding()
        {
            // x = 1..6, w = 1 2 3: output 0 = 1*1 + 2*2 + 3*3 = 14, and each step right adds sum(w) = 6.
            HandChecked(1, 0, new int[] { 14, 20, 26, 32 });
        }

        [TestMethod]
        public void ForwardHandCheckedWithPaddingOne()
        {
            // Padding 1: the first window sees 0 1 2 (2*1 + 3*2 = 8), the last 5 6 0 (1*5 + 2*6 = 17).
            HandChecked(1, 1, new int[] { 8, 14, 20, 26, 32, 17 });
        }

        [TestMethod]
        public void ForwardHandCheckedWithStrideTwo()
        {
            // Padding 1, stride 2: windows start at -1, 1, 3 and see 0 1 2 (8), 2 3 4 (1*2 + 2*3 + 3*4 = 20), 4 5 6 (32).
            HandChecked(2, 1, new int[] { 8, 20, 32 });
        }

        [TestMethod]
        [DataRow(1, 8, 1, 3, 1, 0, 11)]
        [DataRow(1, 8, 1, 3, 1, 1, 12)]
        [DataRow(2, 9, 2, 3, 2, 1, 13)]    // 2 channels, 2 filters, stride 2
        [DataRow(3, 10, 4, 4, 3, 2, 14)]   // even kernel, stride 3
        [DataRow(1, 2, 1, 5, 1, 2, 15)]    // kernel longer than the input
        [DataRow(2, 3, 2, 2, 1, 3, 16)]    // padding > kernel: some outputs see only padding
        [DataRow(3, 7, 2, 1, 1, 0, 17)]    // kernel 1
        [DataRow(2, 12, 3, 5, 5, 2, 18)]   // stride = kernel
        public void ForwardMatchesReference(int channels, int length, int filters, int kernel, int stride, int padding, int seed)
        {
            ConvReference r = Reference(channels, length, filters, kernel, stride, padding);
            ConvChecks.ForwardMatchesReference(Create(r, true, false), r, (uint)seed);
        }

        [TestMethod]
        [DataRow(1, 8, 1, 3, 1, 0, 31, false)]
        [DataRow(1, 8, 1, 3, 1, 1, 32, false)]
        [DataRow(2, 9, 2, 3, 2, 1, 33, false)]
        [DataRow(3, 10, 4, 4, 3, 2, 34, false)]   // stride 3 with kernel 4: every input is covered once or twice
        [DataRow(1, 2, 1, 5, 1, 2, 35, false)]
        [DataRow(2, 3, 2, 2, 1, 3, 36, false)]
        [DataRow(2, 11, 2, 2, 3, 0, 37, false)]   // stride 3 with kernel 2: some inputs get no error at all
        [DataRow(1, 8, 1, 3, 1, 0, 31, true)]
        [DataRow(1, 8, 1, 3, 1, 1, 32, true)]
        [DataRow(2, 9, 2, 3, 2, 1, 33, true)]
        [DataRow(3, 10, 4, 4, 3, 2, 34, true)]   // stride 3 with kernel 4: every input is covered once or twice
        [DataRow(1, 2, 1, 5, 1, 2, 35, true)]
        [DataRow(2, 3, 2, 2, 1, 3, 36, true)]
        [DataRow(2, 11, 2, 2, 3, 0, 37, true)]   // stride 3 with kernel 2: some inputs get no error at all
        public void BackwardInputErrorMatchesReference(int channels, int length, int filters, int kernel, int stride, int padding, int seed, bool dropAtZeroInputs)
        {
            ConvReference r = Reference(channels, length, filters, kernel, stride, padding);
            for (int perPass = 1; perPass <= channels; perPass++)
            {
                ConvChecks.InputErrorMatchesReference(Create(r, true, false), r, (uint)seed, dropAtZeroInputs, perPass);
            }
        }

        // A Tin-Tin step that clamps and rescales the weights: the fused input error keeps the scale its
        // weights had (the second convolution of a CNN, above a ReLU, takes this path).
        [TestMethod]
        [DataRow(2, 12, 3, 3, 1, 1, 51)]
        [DataRow(3, 16, 4, 5, 2, 2, 52)]
        public void FusedInputErrorKeepsTheWeightScaleOfTheForwardPass(int channels, int length, int filters, int kernel, int stride, int padding, int seed)
        {
            ConvReference r = Reference(channels, length, filters, kernel, stride, padding);
            ConvChecks.FusedInputErrorKeepsTheScaleOfItsWeights(Create(r, true, false), r, (uint)seed);
        }

        [TestMethod]
        [DataRow(1, 8, 1, 3, 1, 0, 41)]
        [DataRow(2, 9, 2, 3, 2, 1, 42)]
        [DataRow(3, 10, 3, 4, 3, 2, 43)]
        [DataRow(2, 3, 2, 2, 1, 3, 44)]
        public void NitiUpdateWithShiftZeroSubtractsTheExactGradient(int channels, int length, int filters, int kernel, int stride, int padding, int seed)
        {
            // μ = 31 makes NITI's shift 0, so its update is exactly G (no rounding at all).
            ConvReference r = Reference(channels, length, filters, kernel, stride, padding);
            TrainingOptions options = new TrainingOptions();
            options.Mode = TrainingMode.Niti;
            options.MuBits = TrainingOptions.MaxMuBits; // 30: with these small gradients the shift is 0
            ConvChecks.ExactUpdate(Create(r, false, false), r, (uint)seed, options, Scale.PowerOfTwo(-5));
        }

        [TestMethod]
        [DataRow(1, 8, 1, 3, 1, 0, 51)]
        [DataRow(2, 9, 2, 3, 2, 1, 52)]
        [DataRow(3, 10, 3, 4, 3, 2, 53)]
        public void TinTinUpdateWithUnitMultiplierSubtractsTheExactGradient(int channels, int length, int filters, int kernel, int stride, int padding, int seed)
        {
            // η = 1 and scale(e) * scale(x) = 2^-3 * 2^-7 = scale(W) = 2^-10: the multiplier is
            // 2^14 / 2^14, and round_stochastic(G * 2^14 / 2^14) = G whatever the random bits.
            ConvReference r = Reference(channels, length, filters, kernel, stride, padding);
            TrainingOptions options = new TrainingOptions();
            options.LearningRate = ConvChecks.Unit;
            ConvChecks.ExactUpdate(Create(r, false, false), r, (uint)seed, options, Scale.PowerOfTwo(-10));
        }

        [TestMethod]
        public void TinTinFractionalUpdateRoundsToANeighbourAndIsDeterministic()
        {
            ConvReference r = Reference(2, 12, 2, 3, 1, 1);
            ConvChecks.FractionalUpdate(Create(r, false, false), Create(r, false, false), r);
        }

        [TestMethod]
        public void NitiShiftIsChosenPerFilterAndPass()
        {
            ConvReference r = Reference(2, 16, 2, 3, 1, 1);
            ConvChecks.NitiShiftPerBlock(Create(r, false, false), r, 1);
            ConvChecks.NitiShiftPerBlock(Create(r, false, false), r, 2);
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void BiasesMoveByTheSumOfTheirFiltersErrors(bool niti)
        {
            ConvReference r = Reference(1, 10, 3, 3, 1, 1);
            ConvChecks.BiasUpdate(Create(r, true, false), r, niti);
        }

        [TestMethod]
        public void MiniBatchAccumulatesTheGradientThenAppliesIt()
        {
            ConvReference r = Reference(2, 9, 2, 3, 2, 1);
            ConvChecks.MiniBatch(Create(r, false, true), r);
        }

        [TestMethod]
        [DataRow(127)]
        [DataRow(-127)]
        public void MiniBatchAccumulatorsSaturateWithTheRightSign(int value)
        {
            ConvReference r = Reference(1, 600, 1, 1, 1, 0); // 600 positions
            ConvChecks.MiniBatchSaturates(Create(r, false, true), r, value);
        }

        [TestMethod]
        [DataRow(-127, -127, 1)]   // (-127) * (-127) = +16129 per product, bias +2^30
        [DataRow(127, -127, -1)]   // -16129 per product, bias -2^30
        public void WorstCaseForwardAtTheLargestFanInFitsInt32(int input, int weight, int biasSign)
        {
            // Fan-in 16643 x 4 = 66572, the largest with 66572 * 127^2 < 2^30: with the bias
            // clamped to 2^30 the sum is exactly +-(66572 * 16129 + 2^30) = +-2,147,481,612.
            Convolution layer;
            sbyte[] x;
            try
            {
                layer = new Convolution(new ModelSpec(new Shape(16643, 1, 4)).Conv1D(1, 4, 1, 0, true)[0], false);
                x = ConvReference.Filled(16643 * 4, input);
            }
            catch (OutOfMemoryException)
            {
                Assert.SkipTest("not enough memory for 133 KB of worst-case tensors");
                return;
            }

            ConvReference.Fill(layer.Weights, weight);
            layer.WeightScale = Scale.PowerOfTwo(-20);
            layer.Biases[0] = biasSign * int.MaxValue; // at accumulator scale 2^-40 this clamps to 2^30
            Workspace workspace = new Workspace(1, 0, new TrainingOptions(), new Xorshift32(1));
            Tensor8 output = new Tensor8(new sbyte[1], 0);
            layer.Forward(ConvReference.Tensor(x, Scale.PowerOfTwo(-20)), output, workspace);

            long expected = 66572L * input * weight + biasSign * 1073741824L;
            Assert.AreEqual(biasSign * 2147481612L, expected, "reference");
            Assert.AreEqual(expected, (long)workspace.Accumulators[0], "accumulator");
            ConvChecks.AssertRequantized(new long[] { expected }, 1, true, Scale.PowerOfTwo(-40), output, "int8 output");
        }

        [TestMethod]
        [DataRow(-127)]
        [DataRow(127)]
        public void WorstCaseInputErrorAtTheLargestFanOutFitsInt32(int weight)
        {
            // One input sample, padding 1, kernel 2: each of the 66572 filters has 2 outputs whose
            // windows both cover the sample, so it sums 133144 products (the largest with
            // 133144 * 127^2 < 2^31): errors -127 give +-2,147,479,576.
            Convolution layer;
            sbyte[] e;
            try
            {
                layer = new Convolution(new ModelSpec(new Shape(1, 1, 1)).Conv1D(66572, 2, 1, 1, false)[0], false);
                e = ConvReference.Filled(133144, -127);
            }
            catch (OutOfMemoryException)
            {
                Assert.SkipTest("not enough memory for 266 KB of worst-case tensors");
                return;
            }

            ConvReference.Fill(layer.Weights, weight);
            layer.WeightScale = ConvChecks.Unit;
            TrainingOptions options = new TrainingOptions();
            options.Mode = TrainingMode.Niti;
            Workspace workspace = new Workspace(1, 2, options, new Xorshift32(1));
            Tensor8 inputError = new Tensor8(new sbyte[1], 0);
            layer.Backward(ConvReference.Tensor(new sbyte[] { 1 }, ConvChecks.Unit), ConvChecks.Dummy(), ConvReference.Tensor(e, ConvChecks.Unit), inputError, workspace);

            long expected = 133144L * weight * -127;
            Assert.AreEqual(weight < 0 ? 2147479576L : -2147479576L, expected, "reference");
            Assert.AreEqual(expected, (long)workspace.Accumulators[0], "accumulator");
            ConvChecks.AssertRequantized(new long[] { expected }, 1, false, ConvChecks.Unit, inputError, "int8 input error");
        }

        [TestMethod]
        [DataRow(-127)]
        [DataRow(127)]
        public void WorstCaseGradientOverTheMostOutputPositionsFitsInt32(int error)
        {
            // 133144 output positions of a kernel 1, inputs -127: the gradient is
            // +-133144 * 16129 = +-2,147,479,576 (bit length 31), and NITI with μ = 3 shifts it by
            // 28: the weight (0) moves by 7 or 8 steps against the gradient's sign.
            Convolution layer;
            sbyte[] x;
            sbyte[] e;
            try
            {
                layer = new Convolution(new ModelSpec(new Shape(1, 1, 133144)).Conv1D(1, 1, 1, 0, false)[0], false);
                x = ConvReference.Filled(133144, -127);
                e = ConvReference.Filled(133144, error);
            }
            catch (OutOfMemoryException)
            {
                Assert.SkipTest("not enough memory for 266 KB of worst-case tensors");
                return;
            }

            layer.WeightScale = ConvChecks.Unit;
            TrainingOptions options = new TrainingOptions();
            options.Mode = TrainingMode.Niti;
            options.MuBits = 3;
            Workspace workspace = new Workspace(0, 1, options, new Xorshift32(1));
            layer.Backward(ConvReference.Tensor(x, ConvChecks.Unit), ConvChecks.Dummy(), ConvReference.Tensor(e, ConvChecks.Unit), null, workspace);

            long expected = 133144L * -127 * error;
            Assert.AreEqual(error < 0 ? 2147479576L : -2147479576L, expected, "reference");
            Assert.AreEqual(expected, (long)workspace.Gradients[0], "gradient");
            int moved = error < 0 ? -layer.Weights[0] : layer.Weights[0];
            Assert.IsTrue(moved == 7 || moved == 8, "update " + layer.Weights[0].ToString());
        }

        [TestMethod]
        [DataRow(16643, 5, 1, 5)]      // fan-in 16643 * 5 = 83215 > 66572
        [DataRow(66573, 1, 1, 1)]      // fan-in 66573
        [DataRow(1, 1, 133145, 1)]     // fan-out 133145 > 133144
        [DataRow(1, 133145, 1, 1)]     // 133145 output positions
        public void ConstructorRejectsSumsThatCouldOverflow(int channels, int length, int filters, int kernel)
        {
            LayerSpec spec = new ModelSpec(new Shape(channels, 1, length)).Conv1D(filters, kernel, 1, 0, true)[0];
            Assert.ThrowsException(typeof(ArgumentException), () => new Convolution(spec, false), "constructor must reject");
        }

        [TestMethod]
        public void FactoryCreatesConv1D()
        {
            LayerSpec spec = new ModelSpec(new Shape(2, 1, 10)).Conv1D(3, 3, 1, 1, true)[0];
            Layer layer = LayerFactory.Create(spec, false);
            Assert.IsInstanceOfType(layer, typeof(Convolution), "factory type");
            Assert.AreEqual(6, ((Convolution)layer).FanIn, "fan-in");
            Assert.AreEqual(18, ((Convolution)layer).Weights.Length, "weights");
            Assert.AreEqual(3, LayerFactory.GradientRowLength(spec, 10), "gradient row: one kernel when the accumulator row holds one channel");
            Assert.AreEqual(6, LayerFactory.GradientRowLength(spec, 20), "gradient row: the whole filter when it holds both");
        }

        private static void HandChecked(int stride, int padding, int[] expected)
        {
            ConvReference r = Reference(1, 6, 1, 3, stride, padding);
            sbyte[] x = new sbyte[] { 1, 2, 3, 4, 5, 6 };
            sbyte[] w = new sbyte[] { 1, 2, 3 };
            ConvChecks.HandChecked(Create(r, false, false), r, x, w, expected);
        }

        private static ConvReference Reference(int channels, int length, int filters, int kernel, int stride, int padding)
        {
            return new ConvReference(channels, 1, length, filters, 1, kernel, stride, 0, padding);
        }

        private static Convolution Create(ConvReference r, bool bias, bool batched)
        {
            LayerSpec spec = new ModelSpec(new Shape(r.Channels, 1, r.Width)).Conv1D(r.Filters, r.KernelWidth, r.Stride, r.PadWidth, bias)[0];
            Assert.AreEqual(1, spec.Output.Height, "output height");
            Assert.AreEqual(r.OutWidth, spec.Output.Width, "output length");
            return new Convolution(spec, batched);
        }
    }
}
