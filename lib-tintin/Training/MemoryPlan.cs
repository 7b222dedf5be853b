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
        /// <summary>int8 weights and int32 biases.</summary>
        public int WeightBytes;

        /// <summary>Layer outputs kept for backward (int8) and pooling indices.</summary>
        public int ActivationBytes;

        /// <summary>Mini-batch int32 gradient accumulators (0 with batch size 1: the update is fused).</summary>
        public int GradientBytes;

        /// <summary>The int32 accumulator row, the convolution gradient row and the two int8 error buffers.</summary>
        public int ScratchBytes;

        /// <summary>The input sample (int8), owned by the caller and not allocated by the model.</summary>
        public int InputBytes;

        /// <summary>Length of the shared int32 accumulator row.</summary>
        public int AccumulatorLength;

        /// <summary>Length of the shared int32 gradient row.</summary>
        public int GradientRowLength;

        /// <summary>Length of each of the two int8 error buffers.</summary>
        public int ErrorLength;

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
            int errors = 0;
            for (int l = 0; l < spec.Count; l++)
            {
                LayerSpec layer = spec[l];
                plan.WeightBytes += layer.WeightCount + 4 * layer.BiasCount;
                if (batched)
                {
                    plan.GradientBytes += 4 * (layer.WeightCount + layer.BiasCount);
                }

                if (!LayerFactory.SharesInputBuffer(spec, l))
                {
                    plan.ActivationBytes += layer.Output.Size;
                }

                plan.ActivationBytes += LayerFactory.KeptBytes(layer);
                if (layer.WeightCount > 0)
                {
                    // The output in the forward pass; the input error in the backward pass, which the
                    // first layer never computes.
                    accumulators = Max(accumulators, Max(l > 0 ? layer.Input.Size : 0, layer.Output.Size));
                }

                plan.GradientRowLength = Max(plan.GradientRowLength, LayerFactory.GradientRowLength(layer));
                errors = Max(errors, layer.Output.Size);
                if (l > 0)
                {
                    errors = Max(errors, layer.Input.Size);
                }
            }

            plan.AccumulatorLength = accumulators;
            plan.ErrorLength = errors;
            plan.ScratchBytes = 4 * accumulators + 4 * plan.GradientRowLength + 2 * errors;
            return plan;
        }

        private static int Max(int a, int b)
        {
            return a > b ? a : b;
        }
    }
}
