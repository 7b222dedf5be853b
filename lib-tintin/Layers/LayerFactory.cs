// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Layers
{
    /// <summary>Builds the layer for a description, and answers the memory questions the planner asks before any layer exists.</summary>
    internal static class LayerFactory
    {
        /// <summary>Creates the layer.</summary>
        /// <param name="spec">The layer description, shapes set.</param>
        /// <param name="batched">Whether mini-batch accumulators are needed.</param>
        /// <returns>The layer.</returns>
        public static Layer Create(LayerSpec spec, bool batched)
        {
            switch (spec.Kind)
            {
                case LayerKind.Dense:
                    return new Dense(spec, batched);
                case LayerKind.Conv2D:
                case LayerKind.Conv1D:
                    return new Convolution(spec, batched);
                case LayerKind.MaxPool2D:
                case LayerKind.MaxPool1D:
                    return new MaxPool(spec);
                case LayerKind.ReLU:
                    return new ReLU(spec);
                case LayerKind.Flatten:
                    return new Flatten(spec);
                default:
                    throw new NotSupportedException(LayerSpec.KindName(spec.Kind));
            }
        }

        /// <summary>Whether the layer writes its output over its input (so both share one buffer).</summary>
        /// <param name="kind">The layer kind.</param>
        /// <returns>True for ReLU and Flatten.</returns>
        public static bool IsInPlace(LayerKind kind)
        {
            return kind == LayerKind.ReLU || kind == LayerKind.Flatten;
        }

        /// <summary>
        /// Whether layer <paramref name="index"/> of a model writes its output into its input's buffer
        /// (no activation buffer of its own). In-place layers do, except a ReLU whose input is still the
        /// caller's sample (only in-place layers before it): it would overwrite the sample with zeros.
        /// </summary>
        /// <param name="spec">The model.</param>
        /// <param name="index">The layer.</param>
        /// <returns>True when the output shares the input's buffer.</returns>
        public static bool SharesInputBuffer(ModelSpec spec, int index)
        {
            LayerKind kind = spec[index].Kind;
            if (!IsInPlace(kind))
            {
                return false;
            }

            if (kind != LayerKind.ReLU)
            {
                return true; // Flatten only reinterprets the shape
            }

            for (int k = 0; k < index; k++)
            {
                if (!IsInPlace(spec[k].Kind))
                {
                    return true; // the input is an activation buffer of the model's own
                }
            }

            return false;
        }

        /// <summary>Bytes the layer keeps for backward besides its input (pooling: one window index per output).</summary>
        /// <param name="spec">The layer description.</param>
        /// <returns>The bytes.</returns>
        public static int KeptBytes(LayerSpec spec)
        {
            return spec.Kind == LayerKind.MaxPool2D || spec.Kind == LayerKind.MaxPool1D ? spec.Output.Size : 0;
        }

        /// <summary>Length of the int32 gradient row a layer needs (convolutions: one filter's weights).</summary>
        /// <param name="spec">The layer description.</param>
        /// <returns>The number of ints.</returns>
        public static int GradientRowLength(LayerSpec spec)
        {
            return spec.Kind == LayerKind.Conv2D || spec.Kind == LayerKind.Conv1D ? spec.WeightCount / spec.Units : 0;
        }
    }
}
