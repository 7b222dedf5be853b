// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;

namespace TinTin.Reference.Layers
{
    /// <summary>
    /// Max pooling per channel over non-overlapping windows (<see cref="LayerKind.MaxPool2D"/>: square,
    /// <see cref="LayerKind.MaxPool1D"/>: 1 x window over C x 1 x L), no padding, as lib-tintin's
    /// <c>MaxPool</c>: forward keeps, per output, the position of the maximum within its window
    /// (row-major, the first on ties) in one byte; backward routes each output error to that input
    /// and zero elsewhere.
    /// </summary>
    internal sealed class Fp32MaxPool : Fp32Layer
    {
        private readonly byte[] _argMax;
        private readonly int _plane;
        private readonly int _width;
        private readonly int _channels;
        private readonly int _outHeight;
        private readonly int _outWidth;
        private readonly int _inputSize;
        private readonly int _windowHeight;
        private readonly int _windowWidth;
        private readonly int _columnStride;
        private readonly int _rowStep;
        private readonly int _rowGap;

        /// <summary>Creates the layer for a MaxPool2D or MaxPool1D description.</summary>
        /// <param name="spec">The description with its shapes set.</param>
        /// <exception cref="ArgumentException">Padded, overlapping windows, or a window of more than 256 positions.</exception>
        public Fp32MaxPool(LayerSpec spec)
            : base(spec)
        {
            bool square = spec.Kind == LayerKind.MaxPool2D;
            int windowHeight = square ? spec.Kernel : 1;
            int windowWidth = spec.Kernel;
            int rowStride = square ? spec.Stride : 1;
            int columnStride = spec.Stride;
            if (windowWidth < 1 || windowHeight * windowWidth > 256 || spec.Padding != 0)
            {
                throw new ArgumentException("max pooling needs a window of 1..256 positions and no padding");
            }

            if (rowStride < windowHeight || columnStride < windowWidth)
            {
                throw new ArgumentException("max pooling windows may not overlap");
            }

            int inputWidth = spec.Input.Width;
            _plane = spec.Input.Height * inputWidth;
            _width = inputWidth;
            _channels = spec.Output.Channels;
            _outHeight = spec.Output.Height;
            _outWidth = spec.Output.Width;
            _inputSize = spec.Input.Size;
            _windowHeight = windowHeight;
            _windowWidth = windowWidth;
            _columnStride = columnStride;
            _rowStep = rowStride * inputWidth;
            _rowGap = inputWidth - windowWidth;
            _argMax = new byte[spec.Output.Size];
        }

        /// <inheritdoc/>
        public override byte[] Kept
        {
            get { return _argMax; }
        }

        /// <inheritdoc/>
        public override void Forward(float[] input, float[] output)
        {
            int outHeight = _outHeight;
            int outWidth = _outWidth;
            int channels = _channels;
            int plane = _plane;
            int width = _width;
            int windowHeight = _windowHeight;
            int windowWidth = _windowWidth;
            int columnStride = _columnStride;
            int rowStep = _rowStep;
            int rowGap = _rowGap;
            float[] x = input;
            float[] y = output;
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
                        // Strictly greater keeps the first maximum in row-major order on ties.
                        float best = x[windowStart];
                        int bestPosition = windowStart;
                        int bestRow = 0;
                        int line = windowStart;
                        int p = windowStart + 1;
                        for (int ky = 0; ky < windowHeight; ky++)
                        {
                            int end = line + windowWidth;
                            for (; p < end; p++)
                            {
                                float v = x[p];
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
                        y[o] = best;
                        kept[o] = (byte)(bestPosition - windowStart - bestRow * rowGap);
                        o++;
                        windowStart += columnStride;
                    }

                    rowStart += rowStep;
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

            int outHeight = _outHeight;
            int outWidth = _outWidth;
            int channels = _channels;
            int plane = _plane;
            int windowWidth = _windowWidth;
            int columnStride = _columnStride;
            int rowStep = _rowStep;
            int rowGap = _rowGap;
            float[] e = outputError;
            byte[] kept = _argMax;

            // Windows do not overlap: each input gets at most one error, so plain stores suffice.
            Array.Clear(d, 0, _inputSize);
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
        }
    }
}
