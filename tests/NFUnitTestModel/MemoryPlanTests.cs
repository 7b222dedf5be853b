// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // MemoryPlan: each category computed by hand for small models, and the built model allocating exactly
    // the planned bytes (Model.CountAllocatedBytes reads the lengths of the arrays it really holds).
    [TestClass]
    public class MemoryPlanTests
    {
        [TestMethod]
        public void QuadrantMlpAtBatchOne()
        {
            // Dense(16).ReLU().Dense(4) on 2 inputs, biases on:
            //   weights     2*16 + 4*16 (biases) + 16*4 + 4*4 (biases)              = 32 + 64 + 64 + 16 = 176
            //   activations Dense(16) output 16 + ReLU in place 0 + Dense(4) output 4 = 20
            //   gradients   batch 1: the update is fused                              = 0
            //   scratch     accumulators max(4 classes, max(2, 16), max(16, 4)) = 16 ints = 64
            //               gradient row 0 (no convolution)                           = 0
            //               error buffers, alternating from the top: the first takes the loss's 4,
            //               the second Dense(4)'s input error 16 (ReLU keeps it in place)  = 4 + 16 = 20
            //               the staging block packed weights are unpacked into           = 64 -> 148
            //               (Dense(4)'s 16 inputs could be packed for its forward, 64 bytes: over 1/16 of 176)
            //   total 176 + 20 + 0 + 148 = 344; the 2 input bytes belong to the caller.
            MemoryPlan plan = AssertPlan(QuadrantToy.Network(), 1, 176, 20, 0, 148, 344);
            Assert.AreEqual(2, plan.InputBytes, "input bytes");
            Assert.AreEqual(16, plan.AccumulatorLength, "accumulator length");
            Assert.AreEqual(0, plan.GradientRowLength, "gradient row length");
            Assert.AreEqual(4, plan.ErrorLength, "error length");
            Assert.AreEqual(16, plan.SpareErrorLength, "spare error length");
        }

        [TestMethod]
        public void QuadrantMlpAtBatchEight()
        {
            // As at batch 1, plus one int32 accumulator per weight and per bias:
            //   gradients 4 * (32 + 16 + 64 + 4) = 4 * 116 = 464; total 344 + 464 = 808.
            AssertPlan(QuadrantToy.Network(), 8, 176, 20, 464, 148, 808);
        }

        [TestMethod]
        public void MlpWithoutBiases()
        {
            // Dense(20, no bias).ReLU().Dense(5, no bias) on 10 inputs:
            //   weights 10*20 + 20*5 = 300 in whole longs: 200 + 104 = 304; activations 20 + 5 = 25;
            //   scratch accumulators max(5, 20, 20) = 20 ints = 80, errors 5 + 20 = 25, staging 64 -> 169;
            //   total 304 + 25 + 169 = 498. Batch 4 adds 4 * 300 = 1200 (no bias accumulators) -> 1698.
            ModelSpec spec = new ModelSpec(Shape.Vector(10)).Dense(20, false).ReLU().Dense(5, false);
            AssertPlan(spec, 1, 304, 25, 0, 169, 498);
            AssertPlan(spec, 4, 304, 25, 1200, 169, 1698);
        }

        [TestMethod]
        public void TheFirstLayersInputDoesNotSetTheAccumulatorRow()
        {
            // Dense(3) on 40 inputs: weights 120 + 12 = 132; activations 3;
            // accumulators max(3 classes, output 3) = 3 ints = 12 (the first layer never computes an input error);
            // errors: only the first layer's output 3, so the second buffer is empty; staging 64 (the packed input,
            // 160 bytes, is over 1/16 of the weights); scratch 79; total 132 + 3 + 79 = 214.
            ModelSpec spec = new ModelSpec(Shape.Vector(40)).Dense(3);
            MemoryPlan plan = AssertPlan(spec, 1, 132, 3, 0, 79, 214);
            Assert.AreEqual(3, plan.AccumulatorLength, "accumulator length");
            Assert.AreEqual(3, plan.ErrorLength, "error length");
            Assert.AreEqual(0, plan.SpareErrorLength, "spare error length");
        }

        [TestMethod]
        public void AWideInputToALaterLayerSetsTheAccumulatorRow()
        {
            // Dense(40) on 4 inputs, Dense(3): weights 4*40 + 4*40 = 320 and 40*3 + 4*3 = 132 -> 452;
            // activations 40 + 3 = 43; accumulators max(3, 40, max(40, 3)) = 40 ints = 160;
            // errors 3 (the loss's) + 40 (Dense(3)'s input error) = 43; staging 64; scratch 267; total 452 + 43 + 267 = 762.
            ModelSpec spec = new ModelSpec(Shape.Vector(4)).Dense(40).Dense(3);
            MemoryPlan plan = AssertPlan(spec, 1, 452, 43, 0, 267, 762);
            Assert.AreEqual(40, plan.AccumulatorLength, "accumulator length");
        }

        [TestMethod]
        public void SmallConv2DNet()
        {
            // Conv2D(2, 3x3) on 1x6x6 -> 2x4x4, ReLU, MaxPool2D(2) -> 2x2x2, Flatten, Dense(3):
            //   weights     conv 2*1*3*3 = 18 + 4*2 (biases) = 26; dense 3*8 = 24 + 4*3 = 36      -> 62
            //   activations conv output 32 + pooled 8 + pooling indices 8 + dense output 3        -> 51
            //   scratch     accumulators max(3, one filter's output row 16, max(8, 3)) = 16 ints = 64
            //               (the first layer's input never needs an error)
            //               gradient row: one filter over one pass of channels (the only one) 3*3 = 9 ints = 36
            //               error buffers from the top: the first holds the loss's 3, the pool's input
            //               error 32 (ReLU and conv keep it); the second Dense's input error 8 (Flatten
            //               and the pool's output keep it): 32 + 8 = 40
            //               row steps: max(2 filters, 1 channel) = 2 ints = 8
            //               the Dense layer's staging block 64                                 -> 212
            //   total 62 + 51 + 212 = 325; batch 4 adds 4 * (18 + 2 + 24 + 3) = 188 -> 513.
            ModelSpec spec = new ModelSpec(new Shape(1, 6, 6)).Conv2D(2, 3).ReLU().MaxPool2D(2).Flatten().Dense(3);
            MemoryPlan plan = AssertPlan(spec, 1, 62, 51, 0, 212, 325);
            Assert.AreEqual(9, plan.GradientRowLength, "gradient row length");
            Assert.AreEqual(32, plan.ErrorLength, "error length");
            Assert.AreEqual(8, plan.SpareErrorLength, "spare error length");
            AssertPlan(spec, 4, 62, 51, 188, 212, 513);
        }

        [TestMethod]
        public void SmallConv1DNet()
        {
            // Conv1D(3, 3) on 2x1x10 -> 3x1x8, ReLU, MaxPool1D(2) -> 3x1x4, Flatten, Dense(2):
            //   weights     conv 3*2*3 = 18 + 12 = 30; dense 2*12 = 24 + 8 = 32                  -> 62
            //   activations 24 + 12 + 12 (indices) + 2                                           -> 50
            //   scratch     accumulators max(2, one filter's row 8 (first layer: no input error), max(12, 2)) = 12 ints = 48
            //               gradient row one filter over one pass (12 / 10: 1 channel) 3 ints = 12;
            //               errors 24 (loss 2, pool input 24) + 12 = 36;
            //               row steps max(3 filters, 2 channels) = 3 ints = 12; staging 64      -> 172
            //   total 62 + 50 + 172 = 284.
            ModelSpec spec = new ModelSpec(new Shape(2, 1, 10)).Conv1D(3, 3).ReLU().MaxPool1D(2).Flatten().Dense(2);
            AssertPlan(spec, 1, 62, 50, 0, 172, 284);
        }

        [TestMethod]
        public void ConvolutionPassesTakeAsManyChannelsAsTheAccumulatorRowHolds()
        {
            // Conv1D(3, 3, pad 1) on 2x1x10 -> 3x1x10, then Dense(2) on 30 inputs: the accumulator row is the
            // Dense layer's 30 inputs, which hold 3 planes of 10, so a pass takes both channels and the
            // gradient row is a whole filter (2 * 3 = 6 ints); with 4 channels a pass takes 3 (row 9 ints).
            MemoryPlan plan = MemoryPlan.Create(new ModelSpec(new Shape(2, 1, 10)).Conv1D(3, 3, 1, 1).ReLU().Flatten().Dense(2), Options(1));
            Assert.AreEqual(30, plan.AccumulatorLength, "accumulator length");
            Assert.AreEqual(6, plan.GradientRowLength, "gradient row: both channels");
            plan = MemoryPlan.Create(new ModelSpec(new Shape(4, 1, 10)).Conv1D(3, 3, 1, 1).ReLU().Flatten().Dense(2), Options(1));
            Assert.AreEqual(30, plan.AccumulatorLength, "accumulator length (4 channels)");
            Assert.AreEqual(9, plan.GradientRowLength, "gradient row: 3 of 4 channels");
            ModelSpec spec = new ModelSpec(new Shape(4, 1, 10)).Conv1D(3, 3, 1, 1).ReLU().Flatten().Dense(2);
            Assert.AreEqual(plan.TotalBytes, new Model(spec, Options(1)).CountAllocatedBytes(), "allocated bytes");
        }

        [TestMethod]
        public void FiltersShareALongOnlyWithinTheBudget()
        {
            // Conv1D(3, 3, pad 1) on 200x1x10 -> 3x1x10, then Dense(2) on 30 inputs: the 30-int accumulator row
            // holds three 10-value output rows, so the three filters are summed in one long over whole rows,
            // with the packed weights of one backward pass's channels (30 / 10 = 3) of 3 taps: 9 longs, 72
            // bytes, within 1/16 of the 1,800 + 12 + 64 + 8 weight bytes (Dense's 60 weights take 8 longs).
            MemoryPlan plan = AssertPairs(new ModelSpec(new Shape(200, 1, 10)).Conv1D(3, 3, 1, 1).ReLU().Flatten().Dense(2), 30, 30, 9, 3, "fits");
            Assert.AreEqual(1884, plan.WeightBytes, "weight bytes (fits)");

            // On 2 input channels the weights are 18 + 12 + 60 + 8 = 98 bytes, and 6 packed longs would cost 48:
            // over the budget, the filters are summed one at a time.
            AssertPairs(new ModelSpec(new Shape(2, 1, 10)).Conv1D(3, 3, 1, 1).ReLU().Flatten().Dense(2), 30, 30, 0, 1, "toy");

            // Pooled to 2x1x5 before the Dense layer the layers need a 10-int row, one output row. A second row
            // would cost 40 bytes, more than 1/16 of the 14 + 28 weight bytes: no pairs, no packed weights.
            AssertPairs(new ModelSpec(new Shape(1, 1, 10)).Conv1D(2, 3, 1, 1).ReLU().MaxPool1D(2).Flatten().Dense(2), 10, 10, 0, 1, "pooled");

            // The same on 110 input channels: 2 * 110 * 3 + 8 + 24 + 8 = 700 weight bytes (Dense's 20 weights take 3
            // longs), so the 40 bytes fit the budget (700 / 16 = 43): the row grows to two output rows (20 ints) for the pairs, while the backward
            // passes stay planned on the 10 ints the layers need (one 10-value channel plane per pass), and the
            // packed weights are one channel of 3 taps.
            ModelSpec spec = new ModelSpec(new Shape(110, 1, 10)).Conv1D(2, 3, 1, 1).ReLU().MaxPool1D(2).Flatten().Dense(2);
            plan = AssertPairs(spec, 20, 10, 3, 2, "grown");
            Assert.AreEqual(700, plan.WeightBytes, "weight bytes (grown)");
            Assert.AreEqual(1, LayerFactory.ChannelsPerPass(spec[0], plan.PassRowLength), "channels per backward pass (grown)");
            Assert.AreEqual(10, LayerFactory.SegmentLength(spec[0], plan.AccumulatorLength, plan.PackedWeightLength), "whole rows (grown)");
        }

        [TestMethod]
        public void ARowThatCannotHoldTheFiltersWholeIsSummedInSegments()
        {
            // cwru-cnn1d: the first convolution's 512-position rows fill the 512-int row the layers need, and a
            // second would cost 2,048 bytes, over 1/16 of the 6,480 weight bytes. Its 8 filters of 9 taps are
            // summed three per long in segments: 3 x 256 = 768 ints would cost 1,024 bytes more, 3 x 171 = 513
            // only 4, so the row grows by one int and each row is summed in 3 segments of at most 171
            // positions: 24 row steps. The second convolution (128 positions) sums three filters over whole
            // rows; its backward passes stay planned on 512 ints.
            ModelSpec spec = ModelCatalog.Create(ModelCatalog.CwruCnn1D);
            MemoryPlan plan = AssertPairs(spec, 513, 512, 36, 3, "cwru-cnn1d");
            Assert.AreEqual(513, LayerFactory.SegmentRowLength(spec[0], 512, plan.PackedWeightLength, plan.WeightBytes), "the row the segments ask for");
            Assert.AreEqual(171, LayerFactory.SegmentLength(spec[0], plan.AccumulatorLength, plan.PackedWeightLength), "first convolution's segment");
            Assert.AreEqual(3, LayerFactory.SegmentsPerRow(spec[0], plan.AccumulatorLength, plan.PackedWeightLength), "segments per row");
            Assert.AreEqual(128, LayerFactory.SegmentLength(spec[0], 512, plan.PackedWeightLength), "segments in the row before it grew");
            Assert.AreEqual(3, LayerFactory.FiltersPerPass(spec[3], plan.AccumulatorLength, plan.PackedWeightLength), "second convolution's filters per pass");
            Assert.AreEqual(128, LayerFactory.SegmentLength(spec[3], plan.AccumulatorLength, plan.PackedWeightLength), "second convolution's whole rows");
            Assert.AreEqual(0, LayerFactory.SegmentRowLength(spec[3], 512, plan.PackedWeightLength, plan.WeightBytes), "whole rows need no growth");
            Assert.AreEqual(24, plan.RowStepLength, "row steps");
        }

        [TestMethod]
        public void AFilterPerSegmentPositionNeverLoops()
        {
            // One output position and a 2-int row (two classes): three lanes would need 3 ints, so the
            // convolution sums two filters per long, in one segment.
            ModelSpec spec = new ModelSpec(new Shape(200, 1, 3)).Conv1D(3, 3, 1, 0).Flatten().Dense(2);
            Assert.AreEqual(2, LayerFactory.FiltersPerPass(spec[0], 2, 9), "filters per pass");
            Assert.AreEqual(1, LayerFactory.SegmentLength(spec[0], 2, 9), "segment");
            Assert.AreEqual(1, LayerFactory.FiltersPerPass(spec[0], 1, 9), "a 1-int row: one filter");
        }

        [TestMethod]
        public void TheRowGrowsForPairsOnlyWithinTheBudgetEvenForHugeRows()
        {
            // 40 M output positions per filter, pooled to 2 x 10 M inputs of Dense(1): a second row would cost
            // 160 MB, and 64 times that overflows an int. The budget (1/16 of the 20 MB of weights) must still say
            // no, so the two filters are summed in segments of half a row; nothing is allocated, the plan only counts.
            ModelSpec spec = new ModelSpec(new Shape(1, 1, 40000000)).Conv1D(2, 3, 1, 1).MaxPool1D(4).Flatten().Dense(1);
            MemoryPlan plan = MemoryPlan.Create(spec, Options(1));
            Assert.AreEqual(40000000, plan.AccumulatorLength, "accumulator length");
            Assert.AreEqual(3, plan.PackedWeightLength, "packed weights");
            Assert.AreEqual(20000000, LayerFactory.SegmentLength(spec[0], plan.AccumulatorLength, plan.PackedWeightLength), "segment");
            Assert.AreEqual(4, plan.RowStepLength, "row steps");
        }

        private static MemoryPlan AssertPairs(ModelSpec spec, int accumulators, int passRow, int packed, int filtersPerPass, string what)
        {
            MemoryPlan plan = MemoryPlan.Create(spec, Options(1));
            Assert.AreEqual(accumulators, plan.AccumulatorLength, "accumulator length (" + what + ")");
            Assert.AreEqual(passRow, plan.PassRowLength, "pass row length (" + what + ")");
            Assert.AreEqual(packed, plan.PackedWeightLength, "packed weights (" + what + ")");
            Assert.AreEqual(filtersPerPass, LayerFactory.FiltersPerPass(spec[0], plan.AccumulatorLength, plan.PackedWeightLength), "filters per pass (" + what + ")");
            Assert.AreEqual(plan.TotalBytes, new Model(spec, Options(1)).CountAllocatedBytes(), "allocated bytes (" + what + ")");
            return plan;
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(8)]
        public void GradientBytesAreFourPerWeightAndBiasOnlyWithMiniBatches(int batchSize)
        {
            ModelSpec spec = new ModelSpec(Shape.Vector(12)).Dense(9).ReLU().Dense(7, false).ReLU().Dense(3);
            int parameters = 0;
            for (int l = 0; l < spec.Count; l++)
            {
                parameters += spec[l].WeightCount + spec[l].BiasCount;
            }

            // 12*9 + 9 + 9*7 + 7*3 + 3 = 108 + 9 + 63 + 21 + 3 = 204
            Assert.AreEqual(204, parameters, "parameters");
            MemoryPlan plan = MemoryPlan.Create(spec, Options(batchSize));
            Assert.AreEqual(batchSize == 1 ? 0 : 4 * parameters, plan.GradientBytes, "gradient bytes");
            Assert.AreEqual(plan.TotalBytes, new Model(spec, Options(batchSize)).CountAllocatedBytes(), "allocated bytes");
        }

        private static MemoryPlan AssertPlan(ModelSpec spec, int batchSize, int weights, int activations, int gradients, int scratch, int total)
        {
            MemoryPlan plan = MemoryPlan.Create(spec, Options(batchSize));
            Assert.AreEqual(weights, plan.WeightBytes, "weight bytes");
            Assert.AreEqual(activations, plan.ActivationBytes, "activation bytes");
            Assert.AreEqual(gradients, plan.GradientBytes, "gradient bytes");
            Assert.AreEqual(scratch, plan.ScratchBytes, "scratch bytes");
            Assert.AreEqual(total, plan.TotalBytes, "total bytes");

            Model model = new Model(spec, Options(batchSize));
            Assert.AreEqual(total, model.Plan.TotalBytes, "the model's plan");
            Assert.AreEqual(total, model.CountAllocatedBytes(), "bytes the model allocated");

            // The buffers are long enough for what training writes into them (a short one would throw).
            sbyte[] input = new sbyte[spec.Input.Size];
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = (sbyte)((i * 37 % 255) - 127);
            }

            model.TrainStep(input, Scale.PowerOfTwo(-7), spec.Output.Size - 1);
            return plan;
        }

        private static TrainingOptions Options(int batchSize)
        {
            TrainingOptions options = new TrainingOptions();
            options.BatchSize = batchSize;
            return options;
        }
    }
}
