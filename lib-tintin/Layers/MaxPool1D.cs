// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Scaling;

namespace TinTin.Layers
{
    /// <summary>
    /// 1-D max pooling on int8 over <c>Channels x 1 x Length</c>, per channel, no padding. The scale
    /// passes through. Forward keeps, for each output, the position of the maximum within its window
    /// (the first on ties) in one byte; backward routes each output error to that input position and
    /// zero elsewhere.
    /// </summary>
    /// <remarks>
    /// Windows must not overlap (stride &gt;= window), as for <see cref="MaxPool2D"/>: every input
    /// receives at most one error, copied exactly at the same scale. Overlapping windows are rejected
    /// when the layer is built.
    /// </remarks>
    public sealed class MaxPool1D : Layer
    {
        /// <summary>The longest window: its positions must fit the one byte kept per output.</summary>
        public const int MaxWindow = 256;

        private readonly byte[] _argMax;

        /// <summary>Creates the layer for a description.</summary>
        /// <param name="spec">A MaxPool1D description with its shapes set.</param>
        /// <exception cref="ArgumentException">Not MaxPool1D, padded, window above <see cref="MaxWindow"/>, or overlapping windows.</exception>
        public MaxPool1D(LayerSpec spec)
            : base(spec)
        {
            if (spec.Kind != LayerKind.MaxPool1D)
            {
                throw new ArgumentException("MaxPool1D needs a MaxPool1D description");
            }

            if (spec.Kernel < 1 || spec.Kernel > MaxWindow || spec.Padding != 0)
            {
                throw new ArgumentException("MaxPool1D needs a window of 1.." + MaxWindow.ToString() + " and no padding");
            }

            if (spec.Stride < spec.Kernel)
            {
                throw new ArgumentException("MaxPool1D: overlapping windows (stride " + spec.Stride.ToString() + " < window " + spec.Kernel.ToString() + ") are not supported");
            }

            _argMax = new byte[spec.Output.Size];
        }

        /// <inheritdoc/>
        public override int KeptBytes
        {
            get { return _argMax.Length; }
        }

        /// <summary>Gets the kept position of each output's maximum within its window, from the last forward pass.</summary>
        public byte[] ArgMax
        {
            get { return _argMax; }
        }

        /// <inheritdoc/>
        public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace)
        {
            int length = Spec.Input.Width;
            int outLength = Spec.Output.Width;
            int channels = Spec.Output.Channels;
            int k = Spec.Kernel;
            int stride = Spec.Stride;
            sbyte[] x = input.Data;
            sbyte[] y = output.Data;
            byte[] kept = _argMax;
            int o = 0;
            for (int c = 0; c < channels; c++)
            {
                int windowStart = c * length;
                for (int ox = 0; ox < outLength; ox++)
                {
                    int best = x[windowStart];
                    int bestPosition = windowStart;
                    int end = windowStart + k;
                    for (int p = windowStart + 1; p < end; p++)
                    {
                        int v = x[p];
                        if (v > best)
                        {
                            best = v;
                            bestPosition = p;
                        }
                    }

                    y[o] = (sbyte)best;
                    kept[o] = (byte)(bestPosition - windowStart);
                    o++;
                    windowStart += stride;
                }
            }

            output.Length = o;
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

            int length = Spec.Input.Width;
            int outLength = Spec.Output.Width;
            int channels = Spec.Output.Channels;
            int stride = Spec.Stride;
            sbyte[] e = outputError.Data;
            sbyte[] d = inputError.Data;
            byte[] kept = _argMax;
            int inputSize = Spec.Input.Size;

            // Windows do not overlap: each input gets at most one error, so plain stores suffice.
            Array.Clear(d, 0, inputSize);
            int o = 0;
            for (int c = 0; c < channels; c++)
            {
                int windowStart = c * length;
                for (int ox = 0; ox < outLength; ox++)
                {
                    d[windowStart + kept[o]] = e[o];
                    o++;
                    windowStart += stride;
                }
            }

            inputError.Length = inputSize;
            inputError.Scale = outputError.Scale;
            inputError.MaxAbs = outputError.MaxAbs;
            Stats.ErrorScale = inputError.Scale;
        }
    }
}
