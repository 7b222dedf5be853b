// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Layers;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // The checks Conv2DTests and Conv1DTests run on their layers, against ConvReference.
    // The int32 sums are checked on the kernels themselves, row by row as the layer calls them
    // (one filter's output, one input channel's error); the int8 results against the reference
    // accumulators requantized row by row and aligned (ConvReference.RequantizeRows), which must
    // also have the scale of the whole tensor requantized at once and stay within 1 of its values.
    internal static class ConvChecks
    {
        public static readonly Scale Unit = Scale.PowerOfTwo(0);

        // The layer on x with weights w (scales 1) gives exactly the hand-computed accumulators.
        public static void HandChecked(WeightedLayer layer, ConvReference r, sbyte[] x, sbyte[] w, int[] expected)
        {
            Array.Copy(w, layer.Weights, w.Length);
            layer.WeightScale = Unit;
            Workspace workspace = NewWorkspace(r, new TrainingOptions(), 1);
            Tensor8 output = new Tensor8(new sbyte[r.OutputSize], 0);
            layer.Forward(ConvReference.Tensor(x, Unit), output, workspace);

            long[] reference = r.Forward(x, w, null);
            Assert.AreEqual(expected.Length, reference.Length, "output size");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual((long)expected[i], reference[i], "reference " + i.ToString());
            }

            AssertForwardKernel(layer, r, x, reference, "hand-checked");
            AssertRequantized(reference, r.OutHeight * r.OutWidth, true, Unit, output, "hand-checked output");
        }

        // Random input, weights and biases (a layer with biases); accumulators, int8 output and MACs.
        public static void ForwardMatchesReference(WeightedLayer layer, ConvReference r, uint seed)
        {
            Xorshift32 random = new Xorshift32(seed);
            sbyte[] x = ConvReference.RandomValues(random, r.InputSize, 127);
            sbyte[] w = ConvReference.RandomValues(random, layer.Weights.Length, 127);
            Array.Copy(w, layer.Weights, w.Length);

            // Input and weights at 2^-7 put the accumulators at 2^-14, so a bias (at 2^-20) of
            // k * 64 is exactly k accumulator units.
            int[] biasUnits = new int[r.Filters];
            for (int f = 0; f < r.Filters; f++)
            {
                biasUnits[f] = random.NextInt(20001) - 10000;
                layer.Biases[f] = biasUnits[f] * 64;
            }

            layer.WeightScale = Scale.PowerOfTwo(-7);
            Workspace workspace = NewWorkspace(r, new TrainingOptions(), 1);
            Tensor8 output = new Tensor8(new sbyte[r.OutputSize], 0);
            layer.Forward(ConvReference.Tensor(x, Scale.PowerOfTwo(-7)), output, workspace);

            long[] expected = r.Forward(x, w, biasUnits);
            AssertForwardKernel(layer, r, x, r.Forward(x, w, null), "forward");
            AssertRequantized(expected, r.OutHeight * r.OutWidth, true, Scale.PowerOfTwo(-14), output, "output");
            Assert.AreEqual(layer.Spec.ForwardMacs, layer.Stats.Macs, "Macs");

            // With room for its filters' whole output rows and one packed kernel the layer sums two or three
            // filters per long: the same int8 output, bit for bit. With room for one row only it sums them in
            // segments of the row, each requantized at its own step and aligned like a row.
            int positions = r.OutHeight * r.OutWidth;
            int kernelArea = r.KernelHeight * r.KernelWidth;
            int lanes = r.Filters < 2 ? 1 : (kernelArea < 64 && r.Filters >= 3 ? 3 : 2);
            int wholeRows = lanes * positions > r.InputSize ? lanes * positions : r.InputSize;
            Tensor8 packedOutput = ForwardWithRow(layer, x, wholeRows, kernelArea, r.OutputSize);
            Assert.AreEqual(lanes, LayerFactory.FiltersPerPass(layer.Spec, wholeRows, kernelArea), "filters per pass");
            Assert.AreEqual(positions, LayerFactory.SegmentLength(layer.Spec, wholeRows, kernelArea), "whole rows");
            Assert.AreEqual(output.Scale.Shift, packedOutput.Scale.Shift, "packed: scale shift");
            Assert.AreEqual(output.Scale.Up, packedOutput.Scale.Up, "packed: scale up");
            Assert.AreEqual(output.Scale.Down, packedOutput.Scale.Down, "packed: scale down");
            Assert.AreEqual(output.MaxAbs, packedOutput.MaxAbs, "packed: largest magnitude");
            for (int i = 0; i < r.OutputSize; i++)
            {
                if (output.Data[i] != packedOutput.Data[i])
                {
                    Assert.AreEqual(output.Data[i], packedOutput.Data[i], "packed: output " + i.ToString());
                }
            }

            if (lanes > 1 && positions >= lanes)
            {
                int segment = LayerFactory.SegmentLength(layer.Spec, positions, kernelArea);
                Assert.AreEqual(lanes, LayerFactory.FiltersPerPass(layer.Spec, positions, kernelArea), "filters per pass in segments");
                Assert.IsTrue(segment < positions && lanes * segment <= positions, "segments of " + segment.ToString() + " fit the row");
                Tensor8 segmented = ForwardWithRow(layer, x, positions, kernelArea, r.OutputSize);
                AssertRequantized(expected, positions, segment, true, Scale.PowerOfTwo(-14), segmented, "segments of " + segment.ToString());
            }
        }

        // The layer's forward pass on a workspace whose accumulator row holds rowLength ints and whose packed scratch holds packedLength longs.
        private static Tensor8 ForwardWithRow(WeightedLayer layer, sbyte[] x, int rowLength, int packedLength, int outputSize)
        {
            int rowSteps = LayerFactory.RowCount(layer.Spec, rowLength, packedLength);
            Workspace workspace = new Workspace(rowLength, rowLength, 0, packedLength, 0, 0, rowSteps, new TrainingOptions(), new Xorshift32(1), new ManagedKernels());
            Tensor8 result = new Tensor8(new sbyte[outputSize], 0);
            layer.Forward(ConvReference.Tensor(x, Scale.PowerOfTwo(-7)), result, workspace);
            return result;
        }

        // NITI mode with μ = 5 moves the weights by up to 32 steps in this call: an input error
        // computed after the update would not match the reference, which uses the old weights.
        // With dropAtZeroInputs the layer is told that the layer below discards the error at zero
        // inputs (a ReLU), so it computes the error in the same pass as the gradient and only at
        // nonzero inputs: the reference is then 0 there, and the weights must move exactly as when
        // the error has its own pass.
        // perPass: the input channels one backward pass takes, set through the accumulator row's length
        // (LayerFactory.ChannelsPerPass); every pass's error is requantized at its own step.
        public static void InputErrorMatchesReference(WeightedLayer layer, ConvReference r, uint seed, bool dropAtZeroInputs, int perPass)
        {
            Xorshift32 random = new Xorshift32(seed);
            sbyte[] x = ConvReference.RandomValues(random, r.InputSize, 127);
            sbyte[] e = ConvReference.RandomValues(random, r.OutputSize, 127);
            for (int i = 0; i < e.Length; i += 3)
            {
                e[i] = 0; // as after a ReLU
            }

            if (dropAtZeroInputs)
            {
                for (int i = 1; i < x.Length; i += 4)
                {
                    x[i] = 0; // a ReLU output below
                }
            }

            sbyte[] w = ConvReference.RandomValues(random, layer.Weights.Length, 127);
            Array.Copy(w, layer.Weights, w.Length);
            layer.WeightScale = Scale.PowerOfTwo(-7);
            TrainingOptions options = new TrainingOptions();
            options.Mode = TrainingMode.Niti;
            options.MuBits = 5;
            Workspace workspace = NewWorkspace(r, options, 5, perPass * r.Height * r.Width);
            Assert.AreEqual(perPass, LayerFactory.ChannelsPerPass(layer.Spec, workspace.Accumulators.Length), "premise: channels per pass");
            Tensor8 inputError = new Tensor8(new sbyte[r.InputSize], 0);
            Scale errorScale = Scale.PowerOfTwo(-9);
            layer.ZeroInputsDropTheirError = dropAtZeroInputs;
            layer.Backward(ConvReference.Tensor(x, Scale.PowerOfTwo(-7)), Dummy(), ConvReference.Tensor(e, errorScale), inputError, workspace);

            long[] expected = r.InputError(e, w);
            if (dropAtZeroInputs)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    expected[i] = x[i] == 0 ? 0 : expected[i];
                }

                // The same step with the error in its own pass: the weights must end up identical.
                sbyte[] separate = SeparatePassWeights(layer, r, options, x, e, w, errorScale, perPass);
                Assert.IsTrue(SameValues(separate, layer.Weights), "fused and separate passes move the weights alike");
            }

            AssertInputErrorKernels(layer, r, x, e, w, dropAtZeroInputs, perPass, expected);
            AssertRequantized(expected, perPass * r.Height * r.Width, false, Scale.Product(errorScale, Scale.PowerOfTwo(-7)), inputError, "input error");
            Assert.IsFalse(SameValues(w, layer.Weights), "the update should have moved the weights");
        }

        // Tin-Tin, a step whose update clamps weights, so AfterUpdate rescales the tensor by 0.75 (its
        // scale goes from 2^-7 to 2^-7 * 0.75^-1). The input error is a sum of old weights times e, so
        // it must be labelled with the old weight scale: scale(e) * 2^-7, as Dense does, and as the
        // separate pass (error first, then update) gives. With the error fused into the gradient pass
        // (the layer below drops the error at zero inputs; here no input is 0, so every error is
        // computed) the result must be the same int8 values with the same scale, and equal the
        // reference requantized from scale(e) * 2^-7. Labelled with the new scale it would be 4/3 too large.
        public static void FusedInputErrorKeepsTheScaleOfItsWeights(WeightedLayer layer, ConvReference r, uint seed)
        {
            Xorshift32 random = new Xorshift32(seed);
            sbyte[] x = ConvReference.RandomValues(random, r.InputSize, 127);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = x[i] == 0 ? (sbyte)1 : x[i]; // no zero input: the fused pass computes every error
            }

            sbyte[] e = ConvReference.RandomValues(random, r.OutputSize, 127);
            sbyte[] w = ConvReference.RandomValues(random, layer.Weights.Length, 127);
            Scale weightScale = Scale.PowerOfTwo(-7);
            Scale inputScale = Scale.PowerOfTwo(-7);
            Scale errorScale = Scale.PowerOfTwo(0); // η = 1: the update is G itself, far beyond ±127
            TrainingOptions options = new TrainingOptions();
            options.LearningRate = Unit;

            Tensor8 fused = new Tensor8(new sbyte[r.InputSize], 0);
            Array.Copy(w, layer.Weights, w.Length);
            layer.WeightScale = weightScale;
            layer.ZeroInputsDropTheirError = true;
            Workspace workspace = NewWorkspace(r, options, 5);
            layer.Backward(ConvReference.Tensor(x, inputScale), Dummy(), ConvReference.Tensor(e, errorScale), fused, workspace);

            // Premise: this step rescaled the weights, so their scale is no longer the one the error was computed with.
            Assert.AreEqual(1, layer.Stats.WeightRescales, "premise: one weight rescale in this step");
            Assert.IsFalse(ConvReference.SameScale(weightScale, layer.WeightScale), "premise: the weight scale changed");

            // The separate pass on a fresh twin (the error computed in its own pass, before the update).
            WeightedLayer twin = (WeightedLayer)LayerFactory.Create(layer.Spec, false);
            Array.Copy(w, twin.Weights, w.Length);
            twin.WeightScale = weightScale;
            Tensor8 separate = new Tensor8(new sbyte[r.InputSize], 0);
            twin.Backward(ConvReference.Tensor(x, inputScale), Dummy(), ConvReference.Tensor(e, errorScale), separate, NewWorkspace(r, options, 5));
            Assert.IsTrue(SameValues(twin.Weights, layer.Weights), "fused and separate passes move the weights alike");
            Assert.IsTrue(ConvReference.SameScale(twin.WeightScale, layer.WeightScale), "fused and separate passes rescale the weights alike");

            // Independent of both: the reference error with the old weights at scale(e) * scale(W) before the update.
            AssertRequantized(r.InputError(e, w), r.InputSize, true, Scale.Product(errorScale, weightScale), separate, "separate-pass input error");
            AssertRequantized(r.InputError(e, w), r.InputSize, true, Scale.Product(errorScale, weightScale), fused, "fused input error");
        }

        // One step on small values (|x|, |e| <= 3, |w| <= 40: w - G stays in [-127, 127], asserted)
        // with options whose update is exact: the new weights are w - G.
        public static void ExactUpdate(WeightedLayer layer, ConvReference r, uint seed, TrainingOptions options, Scale weightScale)
        {
            Xorshift32 random = new Xorshift32(seed);
            sbyte[] x = ConvReference.RandomValues(random, r.InputSize, 3);
            sbyte[] e = ConvReference.RandomValues(random, r.OutputSize, 3);
            sbyte[] w = ConvReference.RandomValues(random, r.Filters * r.FilterSize, 40);
            long[] g = r.WeightGradient(x, e);
            sbyte[] updated = TrainOnce(layer, r, options, x, e, w, weightScale, seed);
            int moved = 0;
            for (int i = 0; i < g.Length; i++)
            {
                long expected = w[i] - g[i];
                Assert.IsTrue(expected >= -127 && expected <= 127, "premise: no clamping");
                Assert.AreEqual(expected, (long)updated[i], "weight " + i.ToString());
                moved += g[i] == 0 ? 0 : 1;
            }

            Assert.IsTrue(moved > 0, "the case should move some weights");
        }

        // Tin-Tin, η = 1, scale(e) * scale(x) = 2^-10, scale(W) = 2^-6: the multiplier is 2^-4, so each
        // weight moves by floor(G / 16) or ceil(G / 16); two layers given the same seed make the same choices.
        public static void FractionalUpdate(WeightedLayer first, WeightedLayer second, ConvReference r)
        {
            TrainingOptions options = new TrainingOptions();
            options.LearningRate = Unit;
            Xorshift32 random = new Xorshift32(61);
            sbyte[] x = ConvReference.RandomValues(random, r.InputSize, 8);
            sbyte[] e = ConvReference.RandomValues(random, r.OutputSize, 8);
            sbyte[] w = ConvReference.RandomValues(random, r.Filters * r.FilterSize, 20);
            sbyte[] a = TrainOnce(first, r, options, x, e, w, Scale.PowerOfTwo(-6), 99);
            sbyte[] b = TrainOnce(second, r, options, x, e, w, Scale.PowerOfTwo(-6), 99);
            Assert.IsTrue(SameValues(a, b), "same seed and same data must give the same weights");

            long[] g = r.WeightGradient(x, e);
            int rounded = 0;
            for (int i = 0; i < g.Length; i++)
            {
                long step = w[i] - a[i];
                long floor = FloorDivide(g[i], 16);
                long ceiling = g[i] % 16 == 0 ? floor : floor + 1;
                Assert.IsTrue(step == floor || step == ceiling, "weight " + i.ToString() + " moved by " + step.ToString() + " for G = " + g[i].ToString());
                rounded += g[i] % 16 == 0 ? 0 : 1;
            }

            Assert.IsTrue(rounded > 0, "the case should exercise rounding");
        }

        // Two filters (weights 0, no biases): filter 0 sees errors up to 127, filter 1 only up to 3.
        // With a per-layer shift filter 1 would hardly move; per block (one filter over the perPass
        // channels of one backward pass) its largest update has μ = 3 bits (4..8 steps), and every
        // update is NITI's |G| >> shift or one more.
        public static void NitiShiftPerBlock(WeightedLayer layer, ConvReference r, int perPass)
        {
            Xorshift32 random = new Xorshift32(71);
            sbyte[] x = ConvReference.RandomValues(random, r.InputSize, 127);
            sbyte[] e = ConvReference.RandomValues(random, r.OutputSize, 127);
            int perFilter = r.OutHeight * r.OutWidth;
            for (int i = perFilter; i < e.Length; i++)
            {
                e[i] = (sbyte)(e[i] % 4);
            }

            layer.WeightScale = Scale.PowerOfTwo(-7);
            TrainingOptions options = new TrainingOptions();
            options.Mode = TrainingMode.Niti;
            options.MuBits = 3;
            Workspace workspace = NewWorkspace(r, options, 1, perPass * r.Height * r.Width);
            layer.Backward(ConvReference.Tensor(x, Unit), Dummy(), ConvReference.Tensor(e, Unit), null, workspace);

            long[] g = r.WeightGradient(x, e);
            int kernelArea = r.KernelHeight * r.KernelWidth;
            for (int k = 0; k < r.Filters * r.Channels; k += perPass)
            {
                int blockEnd = (k + perPass) * kernelArea;
                blockEnd = blockEnd > ((k / r.Channels) + 1) * r.FilterSize ? ((k / r.Channels) + 1) * r.FilterSize : blockEnd;
                long max = 0;
                for (int i = k * kernelArea; i < blockEnd; i++)
                {
                    long magnitude = g[i] < 0 ? -g[i] : g[i];
                    max = magnitude > max ? magnitude : max;
                }

                int shift = BitLength(max) - 3;
                shift = shift < 0 ? 0 : shift;
                int largest = 0;
                for (int i = k * kernelArea; i < blockEnd; i++)
                {
                    // Weights started at 0: the new weight is -update.
                    long magnitude = (g[i] < 0 ? -g[i] : g[i]) >> shift;
                    long update = -layer.Weights[i];
                    long sign = g[i] < 0 ? -1 : 1;
                    Assert.IsTrue(update == sign * magnitude || update == sign * (magnitude + 1), "block " + k.ToString() + " weight " + i.ToString());
                    int size = update < 0 ? (int)-update : (int)update;
                    largest = size > largest ? size : largest;
                }

                Assert.IsTrue(max == 0 || (largest >= 4 && largest <= 8), "block " + k.ToString() + " largest update " + largest.ToString());
            }
        }

        // Three filters with biases; η = 1 and scale(e) = 2^-20 = scale(b): the bias step is exactly
        // the sum of the filter's errors over its positions (both modes use this rule).
        public static void BiasUpdate(WeightedLayer layer, ConvReference r, bool niti)
        {
            Xorshift32 random = new Xorshift32(81);
            sbyte[] x = ConvReference.RandomValues(random, r.InputSize, 127);
            sbyte[] e = ConvReference.RandomValues(random, r.OutputSize, 127);
            int[] before = new int[] { 1000, -5000, 0 };
            Array.Copy(before, layer.Biases, 3);
            layer.WeightScale = Scale.PowerOfTwo(-7);
            TrainingOptions options = new TrainingOptions();
            options.Mode = niti ? TrainingMode.Niti : TrainingMode.TinTin;
            options.LearningRate = Unit;
            Workspace workspace = NewWorkspace(r, options, 1);
            layer.Backward(ConvReference.Tensor(x, Unit), Dummy(), ConvReference.Tensor(e, Scale.PowerOfTwo(-20)), null, workspace);

            int perFilter = r.OutHeight * r.OutWidth;
            for (int f = 0; f < 3; f++)
            {
                int sum = 0;
                for (int p = 0; p < perFilter; p++)
                {
                    sum += e[f * perFilter + p];
                }

                Assert.AreEqual(before[f] - sum, layer.Biases[f], "bias " + f.ToString());
            }
        }

        // A batched layer without biases, unit multiplier: the accumulators hold G * 2^10 exactly,
        // the weights wait for the end of the batch, then move by G.
        public static void MiniBatch(WeightedLayer layer, ConvReference r)
        {
            Xorshift32 random = new Xorshift32(91);
            sbyte[] x = ConvReference.RandomValues(random, r.InputSize, 3);
            sbyte[] e = ConvReference.RandomValues(random, r.OutputSize, 3);
            sbyte[] w = ConvReference.RandomValues(random, layer.Weights.Length, 40);
            Array.Copy(w, layer.Weights, w.Length);
            layer.WeightScale = Scale.PowerOfTwo(-10);
            TrainingOptions options = new TrainingOptions();
            options.LearningRate = Unit;
            options.BatchSize = 2;
            Workspace workspace = NewWorkspace(r, options, 1);
            layer.Backward(ConvReference.Tensor(x, Scale.PowerOfTwo(-7)), Dummy(), ConvReference.Tensor(e, Scale.PowerOfTwo(-3)), null, workspace);

            long[] g = r.WeightGradient(x, e);
            Assert.IsTrue(SameValues(w, layer.Weights), "weights must wait for the end of the batch");
            for (int i = 0; i < g.Length; i++)
            {
                Assert.AreEqual(g[i] * 1024, (long)layer.Accumulators[i], "accumulator " + i.ToString());
            }

            layer.ApplyAccumulated(workspace);
            for (int i = 0; i < g.Length; i++)
            {
                Assert.AreEqual(w[i] - g[i], (long)layer.Weights[i], "weight " + i.ToString());
                Assert.AreEqual(0, layer.Accumulators[i], "cleared " + i.ToString());
            }
        }

        // A batched 1-weight layer over 600 positions of 127 * value: |G| = 9,677,400. The multiplier
        // 2^30 * 2^10 would shift G * mantissa left by 26, past a long (2^63.2): the layer caps the
        // shift so the accumulator saturates with G's sign instead of wrapping. A second sample with
        // G = -sign(value) (one product 1 * 1) must then saturate it the other way, as the true
        // multiplier would: 2^40 * 1 outweighs any int32.
        public static void MiniBatchSaturates(WeightedLayer layer, ConvReference r, int value)
        {
            layer.WeightScale = Scale.PowerOfTwo(-30);
            TrainingOptions options = new TrainingOptions();
            options.LearningRate = Unit;
            options.BatchSize = 4;
            Workspace workspace = NewWorkspace(r, options, 1);
            sbyte[] x = ConvReference.Filled(r.InputSize, value);
            sbyte[] e = ConvReference.Filled(r.OutputSize, 127);
            layer.Backward(ConvReference.Tensor(x, Unit), Dummy(), ConvReference.Tensor(e, Unit), null, workspace);
            Assert.AreEqual(value > 0 ? int.MaxValue : -int.MaxValue, layer.Accumulators[0], "saturated accumulator");

            x = new sbyte[r.InputSize];
            e = new sbyte[r.OutputSize];
            x[0] = (sbyte)(value > 0 ? -1 : 1);
            e[0] = 1;
            layer.Backward(ConvReference.Tensor(x, Unit), Dummy(), ConvReference.Tensor(e, Unit), null, workspace);
            Assert.AreEqual(value > 0 ? -int.MaxValue : int.MaxValue, layer.Accumulators[0], "saturated the other way");
        }

        public static Workspace NewWorkspace(ConvReference r, TrainingOptions options, uint seed)
        {
            return NewWorkspace(r, options, seed, r.InputSize > r.OutputSize ? r.InputSize : r.OutputSize);
        }

        // A workspace whose accumulator row has the given length (it sets the channels per backward pass).
        public static Workspace NewWorkspace(ConvReference r, TrainingOptions options, uint seed, int accumulatorLength)
        {
            return new Workspace(accumulatorLength, r.FilterSize, options, new Xorshift32(seed));
        }

        // The output of the forward pass: convolutions do not read it in backward.
        public static Tensor8 Dummy()
        {
            return new Tensor8(new sbyte[1], 0);
        }

        public static void AssertAccumulators(long[] expected, int start, int[] actual, int count, string what)
        {
            for (int i = 0; i < count; i++)
            {
                if (expected[start + i] != actual[i])
                {
                    Assert.AreEqual(expected[start + i], (long)actual[i], what + " accumulator " + (start + i).ToString());
                }
            }
        }

        // Each filter's row from the forward kernel, with both loops (sparse or not), against the reference sums.
        public static void AssertForwardKernel(WeightedLayer layer, ConvReference r, sbyte[] x, long[] expected, string what)
        {
            int positions = r.OutHeight * r.OutWidth;
            int[] row = new int[positions];
            ManagedKernels kernels = new ManagedKernels();
            for (int f = 0; f < r.Filters; f++)
            {
                int bias = TestBias(f);
                int max = kernels.ConvForward(((Convolution)layer).Geometry, f, layer.Weights, x, false, bias, row);
                AssertSumsAndMax(expected, f * positions, bias, row, 0, positions, max, what + " dense loop");
                max = kernels.ConvForward(((Convolution)layer).Geometry, f, layer.Weights, x, true, bias, row);
                AssertSumsAndMax(expected, f * positions, bias, row, 0, positions, max, what + " sparse loop");
            }

            // Two and (for kernels of fewer than 64 taps) three filters per long, the channels in blocks of
            // one kernel, two, and all of them, over all positions and over a range that starts and ends
            // inside output rows.
            int kernelArea = r.KernelHeight * r.KernelWidth;
            int[] geometry = ((Convolution)layer).Geometry;
            int[] rows = new int[3 * positions];
            int[] biases = new int[3];
            int[] maxima = new int[3];
            int[] blocks = new int[] { 1, 2, r.Channels };
            int mostLanes = kernelArea < 64 ? 3 : 2;
            for (int lanes = 2; lanes <= mostLanes; lanes++)
            {
                for (int b = 0; b < blocks.Length; b++)
                {
                    int block = blocks[b];
                    if (block > r.Channels || (b == 2 && block <= 2))
                    {
                        continue; // fewer channels than the block, or a block already checked
                    }

                    long[] packed = new long[block * kernelArea];
                    for (int f = 0; f + lanes <= r.Filters; f++)
                    {
                        for (int range = 0; range < 2; range++)
                        {
                            int start = range == 0 ? 0 : positions / 3;
                            int count = range == 0 ? positions : (positions / 2 > 0 ? positions / 2 : 1);
                            for (int sparse = 0; sparse < 2; sparse++)
                            {
                                for (int l = 0; l < lanes; l++)
                                {
                                    biases[l] = TestBias(f + l);
                                }

                                kernels.ConvForwardPacked(geometry, f, lanes, layer.Weights, x, sparse == 1, biases, rows, packed, start, count, maxima);
                                string name = what + " " + lanes.ToString() + " lanes from filter " + f.ToString() + (sparse == 1 ? " sparse" : " dense") + " in blocks of " + block.ToString() + " channels positions " + start.ToString() + " to " + (start + count).ToString() + ": filter ";
                                for (int l = 0; l < lanes; l++)
                                {
                                    AssertSumsAndMax(expected, ((f + l) * positions) + start, biases[l], rows, l * count, count, maxima[l], name + (f + l).ToString());
                                }
                            }
                        }
                    }
                }
            }
        }

        // A bias for filter f, both signs and up to 2^30 (the largest a layer adds), so the kernels' additions are checked at the edge.
        private static int TestBias(int f)
        {
            int magnitude = f % 3 == 2 ? 1 << 30 : 1000 * (f + 1);
            return f % 2 == 0 ? magnitude : -magnitude;
        }

        // The kernel's sums plus bias, and its reported largest magnitude of them.
        private static void AssertSumsAndMax(long[] expected, int start, int bias, int[] actual, int actualStart, int count, int reportedMax, string what)
        {
            long max = 0;
            for (int i = 0; i < count; i++)
            {
                long value = expected[start + i] + bias;
                if (value != actual[actualStart + i])
                {
                    Assert.AreEqual(value, (long)actual[actualStart + i], what + " accumulator " + (start + i).ToString());
                }

                max = value < 0 ? (-value > max ? -value : max) : (value > max ? value : max);
            }

            Assert.AreEqual(max, (long)reportedMax, what + " largest magnitude");
        }

        // Each pass's error row (perPass input channels) against the reference: its own pass
        // (ConvInputError), or with dropAtZeroInputs the gradient pass that sums it (ConvGradient with an
        // error row, every filter).
        public static void AssertInputErrorKernels(WeightedLayer layer, ConvReference r, sbyte[] x, sbyte[] e, sbyte[] w, bool dropAtZeroInputs, int perPass, long[] expected)
        {
            int plane = r.Height * r.Width;
            int[] row = new int[perPass * plane];
            int[] gradient = new int[perPass * r.KernelHeight * r.KernelWidth];
            int[] geometry = ((Convolution)layer).Geometry;
            ManagedKernels kernels = new ManagedKernels();
            for (int c = 0; c < r.Channels; c += perPass)
            {
                int count = r.Channels - c < perPass ? r.Channels - c : perPass;
                if (dropAtZeroInputs)
                {
                    Array.Clear(row, 0, count * plane);
                    for (int f = 0; f < r.Filters; f++)
                    {
                        kernels.ConvGradient(geometry, f, c, count, w, x, e, gradient, true, row);
                    }
                }
                else
                {
                    kernels.ConvInputError(geometry, c, count, w, e, row);
                }

                AssertAccumulators(expected, c * plane, row, count * plane, "input error channels from " + c.ToString());
            }
        }

        // The int8 tensor a convolution gives from exact accumulators in rows of rowLength: the reference
        // row-by-row requantization exactly; the scale of a requantization of the whole tensor at once,
        // and within 1 of its values; its largest magnitude as the tensor records it.
        public static void AssertRequantized(long[] acc, int rowLength, bool compound, Scale accScale, Tensor8 actual, string what)
        {
            AssertRequantized(acc, rowLength, rowLength, compound, accScale, actual, what);
        }

        // As AssertRequantized, each row requantized in segments of segmentLength.
        public static void AssertRequantized(long[] acc, int rowLength, int segmentLength, bool compound, Scale accScale, Tensor8 actual, string what)
        {
            Scale scale;
            sbyte[] expected = ConvReference.RequantizeRows(acc, rowLength, segmentLength, compound, accScale, out scale);
            Scale wholeScale;
            sbyte[] whole = ConvReference.Requantize(acc, compound, accScale, out wholeScale);
            Assert.AreEqual(expected.Length, actual.Length, what + " length");
            Assert.IsTrue(ConvReference.SameScale(scale, actual.Scale), what + " scale " + actual.Scale.ToString() + " expected " + scale.ToString());
            Assert.IsTrue(ConvReference.SameScale(wholeScale, actual.Scale), what + " scale as for the whole tensor");
            int max = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual.Data[i])
                {
                    Assert.AreEqual((int)expected[i], (int)actual.Data[i], what + " int8 " + i.ToString());
                }

                int difference = whole[i] - actual.Data[i];
                Assert.IsTrue(difference >= -1 && difference <= 1, what + " within 1 of the whole tensor's requantization at " + i.ToString());
                int magnitude = actual.Data[i] < 0 ? -actual.Data[i] : actual.Data[i];
                max = magnitude > max ? magnitude : max;
            }

            Assert.AreEqual(max, actual.MaxAbs, what + " largest magnitude");
        }

        public static bool SameValues(sbyte[] a, sbyte[] b)
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        // One step of a fresh layer like `like`, its error computed in its own pass (the layer below keeps every error).
        private static sbyte[] SeparatePassWeights(WeightedLayer like, ConvReference r, TrainingOptions options, sbyte[] x, sbyte[] e, sbyte[] w, Scale errorScale, int perPass)
        {
            WeightedLayer layer = (WeightedLayer)LayerFactory.Create(like.Spec, false);
            Array.Copy(w, layer.Weights, w.Length);
            layer.WeightScale = Scale.PowerOfTwo(-7);
            Workspace workspace = NewWorkspace(r, options, 5, perPass * r.Height * r.Width);
            layer.Backward(ConvReference.Tensor(x, Scale.PowerOfTwo(-7)), Dummy(), ConvReference.Tensor(e, errorScale), new Tensor8(new sbyte[r.InputSize], 0), workspace);
            return layer.Weights;
        }

        // Trains one step of a fresh layer (no biases) on (x, e) from weights w; returns its weights.
        private static sbyte[] TrainOnce(WeightedLayer layer, ConvReference r, TrainingOptions options, sbyte[] x, sbyte[] e, sbyte[] w, Scale weightScale, uint seed)
        {
            Array.Copy(w, layer.Weights, w.Length);
            layer.WeightScale = weightScale;
            Workspace workspace = NewWorkspace(r, options, seed);
            layer.Backward(ConvReference.Tensor(x, Scale.PowerOfTwo(-7)), Dummy(), ConvReference.Tensor(e, Scale.PowerOfTwo(-3)), null, workspace);
            return layer.Weights;
        }

        private static long FloorDivide(long value, long divisor)
        {
            long quotient = value / divisor;
            return value % divisor < 0 ? quotient - 1 : quotient;
        }

        private static int BitLength(long value)
        {
            int length = 0;
            while (value >> length != 0)
            {
                length++;
            }

            return length;
        }
    }
}
