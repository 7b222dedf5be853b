// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin;
using TinTin.Description;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // Tiny convolutional networks learn in both modes, end to end through Model (default options;
    // NITI keeps its small initial weights).
    //
    // 2-D: Conv2D(4, 3, 1, 1).ReLU().Flatten().Dense(2) on 6 x 6 images of one vertical or one
    // horizontal bar (+127 on a -64 background): 12 images, every position of both. No linear
    // classifier of the raw pixels separates them (every column sum would have to exceed every row
    // sum, yet both add up to the same total), so the convolution has to learn line detectors.
    // On the host, seeds 1..100 all reach 100 % within 10 epochs in Tin-Tin mode (median 3) and
    // 9 in NITI mode (median 3), so the bound of 12 is not tuned to one lucky seed; an FP32 SGD
    // twin of the same net needs up to 10 epochs at its best learning rate. Cost: about 61,000
    // multiply-accumulates per epoch (train and check), 730,000 at the bound.
    //
    // 1-D: Conv1D(2, 3, 1, 1).ReLU().Flatten().Dense(2) on 16 samples with one rising or one
    // falling edge (+127 / -64) at positions 2..14: 26 signals. This one is linearly separable;
    // it checks that Conv1D trains end to end. Seeds 1..100 reach 100 % within 4 epochs (Tin-Tin)
    // and 3 (NITI) on the host; the bound is 6 (about 14,000 multiply-accumulates per epoch).
    [TestClass]
    public class ConvTrainingTests
    {
        private const int BarSize = 6;
        private const int BarEpochs = 12;
        private const int SignalLength = 16;
        private const int EdgeEpochs = 6;
        private const int Background = -64;
        private static readonly Scale InputScale = Scale.PowerOfTwo(-7);

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void Conv2DNetLearnsBarsInTinTinMode(int seed)
        {
            AssertLearns(BarNetwork(), Options(TrainingMode.TinTin, (uint)seed), Bars(), BarEpochs);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void Conv2DNetLearnsBarsInNitiMode(int seed)
        {
            AssertLearns(BarNetwork(), Options(TrainingMode.Niti, (uint)seed), Bars(), BarEpochs);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void Conv1DNetLearnsEdgesInTinTinMode(int seed)
        {
            AssertLearns(EdgeNetwork(), Options(TrainingMode.TinTin, (uint)seed), Edges(), EdgeEpochs);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void Conv1DNetLearnsEdgesInNitiMode(int seed)
        {
            AssertLearns(EdgeNetwork(), Options(TrainingMode.Niti, (uint)seed), Edges(), EdgeEpochs);
        }

        // Trains epoch by epoch until every sample is classified, at most maxEpochs. Samples are
        // ordered class 0, class 1, class 0, ... The untrained model must get some wrong.
        private static void AssertLearns(ModelSpec spec, TrainingOptions options, sbyte[][] samples, int maxEpochs)
        {
            Model model = new Model(spec, options);
            int untrained = CountCorrect(model, samples);
            Assert.IsTrue(untrained < samples.Length, "the untrained model already classifies every sample");

            int epochs = 0;
            int correct = untrained;
            while (correct < samples.Length && epochs < maxEpochs)
            {
                for (int i = 0; i < samples.Length; i++)
                {
                    model.TrainStep(samples[i], InputScale, i & 1);
                }

                epochs++;
                correct = CountCorrect(model, samples);
            }

            OutputHelper.WriteLine("untrained " + untrained.ToString() + "/" + samples.Length.ToString() + " trained " + correct.ToString() + " after " + epochs.ToString() + " epochs");
            Assert.AreEqual(samples.Length, correct, "correctly classified training samples");
            Assert.AreEqual((long)(epochs * samples.Length), model.Samples, "samples trained");
        }

        private static int CountCorrect(Model model, sbyte[][] samples)
        {
            int correct = 0;
            for (int i = 0; i < samples.Length; i++)
            {
                correct += model.Predict(samples[i], InputScale) == (i & 1) ? 1 : 0;
            }

            return correct;
        }

        private static TrainingOptions Options(TrainingMode mode, uint seed)
        {
            TrainingOptions options = new TrainingOptions();
            options.Mode = mode;
            options.Seed = seed;
            options.InitialUpscale = mode == TrainingMode.TinTin;
            return options;
        }

        private static ModelSpec BarNetwork()
        {
            return new ModelSpec(new Shape(1, BarSize, BarSize)).Conv2D(4, 3, 1, 1).ReLU().Flatten().Dense(2);
        }

        private static ModelSpec EdgeNetwork()
        {
            return new ModelSpec(new Shape(1, 1, SignalLength)).Conv1D(2, 3, 1, 1).ReLU().Flatten().Dense(2);
        }

        // Sample 2k: a vertical bar in column k (class 0); sample 2k + 1: a horizontal bar in row k (class 1).
        private static sbyte[][] Bars()
        {
            sbyte[][] samples = new sbyte[2 * BarSize][];
            for (int k = 0; k < BarSize; k++)
            {
                sbyte[] vertical = ConvReference.Filled(BarSize * BarSize, Background);
                sbyte[] horizontal = ConvReference.Filled(BarSize * BarSize, Background);
                for (int i = 0; i < BarSize; i++)
                {
                    vertical[i * BarSize + k] = 127;
                    horizontal[k * BarSize + i] = 127;
                }

                samples[2 * k] = vertical;
                samples[2 * k + 1] = horizontal;
            }

            return samples;
        }

        // Sample 2k: rising edge at position k + 2 (class 0); sample 2k + 1: falling edge there (class 1).
        private static sbyte[][] Edges()
        {
            int count = SignalLength - 3;
            sbyte[][] samples = new sbyte[2 * count][];
            for (int k = 0; k < count; k++)
            {
                int edge = k + 2;
                sbyte[] rising = new sbyte[SignalLength];
                sbyte[] falling = new sbyte[SignalLength];
                for (int i = 0; i < SignalLength; i++)
                {
                    rising[i] = (sbyte)(i >= edge ? 127 : Background);
                    falling[i] = (sbyte)(i < edge ? 127 : Background);
                }

                samples[2 * k] = rising;
                samples[2 * k + 1] = falling;
            }

            return samples;
        }
    }
}
