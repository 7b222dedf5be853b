// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Layers
{
    /// <summary>
    /// The int32 bounds of a weighted layer's sums, in one place: the layers check them when they are
    /// built and <see cref="Model"/> before it allocates anything. Every product is of two int8 values
    /// of at most 127 in magnitude. A forward sum adds fan-in products and a bias clamped to 2^30, so
    /// fan-in * 127^2 &lt; 2^30; an input error adds fan-out products (no bias), so fan-out * 127^2
    /// &lt; 2^31; a weight gradient adds one product per output position (a convolution's filter is
    /// applied at every position; a dense weight at one), so positions * 127^2 &lt; 2^31.
    /// </summary>
    internal static class OverflowBounds
    {
        /// <summary>The largest magnitude of an int8 x int8 product: 127 * 127.</summary>
        public const long ProductBound = 127 * 127;

        /// <summary>2^31: a sum of products without a bias stays below it.</summary>
        public const long AccumulatorBound = 2147483648L;

        /// <summary>2^30: a forward sum stays below it, leaving room for a bias of up to 2^30.</summary>
        public const long BiasedAccumulatorBound = 1073741824L;

        /// <summary>Products one output sums over in the forward pass (dense: inputs; convolution: channels x kernel taps).</summary>
        /// <param name="spec">A Dense, Conv1D or Conv2D description with its shapes set.</param>
        /// <returns>The fan-in.</returns>
        public static long FanIn(LayerSpec spec)
        {
            return spec.Kind == LayerKind.Dense ? spec.Input.Size : spec.Input.Channels * KernelTaps(spec);
        }

        /// <summary>Products one input error sums over (dense: outputs; convolution: filters x kernel taps).</summary>
        /// <param name="spec">A Dense, Conv1D or Conv2D description with its shapes set.</param>
        /// <returns>The fan-out.</returns>
        public static long FanOut(LayerSpec spec)
        {
            return spec.Kind == LayerKind.Dense ? spec.Units : spec.Units * KernelTaps(spec);
        }

        /// <summary>Products one weight gradient sums over: the output positions a weight is applied at.</summary>
        /// <param name="spec">A Dense, Conv1D or Conv2D description with its shapes set.</param>
        /// <returns>1 for a dense layer; output height x width for a convolution.</returns>
        public static long Positions(LayerSpec spec)
        {
            return spec.Kind == LayerKind.Dense ? 1 : (long)spec.Output.Height * spec.Output.Width;
        }

        /// <summary>Throws unless every sum of the layer fits an int32; layers without weights always pass.</summary>
        /// <param name="spec">The layer description with its shapes set.</param>
        /// <param name="where">How the message names the layer (e.g. "Conv2D" or "Conv2D layer 3").</param>
        /// <exception cref="ArgumentException">A sum of the layer could overflow int32.</exception>
        public static void Check(LayerSpec spec, string where)
        {
            if (spec.Kind != LayerKind.Dense && spec.Kind != LayerKind.Conv1D && spec.Kind != LayerKind.Conv2D)
            {
                return;
            }

            bool dense = spec.Kind == LayerKind.Dense;
            string taps = dense ? string.Empty : (spec.Kind == LayerKind.Conv2D ? " x kernel x kernel" : " x kernel");
            long fanIn = FanIn(spec);
            if (fanIn * ProductBound >= BiasedAccumulatorBound)
            {
                throw new ArgumentException(where + ": " + (dense ? "inputs" : "channels" + taps) + " = " + fanIn.ToString() + " products of 127 x 127 plus a bias could overflow int32 (at most " + ((BiasedAccumulatorBound - 1) / ProductBound).ToString() + ")");
            }

            long fanOut = FanOut(spec);
            if (fanOut * ProductBound >= AccumulatorBound)
            {
                throw new ArgumentException(where + ": " + (dense ? "outputs" : "filters" + taps) + " = " + fanOut.ToString() + " products of 127 x 127 in an input error could overflow int32 (at most " + ((AccumulatorBound - 1) / ProductBound).ToString() + ")");
            }

            long positions = Positions(spec);
            if (positions * ProductBound >= AccumulatorBound)
            {
                throw new ArgumentException(where + ": " + positions.ToString() + " output positions: a weight gradient summing 127 x 127 over them could overflow int32 (at most " + ((AccumulatorBound - 1) / ProductBound).ToString() + ")");
            }
        }

        private static long KernelTaps(LayerSpec spec)
        {
            return spec.Kind == LayerKind.Conv2D ? (long)spec.Kernel * spec.Kernel : spec.Kernel;
        }
    }
}
