// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Layers
{
    /// <summary>
    /// 1-D convolution with stride and zero padding: int8 input C x 1 x L (channels first, flat),
    /// int8 weights [filters][C][K], int32 accumulation per output element, optional int32
    /// biases per filter, then one rescale of the whole output (filters x 1 x Lout) to int8 with
    /// one scale.
    /// </summary>
    /// <remarks>
    /// The algorithm is <see cref="Convolution"/>'s with a 1 x K kernel, the stride and padding
    /// along the length only (the weight layout [filters][C][K] is [filters][C][1][K]). int32
    /// bounds, checked when the layer is built: C*K*127^2 &lt; 2^30 (forward sum plus a bias of up
    /// to 2^30), filters*K*127^2 &lt; 2^31 (input error), Lout*127^2 &lt; 2^31 (weight gradient).
    /// </remarks>
    public sealed class Conv1D : Convolution
    {
        /// <summary>Creates the layer for a description.</summary>
        /// <param name="spec">A Conv1D description with its shapes set.</param>
        /// <param name="batched">Whether mini-batch accumulators are needed.</param>
        /// <exception cref="ArgumentException">The description is not a Conv1D, or one of its sums could overflow int32.</exception>
        public Conv1D(LayerSpec spec, bool batched)
            : base(spec, batched, LayerKind.Conv1D)
        {
        }
    }
}
