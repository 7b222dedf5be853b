// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Scaling;

namespace TinTin.Layers
{
    /// <summary>
    /// Max pooling on int8, per channel, over a window of height x width moved by (row, column)
    /// strides, no padding. The scale passes through (the output values are input values). Forward
    /// keeps, for each output, the position of the maximum within its window (row-major, the first
    /// on ties) in one byte; backward routes each output error to that input position and zero
    /// elsewhere. <see cref="MaxPool2D"/> and <see cref="MaxPool1D"/> (a 1 x window over
    /// <c>Channels x 1 x Length</c>) set the geometry.
    /// </summary>
    /// <remarks>
    /// Windows must not overlap (stride &gt;= window): then every input receives at most one error,
    /// the routed error is an exact copy at the same scale, and no int32 buffer or rescale is
    /// needed. Overlapping windows would have to add errors (beyond int8) and rescale them; such a
    /// description is rejected when the layer is built. A stride above the window leaves inputs
    /// outside every window; they get zero error. The kinds' window limits keep the window area
    /// within the 256 positions one kept byte can name.
    /// </remarks>
    public abstract class MaxPool : Layer
    {
        private readonly byte[] _argMax;
        private readonly int _plane;
        private readonly int _windowHeight;
        private readonly int _windowWidth;
        private readonly int _columnStride;
        private readonly int _rowStep;
        private readonly int _rowGap;

        /// <summary>Checks the description and creates the layer for a window geometry derived from it.</summary>
        /// <param name="spec">The description with its shapes set.</param>
        /// <param name="kind">The kind the description must have (also names it in messages).</param>
        /// <param name="maxWindow">The largest window height and width.</param>
        /// <param name="windowHeight">The window rows.</param>
        /// <param name="windowWidth">The window columns.</param>
        /// <param name="rowStride">The input rows between vertically adjacent windows.</param>
        /// <param name="columnStride">The input columns between horizontally adjacent windows.</param>
        /// <exception cref="ArgumentException">Wrong kind, padded, window outside 1..<paramref name="maxWindow"/>, or overlapping windows.</exception>
        protected MaxPool(LayerSpec spec, LayerKind kind, int maxWindow, int windowHeight, int windowWidth, int rowStride, int columnStride)
            : base(spec)
        {
            string name = LayerSpec.KindName(kind);
            if (spec.Kind != kind)
            {
                throw new ArgumentException(name + " needs a " + name + " description");
            }

            if (windowHeight < 1 || windowWidth < 1 || windowHeight > maxWindow || windowWidth > maxWindow || spec.Padding != 0)
            {
                throw new ArgumentException(name + " needs a window of 1.." + maxWindow.ToString() + " and no padding");
            }

            if (rowStride < windowHeight || columnStride < windowWidth)
            {
                throw new ArgumentException(name + ": overlapping windows (stride " + columnStride.ToString() + " < window " + windowWidth.ToString() + ") are not supported");
            }

            int inputWidth = spec.Input.Width;
            _plane = spec.Input.Height * inputWidth;
            _windowHeight = windowHeight;
            _windowWidth = windowWidth;
            _columnStride = columnStride;
            _rowStep = rowStride * inputWidth;
            _rowGap = inputWidth - windowWidth;
            _argMax = new byte[spec.Output.Size];
        }

        /// <inheritdoc/>
        public override int KeptBytes
        {
            get { return _argMax.Length; }
        }

        /// <summary>Gets the kept position of each output's maximum within its window (row * window width + column), from the last forward pass.</summary>
        public byte[] ArgMax
        {
            get { return _argMax; }
        }

        /// <inheritdoc/>
        public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace)
        {
            Shape outShape = Spec.Output;
            int outHeight = outShape.Height;
            int outWidth = outShape.Width;
            int channels = outShape.Channels;
            int plane = _plane;
            int width = Spec.Input.Width;
            int windowHeight = _windowHeight;
            int windowWidth = _windowWidth;
            int columnStride = _columnStride;
            int rowStep = _rowStep;
            int rowGap = _rowGap;
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
                        // The first position is the starting best; strictly greater keeps the
                        // first maximum in row-major order on ties.
                        int best = x[windowStart];
                        int bestPosition = windowStart;
                        int bestRow = 0;
                        int line = windowStart;
                        int p = windowStart + 1;
                        for (int ky = 0; ky < windowHeight; ky++)
                        {
                            int end = line + windowWidth;
                            for (; p < end; p++)
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
                            p = line;
                        }

                        // p = start + ky * width + kx, so ky * windowWidth + kx = p - start - ky * (width - windowWidth).
                        y[o] = (sbyte)best;
                        kept[o] = (byte)(bestPosition - windowStart - bestRow * rowGap);
                        o++;
                        windowStart += columnStride;
                    }

                    rowStart += rowStep;
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

            Shape outShape = Spec.Output;
            int outHeight = outShape.Height;
            int outWidth = outShape.Width;
            int channels = outShape.Channels;
            int plane = _plane;
            int inputSize = Spec.Input.Size;
            int windowWidth = _windowWidth;
            int columnStride = _columnStride;
            int rowStep = _rowStep;
            int rowGap = _rowGap;
            sbyte[] e = outputError.Data;
            sbyte[] d = inputError.Data;
            byte[] kept = _argMax;

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
                        d[windowStart + index + (index / windowWidth) * rowGap] = e[o];
                        o++;
                        windowStart += columnStride;
                    }

                    rowStart += rowStep;
                }
            }

            inputError.Length = inputSize;
            inputError.Scale = outputError.Scale;
            inputError.MaxAbs = outputError.MaxAbs;
            Stats.ErrorScale = inputError.Scale;
        }
    }
}
