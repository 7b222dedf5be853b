// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin;
using TinTin.Description;
using TinTin.Persistence;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // lib-tintin/README.md's usage snippet is the block between the README markers below, word for word
    // (tests/TinTin.Tools.Tests/Consistency/ReadmeSnippetTests compares them): it compiles for nanoFramework
    // and runs here, on the host and on nanoCLR, so the README cannot show code that does not work.
    [TestClass]
    public class ReadmeUsageTests
    {
        [TestMethod]
        public void TheReadmeSnippetTrainsPredictsAndSaves()
        {
            sbyte[] sample = new sbyte[28 * 28];
            for (int i = 0; i < sample.Length; i++)
            {
                sample[i] = (sbyte)((i * 7 % 23) - 11);
            }

            int label = 3;

            // README: begin
            var spec = new ModelSpec(new Shape(1, 28, 28))                 // described once; shapes are checked here
                .Conv2D(6, 5, 1, 2).ReLU().MaxPool2D(2)
                .Conv2D(16, 5).ReLU().MaxPool2D(2)
                .Flatten().Dense(120).ReLU().Dense(84).ReLU().Dense(10);
            var options = new TrainingOptions { Mode = TrainingMode.TinTin, Seed = 1 };
            MemoryPlan plan = MemoryPlan.Create(spec, options);            // exact bytes, before anything is allocated
            var model = new Model(spec, options);                          // allocates exactly plan.TotalBytes
            int loss = model.TrainStep(sample, Scale.PowerOfTwo(-7), label); // allocates nothing; loss in Q16 nats
            int predicted = model.Predict(sample, Scale.PowerOfTwo(-7));
            byte[] file = new byte[ModelFile.GetSize(model)];
            ModelFile.Write(model, file, 0);                                // versioned, CRC-32, bit-exact resume
            // README: end

            Assert.AreEqual(plan.TotalBytes, model.CountAllocatedBytes(), "planned bytes");
            Assert.IsTrue(loss > 0, "loss " + loss.ToString());
            Assert.IsTrue(predicted >= 0 && predicted < 10, "prediction " + predicted.ToString());
            Assert.AreEqual(file.Length, ModelFile.GetStoredSize(file, 0, file.Length), "stored size");
            Assert.AreEqual(1L, ModelFile.Read(file, 0, file.Length).Samples, "the saved model resumes after one sample");
        }
    }
}
