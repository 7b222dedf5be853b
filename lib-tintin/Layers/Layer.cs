// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;
using TinTin.Diagnostics;
using TinTin.Scaling;

namespace TinTin.Layers
{
    /// <summary>
    /// One layer: forward, and backward with the weight update fused in (batch size 1) or the
    /// gradient accumulated (mini-batch). Layers own their parameters and kept state; the model owns
    /// the activation, error and scratch buffers and hands them in, so nothing allocates while
    /// training.
    /// </summary>
    internal abstract class Layer
    {
        /// <summary>Creates the layer for a description whose shapes are set.</summary>
        /// <param name="spec">The layer description.</param>
        protected Layer(LayerSpec spec)
        {
            Spec = spec;
            Stats = new LayerStats();
            InPlace = spec != null && LayerFactory.IsInPlace(spec.Kind);
        }

        /// <summary>Gets the layer description.</summary>
        public LayerSpec Spec { get; }

        /// <summary>Gets the layer's counters.</summary>
        public LayerStats Stats { get; }

        /// <summary>
        /// Gets whether the output is written over the input buffer (ReLU) or is the input buffer
        /// (Flatten), so the model gives both the same tensor and the same error tensor
        /// (<see cref="LayerFactory.IsInPlace"/> says which kinds are).
        /// </summary>
        public bool InPlace { get; }

        /// <summary>
        /// Gets or sets whether the error this layer sends down is discarded wherever its input is 0:
        /// true when the layer below is a ReLU, possibly through max-pooling or flattening (a zero
        /// input is then a ReLU output of 0, which passes no error). The model sets it; a layer may
        /// then skip the error at zero inputs, which exact integer zeros make cheap to find.
        /// </summary>
        public bool ZeroInputsDropTheirError { get; set; }

        /// <summary>Gets the bytes of state the layer keeps for backward besides its input (e.g. pooling indices).</summary>
        public virtual int KeptBytes
        {
            get { return 0; }
        }

        /// <summary>Computes the output from the input.</summary>
        /// <param name="input">The input tensor.</param>
        /// <param name="output">The output tensor (the input itself for in-place layers).</param>
        /// <param name="workspace">Scratch buffers and training state.</param>
        public abstract void Forward(Tensor8 input, Tensor8 output, Workspace workspace);

        /// <summary>
        /// Propagates the error to the input (using the weights as they were in the forward pass) and
        /// updates or accumulates the weight gradient.
        /// </summary>
        /// <param name="input">The input of the forward pass.</param>
        /// <param name="output">The output of the forward pass.</param>
        /// <param name="outputError">The error at the output (dLoss/dOutput).</param>
        /// <param name="inputError">Receives the error at the input; null for the first layer (not needed).</param>
        /// <param name="workspace">Scratch buffers and training state.</param>
        public abstract void Backward(Tensor8 input, Tensor8 output, Tensor8 outputError, Tensor8 inputError, Workspace workspace);
    }
}
