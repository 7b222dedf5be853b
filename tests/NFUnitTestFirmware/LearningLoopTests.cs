// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin;
using TinTin.Description;
using TinTin.Firmware.Core.Learning;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Sensors.Acquisition;
using TinTin.Training;

namespace NFUnitTest
{
    [TestClass]
    public class LearningLoopTests
    {
        private const int Bands = 16;

        [TestMethod]
        public void PredictionIsMadeBeforeTrainingOnTheWindow()
        {
            // Two identical models: one only predicts, the other trains through the loop. The loop's
            // prediction for each labelled input must be the untouched model's prediction at that point.
            Model trained = SmallModel(TrainingMode.TinTin, 1);
            Model twin = SmallModel(TrainingMode.TinTin, 1);
            LearningLoop loop = new LearningLoop(trained, null, 8);
            Xorshift32 rng = new Xorshift32(7);
            sbyte[] input = new sbyte[Bands];
            for (int step = 0; step < 20; step++)
            {
                Fill(input, rng);
                int label = rng.NextInt(4);
                int expected = twin.Predict(input, Scale.PowerOfTwo(-5));
                Assert.AreEqual(expected, loop.Step(input, Scale.PowerOfTwo(-5), label), "prediction before training");
                twin.TrainStep(input, Scale.PowerOfTwo(-5), label);
            }

            Assert.AreEqual(20L, loop.TrainingSteps, "steps");
            Assert.AreEqual(0L, loop.Inferences, "inferences");
        }

        [TestMethod]
        public void UnlabelledWindowsArePredictedNotTrained()
        {
            Model model = SmallModel(TrainingMode.TinTin, 1);
            LearningLoop loop = new LearningLoop(model, null, 8);
            sbyte[] weights = ((TinTin.Layers.WeightedLayer)model.GetLayer(0)).CopyWeights();
            sbyte[] input = new sbyte[Bands];
            Fill(input, new Xorshift32(3));
            loop.Step(input, Scale.PowerOfTwo(-5), LearningLoop.NoLabel);
            loop.Step(input, Scale.PowerOfTwo(-5), LearningLoop.NoLabel);

            sbyte[] after = ((TinTin.Layers.WeightedLayer)model.GetLayer(0)).CopyWeights();
            for (int i = 0; i < weights.Length; i++)
            {
                Assert.AreEqual(weights[i], after[i], "weight unchanged");
            }

            Assert.AreEqual(2L, loop.Inferences, "inferences");
            Assert.AreEqual(0, loop.Accuracy.Count, "no scored outcome");
            Assert.IsTrue(loop.LastConfidencePerMille >= 250 && loop.LastConfidencePerMille <= 1000, "confidence in range");
        }

        [TestMethod]
        public void FlushAppliesAPartialMiniBatch()
        {
            Model model = SmallModel(TrainingMode.TinTin, 4);
            LearningLoop loop = new LearningLoop(model, null, 8);
            sbyte[] input = new sbyte[Bands];
            Xorshift32 rng = new Xorshift32(11);
            for (int step = 0; step < 6; step++)
            {
                Fill(input, rng);
                loop.Step(input, Scale.PowerOfTwo(-5), step % 4);
            }

            Assert.AreEqual(2, model.PendingSamples, "two of the second batch pending");
            loop.Flush();
            Assert.AreEqual(0, model.PendingSamples, "applied");
        }

        [TestMethod]
        public void LearnsBearingFaultsFromSyntheticVibration()
        {
            // The whole chain: a synthetic accelerometer per condition (healthy, inner race, outer race,
            // ball), 1024-sample windows, 64 log-spectrum bands, a 64-32-4 network, taught round-robin.
            const int WindowLength = 1024;
            TrainingOptions options = new TrainingOptions();
            options.Seed = 5;
            options.InitialUpscale = true;
            options.LearningRate = Scale.PowerOfTwo(-6);
            Model model = new Model(new ModelSpec(Shape.Vector(64)).Dense(32).ReLU().Dense(4), options);
            LearningLoop loop = new LearningLoop(model, new WindowFeatures(FeatureKind.Spectrum, WindowLength, 64), 40);
            WindowAssembler[] sensors = new WindowAssembler[4];
            for (int fault = 0; fault < 4; fault++)
            {
                sensors[fault] = new WindowAssembler(new SyntheticBearingSource((FaultKind)fault, 100 + fault), WindowLength, WindowLength, 2 * WindowLength, 0, 64);
            }

            SampleWindow window = new SampleWindow(WindowLength);
            int firstForty = 0;
            for (int round = 0; round < 60; round++)
            {
                for (int fault = 0; fault < 4; fault++)
                {
                    while (!loop.TryStep(sensors[fault], window, fault))
                    {
                    }
                }

                if (round == 9)
                {
                    firstForty = loop.Accuracy.PerMille;
                }
            }

            Assert.AreEqual(240L, loop.TrainingSteps, "windows trained on");
            Assert.AreEqual(40, loop.Accuracy.Count, "scored over the last 40");
            Assert.IsTrue(firstForty < 500, "untrained at first " + firstForty.ToString());
            Assert.IsTrue(loop.Accuracy.PerMille >= 900, "prequential accuracy " + loop.Accuracy.PerMille.ToString());
        }

        [TestMethod]
        public void FeaturesOfTheWrongLengthAreRejected()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => new LearningLoop(SmallModel(TrainingMode.TinTin, 1), new WindowFeatures(FeatureKind.RawWindow, 64, 0), 4), "lengths differ");
        }

        private static Model SmallModel(TrainingMode mode, int batchSize)
        {
            TrainingOptions options = new TrainingOptions();
            options.Mode = mode;
            options.Seed = 5;
            options.InitialUpscale = mode == TrainingMode.TinTin;
            options.LearningRate = Scale.PowerOfTwo(-6);
            options.BatchSize = batchSize;
            return new Model(new ModelSpec(Shape.Vector(Bands)).Dense(16).ReLU().Dense(4), options);
        }

        private static void Fill(sbyte[] input, Xorshift32 rng)
        {
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = (sbyte)(rng.NextInt(255) - 127);
            }
        }
    }
}
