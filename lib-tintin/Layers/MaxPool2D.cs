// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Scaling;

namespace TinTin.Layers
{
    /// <summary>
    /// 2-D max pooling on int8, per channel, square window, no padding. The scale passes through
    /// (the output values are input values). Forward keeps, for each output, the position of the
    /// maximum within its window (row-major, the first on ties) in one byte; backward routes each
    /// output error to that input position and zero elsewhere.
    /// </summary>
    /// <remarks>
    /// Windows must not overlap (stride &gt;= window): then every input receives at most one error,
    /// the routed error is an exact copy at the same scale, and no int32 buffer or rescale is
    /// needed. Overlapping windows would have to add errors (beyond int8) and rescale them; such a
    /// description is rejected when the layer is built. A stride above the window leaves inputs
    /// outside every window; they get zero error.
    /// </remarks>
    public sealed class MaxPool2D : Layer
    {
        /// <summary>The largest window: its k*k positions must fit the one byte kept per output.</summary>
        public const int MaxWindow = 16;

        private readonly byte[] _argMax;

        /// <summary>Creates the layer for a description.</summary>
        /// <param name="spec">A MaxPool2D description with its shapes set.</param>
        /// <exception cref="ArgumentException">Not MaxPool2D, padded, window above <see cref="MaxWindow"/>, or overlapping windows.</exception>
        public MaxPool2D(LayerSpec spec)
            : base(spec)
        {
            if (spec.Kind != LayerKind.MaxPool2D)
            {
                throw new ArgumentException("MaxPool2D needs a MaxPool2D description");
            }

            if (spec.Kernel < 1 || spec.Kernel > MaxWindow || spec.Padding != 0)
            {
                throw new ArgumentException("MaxPool2D needs a window of 1.." + MaxWindow.ToString() + " and no padding");
            }

            if (spec.Stride < spec.Kernel)
            {
                throw new ArgumentException("MaxPool2D: overlapping windows (stride " + spec.Stride.ToString() + " < window " + spec.Kernel.ToString() + ") are not supported");
            }

            _argMax = new byte[spec.Output.Size];
        }

        /// <inheritdoc/>
        public override int KeptBytes
        {
            get { return _argMax.Length; }
        }

        /// <summary>Gets the kept position of each output's maximum within its window (ky * window + kx), from the last forward pass.</summary>
        public byte[] ArgMax
        {
            get { return _argMax; }
        }

        /// <inheritdoc/>
        public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace)
        {
            Shape inShape = Spec.Input;
            Shape outShape = Spec.Output;
            int width = inShape.Width;
            int plane = inShape.Height * width;
            int outHeight = outShape.Height;
            int outWidth = outShape.Width;
            int channels = outShape.Channels;
            int k = Spec.Kernel;
            int stride = Spec.Stride;
            int rowStride = stride * width;
            int rowGap = width - k;
            sbyte[] x = input.Data;
            sbyte[] y = output.Data;
            byte[] kept = _argMax;
            int o = 0;
            for (int c = 0; c < channels; c++)
            {
                int rowStart = c * plane;
                for (int oy = 0; oy < outHeight; oy++)
                {
                    int windowStart = rowStart;
                    for (int ox = 0; ox < outWidth; ox++)
                    {
                        // Strictly greater: the first maximum in row-major order wins ties.
                        int best = x[windowStart];
                        int bestPosition = windowStart;
                        int bestRow = 0;
                        int line = windowStart;
                        for (int ky = 0; ky < k; ky++)
                        {
                            int end = line + k;
                            for (int p = line; p < end; p++)
                            {
                                int v = x[p];
                                if (v > best)
                                {
                                    best = v;
                                    bestPosition = p;
                                    bestRow = ky;
                                }
                            }

                            line += width;
                        }

                        // p = start + ky * width + kx, so ky * k + kx = p - start - ky * (width - k).
                        y[o] = (sbyte)best;
                        kept[o] = (byte)(bestPosition - windowStart - bestRow * rowGap);
                        o++;
                        windowStart += stride;
                    }

                    rowStart += rowStride;
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

            Shape inShape = Spec.Input;
            Shape outShape = Spec.Output;
            int width = inShape.Width;
            int plane = inShape.Height * width;
            int outHeight = outShape.Height;
            int outWidth = outShape.Width;
            int channels = outShape.Channels;
            int k = Spec.Kernel;
            int stride = Spec.Stride;
            int rowStride = stride * width;
            int rowGap = width - k;
            sbyte[] e = outputError.Data;
            sbyte[] d = inputError.Data;
            byte[] kept = _argMax;
            int inputSize = inShape.Size;

            // Windows do not overlap: each input gets at most one error, so plain stores suffice.
            Array.Clear(d, 0, inputSize);
            int o = 0;
            for (int c = 0; c < channels; c++)
            {
                int rowStart = c * plane;
                for (int oy = 0; oy < outHeight; oy++)
                {
                    int windowStart = rowStart;
                    for (int ox = 0; ox < outWidth; ox++)
                    {
                        int index = kept[o];
                        d[windowStart + index + (index / k) * rowGap] = e[o];
                        o++;
                        windowStart += stride;
                    }

                    rowStart += rowStride;
                }
            }

            inputError.Length = inputSize;
            inputError.Scale = outputError.Scale;
            inputError.MaxAbs = outputError.MaxAbs;
            Stats.ErrorScale = inputError.Scale;
        }
    }
}
