// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;
using TinTin.Scaling;

namespace TinTin.Layers
{
    /// <summary>
    /// Rectified linear unit, in place on int8: negative values become 0 and the scale passes
    /// through. Backward zeroes the error where the output is 0 (the output is the mask).
    /// </summary>
    internal sealed class ReLU : Layer
    {
        /// <summary>Creates the layer.</summary>
        /// <param name="spec">A ReLU description.</param>
        public ReLU(LayerSpec spec)
            : base(spec)
        {
        }

        /// <inheritdoc/>
        public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace)
        {
            sbyte[] x = input.Data;
            sbyte[] y = output.Data;
            int n = input.Length;
            if (x == y)
            {
                // In place (as the model runs it): only the negative values are written.
                for (int i = 0; i < n; i++)
                {
                    if (x[i] < 0)
                    {
                        y[i] = 0;
                    }
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    int v = x[i];
                    y[i] = v < 0 ? (sbyte)0 : (sbyte)v;
                }
            }

            output.Length = n;
            output.Scale = input.Scale;
            output.MaxAbs = input.MaxAbs;
            Stats.OutputScale = output.Scale;
        }

        /// <inheritdoc/>
        public override void Backward(Tensor8 input, Tensor8 output, Tensor8 outputError, Tensor8 inputError, Workspace workspace)
        {
            if (inputError == null)
            {
                return;
            }

            sbyte[] y = output.Data;
            sbyte[] e = outputError.Data;
            sbyte[] d = inputError.Data;
            int n = output.Length;
            if (d == e)
            {
                for (int i = 0; i < n; i++)
                {
                    if (y[i] == 0)
                    {
                        d[i] = 0;
                    }
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    d[i] = y[i] == 0 ? (sbyte)0 : e[i];
                }
            }

            inputError.Length = n;
            inputError.Scale = outputError.Scale;
            inputError.MaxAbs = outputError.MaxAbs;
            Stats.ErrorScale = inputError.Scale;
        }
    }
}
