// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin;
using TinTin.Description;
using TinTin.Diagnostics;
using TinTin.Layers;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // LayerStats after real steps of a model: the MAC counts, the scales, and the saturation and rescale
    // counters (provoked on purpose with an absurd learning rate).
    [TestClass]
    public class ModelDiagnosticsTests
    {
        private static readonly sbyte[] s_point = new sbyte[] { 90, -45 };
        private const int Label = 2; // x > 0, y < 0

        [TestMethod]
        [DataRow(1)]
        [DataRow(4)]
        public void MacsOfOneStepAreForwardInputErrorAndWeightGradient(int batchSize)
        {
            // Dense(16) on 2 inputs is the first layer: forward 2*16 + weight gradient 2*16 = 64 (no error
            // goes below the first layer). Dense(4) on 16: forward 16*4 + input error 16*4 + gradient 16*4 = 192.
            Model model = new Model(QuadrantToy.Network(), QuadrantToy.TinTinOptions(1, batchSize));
            model.TrainStep(s_point, QuadrantToy.InputScale, Label);
            Assert.AreEqual(64L, model.GetLayer(0).Stats.Macs, "Dense(16) MACs");
            Assert.AreEqual(0L, model.GetLayer(1).Stats.Macs, "ReLU MACs");
            Assert.AreEqual(192L, model.GetLayer(2).Stats.Macs, "Dense(4) MACs");

            // Prediction runs the forward pass only: 32 and 64 more.
            model.Predict(s_point, QuadrantToy.InputScale);
            Assert.AreEqual(96L, model.GetLayer(0).Stats.Macs, "Dense(16) MACs after a prediction");
            Assert.AreEqual(256L, model.GetLayer(2).Stats.Macs, "Dense(4) MACs after a prediction");
        }

        [TestMethod]
        public void PublicViewsReadTheLayersAndTheLastForwardPass()
        {
            // What an app sees without the internals: GetLayerStats is the layer's own LayerStats, and
            // LastPrediction and LastConfidencePerMille read the output of the last forward pass.
            Model model = new Model(QuadrantToy.Network(), QuadrantToy.TinTinOptions(1, 1));
            for (int l = 0; l < model.LayerCount; l++)
            {
                Assert.IsTrue(model.GetLayerStats(l) == model.GetLayer(l).Stats, "GetLayerStats(" + l.ToString() + ")");
            }

            int predicted = model.Predict(s_point, QuadrantToy.InputScale);
            Assert.AreEqual(predicted, model.LastPrediction, "LastPrediction after Predict");
            int confidence = model.LastConfidencePerMille;
            Assert.AreEqual(SoftmaxCrossEntropy.ConfidencePerMille(model.Output), confidence, "LastConfidencePerMille after Predict");
            Assert.IsTrue(confidence >= 250 && confidence <= 1000, "four classes so at least 1000 / 4 per mille: " + confidence.ToString());

            // A training step predicts with its forward pass, before its update: the same weights as Predict's.
            model.TrainStep(s_point, QuadrantToy.InputScale, Label);
            Assert.AreEqual(predicted, model.LastPrediction, "LastPrediction after TrainStep");
            Assert.AreEqual(confidence, model.LastConfidencePerMille, "LastConfidencePerMille after TrainStep");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void OutputScaleDescribesTheAccumulatorsExactly(int mode)
        {
            // One Dense layer, so the model output is the layer output. Reference: acc[o] = sum of w * x in
            // long arithmetic (biases start at 0), then q[o] must be acc[o] * scale(acc) / scale(out) rounded
            // half away from zero, with that ratio 2^a * 3^b read from the recorded scales.
            TrainingOptions options = mode == 1 ? QuadrantToy.TinTinOptions(3, 1) : QuadrantToy.NitiOptions(3, 1);
            Model model = new Model(new ModelSpec(Shape.Vector(2)).Dense(6), options);
            model.Predict(s_point, QuadrantToy.InputScale);
            Dense dense = (Dense)model.GetLayer(0);
            Tensor8 output = model.Output;
            Assert.IsTrue(output.Scale.SameValueAs(dense.Stats.OutputScale), "Stats.OutputScale is the output's scale");

            Scale accScale = Scale.Product(QuadrantToy.InputScale, dense.WeightScale);
            int a = accScale.Pow2 - output.Scale.Pow2;
            int b = accScale.Pow3 - output.Scale.Pow3;
            Assert.IsTrue(b >= 0 && b <= 4, "the requantizer multiplies by at most 3^4");
            if (mode == 2)
            {
                Assert.AreEqual(0, b, "NITI rescales by powers of two only");
            }

            int largest = 0;
            for (int o = 0; o < 6; o++)
            {
                long acc = (long)dense.GetWeight(2 * o) * s_point[0] + (long)dense.GetWeight((2 * o) + 1) * s_point[1];
                long expected = RoundHalfAway(acc * Pow3(b), a);
                Assert.AreEqual(expected, (long)output.Data[o], "output " + o.ToString());
                int magnitude = output.Data[o] < 0 ? -output.Data[o] : output.Data[o];
                largest = magnitude > largest ? magnitude : largest;
            }

            // The 84 % argument of the requantizer (Tin-Tin) against NITI's half range.
            Assert.IsTrue(largest <= 127, "largest output within int8");
            Assert.IsTrue(largest >= (mode == 1 ? 107 : 64), "largest output uses the range: " + largest.ToString());
        }

        [TestMethod]
        public void ErrorScalesAreRecordedBelowTheLastLayer()
        {
            Model model = new Model(QuadrantToy.Network(), QuadrantToy.TinTinOptions(1, 1));
            model.TrainStep(s_point, QuadrantToy.InputScale, Label);
            LayerStats top = model.GetLayer(2).Stats;
            LayerStats relu = model.GetLayer(1).Stats;
            LayerStats first = model.GetLayer(0).Stats;

            // Dense(4) hands an error to ReLU, which passes it on unchanged in scale; the first layer hands
            // none down, so its ErrorScale keeps its default 2^0.
            Assert.IsFalse(top.ErrorScale.SameValueAs(new Scale(0, 0, 0)), "Dense(4) error scale set");
            Assert.IsTrue(top.ErrorScale.SameValueAs(relu.ErrorScale), "ReLU keeps the error scale");
            Assert.IsTrue(first.ErrorScale.SameValueAs(new Scale(0, 0, 0)), "no error below the first layer");
            Assert.IsTrue(model.Output.Scale.SameValueAs(top.OutputScale), "last output scale");
            Assert.IsTrue(relu.OutputScale.SameValueAs(first.OutputScale), "ReLU keeps the output scale");
        }

        [TestMethod]
        public void TinTinRescalesWeightsWhenAnUpdateSaturates()
        {
            // A learning rate of 2^10 makes every update far larger than the int8 range: weights clamp, the
            // counter sees them, and the tensor is rescaled once by 0.75 (D drops by one, values stay).
            TrainingOptions options = QuadrantToy.TinTinOptions(1, 1);
            options.LearningRate = Scale.PowerOfTwo(10);
            options.WeightCheckInterval = 0;
            Model model = new Model(QuadrantToy.Network(), options);
            WeightedLayer top = (WeightedLayer)model.GetLayer(2);
            Scale before = top.WeightScale;
            model.TrainStep(s_point, QuadrantToy.InputScale, Label);

            Assert.IsTrue(top.Stats.Saturations > 0, "saturations counted");
            Assert.AreEqual(1, top.Stats.WeightRescales, "one rescale per saturating update");
            Assert.AreEqual(before.Shift, top.WeightScale.Shift, "S unchanged");
            Assert.AreEqual(before.Up, top.WeightScale.Up, "U unchanged");
            Assert.AreEqual(before.Down - 1, top.WeightScale.Down, "D one lower: scale / 0.75");
            AssertWithinInt8(top.CopyWeights());
        }

        [TestMethod]
        public void NitiCountsSaturationsButKeepsTheWeightScale()
        {
            // mu = 8 asks for updates of up to 255: weights clamp at 127, NITI reports them and rescales nothing.
            TrainingOptions options = QuadrantToy.NitiOptions(1, 1);
            options.MuBits = 8;
            Model model = new Model(QuadrantToy.Network(), options);
            WeightedLayer top = (WeightedLayer)model.GetLayer(2);
            Scale before = top.WeightScale;
            model.TrainStep(s_point, QuadrantToy.InputScale, Label);

            Assert.IsTrue(top.Stats.Saturations > 0, "saturations counted");
            Assert.AreEqual(0, top.Stats.WeightRescales, "no rescale in NITI mode");
            Assert.IsTrue(before.SameValueAs(top.WeightScale), "weight scale unchanged");
            AssertWithinInt8(top.CopyWeights());
        }

        [TestMethod]
        public void CompoundRescalesAreCountedInTinTinModeOnly()
        {
            int[] labels;
            sbyte[][] points = QuadrantToy.Points(16, QuadrantToy.DataSeed, out labels);
            Model tintin = new Model(QuadrantToy.Network(), QuadrantToy.TinTinOptions(1, 1));
            Model niti = new Model(QuadrantToy.Network(), QuadrantToy.NitiOptions(1, 1));
            QuadrantToy.TrainEpoch(tintin, points, labels);
            QuadrantToy.TrainEpoch(niti, points, labels);

            Assert.IsTrue(tintin.GetLayer(0).Stats.CompoundRescales > 0, "Tin-Tin uses 1.5 and 0.75 factors");
            Assert.AreEqual(0, niti.GetLayer(0).Stats.CompoundRescales, "NITI layer 0");
            Assert.AreEqual(0, niti.GetLayer(2).Stats.CompoundRescales, "NITI layer 2");
        }

        [TestMethod]
        public void ResetClearsTheCountersButNotTheScales()
        {
            Model model = new Model(QuadrantToy.Network(), QuadrantToy.TinTinOptions(1, 1));
            model.TrainStep(s_point, QuadrantToy.InputScale, Label);
            LayerStats stats = model.GetLayer(2).Stats;
            Scale output = stats.OutputScale;
            stats.Reset();
            Assert.AreEqual(0L, stats.Macs, "MACs");
            Assert.AreEqual(0, stats.Saturations + stats.WeightRescales + stats.CompoundRescales, "counters");
            Assert.IsTrue(output.SameValueAs(stats.OutputScale), "output scale kept");
        }

        private static void AssertWithinInt8(sbyte[] weights)
        {
            for (int i = 0; i < weights.Length; i++)
            {
                Assert.IsTrue(weights[i] >= -127, "weight " + i.ToString() + " is -128");
            }
        }

        private static long Pow3(int n)
        {
            long p = 1;
            for (int i = 0; i < n; i++)
            {
                p = p * 3;
            }

            return p;
        }

        // value * 2^shift; a negative shift divides, rounding half away from zero (explicit quotient and remainder).
        private static long RoundHalfAway(long value, int shift)
        {
            if (shift >= 0)
            {
                return value << shift;
            }

            long divisor = 1L << -shift;
            long magnitude = value < 0 ? -value : value;
            long quotient = magnitude / divisor;
            long remainder = magnitude - (quotient * divisor);
            if (2 * remainder >= divisor)
            {
                quotient++;
            }

            return value < 0 ? -quotient : quotient;
        }
    }
}
