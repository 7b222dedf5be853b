// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Reference.Layers
{
    /// <summary>
    /// Reshape to a vector. Tensors are stored flat, channels first, so no data moves: the network
    /// gives this layer the same buffer as input and output, and the same error buffer.
    /// </summary>
    internal sealed class Fp32Flatten : Fp32Layer
    {
        private readonly int _size;

        /// <summary>Creates the layer.</summary>
        /// <param name="spec">A Flatten description.</param>
        public Fp32Flatten(LayerSpec spec)
            : base(spec)
        {
            _size = spec.Input.Size;
        }

        /// <inheritdoc/>
        public override void Forward(float[] input, float[] output)
        {
            if (output != input)
            {
                Array.Copy(input, output, _size);
            }
        }

        /// <inheritdoc/>
        public override void Backward(float[] input, float[] output, float[] outputError, float[] inputError, float[] gradientRow, float rate)
        {
            if (inputError != null && inputError != outputError)
            {
                Array.Copy(outputError, inputError, _size);
            }
        }
    }
}
