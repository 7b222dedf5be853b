// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Layers
{
    /// <summary>
    /// 2-D convolution with a square kernel, stride and zero padding: int8 input C x H x W
    /// (channels first, flat), int8 weights [filters][C][K][K], int32 accumulation per output
    /// element, optional int32 biases per filter, then one rescale of the whole output
    /// (filters x Hout x Wout) to int8 with one scale.
    /// </summary>
    /// <remarks>
    /// The algorithm is <see cref="Convolution"/>'s with a K x K kernel, the stride and padding in
    /// both directions. int32 bounds, checked when the layer is built: C*K*K*127^2 &lt; 2^30 (forward
    /// sum plus a bias of up to 2^30), filters*K*K*127^2 &lt; 2^31 (input error), Hout*Wout*127^2
    /// &lt; 2^31 (weight gradient).
    /// </remarks>
    public sealed class Conv2D : Convolution
    {
        /// <summary>Creates the layer for a description.</summary>
        /// <param name="spec">A Conv2D description with its shapes set.</param>
        /// <param name="batched">Whether mini-batch accumulators are needed.</param>
        /// <exception cref="ArgumentException">The description is not a Conv2D, or one of its sums could overflow int32.</exception>
        public Conv2D(LayerSpec spec, bool batched)
            : base(spec, batched, LayerKind.Conv2D)
        {
        }
    }
}
