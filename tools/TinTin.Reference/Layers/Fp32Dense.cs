// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Reference.Layers
{
    /// <summary>
    /// Fully connected: <c>y = W x + b</c> with W [outputs x inputs] row-major, as lib-tintin's
    /// <c>Dense</c>.
    /// </summary>
    /// <remarks>
    /// Backward is one pass over W: for each output with a nonzero error, every weight is read once,
    /// its (old) value sent down into the input error and the updated value written back. The
    /// gradient <c>e[o] * x[i]</c> is a rank-one product, so no gradient buffer is needed.
    /// </remarks>
    internal sealed class Fp32Dense : Fp32WeightedLayer
    {
        private readonly int _inputs;
        private readonly int _outputs;

        /// <summary>Creates the layer for a description.</summary>
        /// <param name="spec">A Dense description with its shapes set.</param>
        public Fp32Dense(LayerSpec spec)
            : base(spec)
        {
            _inputs = spec.Input.Size;
            _outputs = spec.Units;
        }

        /// <inheritdoc/>
        public override void Forward(float[] input, float[] output)
        {
            int inputs = _inputs;
            int outputs = _outputs;
            float[] w = _weights;
            float[] b = _biases;
            float[] x = input;
            int row = 0;
            for (int o = 0; o < outputs; o++)
            {
                float sum = b == null ? 0f : b[o];
                for (int i = 0; i < inputs; i++)
                {
                    sum += w[row + i] * x[i];
                }

                output[o] = sum;
                row += inputs;
            }
        }

        /// <inheritdoc/>
        public override void Backward(float[] input, float[] output, float[] outputError, float[] inputError, float[] gradientRow, float rate)
        {
            int inputs = _inputs;
            int outputs = _outputs;
            float[] w = _weights;
            float[] b = _biases;
            float[] x = input;
            float[] e = outputError;
            float[] d = inputError;
            if (d != null)
            {
                Array.Clear(d, 0, inputs);
            }

            int row = 0;
            for (int o = 0; o < outputs; o++)
            {
                float eo = e[o];
                if (eo != 0f)
                {
                    float step = rate * eo;
                    if (d != null)
                    {
                        // The old weight goes down first, then the updated one is stored.
                        for (int i = 0; i < inputs; i++)
                        {
                            int k = row + i;
                            float wk = w[k];
                            d[i] += wk * eo;
                            w[k] = wk - step * x[i];
                        }
                    }
                    else
                    {
                        for (int i = 0; i < inputs; i++)
                        {
                            w[row + i] -= step * x[i];
                        }
                    }

                    if (b != null)
                    {
                        b[o] -= step;
                    }
                }

                row += inputs;
            }
        }
    }
}
