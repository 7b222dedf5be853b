// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin;
using TinTin.Description;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    /// <summary>
    /// The model uses the caller's sample in place and must never write into it: a ReLU that would
    /// run on the sample itself (first, or after a Flatten) gets a buffer of its own, and the memory
    /// plan counts it.
    /// </summary>
    [TestClass]
    public class ModelInputTests
    {
        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void AReluOnTheSampleLeavesTheSampleUnchanged(int flattenFirst)
        {
            ModelSpec spec = flattenFirst == 1
                ? new ModelSpec(new Shape(1, 2, 3)).Flatten().ReLU().Dense(2)
                : new ModelSpec(Shape.Vector(6)).ReLU().Dense(2);
            Model model = new Model(spec, new TrainingOptions());
            sbyte[] sample = new sbyte[] { -5, 7, -128 + 1, 0, 100, -1 };
            sbyte[] copy = (sbyte[])sample.Clone();

            model.TrainStep(sample, Scale.PowerOfTwo(-7), 1);
            model.Predict(sample, Scale.PowerOfTwo(-7));

            CollectionAssert.AreEqual(copy, sample, "the sample");
            Assert.AreEqual(model.Plan.ActivationBytes + model.Plan.WeightBytes + model.Plan.ScratchBytes, model.CountAllocatedBytes(), "planned bytes");
        }

        [TestMethod]
        public void AReluAfterALayerOfTheModelStillRunsInPlace()
        {
            // Dense -> ReLU: the ReLU writes into the Dense output, which is the model's own buffer.
            ModelSpec spec = new ModelSpec(Shape.Vector(4)).Dense(3).ReLU().Dense(2);
            MemoryPlan plan = MemoryPlan.Create(spec, new TrainingOptions());
            Assert.AreEqual(3 + 2, plan.ActivationBytes, "activations: the two Dense outputs only");
        }
    }
}
