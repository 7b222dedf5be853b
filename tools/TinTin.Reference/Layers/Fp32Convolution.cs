// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Training;

namespace TinTin.Reference.Layers
{
    /// <summary>
    /// The convolution of both <see cref="LayerKind.Conv2D"/> (K x K kernel, stride and padding in
    /// both directions) and <see cref="LayerKind.Conv1D"/> (1 x K kernel over C x 1 x L): input
    /// C x H x W flat, channels first; weights [filters][C][KH][KW] and one bias per filter, exactly
    /// lib-tintin's <c>Convolution</c> layout and loop order.
    /// </summary>
    /// <remarks>
    /// Padding is never materialised: per output row and column the loops first compute the kernel
    /// rows and columns that fall inside the input, so the innermost loop has no bounds check.
    /// Backward runs filter by filter in one pass over the output positions: each position scatters
    /// its error times the (old) weights into the input error and adds its error times the input
    /// into the filter's gradient row; then that filter's weights and bias are updated. A filter's
    /// update only touches its own weights, which no later filter reads, so the error sent down
    /// always uses the weights of the forward pass.
    /// </remarks>
    internal sealed class Fp32Convolution : Fp32WeightedLayer
    {
        private readonly int _channels;
        private readonly int _height;
        private readonly int _width;
        private readonly int _filters;
        private readonly int _kernelHeight;
        private readonly int _kernelWidth;
        private readonly int _strideY;
        private readonly int _strideX;
        private readonly int _paddingY;
        private readonly int _paddingX;
        private readonly int _outHeight;
        private readonly int _outWidth;
        private readonly bool _blockOfThree;

        /// <summary>Creates the layer for a Conv2D or Conv1D description.</summary>
        /// <param name="spec">The description with its shapes set.</param>
        public Fp32Convolution(LayerSpec spec)
            : base(spec)
        {
            bool square = spec.Kind == LayerKind.Conv2D;
            _channels = spec.Input.Channels;
            _height = spec.Input.Height;
            _width = spec.Input.Width;
            _filters = spec.Units;
            _kernelHeight = square ? spec.Kernel : 1;
            _kernelWidth = spec.Kernel;
            _strideY = square ? spec.Stride : 1;
            _strideX = spec.Stride;
            _paddingY = square ? spec.Padding : 0;
            _paddingX = spec.Padding;
            _outHeight = spec.Output.Height;
            _outWidth = spec.Output.Width;
            _blockOfThree = TrainingKernels.LaneLimit(_kernelHeight * _kernelWidth, _filters) == 3;
        }

        /// <inheritdoc/>
        public override int GradientRowLength
        {
            get { return _channels * _kernelHeight * _kernelWidth; }
        }

        /// <inheritdoc/>
        /// <remarks>
        /// Filters in blocks per pass over the output positions (register blocking, what lib-tintin's
        /// managed engine does with its int8 filters packed in one long): each input is loaded once for
        /// the block, and the window arithmetic of a position is paid once for it. Blocks of three where
        /// lib-tintin's kernel may pack three filters (<c>TrainingKernels.LaneLimit</c>: a kernel of fewer
        /// than 64 taps per channel), whether or not its accumulator row lets it; else, and for the filters
        /// left over, two (an odd last filter is summed twice and written once).
        /// </remarks>
        public override void Forward(float[] input, float[] output)
        {
            int filters = _filters;
            int f = 0;
            if (_blockOfThree)
            {
                for (; f + 3 <= filters; f += 3)
                {
                    ForwardThree(input, output, f);
                }
            }

            for (; f < filters; f += 2)
            {
                ForwardTwo(input, output, f);
            }
        }

        // Filters f and f + 1 (f alone when it is the last).
        private void ForwardTwo(float[] input, float[] output, int f)
        {
            int channels = _channels;
            int width = _width;
            int kernelWidth = _kernelWidth;
            int strideX = _strideX;
            int paddingX = _paddingX;
            int outHeight = _outHeight;
            int outWidth = _outWidth;
            int plane = _height * width;
            int positions = outHeight * outWidth;
            int kernelArea = _kernelHeight * kernelWidth;
            int filterSize = channels * kernelArea;
            int channelStep = kernelArea - plane; // how the weight-minus-input offset moves from one channel to the next
            float[] w = _weights;
            float[] b = _biases;
            float[] x = input;
            float[] y = output;
            bool pair = f + 1 < _filters;
            int second = pair ? filterSize : 0; // the second filter's weights, this many further on
            int filterStart = f * filterSize;
            float bias0 = b == null ? 0f : b[f];
            float bias1 = b == null || !pair ? 0f : b[f + 1];
            int o = f * positions;
            for (int oy = 0; oy < outHeight; oy++)
            {
                int kyLo;
                int rows;
                int rowStart = KernelRows(oy, out kyLo, out rows);
                int wRowStart = filterStart + kyLo * kernelWidth;
                for (int ox = 0; ox < outWidth; ox++)
                {
                    // Input column under kernel column 0, and the kernel columns inside the input.
                    int left = ox * strideX - paddingX;
                    int kxLo = left < 0 ? -left : 0;
                    int kxHi = width - left;
                    if (kxHi > kernelWidth)
                    {
                        kxHi = kernelWidth;
                    }

                    int xRow = rowStart + left;
                    int wRow = wRowStart;
                    float sum0 = bias0;
                    float sum1 = bias1;
                    for (int r = 0; r < rows; r++)
                    {
                        int d0 = wRow - xRow; // maps an input index of this row to the first filter's weight it meets
                        int d1 = d0 + second;
                        int start = xRow + kxLo;
                        int end = xRow + kxHi;
                        for (int c = 0; c < channels; c++)
                        {
                            for (int i = start; i < end; i++)
                            {
                                float xi = x[i];
                                sum0 += w[i + d0] * xi;
                                sum1 += w[i + d1] * xi;
                            }

                            start += plane;
                            end += plane;
                            d0 += channelStep;
                            d1 += channelStep;
                        }

                        xRow += width;
                        wRow += kernelWidth;
                    }

                    y[o] = sum0;
                    if (pair)
                    {
                        y[o + positions] = sum1;
                    }

                    o++;
                }
            }
        }

        // Filters f, f + 1 and f + 2: ForwardTwo with a third sum.
        private void ForwardThree(float[] input, float[] output, int f)
        {
            int channels = _channels;
            int width = _width;
            int kernelWidth = _kernelWidth;
            int strideX = _strideX;
            int paddingX = _paddingX;
            int outHeight = _outHeight;
            int outWidth = _outWidth;
            int plane = _height * width;
            int positions = outHeight * outWidth;
            int kernelArea = _kernelHeight * kernelWidth;
            int filterSize = channels * kernelArea;
            int channelStep = kernelArea - plane;
            float[] w = _weights;
            float[] b = _biases;
            float[] x = input;
            float[] y = output;
            int filterStart = f * filterSize;
            float bias0 = b == null ? 0f : b[f];
            float bias1 = b == null ? 0f : b[f + 1];
            float bias2 = b == null ? 0f : b[f + 2];
            int o = f * positions;
            for (int oy = 0; oy < outHeight; oy++)
            {
                int kyLo;
                int rows;
                int rowStart = KernelRows(oy, out kyLo, out rows);
                int wRowStart = filterStart + kyLo * kernelWidth;
                for (int ox = 0; ox < outWidth; ox++)
                {
                    int left = ox * strideX - paddingX;
                    int kxLo = left < 0 ? -left : 0;
                    int kxHi = width - left;
                    if (kxHi > kernelWidth)
                    {
                        kxHi = kernelWidth;
                    }

                    int xRow = rowStart + left;
                    int wRow = wRowStart;
                    float sum0 = bias0;
                    float sum1 = bias1;
                    float sum2 = bias2;
                    for (int r = 0; r < rows; r++)
                    {
                        int d0 = wRow - xRow;
                        int d1 = d0 + filterSize;
                        int d2 = d1 + filterSize;
                        int start = xRow + kxLo;
                        int end = xRow + kxHi;
                        for (int c = 0; c < channels; c++)
                        {
                            for (int i = start; i < end; i++)
                            {
                                float xi = x[i];
                                sum0 += w[i + d0] * xi;
                                sum1 += w[i + d1] * xi;
                                sum2 += w[i + d2] * xi;
                            }

                            start += plane;
                            end += plane;
                            d0 += channelStep;
                            d1 += channelStep;
                            d2 += channelStep;
                        }

                        xRow += width;
                        wRow += kernelWidth;
                    }

                    y[o] = sum0;
                    y[o + positions] = sum1;
                    y[o + positions + positions] = sum2;
                    o++;
                }
            }
        }

        /// <inheritdoc/>
        public override void Backward(float[] input, float[] output, float[] outputError, float[] inputError, float[] gradientRow, float rate)
        {
            int channels = _channels;
            int width = _width;
            int kernelWidth = _kernelWidth;
            int strideX = _strideX;
            int paddingX = _paddingX;
            int outHeight = _outHeight;
            int outWidth = _outWidth;
            int filters = _filters;
            int plane = _height * width;
            int kernelArea = _kernelHeight * kernelWidth;
            int filterSize = channels * kernelArea;
            int channelStep = kernelArea - plane;
            float[] w = _weights;
            float[] b = _biases;
            float[] x = input;
            float[] e = outputError;
            float[] d = inputError;
            float[] g = gradientRow;
            bool propagate = d != null;
            if (propagate)
            {
                Array.Clear(d, 0, channels * plane);
            }

            int o = 0;
            for (int f = 0; f < filters; f++)
            {
                int filterStart = f * filterSize;
                Array.Clear(g, 0, filterSize);
                float errorSum = 0f;
                for (int oy = 0; oy < outHeight; oy++)
                {
                    int kyLo;
                    int rows;
                    int rowStart = KernelRows(oy, out kyLo, out rows);
                    int gRowStart = kyLo * kernelWidth;
                    for (int ox = 0; ox < outWidth; ox++)
                    {
                        float eo = e[o++];
                        if (eo == 0f)
                        {
                            continue; // common after ReLU
                        }

                        errorSum += eo;
                        int left = ox * strideX - paddingX;
                        int kxLo = left < 0 ? -left : 0;
                        int kxHi = width - left;
                        if (kxHi > kernelWidth)
                        {
                            kxHi = kernelWidth;
                        }

                        int xRow = rowStart + left;
                        int gRow = gRowStart;
                        for (int r = 0; r < rows; r++)
                        {
                            int dg = gRow - xRow; // input index -> gradient index (tap within the filter)
                            int start = xRow + kxLo;
                            int end = xRow + kxHi;
                            if (propagate)
                            {
                                int dw = dg + filterStart; // input index -> weight index
                                for (int c = 0; c < channels; c++)
                                {
                                    for (int i = start; i < end; i++)
                                    {
                                        d[i] += w[i + dw] * eo;
                                        g[i + dg] += x[i] * eo;
                                    }

                                    start += plane;
                                    end += plane;
                                    dg += channelStep;
                                    dw += channelStep;
                                }
                            }
                            else
                            {
                                for (int c = 0; c < channels; c++)
                                {
                                    for (int i = start; i < end; i++)
                                    {
                                        g[i + dg] += x[i] * eo;
                                    }

                                    start += plane;
                                    end += plane;
                                    dg += channelStep;
                                }
                            }

                            xRow += width;
                            gRow += kernelWidth;
                        }
                    }
                }

                // This filter's gradient is complete: update its weights and bias now.
                for (int k = 0; k < filterSize; k++)
                {
                    w[filterStart + k] -= rate * g[k];
                }

                if (b != null)
                {
                    b[f] -= rate * errorSum;
                }
            }
        }

        // The kernel rows of output row oy that fall inside the input (padding rows are skipped, never
        // read): the first one and how many (none when rows <= 0). Returns the input index of that
        // first row's column 0 in channel 0. Called once per output row, never per element.
        private int KernelRows(int oy, out int kyLo, out int rows)
        {
            int top = oy * _strideY - _paddingY;
            int lo = top < 0 ? -top : 0;
            int hi = _height - top;
            if (hi > _kernelHeight)
            {
                hi = _kernelHeight;
            }

            kyLo = lo;
            rows = hi - lo;
            return (top + lo) * _width;
        }
    }
}
