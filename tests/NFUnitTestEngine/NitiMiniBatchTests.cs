// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin;
using TinTin.Description;
using TinTin.Persistence;
using TinTin.Layers;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // NITI as published (Wang et al.; the authors' ti_torch.py): each sample's int32 weight gradient
    // e * x is added to an int32 accumulator per weight, and only at the end of the mini-batch is the
    // sum shifted to a largest update of mu bits with pseudo-stochastic rounding and subtracted from
    // the weights. Samples arrive with different scales here (one exponent per sample, not one per
    // batch tensor), so each is aligned to the accumulator's fixed scale, the weight step times
    // 2^-WeightedLayer.AccumulatorFractionBits: an exact multiplication whenever the gradient's scale
    // is at most 2^10 weight steps finer, as in these cases. Every number below is worked out by hand.
    [TestClass]
    public class NitiMiniBatchTests
    {
        [TestMethod]
        public void TheBatchAccumulatesEachSamplesGradientAndAppliesOneMuBitUpdate()
        {
            // Dense 2 -> 2 with biases, weights all 10 at 2^-7, NITI, mu = 1, batch size 2.
            TrainingOptions options = Options(1);
            Dense dense = Create();
            Workspace workspace = new Workspace(4, 0, options, new Xorshift32(1u));
            Assert.IsFalse(workspace.Fused, "batch size 2 accumulates");

            // Sample 1: x = (3 -5) at 2^-4, e = (2 0) at 2^-3. Gradient scale 2^-7 = one weight step, so
            // the accumulators gain e * x * 2^10: row 0 (6 -10) * 1024 = (6144 -10240); row 1 nothing.
            // Bias accumulator 0 gains the bias step eta * e / scale(b) = 2^-5 * 2 * 2^-3 / 2^-20 = 8192,
            // times 2^10 (2^23); bias 1 sees no error.
            dense.Backward(Tensor(new sbyte[] { 3, -5 }, -4), Output(), Tensor(new sbyte[] { 2, 0 }, -3), null, workspace);
            CollectionAssert.AreEqual(new int[] { 6144, -10240, 0, 0 }, dense.Accumulators, "accumulators after sample 1");
            CollectionAssert.AreEqual(new int[] { 8388608, 0 }, dense.BiasAccumulators, "bias accumulators after sample 1");
            CollectionAssert.AreEqual(new sbyte[] { 10, 10, 10, 10 }, ReferenceArithmetic.Weights(dense), "no update inside the batch");
            CollectionAssert.AreEqual(new int[] { 0, 0 }, dense.Biases, "no bias update inside the batch");

            // Sample 2: x = (1 2) at 2^-9, e = (-1 3) at 2^-3. Gradient scale 2^-12 = 2^-5 weight steps, so
            // e * x * 2^5: row 0 (-1 -2) * 32 = (-32 -64); row 1 (3 6) * 32 = (96 192).
            // Bias steps -4096 and 12288, times 2^10.
            dense.Backward(Tensor(new sbyte[] { 1, 2 }, -9), Output(), Tensor(new sbyte[] { -1, 3 }, -3), null, workspace);
            CollectionAssert.AreEqual(new int[] { 6112, -10304, 96, 192 }, dense.Accumulators, "accumulators after sample 2");
            CollectionAssert.AreEqual(new int[] { 4194304, 12582912 }, dense.BiasAccumulators, "bias accumulators after sample 2");

            // Batch end. The largest |sum| 10304 has 14 bits; mu = 1 leaves shift 13. Pseudo-stochastic
            // rounding of |g|: q = |g| >> 13; of the 13 discarded bits, the upper 7 (the low 13 >> 6) are the
            // probability and the lower 6, doubled to 7 bits (13 is odd), the random number; q + 1 when
            // random < probability.
            //   6112: q 0, probability 95, random 32 * 2 = 64 -> 1; w 10 - 1 = 9
            //   -10304: q 1 (low 2112), probability 33, random 0 -> 2; w 10 + 2 = 12
            //   96: q 0, probability 1, random 64 -> stays 0; w 10
            //   192: q 0, probability 3, random 0 -> 1; w 9
            // Biases: b -= round(sum / 2^10): -4096 and -12288 (the sum of both samples' steps).
            dense.ApplyAccumulated(workspace);
            CollectionAssert.AreEqual(new sbyte[] { 9, 12, 10, 9 }, ReferenceArithmetic.Weights(dense), "weights after the batch");
            CollectionAssert.AreEqual(new int[] { -4096, -12288 }, dense.Biases, "biases after the batch");
            CollectionAssert.AreEqual(new int[] { 0, 0, 0, 0 }, dense.Accumulators, "accumulators cleared");
            CollectionAssert.AreEqual(new int[] { 0, 0 }, dense.BiasAccumulators, "bias accumulators cleared");
            MaxPool2DTests.AssertScale(Scale.PowerOfTwo(-7), dense.WeightScale, "NITI keeps the weight scale");
            Assert.AreEqual(0, dense.Stats.Saturations, "no clamps");
        }

        [TestMethod]
        [DataRow(0, 10, 11, 10, 10)]
        [DataRow(3, 7, 16, 9, 9)]
        [DataRow(14, -127, 127, -86, -127)]
        public void MuSetsTheSizeOfTheLargestUpdate(int mu, int w0, int w1, int w2, int w3)
        {
            // The sums of the first test, (6112 -10304 96 192), applied with other mu to weights of 10.
            // mu 0, shift 14 (probability: the upper 7 discarded bits, random: the lower 7):
            //   6112: q 0, p 47, r 96 -> 0;  -10304: q 0, p 80, r 64 -> 1;  96: p 0 -> 0;  192: p 1, r 64 -> 0
            // mu 3, shift 11 (p: upper 6 bits, r: lower 5 doubled):
            //   6112: q 2, p 63, r 0 -> 3;  -10304: q 5, p 2, r 0 -> 6;  96: p 3, r 0 -> 1;  192: p 6, r 0 -> 1
            // mu 14, shift 0: the sums themselves, the weights clamped to -127..127 (three clamps).
            Dense dense = Create();
            Workspace workspace = new Workspace(4, 0, Options(mu), new Xorshift32(1u));
            int[] sums = new int[] { 6112, -10304, 96, 192 };
            System.Array.Copy(sums, dense.Accumulators, sums.Length);
            dense.ApplyAccumulated(workspace);
            CollectionAssert.AreEqual(new sbyte[] { (sbyte)w0, (sbyte)w1, (sbyte)w2, (sbyte)w3 }, ReferenceArithmetic.Weights(dense), "weights");
            Assert.AreEqual(mu == 14 ? 3 : 0, dense.Stats.Saturations, "clamps");
        }

        [TestMethod]
        public void BatchSizeOneKeepsTheFusedUpdateAndNoAccumulators()
        {
            // Batch size 1 is NITI's per-sample update (no int32 gradient buffer): W -= pseudo_round(e * x).
            TrainingOptions options = Options(14);
            options.BatchSize = 1;
            Dense dense = new Dense(new ModelSpec(Shape.Vector(2)).Dense(2)[0], false);
            Assert.IsNull(dense.Accumulators, "no accumulators");
            for (int i = 0; i < dense.WeightCount; i++)
            {
                dense.SetWeight(i, 10);
            }

            dense.WeightScale = Scale.PowerOfTwo(-7);
            Workspace workspace = new Workspace(4, 0, options, new Xorshift32(1u));
            Assert.IsTrue(workspace.Fused, "batch size 1 fuses");
            dense.Backward(Tensor(new sbyte[] { 3, -5 }, -4), Output(), Tensor(new sbyte[] { 2, 0 }, -3), null, workspace);

            // mu 14 leaves the products e * x = (6 -10 0 0) unshifted.
            CollectionAssert.AreEqual(new sbyte[] { 4, 20, 10, 10 }, ReferenceArithmetic.Weights(dense), "weights");
        }

        [TestMethod]
        public void ANitiModelSavedInTheMiddleOfABatchResumesBitExactly()
        {
            // The model file stores the int32 accumulators and the pending-sample count (format version 1
            // already has them), so a NITI run saved mid-batch goes on exactly as if it had not stopped.
            TrainingOptions options = Options(1);
            options.BatchSize = 3;
            ModelSpec spec = new ModelSpec(Shape.Vector(4)).Dense(5).ReLU().Dense(3);
            Model original = new Model(spec, options);
            Xorshift32 data = new Xorshift32(7u);
            Train(original, data, 4);
            Assert.AreEqual(1, original.PendingSamples, "one sample pending");
            byte[] file = Save(original);
            Model resumed = ModelFile.Read(file, 0, file.Length);
            Assert.AreEqual(1, resumed.PendingSamples, "pending after reading");
            CollectionAssert.AreEqual(((WeightedLayer)original.GetLayer(0)).Accumulators, ((WeightedLayer)resumed.GetLayer(0)).Accumulators, "accumulators after reading");

            uint state = data.State;
            Train(original, data, 5);
            Train(resumed, new Xorshift32(state), 5);
            Assert.AreEqual(0, original.PendingSamples, "batches completed");
            CollectionAssert.AreEqual(Save(original), Save(resumed), "model files after resuming");
        }

        private static void Train(Model model, Xorshift32 data, int steps)
        {
            sbyte[] x = new sbyte[model.Spec.Input.Size];
            for (int s = 0; s < steps; s++)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] = (sbyte)(data.NextInt(255) - 127);
                }

                model.TrainStep(x, Scale.PowerOfTwo(-7), data.NextInt(3));
            }
        }

        private static byte[] Save(Model model)
        {
            byte[] file = new byte[ModelFile.GetSize(model)];
            ModelFile.Write(model, file, 0);
            return file;
        }

        private static TrainingOptions Options(int mu)
        {
            TrainingOptions options = new TrainingOptions();
            options.Mode = TrainingMode.Niti;
            options.InitialUpscale = false;
            options.MuBits = mu;
            options.BatchSize = 2;
            return options;
        }

        private static Dense Create()
        {
            Dense dense = new Dense(new ModelSpec(Shape.Vector(2)).Dense(2)[0], true);
            for (int i = 0; i < dense.WeightCount; i++)
            {
                dense.SetWeight(i, 10);
            }

            dense.WeightScale = Scale.PowerOfTwo(-7);
            return dense;
        }

        private static Tensor8 Tensor(sbyte[] data, int log2Scale)
        {
            Tensor8 t = MaxPool2DTests.Input(data);
            t.Scale = Scale.PowerOfTwo(log2Scale);
            return t;
        }

        private static Tensor8 Output()
        {
            return new Tensor8(new sbyte[2], 2);
        }
    }
}
