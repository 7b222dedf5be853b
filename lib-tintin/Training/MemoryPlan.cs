// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;
using TinTin.Layers;

namespace TinTin.Training
{
    /// <summary>
    /// The exact bytes a model needs, known before anything is allocated: the built model allocates
    /// exactly these buffers (object headers aside), and nothing more while it trains.
    /// </summary>
    public sealed class MemoryPlan
    {
        private MemoryPlan()
        {
        }

        /// <summary>int8 weights and int32 biases.</summary>
        public int WeightBytes { get; private set; }

        /// <summary>Layer outputs kept for backward (int8) and pooling indices.</summary>
        public int ActivationBytes { get; private set; }

        /// <summary>Mini-batch int32 gradient accumulators (0 with batch size 1: the update is fused).</summary>
        public int GradientBytes { get; private set; }

        /// <summary>
        /// The int32 accumulator row, the convolution gradient row, the packed weights of the filters a
        /// convolution sums at once with their biases and largest magnitudes, the two int8 error buffers
        /// (each sized by the errors it carries) and the shared row steps.
        /// </summary>
        public int ScratchBytes { get; private set; }

        /// <summary>The input sample (int8), owned by the caller and not allocated by the model.</summary>
        public int InputBytes { get; private set; }

        /// <summary>Length of the shared int32 accumulator row.</summary>
        public int AccumulatorLength { get; private set; }

        /// <summary>
        /// The row length a convolution's backward passes are planned on (<see cref="LayerFactory.ChannelsPerPass"/>):
        /// what the layers need, before the row grows for filter pairs (then <see cref="AccumulatorLength"/> is longer).
        /// </summary>
        public int PassRowLength { get; private set; }

        /// <summary>
        /// Length of the shared row-step scratch (each requantized row's step until the rows are aligned):
        /// the most rows one convolution has (<see cref="LayerFactory.RowCount"/>).
        /// </summary>
        public int RowStepLength { get; private set; }

        /// <summary>Length of the shared int32 gradient row.</summary>
        public int GradientRowLength { get; private set; }

        /// <summary>Length of the packed-weight scratch (longs) of the convolutions that sum their filters in lanes.</summary>
        public int PackedWeightLength { get; private set; }

        /// <summary>Length of the first int8 error buffer: it takes the loss's error, then every other error on the way down.</summary>
        public int ErrorLength { get; private set; }

        /// <summary>Length of the packed input (longs) of the Dense layers that sum two products per multiply (0: none).</summary>
        public int PackedInputLength { get; private set; }

        /// <summary>Length of the staging block packed weights are unpacked into (<see cref="Workspace.StagingLength"/>; 0 without Dense layers).</summary>
        public int StagingLength { get; private set; }

        /// <summary>Length of the second int8 error buffer: the errors between those of the first.</summary>
        public int SpareErrorLength { get; private set; }

        /// <summary>Gets the bytes the model allocates.</summary>
        public int TotalBytes
        {
            get { return WeightBytes + ActivationBytes + GradientBytes + ScratchBytes; }
        }

        /// <summary>Plans a model.</summary>
        /// <param name="spec">The model description.</param>
        /// <param name="options">The training options (the batch size decides the gradient buffers).</param>
        /// <returns>The plan.</returns>
        public static MemoryPlan Create(ModelSpec spec, TrainingOptions options)
        {
            var plan = new MemoryPlan();
            bool batched = options.BatchSize > 1;
            plan.InputBytes = spec.Input.Size;
            int accumulators = spec.Output.Size; // the loss uses one int per class
            for (int l = 0; l < spec.Count; l++)
            {
                LayerSpec layer = spec[l];
                plan.WeightBytes += LayerFactory.WeightStorageBytes(layer) + 4 * layer.BiasCount;
                if (batched)
                {
                    plan.GradientBytes += 4 * (layer.WeightCount + layer.BiasCount);
                }

                if (!LayerFactory.SharesInputBuffer(spec, l))
                {
                    plan.ActivationBytes += layer.Output.Size;
                }

                plan.ActivationBytes += LayerFactory.KeptBytes(layer);
                accumulators = Max(accumulators, LayerFactory.AccumulatorLength(layer, l == 0));
            }

            // A convolution's backward pass takes as many channels as that row holds, so the gradient row
            // follows from it. Packed weights let convolutions sum several filters per multiply-add, within
            // a budget of the weight bytes. The row then grows, within the same budget, to hold two output
            // rows of convolutions that can sum their filters in pairs, or to let a convolution whose
            // filters do not fit it whole be summed in fewer segments; the passes stay planned on the row
            // before (same passes, same bits).
            int packed = 0;
            for (int l = 0; l < spec.Count; l++)
            {
                plan.GradientRowLength = Max(plan.GradientRowLength, LayerFactory.GradientRowLength(spec[l], accumulators));
                packed = Max(packed, LayerFactory.PackedWeightLength(spec[l], accumulators));
            }

            plan.PackedWeightLength = LayerFactory.WithinBudget(8L * packed, plan.WeightBytes) ? packed : 0;

            // Dense layers sum two products per multiply from an input packed two values to a long, within
            // the same budget (cwru-cnn1d's last layer, 512 inputs against 6,480 weight bytes, goes without).
            int packedInput = 0;
            for (int l = 0; l < spec.Count; l++)
            {
                packedInput = Max(packedInput, LayerFactory.PackedInputLength(spec[l]));
                // Dense weights are unpacked into the staging block for mini-batch updates and weight rescaling.
                if (spec[l].Kind == LayerKind.Dense)
                {
                    plan.StagingLength = Workspace.StagingLength;
                }
            }

            plan.PackedInputLength = LayerFactory.WithinBudget(8L * packedInput, plan.WeightBytes) ? packedInput : 0;
            int pairs = accumulators;
            for (int l = 0; l < spec.Count; l++)
            {
                int pair = LayerFactory.PairRowLength(spec[l]);
                if (LayerFactory.WithinBudget(4L * (pair - accumulators), plan.WeightBytes))
                {
                    pairs = Max(pairs, pair);
                }

                pairs = Max(pairs, LayerFactory.SegmentRowLength(spec[l], accumulators, plan.PackedWeightLength, plan.WeightBytes));
            }

            // One step per requantized row, shared: a layer's rows are aligned before the next layer runs.
            for (int l = 0; l < spec.Count; l++)
            {
                plan.RowStepLength = Max(plan.RowStepLength, LayerFactory.RowCount(spec[l], pairs, plan.PackedWeightLength));
            }

            plan.PassRowLength = accumulators;
            plan.AccumulatorLength = pairs;
            SizeErrorBuffers(spec, plan);
            plan.ScratchBytes = 4 * plan.AccumulatorLength + 4 * plan.GradientRowLength + 8 * plan.PackedWeightLength + plan.ErrorLength + plan.SpareErrorLength + 4 * plan.RowStepLength
                + (plan.PackedWeightLength > 0 ? 8 * TrainingKernels.MaxLanes : 0) // the lanes' biases and maxima
                + (8 * plan.PackedInputLength) + plan.StagingLength;
            return plan;
        }

        // The two error buffers alternate from the last layer down exactly as Model.TrainStep passes
        // them: the first takes the loss's error; a layer that is not in place writes its input error
        // into the other one, which then carries the error on. Each is as long as the longest error
        // it carries, so a CNN's long first-layer error does not size both (cwru-cnn1d: 4,096 + 1,024
        // bytes instead of 2 x 4,096).
        private static void SizeErrorBuffers(ModelSpec spec, MemoryPlan plan)
        {
            int[] lengths = new int[2]; // the first buffer's, the second's
            int current = 0;
            for (int l = spec.Count - 1; l >= 0; l--)
            {
                LayerSpec layer = spec[l];
                lengths[current] = Max(lengths[current], layer.Output.Size);
                if (l == 0 || LayerFactory.IsInPlace(layer.Kind))
                {
                    continue; // the first layer computes no input error; an in-place one keeps it where it is
                }

                current = 1 - current;
                lengths[current] = Max(lengths[current], layer.Input.Size);
            }

            plan.ErrorLength = lengths[0];
            plan.SpareErrorLength = lengths[1];
        }

        private static int Max(int a, int b)
        {
            return a > b ? a : b;
        }
    }
}
