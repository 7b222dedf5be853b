// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Numerics;
using TinTin.Scaling;

namespace TinTin.Training
{
    /// <summary>
    /// The managed kernels: the default engine, the portable fallback and the bit-exact reference the
    /// native kernels are tested against. The loops are those the layers ran before the seam existed,
    /// flat and unchanged (locals, bounds hoisted, no call per element); a native engine derives from
    /// this class and overrides the kernels it has.
    /// </summary>
    public class ManagedKernels : TrainingKernels
    {
        /// <inheritdoc/>
        internal override int DenseForward(long[] weights, sbyte[] input, long[] packedInput, int inputs, int outputs, bool hasBias, int[] acc)
        {
            // Rows that start on a long: two products per multiply from the packed input when the
            // workspace has room for it, else eight weights per load. Other rows: a weight at a time.
            // Zero inputs are not skipped: the packed loops cost less than the skipping one even on
            // MNIST's 81 % zero pixels (tintin kernel-cost).
            if (!PackedDense.Aligned(inputs))
            {
                return PackedDense.ForwardAnyRow(weights, input, inputs, outputs, hasBias, acc);
            }

            if (packedInput == null || packedInput.Length < PackedDense.PackedInputLength(inputs))
            {
                return PackedDense.ForwardLanes(weights, input, inputs, outputs, hasBias, acc);
            }

            int correction = PackedDense.PackInput(input, inputs, packedInput);
            return PackedDense.Forward(weights, packedInput, inputs / PackedDense.WeightsPerLong, outputs, correction, hasBias, acc);
        }

        /// <inheritdoc/>
        internal override void DenseInputError(long[] weights, sbyte[] errors, int inputs, int outputs, int[] acc)
        {
            PackedDense.InputError(weights, errors, inputs, outputs, acc);
        }

        /// <inheritdoc/>
        internal override int DenseUpdateRowsTinTin(long[] weights, sbyte[] errors, sbyte[] input, int inputs, int outputs, int mantissa, int shift, ref uint random, int[] inputError)
        {
            sbyte[] e = errors;
            uint state = random;
            int clamped = 0;
            for (int o = 0; o < outputs; o++)
            {
                int eo = e[o];
                if (eo == 0)
                {
                    continue;
                }

                // One xorshift32 step per row: the dither's start (see RowUpdate).
                // Inline copy of Xorshift32.Step (no call per draw on the interpreter); InlineCopyTests checks it.
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                clamped += inputError == null
                    ? RowUpdate.TinTin(weights, o * inputs, eo, input, inputs, mantissa, shift, state)
                    : RowUpdate.TinTinPropagating(weights, o * inputs, eo, input, inputs, mantissa, shift, state, inputError);
            }

            random = state;
            return clamped;
        }

        /// <inheritdoc/>
        internal override int DenseUpdateRowsNiti(long[] weights, sbyte[] errors, sbyte[] input, int inputs, int outputs, int shift, int[] inputError)
        {
            sbyte[] e = errors;
            int clamped = 0;
            for (int o = 0; o < outputs; o++)
            {
                int eo = e[o];
                if (eo != 0)
                {
                    clamped += RowUpdate.NitiPropagating(weights, o * inputs, eo, input, inputs, shift, inputError);
                }
            }

            return clamped;
        }

        /// <inheritdoc/>
        internal override void DenseAccumulateRows(int[] accumulators, sbyte[] errors, sbyte[] input, int inputs, int outputs, int mantissa, int shift)
        {
            sbyte[] e = errors;
            for (int o = 0; o < outputs; o++)
            {
                WeightUpdate.AccumulateRow(accumulators, o * inputs, e[o], input, inputs, mantissa, shift);
            }
        }

        /// <inheritdoc/>
        /// <remarks>
        /// Padding is never materialised: for every output row and column the loops first compute the
        /// range of kernel rows and columns that fall inside the input, so the innermost loop has no
        /// bounds check. Per output position the loops run kernel rows outside and channels inside.
        /// </remarks>
        internal override int ConvForward(int[] geometry, int filter, sbyte[] weights, sbyte[] input, bool sparse, int bias, int[] acc)
        {
            int channels = geometry[0];
            int height = geometry[1];
            int width = geometry[2];
            int kernelHeight = geometry[4];
            int kernelWidth = geometry[5];
            int strideY = geometry[6];
            int strideX = geometry[7];
            int paddingY = geometry[8];
            int paddingX = geometry[9];
            int outHeight = geometry[10];
            int outWidth = geometry[11];
            int plane = height * width;
            int kernelArea = kernelHeight * kernelWidth;
            int filterSize = channels * kernelArea;
            int channelStep = kernelArea - plane; // how the weight-minus-input offset moves from one channel to the next
            sbyte[] w = weights;
            sbyte[] x = input;
            int o = 0;
            int high = 0;
            int low = 0;
            int filterStart = filter * filterSize;
            for (int oy = 0; oy < outHeight; oy++)
            {
                // The kernel rows of output row oy that fall inside the input (padding rows are skipped).
                int top = oy * strideY - paddingY;
                int kyLo = top < 0 ? -top : 0;
                int kyHi = height - top;
                if (kyHi > kernelHeight)
                {
                    kyHi = kernelHeight;
                }

                int rows = kyHi - kyLo;
                int rowStart = (top + kyLo) * width;
                int wRowStart = filterStart + kyLo * kernelWidth;
                for (int ox = 0; ox < outWidth; ox++)
                {
                    // Input column under kernel column 0, and the kernel columns that fall inside the input.
                    int left = ox * strideX - paddingX;
                    int kxLo = left < 0 ? -left : 0;
                    int kxHi = width - left;
                    if (kxHi > kernelWidth)
                    {
                        kxHi = kernelWidth;
                    }

                    // Input index of kernel column 0 in the first valid kernel row of channel 0, and the weight index of the same tap.
                    int xRow = rowStart + left;
                    int wRow = wRowStart;
                    int sum = bias;
                    for (int r = 0; r < rows; r++)
                    {
                        int d = wRow - xRow; // maps an input index of this row to the weight it meets
                        int start = xRow + kxLo;
                        int end = xRow + kxHi;
                        for (int c = 0; c < channels; c++)
                        {
                            if (sparse)
                            {
                                for (int i = start; i < end; i++)
                                {
                                    int xi = x[i];
                                    if (xi != 0)
                                    {
                                        sum += w[i + d] * xi;
                                    }
                                }
                            }
                            else
                            {
                                for (int i = start; i < end; i++)
                                {
                                    sum += w[i + d] * x[i];
                                }
                            }

                            start += plane;
                            end += plane;
                            d += channelStep;
                        }

                        xRow += width;
                        wRow += kernelWidth;
                    }

                    acc[o++] = sum;
                    if (sum > high)
                    {
                        high = sum;
                    }
                    else if (sum < low)
                    {
                        low = sum;
                    }
                }
            }

            return high > -low ? high : -low; // the largest magnitude
        }

        /// <inheritdoc/>
        /// <remarks>
        /// Several int32 sums in one long: with p = w0 + w1 * 2^s (+ w2 * 2^2s), the filters' weights of one
        /// tap, x * p = x * w0 + x * w1 * 2^s (+ x * w2 * 2^2s), so one multiply-add per tap sums every
        /// filter, where floats need one each. Two lanes are 32 bits apart: each sum stays below 2^30
        /// (TinTin.Layers.OverflowBounds), the low 32 bits are the first sum, and adding 2^31 before the
        /// arithmetic shift takes the borrow of a negative low half back out of the second. Three lanes are
        /// 21 bits apart, summed over blocks of channels of fewer than 64 taps, whose sums stay below 2^20:
        /// each lane is the sign-extended low 21 bits, taken out before the next. The packed weights
        /// are built once per block of channels and read at every output position. Loops as in
        /// <see cref="ConvForward"/>, over the positions start .. start + count only.
        /// </remarks>
        internal override void ConvForwardPacked(int[] geometry, int filter, int lanes, sbyte[] weights, sbyte[] input, bool sparse, int[] biases, int[] acc, long[] packed, int start, int count, int[] maxima)
        {
            int channels = geometry[0];
            int height = geometry[1];
            int width = geometry[2];
            int kernelHeight = geometry[4];
            int kernelWidth = geometry[5];
            int strideY = geometry[6];
            int strideX = geometry[7];
            int paddingY = geometry[8];
            int paddingX = geometry[9];
            int outWidth = geometry[11];
            int plane = height * width;
            int kernelArea = kernelHeight * kernelWidth;
            int channelStep = kernelArea - plane;
            int block = ChannelBlock(lanes, kernelArea, packed.Length);
            CheckPacked(geometry, filter, lanes, block, start, count);
            int laneShift = lanes == 2 ? 32 : ThreeLaneShift;
            int filterSize = channels * kernelArea;
            int end = start + count;
            int lastRow = (end - 1) / outWidth;
            sbyte[] x = input;
            long[] p = packed;
            int bias0 = biases[0];
            int bias1 = biases[1];
            int bias2 = lanes == 3 ? biases[2] : 0;
            int high0 = 0;
            int low0 = 0;
            int high1 = 0;
            int low1 = 0;
            int high2 = 0;
            int low2 = 0;
            for (int first = 0; first < channels; first += block)
            {
                int channelCount = channels - first < block ? channels - first : block;
                bool last = first + channelCount == channels;

                // The block's taps of every filter, packed: the next filter's weights lie one filter further on.
                int w0 = ((filter * channels) + first) * kernelArea;
                int taps = channelCount * kernelArea;
                for (int k = 0; k < taps; k++)
                {
                    long tap = 0;
                    for (int lane = lanes - 1; lane >= 0; lane--)
                    {
                        tap = (tap << laneShift) + weights[w0 + (lane * filterSize) + k];
                    }

                    p[k] = tap;
                }

                int o = 0;
                for (int oy = start / outWidth; oy <= lastRow; oy++)
                {
                    int top = oy * strideY - paddingY;
                    int kyLo = top < 0 ? -top : 0;
                    int kyHi = height - top;
                    if (kyHi > kernelHeight)
                    {
                        kyHi = kernelHeight;
                    }

                    int rows = kyHi - kyLo;
                    int rowStart = ((top + kyLo) * width) + (first * plane);
                    int wRowStart = kyLo * kernelWidth;
                    int lineStart = oy * outWidth;
                    int oxEnd = end - lineStart < outWidth ? end - lineStart : outWidth;
                    for (int ox = start > lineStart ? start - lineStart : 0; ox < oxEnd; ox++)
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
                        long sum = 0;
                        for (int r = 0; r < rows; r++)
                        {
                            int d = wRow - xRow;
                            int from = xRow + kxLo;
                            int to = xRow + kxHi;
                            for (int c = 0; c < channelCount; c++)
                            {
                                if (sparse)
                                {
                                    for (int i = from; i < to; i++)
                                    {
                                        int xi = x[i];
                                        if (xi != 0)
                                        {
                                            sum += p[i + d] * xi;
                                        }
                                    }
                                }
                                else
                                {
                                    for (int i = from; i < to; i++)
                                    {
                                        sum += p[i + d] * x[i];
                                    }
                                }

                                from += plane;
                                to += plane;
                                d += channelStep;
                            }

                            xRow += width;
                            wRow += kernelWidth;
                        }

                        int s0;
                        int s1;
                        int s2 = 0;
                        if (lanes == 2)
                        {
                            s0 = (int)sum;
                            s1 = (int)((sum + 0x80000000L) >> 32);
                        }
                        else
                        {
                            s0 = (int)((sum << ThreeLaneSignShift) >> ThreeLaneSignShift);
                            sum = (sum - s0) >> ThreeLaneShift;
                            s1 = (int)((sum << ThreeLaneSignShift) >> ThreeLaneSignShift);
                            s2 = (int)((sum - s1) >> ThreeLaneShift);
                        }

                        // The first block starts from the biases, later ones add to it; the last one keeps the maxima.
                        s0 += first == 0 ? bias0 : acc[o];
                        s1 += first == 0 ? bias1 : acc[o + count];
                        acc[o] = s0;
                        acc[o + count] = s1;
                        if (lanes == 3)
                        {
                            s2 += first == 0 ? bias2 : acc[o + count + count];
                            acc[o + count + count] = s2;
                        }

                        if (last)
                        {
                            // The largest magnitude as the larger of the largest value and minus the smallest: one compare per sum, mostly.
                            if (s0 > high0)
                            {
                                high0 = s0;
                            }
                            else if (s0 < low0)
                            {
                                low0 = s0;
                            }

                            if (s1 > high1)
                            {
                                high1 = s1;
                            }
                            else if (s1 < low1)
                            {
                                low1 = s1;
                            }

                            if (s2 > high2)
                            {
                                high2 = s2;
                            }
                            else if (s2 < low2)
                            {
                                low2 = s2;
                            }
                        }

                        o++;
                    }
                }
            }

            maxima[0] = high0 > -low0 ? high0 : -low0;
            maxima[1] = high1 > -low1 ? high1 : -low1;
            if (lanes == 3)
            {
                maxima[2] = high2 > -low2 ? high2 : -low2;
            }
        }

        /// <inheritdoc/>
        internal override void ConvInputError(int[] geometry, int firstChannel, int channelCount, sbyte[] weights, sbyte[] errors, int[] acc)
        {
            int channels = geometry[0];
            int height = geometry[1];
            int width = geometry[2];
            int filters = geometry[3];
            int kernelHeight = geometry[4];
            int kernelWidth = geometry[5];
            int strideY = geometry[6];
            int strideX = geometry[7];
            int paddingY = geometry[8];
            int paddingX = geometry[9];
            int outHeight = geometry[10];
            int outWidth = geometry[11];
            int plane = height * width;
            int kernelArea = kernelHeight * kernelWidth;
            int filterSize = channels * kernelArea;
            int channelStep = kernelArea - plane; // how the weight-minus-input offset moves from one channel to the next
            sbyte[] w = weights;
            sbyte[] e = errors;
            Array.Clear(acc, 0, channelCount * plane);
            int o = 0;
            for (int f = 0; f < filters; f++)
            {
                // The weights of this filter's kernels over the channels; acc is indexed from the first channel's plane.
                int kernelStart = f * filterSize + firstChannel * kernelArea;
                for (int oy = 0; oy < outHeight; oy++)
                {
                    int top = oy * strideY - paddingY;
                    int kyLo = top < 0 ? -top : 0;
                    int kyHi = height - top;
                    if (kyHi > kernelHeight)
                    {
                        kyHi = kernelHeight;
                    }

                    int rows = kyHi - kyLo;
                    int rowStart = (top + kyLo) * width;
                    int wRowStart = kernelStart + kyLo * kernelWidth;
                    for (int ox = 0; ox < outWidth; ox++)
                    {
                        int eo = e[o++];
                        if (eo == 0)
                        {
                            continue; // common after ReLU
                        }

                        int left = ox * strideX - paddingX;
                        int kxLo = left < 0 ? -left : 0;
                        int kxHi = width - left;
                        if (kxHi > kernelWidth)
                        {
                            kxHi = kernelWidth;
                        }

                        int xRow = rowStart + left;
                        int wRow = wRowStart;
                        for (int r = 0; r < rows; r++)
                        {
                            int d = wRow - xRow;
                            int start = xRow + kxLo;
                            int end = xRow + kxHi;
                            for (int c = 0; c < channelCount; c++)
                            {
                                for (int i = start; i < end; i++)
                                {
                                    acc[i] += w[i + d] * eo;
                                }

                                start += plane;
                                end += plane;
                                d += channelStep;
                            }

                            xRow += width;
                            wRow += kernelWidth;
                        }
                    }
                }
            }
        }

        /// <inheritdoc/>
        /// <remarks>
        /// G[ky, kx] = sum over output positions of e[f, oy, ox] * x[c, oy*sy + ky - py, ox*sx + kx - px].
        /// sparse: visit only nonzero inputs (an exact int test; the product is 0 anyway).
        /// </remarks>
        internal override void ConvGradient(int[] geometry, int filter, int firstChannel, int channelCount, sbyte[] weights, sbyte[] input, sbyte[] errors, int[] gradient, bool sparse, int[] errorAcc)
        {
            int channels = geometry[0];
            int height = geometry[1];
            int width = geometry[2];
            int kernelHeight = geometry[4];
            int kernelWidth = geometry[5];
            int strideY = geometry[6];
            int strideX = geometry[7];
            int paddingY = geometry[8];
            int paddingX = geometry[9];
            int outHeight = geometry[10];
            int outWidth = geometry[11];
            int plane = height * width;
            int kernelArea = kernelHeight * kernelWidth;
            int channelStep = kernelArea - plane;
            sbyte[] x = input;
            sbyte[] e = errors;
            int[] g = gradient;
            Array.Clear(g, 0, channelCount * kernelArea);
            sbyte[] w = weights;

            // i runs over input indices of the channels: gradient index = i + d, weight index = i + d +
            // kernelStart, errorAcc index = i - inputStart (from the first channel's plane).
            int inputStart = firstChannel * plane;
            int kernelStart = (filter * channels + firstChannel) * kernelArea;
            int o = filter * outHeight * outWidth;
            for (int oy = 0; oy < outHeight; oy++)
            {
                int top = oy * strideY - paddingY;
                int kyLo = top < 0 ? -top : 0;
                int kyHi = height - top;
                if (kyHi > kernelHeight)
                {
                    kyHi = kernelHeight;
                }

                int rows = kyHi - kyLo;
                int rowStart = (top + kyLo) * width + inputStart;
                int gRowStart = kyLo * kernelWidth;
                for (int ox = 0; ox < outWidth; ox++)
                {
                    int eo = e[o++];
                    if (eo == 0)
                    {
                        continue;
                    }

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
                        int d = gRow - xRow;
                        int start = xRow + kxLo;
                        int end = xRow + kxHi;
                        for (int c = 0; c < channelCount; c++)
                        {
                            if (errorAcc != null)
                            {
                                int dw = d + kernelStart;
                                for (int i = start; i < end; i++)
                                {
                                    int xi = x[i];
                                    if (xi != 0)
                                    {
                                        g[i + d] += xi * eo;
                                        errorAcc[i - inputStart] += w[i + dw] * eo;
                                    }
                                }
                            }
                            else if (sparse)
                            {
                                for (int i = start; i < end; i++)
                                {
                                    int xi = x[i];
                                    if (xi != 0)
                                    {
                                        g[i + d] += xi * eo;
                                    }
                                }
                            }
                            else
                            {
                                for (int i = start; i < end; i++)
                                {
                                    g[i + d] += x[i] * eo;
                                }
                            }

                            start += plane;
                            end += plane;
                            d += channelStep;
                        }

                        xRow += width;
                        gRow += kernelWidth;
                    }
                }
            }
        }

        /// <inheritdoc/>
        internal override int TinTinGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int mantissa, int shift, ref uint random)
        {
            return WeightUpdate.TinTinGradients(weights, weightOffset, gradients, gradientOffset, count, mantissa, shift, ref random);
        }

        /// <inheritdoc/>
        internal override int NitiGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int shift)
        {
            return WeightUpdate.NitiGradients(weights, weightOffset, gradients, gradientOffset, count, shift);
        }

        /// <inheritdoc/>
        internal override void AccumulateGradients(int[] accumulators, int offset, int[] gradients, int gradientOffset, int count, int mantissa, int shift)
        {
            WeightUpdate.AccumulateGradients(accumulators, offset, gradients, gradientOffset, count, mantissa, shift);
        }

        /// <inheritdoc/>
        internal override void Requantize(int[] acc, int count, int maxAbs, bool compound, sbyte[] destination, ref RescaleStep step)
        {
            Requantizer.Choose(maxAbs < 0 ? Magnitude.MaxAbs(acc, 0, count) : maxAbs, compound, ref step);
            Requantizer.Apply(acc, 0, destination, 0, count, step);
        }

        /// <inheritdoc/>
        internal override int SoftmaxLoss(Tensor8 logits, int label, Tensor8 error, int[] scratch, bool compound)
        {
            return SoftmaxCrossEntropy.Compute(logits, label, error, scratch, compound);
        }
    }
}
