// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Layers
{
    /// <summary>
    /// 2-D max pooling on int8: a square window of <see cref="LayerSpec.Kernel"/> moved by
    /// <see cref="LayerSpec.Stride"/> in both directions (see <see cref="MaxPool"/>).
    /// </summary>
    public sealed class MaxPool2D : MaxPool
    {
        /// <summary>The largest window: its k*k positions must fit the one byte kept per output.</summary>
        public const int MaxWindow = 16;

        /// <summary>Creates the layer for a description.</summary>
        /// <param name="spec">A MaxPool2D description with its shapes set.</param>
        /// <exception cref="ArgumentException">Not MaxPool2D, padded, window above <see cref="MaxWindow"/>, or overlapping windows.</exception>
        public MaxPool2D(LayerSpec spec)
            : base(spec, LayerKind.MaxPool2D, MaxWindow, spec.Kernel, spec.Kernel, spec.Stride, spec.Stride)
        {
        }
    }
}
