// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;

namespace TinTin.Reference.Layers
{
    /// <summary>
    /// Rectified linear unit, in place when the network lets it: negative values become 0. Backward
    /// zeroes the error where the output is 0 (the output is the mask, as in lib-tintin).
    /// </summary>
    internal sealed class Fp32ReLU : Fp32Layer
    {
        private readonly int _size;

        /// <summary>Creates the layer.</summary>
        /// <param name="spec">A ReLU description.</param>
        public Fp32ReLU(LayerSpec spec)
            : base(spec)
        {
            _size = spec.Input.Size;
        }

        /// <inheritdoc/>
        public override void Forward(float[] input, float[] output)
        {
            float[] x = input;
            float[] y = output;
            int n = _size;
            if (x == y)
            {
                // In place (as the network runs it): only the negative values are written.
                for (int i = 0; i < n; i++)
                {
                    if (x[i] < 0f)
                    {
                        y[i] = 0f;
                    }
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    float v = x[i];
                    y[i] = v < 0f ? 0f : v;
                }
            }
        }

        /// <inheritdoc/>
        public override void Backward(float[] input, float[] output, float[] outputError, float[] inputError, float[] gradientRow, float rate)
        {
            float[] d = inputError;
            if (d == null)
            {
                return;
            }

            float[] y = output;
            float[] e = outputError;
            int n = _size;
            if (d == e)
            {
                for (int i = 0; i < n; i++)
                {
                    if (y[i] == 0f)
                    {
                        d[i] = 0f;
                    }
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    d[i] = y[i] == 0f ? 0f : e[i];
                }
            }
        }
    }
}
