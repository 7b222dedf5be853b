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
    /// elsewhere. MaxPool2D moves a square window of <see cref="LayerSpec.Kernel"/> by
    /// <see cref="LayerSpec.Stride"/> in both directions; MaxPool1D a 1 x window over
    /// <c>Channels x 1 x Length</c> by (1, stride).
    /// </summary>
    /// <remarks>
    /// Windows must not overlap (stride &gt;= window): then every input receives at most one error,
    /// the routed error is an exact copy at the same scale, and no int32 buffer or rescale is
    /// needed. Overlapping windows would have to add errors (beyond int8) and rescale them; such a
    /// description is rejected when the layer is built. A stride above the window leaves inputs
    /// outside every window; they get zero error. The kinds' window limits keep the window area
    /// within the 256 positions one kept byte can name.
    /// </remarks>
    internal sealed class MaxPool : Layer
    {
        private readonly byte[] _argMax;
        private readonly int _plane;
        private readonly int _windowHeight;
        private readonly int _windowWidth;
        private readonly int _columnStride;
        private readonly int _rowStep;
        private readonly int _rowGap;

        /// <summary>The largest MaxPool2D window: its k*k positions must fit the one byte kept per output.</summary>
        public const int MaxWindow2D = 16;

        /// <summary>The longest MaxPool1D window: its positions must fit the one byte kept per output.</summary>
        public const int MaxWindow1D = 256;

        /// <summary>Checks the description and creates the layer for the window geometry of its kind.</summary>
        /// <param name="spec">A MaxPool2D or MaxPool1D description with its shapes set.</param>
        /// <exception cref="ArgumentException">Not max pooling, padded, window above <see cref="MaxWindow2D"/> or <see cref="MaxWindow1D"/>, or overlapping windows.</exception>
        public MaxPool(LayerSpec spec)
            : base(CheckKind(spec))
        {
            bool square = spec.Kind == LayerKind.MaxPool2D;
            string name = LayerSpec.KindName(spec.Kind);
            int maxWindow = square ? MaxWindow2D : MaxWindow1D;
            int windowHeight = square ? spec.Kernel : 1;
            int windowWidth = spec.Kernel;
            int rowStride = square ? spec.Stride : 1;
            int columnStride = spec.Stride;

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

        private static LayerSpec CheckKind(LayerSpec spec)
        {
            if (spec == null)
            {
                throw new ArgumentNullException(nameof(spec));
            }

            if (spec.Kind != LayerKind.MaxPool2D && spec.Kind != LayerKind.MaxPool1D)
            {
                throw new ArgumentException("not a MaxPool2D or MaxPool1D description");
            }

            return spec;
        }
    }
}
