// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Random;
using TinTin.Scaling;

namespace NFUnitTest
{
    // ReLU in place (as the model runs it) and out of place. Reference: y = x > 0 ? x : 0 and the
    // error passes where the forward output is nonzero (x > 0; at x = 0 the error is cut).
    [TestClass]
    public class ReLUTests
    {
        [TestMethod]
        public void ForwardOutOfPlaceKeepsTheInput()
        {
            sbyte[] x = new sbyte[] { -127, -1, 0, 1, 127, -5 };
            ReLU relu = Create(6);
            Tensor8 input = MaxPool2DTests.Input(x);
            input.Scale = new Scale(-6, 1, 2);
            Tensor8 output = new Tensor8(MaxPool2DTests.Filled(6, 33), 0);
            relu.Forward(input, output, MaxPool2DTests.NewWorkspace());
            CollectionAssert.AreEqual(new sbyte[] { 0, 0, 0, 1, 127, 0 }, output.Data, "output");
            CollectionAssert.AreEqual(new sbyte[] { -127, -1, 0, 1, 127, -5 }, x, "input untouched");
            Assert.AreEqual(6, output.Length, "length");
            MaxPool2DTests.AssertScale(new Scale(-6, 1, 2), output.Scale, "scale");
            Assert.AreEqual(127, output.MaxAbs, "MaxAbs");
        }

        [TestMethod]
        public void ForwardInPlace()
        {
            ReLU relu = Create(6);
            Assert.IsTrue(relu.InPlace, "in place");
            Tensor8 t = MaxPool2DTests.Input(new sbyte[] { -127, -1, 0, 1, 127, -5 });
            t.Scale = Scale.PowerOfTwo(-3);
            relu.Forward(t, t, MaxPool2DTests.NewWorkspace());
            CollectionAssert.AreEqual(new sbyte[] { 0, 0, 0, 1, 127, 0 }, t.Data, "output");
            MaxPool2DTests.AssertScale(Scale.PowerOfTwo(-3), t.Scale, "scale");
        }

        [TestMethod]
        public void BackwardMasksWhereTheOutputIsZero()
        {
            // Output {0 0 0 1 127 0}: only positions 3 and 4 pass their error.
            ReLU relu = Create(6);
            Tensor8 input = MaxPool2DTests.Input(new sbyte[] { -127, -1, 0, 1, 127, -5 });
            Tensor8 output = new Tensor8(new sbyte[6], 0);
            relu.Forward(input, output, MaxPool2DTests.NewWorkspace());
            Tensor8 error = new Tensor8(new sbyte[] { 10, -10, 20, -20, 30, -30 }, 6);
            error.Scale = new Scale(-11, 0, 1);
            error.MaxAbs = 30;

            Tensor8 outOfPlace = new Tensor8(MaxPool2DTests.Filled(6, 77), 0);
            relu.Backward(input, output, error, outOfPlace, MaxPool2DTests.NewWorkspace());
            CollectionAssert.AreEqual(new sbyte[] { 0, 0, 0, -20, 30, 0 }, outOfPlace.Data, "out of place");
            CollectionAssert.AreEqual(new sbyte[] { 10, -10, 20, -20, 30, -30 }, error.Data, "output error untouched");
            MaxPool2DTests.AssertScale(new Scale(-11, 0, 1), outOfPlace.Scale, "error scale");
            Assert.AreEqual(30, outOfPlace.MaxAbs, "MaxAbs");
            Assert.AreEqual(6, outOfPlace.Length, "length");

            relu.Backward(input, output, error, error, MaxPool2DTests.NewWorkspace());
            CollectionAssert.AreEqual(new sbyte[] { 0, 0, 0, -20, 30, 0 }, error.Data, "in place");
            relu.Backward(input, output, error, null, MaxPool2DTests.NewWorkspace());
        }

        [TestMethod]
        public void MatchesReferenceOnRandomTensors()
        {
            Xorshift32 random = new Xorshift32(2024u);
            for (int round = 0; round < 20; round++)
            {
                int n = 1 + random.NextInt(40);
                sbyte[] x = ReferenceArithmetic.RandomInt8(random, n, 127);
                sbyte[] e = ReferenceArithmetic.RandomInt8(random, n, 127);
                ReLU relu = Create(n);
                Tensor8 t = MaxPool2DTests.Input(ReferenceArithmetic.Copy(x));
                relu.Forward(t, t, MaxPool2DTests.NewWorkspace());
                Tensor8 error = new Tensor8(ReferenceArithmetic.Copy(e), n);
                relu.Backward(t, t, error, error, MaxPool2DTests.NewWorkspace());
                for (int i = 0; i < n; i++)
                {
                    Assert.AreEqual(x[i] > 0 ? (int)x[i] : 0, (int)t.Data[i], "output " + i.ToString());
                    Assert.AreEqual(x[i] > 0 ? (int)e[i] : 0, (int)error.Data[i], "error " + i.ToString());
                }
            }
        }

        private static ReLU Create(int size)
        {
            return new ReLU(new ModelSpec(Shape.Vector(size)).ReLU()[0]);
        }
    }
}
