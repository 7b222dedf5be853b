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
    // Conv2D: forward, input error, weight and bias updates against the naive references of
    // ConvReference (the checks themselves are in ConvChecks), int32 worst cases, and the
    // constructor's overflow bounds.
    [TestClass]
    public class Conv2DTests
    {
        [TestMethod]
        public void ForwardHandCheckedWithoutPadding()
        {
            // x = 1..16 row-major (x[r, c] = 4r + c + 1), w = 1..9 row-major. Output (0, 0) =
            // 1*1 + 2*2 + 3*3 + 4*5 + 5*6 + 6*7 + 7*9 + 8*10 + 9*11 = 348; moving the window by
            // dx columns and dy rows adds sum(w) * (dx + 4 dy) = 45 (dx + 4 dy).
            HandChecked(1, 0, new int[] { 348, 393, 528, 573 });
        }

        [TestMethod]
        public void ForwardHandCheckedWithPaddingOne()
        {
            // Same x and w, 1 pixel of zero padding: 4 x 4 outputs. Corner (0, 0) sees only taps
            // (1,1) (1,2) (2,1) (2,2): 5*1 + 6*2 + 8*5 + 9*6 = 111; (0, 1) = 4*1 + 5*2 + 6*3 +
            // 7*5 + 8*6 + 9*7 = 178; the inner 2 x 2 are the unpadded outputs. The whole grid was
            // also computed by a separate Python script (bounds-checked loops over the 3 x 3 taps).
            HandChecked(1, 1, new int[]
            {
                111, 178, 217, 145,
                231, 348, 393, 252,
                363, 528, 573, 360,
                197, 274, 295, 175,
            });
        }

        [TestMethod]
        public void ForwardHandCheckedWithStrideTwo()
        {
            // Padding 1, stride 2: windows start at rows/columns -1 and 1. (0, 0) = 111 as above;
            // (0, 1) = 4*2 + 5*3 + 6*4 + 7*6 + 8*7 + 9*8 = 217; (1, 0) = 2*5 + 3*6 + 5*9 + 6*10 +
            // 8*13 + 9*14 = 363; (1, 1) is the full window at (1, 1) = 573.
            HandChecked(2, 1, new int[] { 111, 217, 363, 573 });
        }

        [TestMethod]
        [DataRow(1, 4, 4, 1, 3, 1, 0, 11)]
        [DataRow(1, 4, 4, 1, 3, 1, 1, 12)]
        [DataRow(1, 4, 4, 1, 3, 2, 1, 13)]
        [DataRow(2, 5, 5, 2, 3, 1, 1, 14)]   // 2 channels and 2 filters
        [DataRow(2, 5, 6, 3, 3, 2, 0, 15)]   // not square and stride 2
        [DataRow(3, 6, 5, 2, 2, 2, 1, 16)]   // even kernel
        [DataRow(2, 7, 7, 2, 5, 3, 2, 17)]   // stride 3 with padding 2
        [DataRow(1, 2, 2, 1, 3, 1, 1, 18)]   // kernel larger than the input
        [DataRow(1, 3, 3, 2, 2, 1, 2, 19)]   // padding >= kernel: whole output rows see only padding
        [DataRow(2, 4, 5, 2, 1, 1, 0, 20)]   // 1 x 1 kernel
        [DataRow(1, 5, 5, 1, 3, 3, 1, 21)]   // stride = kernel
        public void ForwardMatchesReference(int channels, int height, int width, int filters, int kernel, int stride, int padding, int seed)
        {
            ConvReference r = Reference(channels, height, width, filters, kernel, stride, padding);
            ConvChecks.ForwardMatchesReference(Create(r, true, false), r, (uint)seed);
        }

        [TestMethod]
        [DataRow(1, 4, 4, 1, 3, 1, 0, 31, false)]
        [DataRow(1, 4, 4, 1, 3, 1, 1, 32, false)]
        [DataRow(1, 4, 4, 1, 3, 2, 1, 33, false)]
        [DataRow(2, 5, 5, 2, 3, 1, 1, 34, false)]
        [DataRow(2, 5, 6, 3, 3, 2, 0, 35, false)]
        [DataRow(3, 6, 5, 2, 2, 2, 1, 36, false)]
        [DataRow(2, 7, 7, 2, 5, 3, 2, 37, false)]   // stride 3: some inputs get no error at all
        [DataRow(1, 2, 2, 1, 3, 1, 1, 38, false)]
        [DataRow(1, 3, 3, 2, 2, 1, 2, 39, false)]
        [DataRow(1, 4, 4, 1, 3, 1, 0, 31, true)]
        [DataRow(1, 4, 4, 1, 3, 1, 1, 32, true)]
        [DataRow(1, 4, 4, 1, 3, 2, 1, 33, true)]
        [DataRow(2, 5, 5, 2, 3, 1, 1, 34, true)]
        [DataRow(2, 5, 6, 3, 3, 2, 0, 35, true)]
        [DataRow(3, 6, 5, 2, 2, 2, 1, 36, true)]
        [DataRow(2, 7, 7, 2, 5, 3, 2, 37, true)]   // stride 3: some inputs get no error at all
        [DataRow(1, 2, 2, 1, 3, 1, 1, 38, true)]
        [DataRow(1, 3, 3, 2, 2, 1, 2, 39, true)]
        public void BackwardInputErrorMatchesReference(int channels, int height, int width, int filters, int kernel, int stride, int padding, int seed, bool dropAtZeroInputs)
        {
            ConvReference r = Reference(channels, height, width, filters, kernel, stride, padding);
            for (int perPass = 1; perPass <= channels; perPass++)
            {
                ConvChecks.InputErrorMatchesReference(Create(r, true, false), r, (uint)seed, dropAtZeroInputs, perPass);
            }
        }

        // A Tin-Tin step that clamps and rescales the weights: the fused input error keeps the scale its
        // weights had (the second convolution of a CNN, above a ReLU, takes this path).
        [TestMethod]
        [DataRow(1, 6, 6, 2, 3, 1, 1, 51)]
        [DataRow(2, 6, 6, 3, 3, 1, 0, 52)]
        [DataRow(2, 7, 7, 2, 3, 2, 1, 53)]
        public void FusedInputErrorKeepsTheWeightScaleOfTheForwardPass(int channels, int height, int width, int filters, int kernel, int stride, int padding, int seed)
        {
            ConvReference r = Reference(channels, height, width, filters, kernel, stride, padding);
            ConvChecks.FusedInputErrorKeepsTheScaleOfItsWeights(Create(r, true, false), r, (uint)seed);
        }

        [TestMethod]
        [DataRow(1, 4, 4, 1, 3, 1, 0, 41)]
        [DataRow(2, 5, 5, 2, 3, 2, 1, 42)]
        [DataRow(2, 4, 5, 3, 2, 2, 0, 43)]
        [DataRow(3, 3, 3, 2, 3, 1, 1, 44)]
        [DataRow(1, 3, 3, 2, 2, 1, 2, 45)]
        public void NitiUpdateWithShiftZeroSubtractsTheExactGradient(int channels, int height, int width, int filters, int kernel, int stride, int padding, int seed)
        {
            // μ = 31 makes NITI's shift 0, so its update is exactly G (no rounding at all).
            ConvReference r = Reference(channels, height, width, filters, kernel, stride, padding);
            TrainingOptions options = new TrainingOptions();
            options.Mode = TrainingMode.Niti;
            options.MuBits = TrainingOptions.MaxMuBits; // 30: with these small gradients the shift is 0
            ConvChecks.ExactUpdate(Create(r, false, false), r, (uint)seed, options, Scale.PowerOfTwo(-5));
        }

        [TestMethod]
        [DataRow(1, 4, 4, 1, 3, 1, 0, 51)]
        [DataRow(2, 5, 5, 2, 3, 2, 1, 52)]
        [DataRow(2, 4, 5, 3, 2, 2, 0, 53)]
        [DataRow(3, 3, 3, 2, 3, 1, 1, 54)]
        public void TinTinUpdateWithUnitMultiplierSubtractsTheExactGradient(int channels, int height, int width, int filters, int kernel, int stride, int padding, int seed)
        {
            // η = 1 and scale(e) * scale(x) = 2^-3 * 2^-7 = scale(W) = 2^-10: the multiplier is
            // 2^14 / 2^14, and round_stochastic(G * 2^14 / 2^14) = G whatever the random bits.
            ConvReference r = Reference(channels, height, width, filters, kernel, stride, padding);
            TrainingOptions options = new TrainingOptions();
            options.LearningRate = ConvChecks.Unit;
            ConvChecks.ExactUpdate(Create(r, false, false), r, (uint)seed, options, Scale.PowerOfTwo(-10));
        }

        [TestMethod]
        public void TinTinFractionalUpdateRoundsToANeighbourAndIsDeterministic()
        {
            ConvReference r = Reference(2, 5, 5, 2, 3, 2, 1);
            ConvChecks.FractionalUpdate(Create(r, false, false), Create(r, false, false), r);
        }

        [TestMethod]
        public void NitiShiftIsChosenPerFilterAndPass()
        {
            ConvReference r = Reference(2, 5, 5, 2, 3, 1, 1);
            ConvChecks.NitiShiftPerBlock(Create(r, false, false), r, 1);
            ConvChecks.NitiShiftPerBlock(Create(r, false, false), r, 2);
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void BiasesMoveByTheSumOfTheirFiltersErrors(bool niti)
        {
            ConvReference r = Reference(1, 4, 4, 3, 3, 1, 1);
            ConvChecks.BiasUpdate(Create(r, true, false), r, niti);
        }

        [TestMethod]
        public void MiniBatchAccumulatesTheGradientThenAppliesIt()
        {
            ConvReference r = Reference(2, 5, 5, 2, 3, 2, 1);
            ConvChecks.MiniBatch(Create(r, false, true), r);
        }

        [TestMethod]
        [DataRow(127)]
        [DataRow(-127)]
        public void MiniBatchAccumulatorsSaturateWithTheRightSign(int value)
        {
            ConvReference r = Reference(1, 24, 25, 1, 1, 1, 0); // 600 positions
            ConvChecks.MiniBatchSaturates(Create(r, false, true), r, value);
        }

        [TestMethod]
        [DataRow(-127, -127, 1)]   // (-127) * (-127) = +16129 per product, bias +2^30
        [DataRow(127, -127, -1)]   // -16129 per product, bias -2^30
        public void WorstCaseForwardAtTheLargestFanInFitsInt32(int input, int weight, int biasSign)
        {
            // Fan-in 16643 x 2 x 2 = 66572, the largest with 66572 * 127^2 < 2^30: with the bias
            // clamped to 2^30 the sum is exactly +-(66572 * 16129 + 2^30) = +-2,147,481,612.
            Convolution layer;
            sbyte[] x;
            try
            {
                layer = new Convolution(new ModelSpec(new Shape(16643, 2, 2)).Conv2D(1, 2, 1, 0, true)[0], false);
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
        public void PackedKernelRejectsWhatItCannotSum()
        {
            ConvReference r = Reference(2, 4, 4, 3, 3, 1, 1);
            Convolution layer = Create(r, false, false);
            ManagedKernels kernels = new ManagedKernels();
            sbyte[] x = new sbyte[r.InputSize];
            int[] acc = new int[3 * 16];
            long[] packed = new long[9];
            int[] biases = new int[3];
            int[] maxima = new int[3];
            Assert.ThrowsException(typeof(ArgumentException), () =>
                kernels.ConvForwardPacked(layer.Geometry, 0, 2, layer.Weights, x, false, biases, acc, new long[8], 0, 16, maxima), "8 longs for a 3 x 3 kernel");
            Assert.ThrowsException(typeof(ArgumentException), () => kernels.ConvForwardPacked(layer.Geometry, 0, 1, layer.Weights, x, false, biases, acc, packed, 0, 16, maxima), "one lane");
            Assert.ThrowsException(typeof(ArgumentException), () => kernels.ConvForwardPacked(layer.Geometry, 0, 4, layer.Weights, x, false, biases, acc, packed, 0, 16, maxima), "four lanes");
            Assert.ThrowsException(typeof(ArgumentException), () => kernels.ConvForwardPacked(layer.Geometry, 1, 3, layer.Weights, x, false, biases, acc, packed, 0, 16, maxima), "filters 1 to 3 of 3");
            Assert.ThrowsException(typeof(ArgumentException), () => kernels.ConvForwardPacked(layer.Geometry, 0, 2, layer.Weights, x, false, biases, acc, packed, 8, 9, maxima), "positions 8 to 17 of 16");
            Assert.ThrowsException(typeof(ArgumentException), () => kernels.ConvForwardPacked(layer.Geometry, 0, 2, layer.Weights, x, false, biases, acc, packed, 0, 0, maxima), "no positions");
            Assert.ThrowsException(typeof(ArgumentException), () => kernels.ConvForwardPacked(layer.Geometry, 0, 2, layer.Weights, x, false, biases, acc, packed, -1, 4, maxima), "a negative start");
        }

        [TestMethod]
        public void PackedKernelRefusesThreeLanesForAKernelOf64Taps()
        {
            // 8 x 8 = 64 taps per channel: a three-lane sum could reach 64 x 2^14 = 2^20 and spill into the next lane.
            ConvReference r = Reference(1, 8, 8, 3, 8, 1, 0);
            Convolution layer = Create(r, false, false);
            Assert.ThrowsException(typeof(ArgumentException), () =>
                new ManagedKernels().ConvForwardPacked(layer.Geometry, 0, 3, layer.Weights, new sbyte[r.InputSize], false, new int[3], new int[3], new long[64], 0, 1, new int[3]), "three lanes");
        }

        [TestMethod]
        [DataRow(127, 127, -127)]   // the first filter's sum about +2^30, the second's as negative
        [DataRow(-127, 127, -127)]  // the other way round: the low half borrows from the high one
        [DataRow(127, -127, -127)]  // both negative
        public void WorstCasePairAtTheLargestFanInKeepsBothSums(int input, int weight0, int weight1)
        {
            // Two filters summed in one long (ConvForwardPacked) at the largest fan-in (66572 * 127^2 < 2^30):
            // the low half must give the first sum and the high half the second, whatever their signs.
            Convolution layer;
            sbyte[] x;
            try
            {
                layer = new Convolution(new ModelSpec(new Shape(16643, 2, 2)).Conv2D(2, 2, 1, 0, true)[0], false);
                x = ConvReference.Filled(16643 * 4, input);
            }
            catch (OutOfMemoryException)
            {
                Assert.SkipTest("not enough memory for 200 KB of worst-case tensors");
                return;
            }

            sbyte[] w = layer.Weights;
            int half = w.Length / 2;
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = (sbyte)(i < half ? weight0 : weight1);
            }

            int[] rows = new int[2];
            int[] maxima = new int[3];
            new ManagedKernels().ConvForwardPacked(layer.Geometry, 0, 2, w, x, false, new int[3], rows, new long[4 * 1024], 0, 1, maxima);
            Assert.AreEqual(66572L * input * weight0, (long)rows[0], "first filter");
            Assert.AreEqual(66572L * input * weight1, (long)rows[1], "second filter");
            Assert.AreEqual(66572L * 127 * 127, (long)maxima[0], "first filter's largest magnitude");
            Assert.AreEqual(66572L * 127 * 127, (long)maxima[1], "second filter's largest magnitude");
        }

        [TestMethod]
        [DataRow(-128, 127, -127, 127)]   // every lane at about -2^20 or +2^20, alternating: each borrows from the next
        [DataRow(-128, -127, -127, -127)] // all at +1,024,128
        [DataRow(127, -127, 127, -127)]
        [DataRow(-128, 127, 127, 127)]    // all at -1,024,128
        public void WorstCaseThreeLanesKeepEverySum(int input, int weight0, int weight1, int weight2)
        {
            // A 1-D kernel of 9 taps over 14 channels, one output position: three filters summed in one long
            // (ConvForwardPacked) in blocks of 7 channels, 63 taps, each block's sum up to 63 * 128 * 127 =
            // 1,024,128 < 2^20 in a 21-bit lane; the blocks' sums are added in int32.
            Convolution layer = new Convolution(new ModelSpec(new Shape(14, 1, 9)).Conv1D(3, 9, 1, 0, false)[0], false);
            sbyte[] x = ConvReference.Filled(14 * 9, input);
            sbyte[] w = layer.Weights;
            int third = w.Length / 3;
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = (sbyte)(i < third ? weight0 : (i < 2 * third ? weight1 : weight2));
            }

            int[] rows = new int[3];
            int[] maxima = new int[3];
            new ManagedKernels().ConvForwardPacked(layer.Geometry, 0, 3, w, x, false, new int[3], rows, new long[14 * 9], 0, 1, maxima);
            Assert.AreEqual(126 * input * weight0, rows[0], "first filter");
            Assert.AreEqual(126 * input * weight1, rows[1], "second filter");
            Assert.AreEqual(126 * input * weight2, rows[2], "third filter");
            for (int l = 0; l < 3; l++)
            {
                Assert.AreEqual(rows[l] < 0 ? -rows[l] : rows[l], maxima[l], "largest magnitude of filter " + l.ToString());
            }
        }

        [TestMethod]
        [DataRow(-127)]
        [DataRow(127)]
        public void WorstCaseInputErrorAtTheLargestFanOutFitsInt32(int weight)
        {
            // One input pixel, padding 1, a 2 x 2 kernel: each of the 33286 filters has 4 outputs,
            // all of whose windows cover the pixel, so it sums 133144 products (the largest with
            // 133144 * 127^2 < 2^31): errors -127 give +-2,147,479,576.
            Convolution layer;
            sbyte[] e;
            try
            {
                layer = new Convolution(new ModelSpec(new Shape(1, 1, 1)).Conv2D(33286, 2, 1, 1, false)[0], false);
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
            Workspace workspace = new Workspace(1, 4, options, new Xorshift32(1));
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
            // 356 x 374 = 133144 output positions of a 1 x 1 kernel, inputs -127: the gradient is
            // +-133144 * 16129 = +-2,147,479,576 (bit length 31), and NITI with μ = 3 shifts it by
            // 28: the weight (0) moves by 7 or 8 steps against the gradient's sign.
            Convolution layer;
            sbyte[] x;
            sbyte[] e;
            try
            {
                layer = new Convolution(new ModelSpec(new Shape(1, 356, 374)).Conv2D(1, 1, 1, 0, false)[0], false);
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
        [DataRow(7397, 3, 3, 1, 3)]      // fan-in 7397 * 9 = 66573 > 66572
        [DataRow(1, 1, 1, 133145, 1)]    // fan-out 133145 > 133144
        [DataRow(1, 1, 133145, 1, 1)]    // 133145 output positions
        [DataRow(1, 365, 365, 1, 1)]     // 133225 output positions
        public void ConstructorRejectsSumsThatCouldOverflow(int channels, int height, int width, int filters, int kernel)
        {
            LayerSpec spec = new ModelSpec(new Shape(channels, height, width)).Conv2D(filters, kernel, 1, 0, true)[0];
            Assert.ThrowsException(typeof(ArgumentException), () => new Convolution(spec, false), "constructor must reject");
        }

        [TestMethod]
        public void ModelNamesTheLayerWhoseGradientCouldOverflow()
        {
            // The model checks before it plans or allocates anything, and says which layer.
            ModelSpec spec = new ModelSpec(new Shape(1, 365, 365)).Conv2D(1, 1, 1, 0, false);
            string message = null;
            try
            {
                new TinTin.Model(spec, new TrainingOptions());
            }
            catch (ArgumentException ex)
            {
                message = ex.Message;
            }

            Assert.IsNotNull(message, "the model must reject 133225 output positions");
            Assert.Contains("layer 0", message, "message names the layer");
        }

        [TestMethod]
        public void FactoryCreatesConv2D()
        {
            LayerSpec spec = new ModelSpec(new Shape(2, 5, 5)).Conv2D(3, 3, 1, 1, true)[0];
            Layer layer = LayerFactory.Create(spec, false);
            Assert.IsInstanceOfType(layer, typeof(Convolution), "factory type");
            Assert.AreEqual(18, ((Convolution)layer).FanIn, "fan-in");
            Assert.AreEqual(54, ((Convolution)layer).Weights.Length, "weights");
            Assert.AreEqual(9, LayerFactory.GradientRowLength(spec, 49), "gradient row: one kernel when the accumulator row holds one channel");
            Assert.AreEqual(18, LayerFactory.GradientRowLength(spec, 50), "gradient row: the whole filter when it holds both");
        }

        private static void HandChecked(int stride, int padding, int[] expected)
        {
            ConvReference r = Reference(1, 4, 4, 1, 3, stride, padding);
            sbyte[] x = new sbyte[16];
            for (int i = 0; i < 16; i++)
            {
                x[i] = (sbyte)(i + 1);
            }

            sbyte[] w = new sbyte[9];
            for (int i = 0; i < 9; i++)
            {
                w[i] = (sbyte)(i + 1);
            }

            ConvChecks.HandChecked(Create(r, false, false), r, x, w, expected);
        }

        private static ConvReference Reference(int channels, int height, int width, int filters, int kernel, int stride, int padding)
        {
            return new ConvReference(channels, height, width, filters, kernel, kernel, stride, padding, padding);
        }

        private static Convolution Create(ConvReference r, bool bias, bool batched)
        {
            LayerSpec spec = new ModelSpec(new Shape(r.Channels, r.Height, r.Width)).Conv2D(r.Filters, r.KernelHeight, r.Stride, r.PadHeight, bias)[0];
            Assert.AreEqual(r.OutHeight, spec.Output.Height, "output height");
            Assert.AreEqual(r.OutWidth, spec.Output.Width, "output width");
            return new Convolution(spec, batched);
        }
    }
}
