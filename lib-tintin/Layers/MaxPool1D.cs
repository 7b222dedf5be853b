// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Layers
{
    /// <summary>
    /// 1-D max pooling on int8 over <c>Channels x 1 x Length</c>: a 1 x <see cref="LayerSpec.Kernel"/>
    /// window moved by (1, <see cref="LayerSpec.Stride"/>) (see <see cref="MaxPool"/>).
    /// </summary>
    public sealed class MaxPool1D : MaxPool
    {
        /// <summary>The longest window: its positions must fit the one byte kept per output.</summary>
        public const int MaxWindow = 256;

        /// <summary>Creates the layer for a description.</summary>
        /// <param name="spec">A MaxPool1D description with its shapes set.</param>
        /// <exception cref="ArgumentException">Not MaxPool1D, padded, window above <see cref="MaxWindow"/>, or overlapping windows.</exception>
        public MaxPool1D(LayerSpec spec)
            : base(spec, LayerKind.MaxPool1D, MaxWindow, 1, spec.Kernel, 1, spec.Stride)
        {
        }
    }
}
