// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // Training is bit-exact: the same seed and the same samples give the same weights, biases, weight
    // exponents and PRNG state on the host and on the device.
    [TestClass]
    public class ModelDeterminismTests
    {
        private const int Mlp = 0;
        private const int ConvNet2D = 1;
        private const int ConvNet1D = 2;
        private const int SampleCount = 24;
        private const int Steps = 48;
        private const uint SampleSeed = 2024;
        private const uint GoldenSeed = 7;

        // GOLDEN CHECKSUMS (ModelChecksum: CRC-32 of the training state) after Steps steps on GoldenSamples
        // with seed GoldenSeed. Any numeric change to the engine (rounding, rescaling, update rule,
        // initialisation, PRNG use, layer arithmetic) changes them. Such a change must be deliberate: update
        // a constant only then, and say why in the commit. The same constants must pass on the host and on
        // a board: that is the point of the test.
        private const uint GoldenMlpTinTin = 0x1DD9B022;
        private const uint GoldenMlpNiti = 0x513D40EF;
        private const uint GoldenMlpTinTinBatch4 = 0xB6866E28;
        private const uint GoldenMlpNitiBatch4 = 0xF6DA7A85;
        private const uint GoldenConv2DTinTin = 0x81CA8598;
        private const uint GoldenConv2DNiti = 0x576BC942;
        private const uint GoldenConv1DTinTin = 0x507995EC;
        private const uint GoldenConv1DNiti = 0x344564D8;

        [TestMethod]
        public void MlpTinTinTrainingMatchesTheGoldenChecksum()
        {
            AssertGolden(GoldenMlpTinTin, Mlp, Options(TrainingMode.TinTin, 1, GoldenSeed));
        }

        [TestMethod]
        public void MlpNitiTrainingMatchesTheGoldenChecksum()
        {
            AssertGolden(GoldenMlpNiti, Mlp, Options(TrainingMode.Niti, 1, GoldenSeed));
        }

        [TestMethod]
        public void MlpTinTinMiniBatchTrainingMatchesTheGoldenChecksum()
        {
            AssertGolden(GoldenMlpTinTinBatch4, Mlp, Options(TrainingMode.TinTin, 4, GoldenSeed));
        }

        [TestMethod]
        public void MlpNitiMiniBatchTrainingMatchesTheGoldenChecksum()
        {
            AssertGolden(GoldenMlpNitiBatch4, Mlp, Options(TrainingMode.Niti, 4, GoldenSeed));
        }

        [TestMethod]
        public void Conv2DNetTinTinTrainingMatchesTheGoldenChecksum()
        {
            AssertGolden(GoldenConv2DTinTin, ConvNet2D, Options(TrainingMode.TinTin, 1, GoldenSeed));
        }

        [TestMethod]
        public void Conv2DNetNitiTrainingMatchesTheGoldenChecksum()
        {
            AssertGolden(GoldenConv2DNiti, ConvNet2D, Options(TrainingMode.Niti, 1, GoldenSeed));
        }

        [TestMethod]
        public void Conv1DNetTinTinTrainingMatchesTheGoldenChecksum()
        {
            AssertGolden(GoldenConv1DTinTin, ConvNet1D, Options(TrainingMode.TinTin, 1, GoldenSeed));
        }

        [TestMethod]
        public void Conv1DNetNitiTrainingMatchesTheGoldenChecksum()
        {
            AssertGolden(GoldenConv1DNiti, ConvNet1D, Options(TrainingMode.Niti, 1, GoldenSeed));
        }

        // The kernel seam: an engine plugged in through Model.Kernels (here a subclass of the managed kernels
        // that counts its calls, as a native engine derives from them) is called for the hot loops and trains
        // to the same golden checksums; every golden network and mode, both batch sizes.
        [TestMethod]
        [DataRow(0, 1, 1)]
        [DataRow(0, 2, 1)]
        [DataRow(0, 1, 4)]
        [DataRow(0, 2, 4)]
        [DataRow(1, 1, 1)]
        [DataRow(1, 2, 1)]
        [DataRow(2, 1, 1)]
        [DataRow(2, 2, 1)]
        public void KernelsPluggedInThroughTheSeamTrainToTheGoldenChecksum(int network, int mode, int batchSize)
        {
            TrainingOptions options = Options((TrainingMode)mode, batchSize, GoldenSeed);
            CountingKernels kernels = new CountingKernels();
            Model model = new Model(Network(network), options);
            Assert.IsTrue(model.Kernels is ManagedKernels, "the default engine");
            model.Kernels = kernels;
            Train(model);
            Assert.AreEqual(Golden(network, (TrainingMode)mode, batchSize), ModelChecksum.Of(model), "training-state checksum through the seam");
            Assert.IsTrue(kernels.Calls >= 3 * Steps, "kernel calls: " + kernels.Calls.ToString());
            Assert.IsTrue(kernels.Forward > 0 && kernels.Update > 0 && kernels.Requantizes > 0 && kernels.Loss == Steps, "forward " + kernels.Forward.ToString() + " update " + kernels.Update.ToString() + " requantize " + kernels.Requantizes.ToString() + " loss " + kernels.Loss.ToString());
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => { model.Kernels = null; });
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void SameSeedGivesIdenticalState(int mode)
        {
            Model a = Train(ConvNet2D, Options((TrainingMode)mode, 1, 99));
            Model b = Train(ConvNet2D, Options((TrainingMode)mode, 1, 99));
            for (int l = 0; l < a.LayerCount; l++)
            {
                WeightedLayer wa = a.GetLayer(l) as WeightedLayer;
                if (wa == null)
                {
                    continue;
                }

                WeightedLayer wb = (WeightedLayer)b.GetLayer(l);
                CollectionAssert.AreEqual(wa.CopyWeights(), wb.CopyWeights(), "weights of layer " + l.ToString());
                CollectionAssert.AreEqual(wa.Biases, wb.Biases, "biases of layer " + l.ToString());
                Assert.IsTrue(wa.WeightScale.SameValueAs(wb.WeightScale), "weight scale of layer " + l.ToString());
            }

            Assert.AreEqual(a.Random.State, b.Random.State, "PRNG state");
            Assert.AreEqual(ModelChecksum.Of(a), ModelChecksum.Of(b), "checksum");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void DifferentSeedGivesDifferentWeights(int mode)
        {
            Model a = new Model(Network(ConvNet2D), Options((TrainingMode)mode, 1, 99));
            Model b = new Model(Network(ConvNet2D), Options((TrainingMode)mode, 1, 100));
            Assert.IsFalse(SameWeights(a, b), "initial weights equal for seeds 99 and 100");

            a = Train(ConvNet2D, Options((TrainingMode)mode, 1, 99));
            b = Train(ConvNet2D, Options((TrainingMode)mode, 1, 100));
            Assert.IsFalse(SameWeights(a, b), "trained weights equal for seeds 99 and 100");
            Assert.AreNotEqual(ModelChecksum.Of(a), ModelChecksum.Of(b), "checksums equal for seeds 99 and 100");
        }

        [TestMethod]
        public void ChecksumSeesEveryPartOfTheState()
        {
            // The checksum is only a guard if a change anywhere in the state changes it.
            Model model = new Model(Network(Mlp), Options(TrainingMode.TinTin, 1, GoldenSeed));
            uint start = ModelChecksum.Of(model);
            WeightedLayer last = (WeightedLayer)model.GetLayer(model.LayerCount - 1);

            int lastWeight = last.WeightCount - 1;
            int value = last.GetWeight(lastWeight);
            last.SetWeight(lastWeight, value == 127 ? 126 : value + 1);
            Assert.AreNotEqual(start, ModelChecksum.Of(model), "last weight");
            last.SetWeight(lastWeight, value);
            last.Biases[0] = 1;
            Assert.AreNotEqual(start, ModelChecksum.Of(model), "bias");
            last.Biases[0] = 0;
            last.WeightScale.Down++;
            Assert.AreNotEqual(start, ModelChecksum.Of(model), "weight scale");
            last.WeightScale.Down--;
            model.Random.NextUInt();
            Assert.AreNotEqual(start, ModelChecksum.Of(model), "PRNG state");
        }

        // Mlp: Dense and ReLU. ConvNet2D: two 3x3 convolutions (the second one passes an error down), 2x2 max
        // pooling, Flatten, Dense. ConvNet1D: the same with 1-D convolutions and pooling. All with biases.
        private static ModelSpec Network(int network)
        {
            if (network == ConvNet2D)
            {
                return new ModelSpec(new Shape(1, 6, 6)).Conv2D(2, 3, 1, 1).ReLU().Conv2D(3, 3, 1, 0).ReLU().MaxPool2D(2).Flatten().Dense(3);
            }

            if (network == ConvNet1D)
            {
                return new ModelSpec(new Shape(2, 1, 12)).Conv1D(3, 3, 1, 1).ReLU().MaxPool1D(2).Conv1D(4, 3, 1, 0).ReLU().Flatten().Dense(3);
            }

            return new ModelSpec(Shape.Vector(6)).Dense(12).ReLU().Dense(8).ReLU().Dense(3);
        }

        // Fixed synthetic samples: values in [-127, 127] and a label in 0..2, all from Xorshift32(SampleSeed).
        private static sbyte[][] GoldenSamples(int size, out int[] labels)
        {
            Xorshift32 random = new Xorshift32(SampleSeed);
            sbyte[][] samples = new sbyte[SampleCount][];
            labels = new int[SampleCount];
            for (int s = 0; s < SampleCount; s++)
            {
                samples[s] = new sbyte[size];
                for (int i = 0; i < size; i++)
                {
                    samples[s][i] = (sbyte)(random.NextInt(255) - 127);
                }

                labels[s] = random.NextInt(3);
            }

            return samples;
        }

        private static TrainingOptions Options(TrainingMode mode, int batchSize, uint seed)
        {
            TrainingOptions options = new TrainingOptions();
            options.Mode = mode;
            options.BatchSize = batchSize;
            options.Seed = seed;
            options.InitialUpscale = mode == TrainingMode.TinTin;
            return options;
        }

        private static uint Golden(int network, TrainingMode mode, int batchSize)
        {
            bool tinTin = mode == TrainingMode.TinTin;
            if (network == ConvNet2D)
            {
                return tinTin ? GoldenConv2DTinTin : GoldenConv2DNiti;
            }

            if (network == ConvNet1D)
            {
                return tinTin ? GoldenConv1DTinTin : GoldenConv1DNiti;
            }

            if (batchSize > 1)
            {
                return tinTin ? GoldenMlpTinTinBatch4 : GoldenMlpNitiBatch4;
            }

            return tinTin ? GoldenMlpTinTin : GoldenMlpNiti;
        }

        private static Model Train(int network, TrainingOptions options)
        {
            return Train(new Model(Network(network), options));
        }

        private static Model Train(Model model)
        {
            int[] labels;
            sbyte[][] samples = GoldenSamples(model.Spec.Input.Size, out labels);
            Scale scale = Scale.PowerOfTwo(-7);
            for (int step = 0; step < Steps; step++)
            {
                int s = step % SampleCount;
                model.TrainStep(samples[s], scale, labels[s]);
            }

            model.ApplyPending();
            return model;
        }

        private static void AssertGolden(uint expected, int network, TrainingOptions options)
        {
            Model trained = Train(network, options);
            uint actual = ModelChecksum.Of(trained);
            OutputHelper.WriteLine("checksum 0x" + actual.ToString("X8"));
            Assert.IsFalse(SameWeights(new Model(Network(network), options), trained), "training left the weights unchanged");
            Assert.AreEqual(expected, actual, "training-state checksum (see the comment on the golden constants)");
        }

        private static bool SameWeights(Model a, Model b)
        {
            for (int l = 0; l < a.LayerCount; l++)
            {
                WeightedLayer wa = a.GetLayer(l) as WeightedLayer;
                if (wa == null)
                {
                    continue;
                }

                sbyte[] x = wa.CopyWeights();
                sbyte[] y = ((WeightedLayer)b.GetLayer(l)).CopyWeights();
                for (int i = 0; i < x.Length; i++)
                {
                    if (x[i] != y[i])
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
