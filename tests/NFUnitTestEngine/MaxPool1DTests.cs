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
    // MaxPool1D against a naive reference (explicit channel and position indices, each window
    // scanned backwards with >= so the first maximum wins ties; backward loops over inputs).
    [TestClass]
    public class MaxPool1DTests
    {
        [TestMethod]
        public void ForwardAndBackwardOnAHandCheckedSignal()
        {
            // 2 x 1 x 7, window 3, stride 3: windows at 0..2 and 3..5; position 6 is in none.
            // channel 0: {3 -1 3} -> 3 at 0 (tie with 2); {-5 -4 -5} -> -4 at 1; 100 is never seen.
            // channel 1: {-127 -127 -126} -> -126 at 2; {0 0 0} -> 0 at 0.
            sbyte[] x = new sbyte[] { 3, -1, 3, -5, -4, -5, 100, -127, -127, -126, 0, 0, 0, 5 };
            MaxPool pool = Create(new Shape(2, 1, 7), 3, 3);
            Tensor8 input = MaxPool2DTests.Input(x);
            Tensor8 output = new Tensor8(new sbyte[4], 0);
            Workspace workspace = MaxPool2DTests.NewWorkspace();
            pool.Forward(input, output, workspace);
            CollectionAssert.AreEqual(new sbyte[] { 3, -4, -126, 0 }, output.Data, "maxima");
            CollectionAssert.AreEqual(new byte[] { 0, 1, 2, 0 }, pool.ArgMax, "indices");
            Assert.AreEqual(4, output.Length, "length");

            // Errors land on positions 0, 4, 7 + 2 = 9 and 7 + 3 = 10; the rest (6 and 13 included) are 0.
            Tensor8 inputError = new Tensor8(MaxPool2DTests.Filled(14, 55), 0);
            pool.Backward(input, output, new Tensor8(new sbyte[] { 1, -2, 3, -127 }, 4), inputError, workspace);
            CollectionAssert.AreEqual(new sbyte[] { 1, 0, 0, 0, -2, 0, 0, 0, 0, 3, -127, 0, 0, 0 }, inputError.Data, "routed errors");
            Assert.AreEqual(14, inputError.Length, "error length");
        }

        [TestMethod]
        [DataRow(1, 10, 2, 2, 127)]
        [DataRow(3, 11, 3, 4, 2)]        // gaps between windows; values in [-2 2]: many ties
        [DataRow(2, 5, 1, 1, 127)]       // identity
        [DataRow(2, 9, 4, 4, 1)]
        [DataRow(1, 300, 256, 256, 127)] // the longest window: indices up to 255
        public void MatchesNaiveReferenceForwardAndBackward(int channels, int length, int window, int stride, int limit)
        {
            Xorshift32 random = new Xorshift32((uint)(channels * 1000 + length * 10 + window));
            MaxPool pool = Create(new Shape(channels, 1, length), window, stride);
            int outLength = (length - window) / stride + 1;
            int outputs = channels * outLength;
            int inputs = channels * length;
            Assert.AreEqual(outputs, pool.Spec.Output.Size, "output size");

            sbyte[] x = ReferenceArithmetic.RandomInt8(random, inputs, limit);
            Tensor8 input = MaxPool2DTests.Input(x);
            Tensor8 output = new Tensor8(new sbyte[outputs], 0);
            Workspace workspace = MaxPool2DTests.NewWorkspace();
            pool.Forward(input, output, workspace);

            int[] expectedIndex = new int[outputs];
            for (int c = 0; c < channels; c++)
            {
                for (int ox = 0; ox < outLength; ox++)
                {
                    int best = int.MinValue;
                    int bestIndex = -1;
                    for (int k = window - 1; k >= 0; k--)
                    {
                        int v = x[c * length + ox * stride + k];
                        if (v >= best)
                        {
                            best = v;
                            bestIndex = k;
                        }
                    }

                    int o = c * outLength + ox;
                    expectedIndex[o] = bestIndex;
                    Assert.AreEqual(best, (int)output.Data[o], "value " + o.ToString());
                    Assert.AreEqual(bestIndex, (int)pool.ArgMax[o], "index " + o.ToString());
                }
            }

            sbyte[] e = ReferenceArithmetic.RandomInt8(random, outputs, 127);
            Tensor8 inputError = new Tensor8(MaxPool2DTests.Filled(inputs, 99), 0);
            pool.Backward(input, output, new Tensor8(e, outputs), inputError, workspace);
            for (int c = 0; c < channels; c++)
            {
                for (int i = 0; i < length; i++)
                {
                    int expected = 0;
                    for (int ox = 0; ox < outLength; ox++)
                    {
                        int o = c * outLength + ox;
                        if (i - ox * stride == expectedIndex[o])
                        {
                            expected = e[o];
                        }
                    }

                    Assert.AreEqual(expected, (int)inputError.Data[c * length + i], "input error " + (c * length + i).ToString());
                }
            }
        }

        [TestMethod]
        public void ScaleAndMaxAbsPassThrough()
        {
            MaxPool pool = Create(new Shape(1, 1, 4), 2, 2);
            Tensor8 input = MaxPool2DTests.Input(new sbyte[] { -100, -90, 12, 0 });
            input.Scale = new Scale(3, 0, 2);
            Tensor8 output = new Tensor8(new sbyte[2], 0);
            Workspace workspace = MaxPool2DTests.NewWorkspace();
            pool.Forward(input, output, workspace);
            CollectionAssert.AreEqual(new sbyte[] { -90, 12 }, output.Data, "maxima");
            MaxPool2DTests.AssertScale(new Scale(3, 0, 2), output.Scale, "output scale");
            Assert.AreEqual(100, output.MaxAbs, "output MaxAbs (an upper bound)");

            Tensor8 outputError = new Tensor8(new sbyte[] { 7, -3 }, 2);
            outputError.Scale = new Scale(-20, 4, 0);
            outputError.MaxAbs = 7;
            Tensor8 inputError = new Tensor8(new sbyte[4], 0);
            pool.Backward(input, output, outputError, inputError, workspace);
            CollectionAssert.AreEqual(new sbyte[] { 0, 7, -3, 0 }, inputError.Data, "routed errors");
            MaxPool2DTests.AssertScale(new Scale(-20, 4, 0), inputError.Scale, "error scale");
            Assert.AreEqual(7, inputError.MaxAbs, "error MaxAbs");
        }

        [TestMethod]
        public void KeepsOneBytePerOutputAsPlanned()
        {
            LayerSpec spec = new ModelSpec(new Shape(4, 1, 9)).MaxPool1D(2)[0];
            Layer layer = LayerFactory.Create(spec, true);
            Assert.IsInstanceOfType(layer, typeof(MaxPool), "factory type");
            Assert.AreEqual(4 * 4, layer.KeptBytes, "kept bytes");
            Assert.AreEqual(LayerFactory.KeptBytes(spec), layer.KeptBytes, "planned kept bytes");
        }

        [TestMethod]
        public void RejectsOverlappingWindowsPaddingAndHugeWindows()
        {
            // Overlapping windows are refused by the description already (the layer checks again).
            Assert.ThrowsException(typeof(ArgumentException), () => { new ModelSpec(new Shape(1, 1, 8)).MaxPool1D(2, 1); }, "overlap");

            LayerSpec padded = new ModelSpec(new Shape(1, 1, 8)).Add(new LayerSpec(LayerKind.MaxPool1D, 0, 2, 2, 1, false))[0];
            Assert.ThrowsException(typeof(ArgumentException), () => { new MaxPool(padded); }, "padding");

            LayerSpec huge = new ModelSpec(new Shape(1, 1, 300)).MaxPool1D(257)[0];
            Assert.ThrowsException(typeof(ArgumentException), () => { new MaxPool(huge); }, "window 257");

            LayerSpec relu = new ModelSpec(new Shape(1, 1, 8)).ReLU()[0];
            Assert.ThrowsException(typeof(ArgumentException), () => { new MaxPool(relu); }, "wrong kind");

            Assert.ThrowsException(typeof(ArgumentException), () => { new ModelSpec(Shape.Vector(8)).Dense(8).MaxPool1D(3, 2).Dense(2); }, "model");
        }

        [TestMethod]
        public void RoutesErrorsInsideAModel()
        {
            // Dense(4) -> MaxPool1D(2) -> Dense(2): the pool is not first, so its backward runs in TrainStep.
            ModelSpec spec = new ModelSpec(Shape.Vector(3)).Dense(4).MaxPool1D(2).Dense(2);
            Model model = new Model(spec, new TrainingOptions());
            Assert.AreEqual(model.Plan.TotalBytes, model.CountAllocatedBytes(), "allocated bytes");
            int loss = model.TrainStep(new sbyte[] { 50, -60, 70 }, Scale.PowerOfTwo(-7), 0);
            Assert.IsTrue(loss > 0, "positive loss");
            Assert.IsInstanceOfType(model.GetLayer(1), typeof(MaxPool), "second layer");
            Assert.AreEqual(2, model.GetLayer(1).KeptBytes, "kept bytes");
        }

        private static MaxPool Create(Shape input, int window, int stride)
        {
            return new MaxPool(new ModelSpec(input).MaxPool1D(window, stride)[0]);
        }
    }
}
