// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Scaling;

namespace NFUnitTest
{
    // Flatten: a reshape. In place (as the model runs it) nothing moves; out of place it copies the
    // values, length, scale and MaxAbs, forward and backward alike.
    [TestClass]
    public class FlattenTests
    {
        [TestMethod]
        public void DescribesAVectorOfTheSameSize()
        {
            LayerSpec spec = new ModelSpec(new Shape(3, 2, 5)).Flatten()[0];
            Assert.AreEqual(1, spec.Output.Channels, "channels");
            Assert.AreEqual(1, spec.Output.Height, "height");
            Assert.AreEqual(30, spec.Output.Width, "width");
            Assert.IsTrue(new Flatten(spec).InPlace, "in place");
            Assert.AreEqual(0, new Flatten(spec).KeptBytes, "kept bytes");
        }

        [TestMethod]
        public void InPlaceLeavesTheTensorAsItIs()
        {
            Flatten flatten = Create();
            Tensor8 t = MaxPool2DTests.Input(new sbyte[] { -3, 0, 127, -127, 5, 6 });
            t.Scale = new Scale(-4, 2, 0);
            flatten.Forward(t, t, MaxPool2DTests.NewWorkspace());
            CollectionAssert.AreEqual(new sbyte[] { -3, 0, 127, -127, 5, 6 }, t.Data, "values");
            MaxPool2DTests.AssertScale(new Scale(-4, 2, 0), t.Scale, "scale");
            MaxPool2DTests.AssertScale(new Scale(-4, 2, 0), flatten.Stats.OutputScale, "stats scale");

            Tensor8 error = new Tensor8(new sbyte[] { 1, -2, 3, -4, 5, -6 }, 6);
            flatten.Backward(t, t, error, error, MaxPool2DTests.NewWorkspace());
            CollectionAssert.AreEqual(new sbyte[] { 1, -2, 3, -4, 5, -6 }, error.Data, "error");
        }

        [TestMethod]
        public void OutOfPlaceCopiesValuesAndScale()
        {
            Flatten flatten = Create();
            Tensor8 input = MaxPool2DTests.Input(new sbyte[] { -3, 0, 127, -127, 5, 6 });
            input.Scale = new Scale(-4, 2, 0);
            Tensor8 output = new Tensor8(new sbyte[6], 0);
            flatten.Forward(input, output, MaxPool2DTests.NewWorkspace());
            CollectionAssert.AreEqual(new sbyte[] { -3, 0, 127, -127, 5, 6 }, output.Data, "values");
            Assert.AreEqual(6, output.Length, "length");
            Assert.AreEqual(127, output.MaxAbs, "MaxAbs");
            MaxPool2DTests.AssertScale(new Scale(-4, 2, 0), output.Scale, "scale");

            Tensor8 error = new Tensor8(new sbyte[] { 1, -2, 3, -4, 5, -6 }, 6);
            error.Scale = new Scale(-9, 0, 4);
            error.MaxAbs = 6;
            Tensor8 inputError = new Tensor8(new sbyte[6], 0);
            flatten.Backward(input, output, error, inputError, MaxPool2DTests.NewWorkspace());
            CollectionAssert.AreEqual(new sbyte[] { 1, -2, 3, -4, 5, -6 }, inputError.Data, "error");
            Assert.AreEqual(6, inputError.Length, "error length");
            Assert.AreEqual(6, inputError.MaxAbs, "error MaxAbs");
            MaxPool2DTests.AssertScale(new Scale(-9, 0, 4), inputError.Scale, "error scale");
            flatten.Backward(input, output, error, null, MaxPool2DTests.NewWorkspace());
        }

        private static Flatten Create()
        {
            return new Flatten(new ModelSpec(new Shape(2, 1, 3)).Flatten()[0]);
        }
    }
}
