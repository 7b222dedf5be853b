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
    // MaxPool2D against a naive reference that addresses inputs by explicit (channel, row, column)
    // and scans each window backwards with >=, so the first maximum in row-major order wins ties
    // (the layer scans forwards with >). The backward reference loops over inputs, not outputs.
    [TestClass]
    public class MaxPool2DTests
    {
        [TestMethod]
        public void ForwardPicksWindowMaximaAndFirstIndexOnTies()
        {
            // 1 x 4 x 4, window 2, stride 2. The windows (row-major inside):
            // top-left {1 5 7 -2} -> 7 at 2; top-right {-3 2 4 4} -> 4 at 2 (tie with 3);
            // bottom-left {-8 -9 -7 -6} -> -6 at 3; bottom-right {0 -1 -1 0} -> 0 at 0 (tie with 3).
            sbyte[] x = new sbyte[]
            {
                1, 5, -3, 2,
                7, -2, 4, 4,
                -8, -9, 0, -1,
                -7, -6, -1, 0,
            };
            MaxPool pool = Create(new Shape(1, 4, 4), 2, 2);
            Tensor8 output = new Tensor8(new sbyte[4], 0);
            pool.Forward(Input(x), output, NewWorkspace());

            CollectionAssert.AreEqual(new sbyte[] { 7, 4, -6, 0 }, output.Data, "maxima");
            CollectionAssert.AreEqual(new byte[] { 2, 2, 3, 0 }, pool.ArgMax, "indices");
            Assert.AreEqual(4, output.Length, "length");
        }

        [TestMethod]
        public void BackwardRoutesEachErrorToItsMaximumOnly()
        {
            // Same input as above: the maxima sit at flat positions 4 (row 1 col 0), 6 (row 1 col 2),
            // 13 (row 3 col 1) and 10 (row 2 col 2); every other input gets 0.
            sbyte[] x = new sbyte[]
            {
                1, 5, -3, 2,
                7, -2, 4, 4,
                -8, -9, 0, -1,
                -7, -6, -1, 0,
            };
            MaxPool pool = Create(new Shape(1, 4, 4), 2, 2);
            Tensor8 input = Input(x);
            Tensor8 output = new Tensor8(new sbyte[4], 0);
            Workspace workspace = NewWorkspace();
            pool.Forward(input, output, workspace);

            Tensor8 outputError = new Tensor8(new sbyte[] { 10, -20, 30, -127 }, 4);
            Tensor8 inputError = new Tensor8(Filled(16, 99), 0); // stale values must be cleared
            pool.Backward(input, output, outputError, inputError, workspace);

            sbyte[] expected = new sbyte[16];
            expected[4] = 10;
            expected[6] = -20;
            expected[13] = 30;
            expected[10] = -127;
            CollectionAssert.AreEqual(expected, inputError.Data, "routed errors");
            Assert.AreEqual(16, inputError.Length, "length");
        }

        [TestMethod]
        [DataRow(2, 5, 7, 2, 2, 3)]      // last row and column in no window
        [DataRow(3, 7, 8, 2, 3, 127)]    // stride above the window: gaps between windows
        [DataRow(1, 6, 6, 3, 3, 2)]      // values in [-2 2]: many ties
        [DataRow(2, 4, 4, 1, 1, 127)]    // identity
        [DataRow(1, 9, 9, 4, 5, 1)]
        [DataRow(1, 16, 16, 16, 16, 127)] // the largest window: indices up to 255
        public void MatchesNaiveReferenceForwardAndBackward(int channels, int height, int width, int window, int stride, int limit)
        {
            Xorshift32 random = new Xorshift32((uint)(channels * 1000 + height * 100 + width * 10 + window));
            MaxPool pool = Create(new Shape(channels, height, width), window, stride);
            int outHeight = (height - window) / stride + 1;
            int outWidth = (width - window) / stride + 1;
            int outputs = channels * outHeight * outWidth;
            int inputs = channels * height * width;
            Assert.AreEqual(outputs, pool.Spec.Output.Size, "output size");

            sbyte[] x = ReferenceArithmetic.RandomInt8(random, inputs, limit);
            Tensor8 input = Input(x);
            Tensor8 output = new Tensor8(new sbyte[outputs], 0);
            Workspace workspace = NewWorkspace();
            pool.Forward(input, output, workspace);

            int[] expectedValue = new int[outputs];
            int[] expectedIndex = new int[outputs];
            ReferenceForward(x, channels, height, width, window, stride, outHeight, outWidth, expectedValue, expectedIndex);
            for (int o = 0; o < outputs; o++)
            {
                Assert.AreEqual(expectedValue[o], (int)output.Data[o], "value " + o.ToString());
                Assert.AreEqual(expectedIndex[o], (int)pool.ArgMax[o], "index " + o.ToString());
            }

            sbyte[] e = ReferenceArithmetic.RandomInt8(random, outputs, 127);
            Tensor8 inputError = new Tensor8(Filled(inputs, -99), 0);
            pool.Backward(input, output, new Tensor8(e, outputs), inputError, workspace);
            for (int c = 0; c < channels; c++)
            {
                for (int iy = 0; iy < height; iy++)
                {
                    for (int ix = 0; ix < width; ix++)
                    {
                        int expected = 0;
                        for (int oy = 0; oy < outHeight; oy++)
                        {
                            for (int ox = 0; ox < outWidth; ox++)
                            {
                                int ky = iy - oy * stride;
                                int kx = ix - ox * stride;
                                int o = (c * outHeight + oy) * outWidth + ox;
                                if (ky >= 0 && ky < window && kx >= 0 && kx < window && ky * window + kx == expectedIndex[o])
                                {
                                    expected = e[o];
                                }
                            }
                        }

                        int flat = (c * height + iy) * width + ix;
                        Assert.AreEqual(expected, (int)inputError.Data[flat], "input error " + flat.ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void ScaleAndMaxAbsPassThrough()
        {
            MaxPool pool = Create(new Shape(2, 2, 2), 2, 2);
            Tensor8 input = Input(new sbyte[] { -5, 3, 77, -77, 1, 1, 1, 1 });
            input.Scale = new Scale(-9, 2, 1);
            input.MaxAbs = 77;
            Tensor8 output = new Tensor8(new sbyte[2], 0);
            Workspace workspace = NewWorkspace();
            pool.Forward(input, output, workspace);
            AssertScale(new Scale(-9, 2, 1), output.Scale, "output scale");
            AssertScale(new Scale(-9, 2, 1), pool.Stats.OutputScale, "stats output scale");
            Assert.AreEqual(77, output.MaxAbs, "output MaxAbs");

            Tensor8 outputError = new Tensor8(new sbyte[] { -5, 4 }, 2);
            outputError.Scale = new Scale(-12, 0, 3);
            outputError.MaxAbs = 5;
            Tensor8 inputError = new Tensor8(new sbyte[8], 0);
            pool.Backward(input, output, outputError, inputError, workspace);
            AssertScale(new Scale(-12, 0, 3), inputError.Scale, "error scale");
            AssertScale(new Scale(-12, 0, 3), pool.Stats.ErrorScale, "stats error scale");
            Assert.AreEqual(5, inputError.MaxAbs, "error MaxAbs");
        }

        [TestMethod]
        public void BackwardWithoutInputErrorDoesNothing()
        {
            MaxPool pool = Create(new Shape(1, 2, 2), 2, 2);
            Tensor8 input = Input(new sbyte[] { 1, 2, 3, 4 });
            Tensor8 output = new Tensor8(new sbyte[1], 0);
            pool.Forward(input, output, NewWorkspace());
            pool.Backward(input, output, new Tensor8(new sbyte[] { 9 }, 1), null, NewWorkspace());
            Assert.AreEqual((sbyte)4, output.Data[0], "output unchanged");
        }

        [TestMethod]
        public void KeepsOneBytePerOutputAsPlanned()
        {
            LayerSpec spec = new ModelSpec(new Shape(3, 6, 8)).MaxPool2D(2)[0];
            Layer layer = LayerFactory.Create(spec, false);
            Assert.IsInstanceOfType(layer, typeof(MaxPool), "factory type");
            Assert.AreEqual(3 * 3 * 4, layer.KeptBytes, "kept bytes");
            Assert.AreEqual(LayerFactory.KeptBytes(spec), layer.KeptBytes, "planned kept bytes");
            Assert.IsFalse(layer.InPlace, "not in place");
        }

        [TestMethod]
        public void RejectsOverlappingWindowsPaddingAndHugeWindows()
        {
            // Overlapping windows are refused by the description already (the layer checks again).
            Assert.ThrowsException(typeof(ArgumentException), () => { new ModelSpec(new Shape(1, 7, 7)).MaxPool2D(3, 2); }, "overlap");

            LayerSpec padded = new ModelSpec(new Shape(1, 4, 4)).Add(new LayerSpec(LayerKind.MaxPool2D, 0, 2, 2, 1, false))[0];
            Assert.ThrowsException(typeof(ArgumentException), () => { new MaxPool(padded); }, "padding");

            LayerSpec huge = new ModelSpec(new Shape(1, 17, 17)).MaxPool2D(17)[0];
            Assert.ThrowsException(typeof(ArgumentException), () => { new MaxPool(huge); }, "window 17");

            LayerSpec relu = new ModelSpec(new Shape(1, 4, 4)).ReLU()[0];
            Assert.ThrowsException(typeof(ArgumentException), () => { new MaxPool(relu); }, "wrong kind");

            Assert.ThrowsException(typeof(ArgumentException), () => { new ModelSpec(new Shape(1, 7, 7)).MaxPool2D(3, 2).Flatten().Dense(2); }, "model");
        }

        [TestMethod]
        public void TrainsInsideAModelWithThePlannedMemory()
        {
            ModelSpec spec = new ModelSpec(new Shape(1, 4, 4)).MaxPool2D(2).Flatten().Dense(3);
            Model model = new Model(spec, new TrainingOptions());
            Assert.AreEqual(model.Plan.TotalBytes, model.CountAllocatedBytes(), "allocated bytes");
            sbyte[] sample = new sbyte[] { 1, 2, 3, 4, 5, 6, 7, 8, -1, -2, -3, -4, 100, 0, 0, 0 };
            model.TrainStep(sample, Scale.PowerOfTwo(-7), 1);

            // Windows {1 2 5 6} -> 3, {3 4 7 8} -> 3, {-1 -2 100 0} -> 2, {-3 -4 0 0} -> 2 (first of the tie).
            Assert.IsInstanceOfType(model.GetLayer(0), typeof(MaxPool), "first layer");
            CollectionAssert.AreEqual(new byte[] { 3, 3, 2, 2 }, ((MaxPool)model.GetLayer(0)).ArgMax, "indices");
        }

        internal static Workspace NewWorkspace()
        {
            return new Workspace(1, 0, new TrainingOptions(), new Xorshift32(1u));
        }

        internal static Tensor8 Input(sbyte[] data)
        {
            Tensor8 t = new Tensor8(data, data.Length);
            t.MaxAbs = ReferenceArithmetic.MaxAbs(data, data.Length);
            return t;
        }

        internal static sbyte[] Filled(int count, int value)
        {
            sbyte[] a = new sbyte[count];
            for (int i = 0; i < count; i++)
            {
                a[i] = (sbyte)value;
            }

            return a;
        }

        internal static void AssertScale(Scale expected, Scale actual, string what)
        {
            Assert.AreEqual(expected.Shift, actual.Shift, what + " shift");
            Assert.AreEqual(expected.Up, actual.Up, what + " up");
            Assert.AreEqual(expected.Down, actual.Down, what + " down");
        }

        private static MaxPool Create(Shape input, int window, int stride)
        {
            return new MaxPool(new ModelSpec(input).MaxPool2D(window, stride)[0]);
        }

        private static void ReferenceForward(sbyte[] x, int channels, int height, int width, int window, int stride, int outHeight, int outWidth, int[] value, int[] index)
        {
            for (int c = 0; c < channels; c++)
            {
                for (int oy = 0; oy < outHeight; oy++)
                {
                    for (int ox = 0; ox < outWidth; ox++)
                    {
                        int best = int.MinValue;
                        int bestIndex = -1;
                        for (int ky = window - 1; ky >= 0; ky--)
                        {
                            for (int kx = window - 1; kx >= 0; kx--)
                            {
                                int v = x[(c * height + oy * stride + ky) * width + ox * stride + kx];
                                if (v >= best)
                                {
                                    best = v;
                                    bestIndex = ky * window + kx;
                                }
                            }
                        }

                        int o = (c * outHeight + oy) * outWidth + ox;
                        value[o] = best;
                        index[o] = bestIndex;
                    }
                }
            }
        }
    }
}
