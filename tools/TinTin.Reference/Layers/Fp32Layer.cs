// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;
using TinTin.Layers;

namespace TinTin.Reference.Layers
{
    /// <summary>
    /// One float32 layer: forward, and backward with the SGD update fused in (batch size 1). The
    /// network owns the activation, error and scratch buffers and hands them in, so nothing
    /// allocates while training. The float twin of lib-tintin's <c>TinTin.Layers.Layer</c>.
    /// </summary>
    internal abstract class Fp32Layer
    {
        /// <summary>Creates the layer for a description whose shapes are set.</summary>
        /// <param name="spec">The layer description.</param>
        protected Fp32Layer(LayerSpec spec)
        {
            Spec = spec;
            InPlace = spec != null && LayerFactory.IsInPlace(spec.Kind);
        }

        /// <summary>Gets the layer description.</summary>
        public LayerSpec Spec { get; }

        /// <summary>
        /// Gets whether the output may be the input buffer (ReLU writes over it, Flatten is it) and
        /// the input error the output error buffer; lib-tintin's <see cref="LayerFactory.IsInPlace"/> says which kinds are.
        /// </summary>
        public bool InPlace { get; }

        /// <summary>Gets the state kept for backward besides the input and output (max-pool window indices), or null.</summary>
        public virtual byte[] Kept
        {
            get { return null; }
        }

        /// <summary>Gets the weights (layout as lib-tintin's), or null.</summary>
        public virtual float[] Weights
        {
            get { return null; }
        }

        /// <summary>Gets the biases (one per output channel), or null.</summary>
        public virtual float[] Biases
        {
            get { return null; }
        }

        /// <summary>Gets the floats of gradient row the layer's backward pass needs (convolutions: one filter).</summary>
        public virtual int GradientRowLength
        {
            get { return 0; }
        }

        /// <summary>Computes the output from the input.</summary>
        /// <param name="input">The input, <see cref="LayerSpec.Input"/> flat, channels first.</param>
        /// <param name="output">The output (the input buffer itself for in-place layers).</param>
        public abstract void Forward(float[] input, float[] output);

        /// <summary>
        /// Propagates the error to the input with the weights of the forward pass, then applies
        /// <c>w -= rate * dLoss/dw</c> (and the same for the biases) on the spot.
        /// </summary>
        /// <param name="input">The input of the forward pass.</param>
        /// <param name="output">The output of the forward pass.</param>
        /// <param name="outputError">dLoss/dOutput.</param>
        /// <param name="inputError">Receives dLoss/dInput; null when nobody needs it (the first layer).</param>
        /// <param name="gradientRow">Scratch of at least <see cref="GradientRowLength"/> floats.</param>
        /// <param name="rate">The learning rate.</param>
        public abstract void Backward(float[] input, float[] output, float[] outputError, float[] inputError, float[] gradientRow, float rate);
    }
}
