// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin;
using TinTin.Layers;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // A small network provably learns in both modes: Dense(16).ReLU().Dense(4) on the four-quadrant toy
    // (64 points, QuadrantToy) must classify every training point after Epochs epochs, and the mean loss
    // must fall from the first epoch to the last. The untrained model must get points wrong, so the test
    // cannot pass on initialisation alone. Budget per case: 640 training steps of 256 multiply-accumulates
    // (forward 32 + 64, input error 64, gradients 32 + 64) plus two passes of 64 predictions of 96: 176,128.
    //
    // The settings are not tuned to one lucky seed: tests/TinTin.Engine.Tests/QuadrantSweepTests.cs trains
    // seeds 1..100 on the host, and all reach 100 % within these 10 epochs in every configuration below
    // (first reached by epoch 6 for Tin-Tin, 5 for Tin-Tin batch 4, 2 for NITI mu = 3 and NITI batch 4).
    // NITI with Tin-Tin's initial upscaling missed 100 % on 15 of those 100 seeds, which is why the NITI
    // options keep NITI's small initial weights.
    [TestClass]
    public class ModelTrainingTests
    {
        private const int Epochs = 10;

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void TinTinLearnsTheQuadrants(int seed)
        {
            AssertLearns(QuadrantToy.TinTinOptions((uint)seed, 1));
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void NitiLearnsTheQuadrants(int seed)
        {
            AssertLearns(QuadrantToy.NitiOptions((uint)seed, 1));
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void TinTinMiniBatchLearnsTheQuadrants(int seed)
        {
            AssertLearns(QuadrantToy.TinTinOptions((uint)seed, 4));
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void NitiMiniBatchLearnsTheQuadrants(int seed)
        {
            AssertLearns(QuadrantToy.NitiOptions((uint)seed, 4));
        }

        [TestMethod]
        public void NitiKeepsWeightExponentsFixed()
        {
            // NITI never rescales a weight tensor: the exponents chosen at initialisation stay.
            Model model = new Model(QuadrantToy.Network(), QuadrantToy.NitiOptions(1, 1));
            Scale first = Weighted(model, 0).WeightScale;
            Scale last = Weighted(model, 2).WeightScale;
            int[] labels;
            sbyte[][] points = QuadrantToy.Points(QuadrantToy.SampleCount, QuadrantToy.DataSeed, out labels);
            QuadrantToy.TrainEpoch(model, points, labels);
            QuadrantToy.TrainEpoch(model, points, labels);

            Assert.IsTrue(first.SameValueAs(Weighted(model, 0).WeightScale), "layer 0 weight scale changed");
            Assert.IsTrue(last.SameValueAs(Weighted(model, 2).WeightScale), "layer 2 weight scale changed");
            Assert.AreEqual(0, Weighted(model, 0).Stats.WeightRescales, "layer 0 rescales");
            Assert.AreEqual(0, Weighted(model, 2).Stats.WeightRescales, "layer 2 rescales");
        }

        [TestMethod]
        public void MiniBatchChangesWeightsOnlyWhenTheBatchIsFull()
        {
            // Batch size 4: three steps only accumulate; the fourth applies the batch.
            Model model = new Model(QuadrantToy.Network(), QuadrantToy.TinTinOptions(1, 4));
            int[] labels;
            sbyte[][] points = QuadrantToy.Points(4, QuadrantToy.DataSeed, out labels);
            sbyte[] before = Weighted(model, 0).CopyWeights();
            for (int i = 0; i < 3; i++)
            {
                model.TrainStep(points[i], QuadrantToy.InputScale, labels[i]);
            }

            Assert.AreEqual(3, model.PendingSamples, "pending after 3 steps");
            Assert.IsTrue(SameBytes(before, Weighted(model, 0).CopyWeights()), "weights moved before the batch was full");
            model.TrainStep(points[3], QuadrantToy.InputScale, labels[3]);
            Assert.AreEqual(0, model.PendingSamples, "pending after 4 steps");
            Assert.IsFalse(SameBytes(before, Weighted(model, 0).CopyWeights()), "weights did not move after the batch");
            Assert.AreEqual(4L, model.Samples, "samples");
        }

        private static void AssertLearns(TrainingOptions options)
        {
            Model model = new Model(QuadrantToy.Network(), options);
            int[] labels;
            sbyte[][] points = QuadrantToy.Points(QuadrantToy.SampleCount, QuadrantToy.DataSeed, out labels);
            int untrained = QuadrantToy.CountCorrect(model, points, labels);
            Assert.IsTrue(untrained < points.Length, "the untrained model already classifies every point");

            long firstLoss = 0;
            long lastLoss = 0;
            for (int epoch = 0; epoch < Epochs; epoch++)
            {
                lastLoss = QuadrantToy.TrainEpoch(model, points, labels);
                if (epoch == 0)
                {
                    firstLoss = lastLoss;
                }
            }

            int correct = QuadrantToy.CountCorrect(model, points, labels);
            OutputHelper.WriteLine("untrained " + untrained.ToString() + " trained " + correct.ToString() + " of " + points.Length.ToString() + " points; mean loss (Q16) first epoch " + (firstLoss / points.Length).ToString() + " last epoch " + (lastLoss / points.Length).ToString());
            Assert.AreEqual(points.Length, correct, "correctly classified training points");
            Assert.IsTrue(lastLoss < firstLoss, "the loss did not fall from the first epoch to the last");
            Assert.AreEqual((long)(Epochs * points.Length), model.Samples, "samples trained");
        }

        private static WeightedLayer Weighted(Model model, int index)
        {
            return (WeightedLayer)model.GetLayer(index);
        }

        private static sbyte[] Copy(sbyte[] source)
        {
            sbyte[] copy = new sbyte[source.Length];
            System.Array.Copy(source, copy, source.Length);
            return copy;
        }

        private static bool SameBytes(sbyte[] a, sbyte[] b)
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
    }
}
