// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;
using TinTin.Scaling;

namespace TinTin.Layers
{
    /// <summary>
    /// Reshape to a vector. Tensors are stored flat, channels first, so no data moves: the model
    /// gives this layer the same tensor as input and output.
    /// </summary>
    internal sealed class Flatten : Layer
    {
        /// <summary>Creates the layer.</summary>
        /// <param name="spec">A Flatten description.</param>
        public Flatten(LayerSpec spec)
            : base(spec)
        {
        }

        /// <inheritdoc/>
        public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace)
        {
            if (output != input)
            {
                System.Array.Copy(input.Data, output.Data, input.Length);
                output.Length = input.Length;
                output.Scale = input.Scale;
                output.MaxAbs = input.MaxAbs;
            }

            Stats.OutputScale = output.Scale;
        }

        /// <inheritdoc/>
        public override void Backward(Tensor8 input, Tensor8 output, Tensor8 outputError, Tensor8 inputError, Workspace workspace)
        {
            if (inputError != null && inputError != outputError)
            {
                System.Array.Copy(outputError.Data, inputError.Data, outputError.Length);
                inputError.Length = outputError.Length;
                inputError.Scale = outputError.Scale;
                inputError.MaxAbs = outputError.MaxAbs;
            }
        }
    }
}
