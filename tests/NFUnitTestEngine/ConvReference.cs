// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Random;
using TinTin.Scaling;

namespace NFUnitTest
{
    // Naive convolution references for the Conv2D and Conv1D tests, written differently from the
    // layers on purpose: the forward pass and the weight gradient read an explicitly zero-padded
    // copy of the input (no kernel ranges), the input error gathers with division and remainder
    // (the layers scatter), and every sum is a long. A 1-D convolution is the 2-D one with a
    // 1 x K kernel, height 1 and no vertical padding.
    internal sealed class ConvReference
    {
        public readonly int Channels;
        public readonly int Height;
        public readonly int Width;
        public readonly int Filters;
        public readonly int KernelHeight;
        public readonly int KernelWidth;
        public readonly int Stride;
        public readonly int PadHeight;
        public readonly int PadWidth;
        public readonly int OutHeight;
        public readonly int OutWidth;

        public ConvReference(int channels, int height, int width, int filters, int kernelHeight, int kernelWidth, int stride, int padHeight, int padWidth)
        {
            Channels = channels;
            Height = height;
            Width = width;
            Filters = filters;
            KernelHeight = kernelHeight;
            KernelWidth = kernelWidth;
            Stride = stride;
            PadHeight = padHeight;
            PadWidth = padWidth;

            // Count the window positions one by one rather than with the (n + 2p - k) / s + 1 formula.
            OutHeight = CountPositions(height + 2 * padHeight, kernelHeight, stride);
            OutWidth = CountPositions(width + 2 * padWidth, kernelWidth, stride);
        }

        public int InputSize
        {
            get { return Channels * Height * Width; }
        }

        public int OutputSize
        {
            get { return Filters * OutHeight * OutWidth; }
        }

        public int FilterSize
        {
            get { return Channels * KernelHeight * KernelWidth; }
        }

        // acc[f, oy, ox] = sum of w[f, c, ky, kx] * padded[c, oy*s + ky, ox*s + kx], plus bias[f] (already in accumulator units).
        public long[] Forward(sbyte[] x, sbyte[] w, int[] biasInAccumulatorUnits)
        {
            int paddedHeight = Height + 2 * PadHeight;
            int paddedWidth = Width + 2 * PadWidth;
            int[] padded = Pad(x);
            long[] result = new long[OutputSize];
            for (int f = 0; f < Filters; f++)
            {
                for (int oy = 0; oy < OutHeight; oy++)
                {
                    for (int ox = 0; ox < OutWidth; ox++)
                    {
                        long sum = biasInAccumulatorUnits == null ? 0 : biasInAccumulatorUnits[f];
                        for (int c = 0; c < Channels; c++)
                        {
                            for (int ky = 0; ky < KernelHeight; ky++)
                            {
                                for (int kx = 0; kx < KernelWidth; kx++)
                                {
                                    long weight = w[((f * Channels + c) * KernelHeight + ky) * KernelWidth + kx];
                                    long value = padded[(c * paddedHeight + oy * Stride + ky) * paddedWidth + ox * Stride + kx];
                                    sum += weight * value;
                                }
                            }
                        }

                        result[(f * OutHeight + oy) * OutWidth + ox] = sum;
                    }
                }
            }

            return result;
        }

        // dx[c, iy, ix] = sum over (f, ky, kx) of w[f, c, ky, kx] * e[f, oy, ox] where oy*s + ky - p = iy,
        // i.e. oy = (iy + p - ky) / s when that division is exact and oy is an output row.
        public long[] InputError(sbyte[] e, sbyte[] w)
        {
            long[] result = new long[InputSize];
            for (int c = 0; c < Channels; c++)
            {
                for (int iy = 0; iy < Height; iy++)
                {
                    for (int ix = 0; ix < Width; ix++)
                    {
                        long sum = 0;
                        for (int f = 0; f < Filters; f++)
                        {
                            for (int ky = 0; ky < KernelHeight; ky++)
                            {
                                int ny = iy + PadHeight - ky;
                                if (ny < 0 || ny % Stride != 0 || ny / Stride >= OutHeight)
                                {
                                    continue;
                                }

                                for (int kx = 0; kx < KernelWidth; kx++)
                                {
                                    int nx = ix + PadWidth - kx;
                                    if (nx < 0 || nx % Stride != 0 || nx / Stride >= OutWidth)
                                    {
                                        continue;
                                    }

                                    long weight = w[((f * Channels + c) * KernelHeight + ky) * KernelWidth + kx];
                                    long error = e[(f * OutHeight + ny / Stride) * OutWidth + nx / Stride];
                                    sum += weight * error;
                                }
                            }
                        }

                        result[(c * Height + iy) * Width + ix] = sum;
                    }
                }
            }

            return result;
        }

        // G[f, c, ky, kx] = sum over (oy, ox) of e[f, oy, ox] * padded[c, oy*s + ky, ox*s + kx].
        public long[] WeightGradient(sbyte[] x, sbyte[] e)
        {
            int paddedHeight = Height + 2 * PadHeight;
            int paddedWidth = Width + 2 * PadWidth;
            int[] padded = Pad(x);
            long[] result = new long[Filters * FilterSize];
            for (int f = 0; f < Filters; f++)
            {
                for (int c = 0; c < Channels; c++)
                {
                    for (int ky = 0; ky < KernelHeight; ky++)
                    {
                        for (int kx = 0; kx < KernelWidth; kx++)
                        {
                            long sum = 0;
                            for (int oy = 0; oy < OutHeight; oy++)
                            {
                                for (int ox = 0; ox < OutWidth; ox++)
                                {
                                    long error = e[(f * OutHeight + oy) * OutWidth + ox];
                                    long value = padded[(c * paddedHeight + oy * Stride + ky) * paddedWidth + ox * Stride + kx];
                                    sum += error * value;
                                }
                            }

                            result[((f * Channels + c) * KernelHeight + ky) * KernelWidth + kx] = sum;
                        }
                    }
                }
            }

            return result;
        }

        // The int8 tensor the layer must produce from exact accumulators: the library's requantizer
        // applied to the reference sums (the layers must rescale the whole tensor with one scale).
        public static sbyte[] Requantize(long[] acc, bool compound, Scale accScale, out Scale resultScale)
        {
            int[] exact = new int[acc.Length];
            int max = 0;
            for (int i = 0; i < acc.Length; i++)
            {
                exact[i] = (int)acc[i];
                int magnitude = exact[i] < 0 ? -exact[i] : exact[i];
                max = magnitude > max ? magnitude : max;
            }

            RescaleStep step = default(RescaleStep);
            Requantizer.Choose(max, compound, ref step);
            sbyte[] result = new sbyte[acc.Length];
            Requantizer.Apply(exact, 0, result, 0, acc.Length, step);
            resultScale = Requantizer.OutputScale(accScale, step);
            return result;
        }

        // The int8 tensor a convolution produces row by row (rows of rowLength values, the last one possibly
        // shorter: one filter's output forward, one pass of input channels backward): each row requantized alone by the library's requantizer,
        // then every row brought to the step of the whole tensor's largest magnitude (resultScale) by
        // exact rational arithmetic: q * 3^a / 3^b * 2^c / 2^d as one fraction n / m, rounded half away
        // from zero (floor((2|q|n + m) / 2m)), clamped to 127. Written as a fraction on purpose: the
        // library's Requantizer.Align takes shifts where it can.
        public static sbyte[] RequantizeRows(long[] acc, int rowLength, bool compound, Scale accScale, out Scale resultScale)
        {
            return RequantizeRows(acc, rowLength, rowLength, compound, accScale, out resultScale);
        }

        // As RequantizeRows, each row split into segments of segmentLength (the last one possibly shorter),
        // each segment requantized alone: a convolution that sums its filters in segments of their rows.
        public static sbyte[] RequantizeRows(long[] acc, int rowLength, int segmentLength, bool compound, Scale accScale, out Scale resultScale)
        {
            Requantize(acc, compound, accScale, out resultScale);
            RescaleStep tensor = StepOf(acc, 0, acc.Length, compound);
            sbyte[] result = new sbyte[acc.Length];
            int start = 0;
            while (start < acc.Length)
            {
                int rowLeft = rowLength - (start % rowLength);
                int count = rowLeft < segmentLength ? rowLeft : segmentLength;
                count = acc.Length - start < count ? acc.Length - start : count;
                long[] row = new long[count];
                for (int i = 0; i < count; i++)
                {
                    row[i] = acc[start + i];
                }

                Scale ignored;
                sbyte[] own = Requantize(row, compound, accScale, out ignored);
                RescaleStep step = StepOf(acc, start, count, compound);

                // own * 3^(pt - pr) * 2^(tr - tt), t the total right shift, p the factors of 3.
                int powerOf3 = (tensor.Up + tensor.Down) - (step.Up + step.Down);
                int powerOf2 = (step.Shift + step.Up + 2 * step.Down) - (tensor.Shift + tensor.Up + 2 * tensor.Down);
                long n = 1;
                long m = 1;
                for (int k = 0; k < (powerOf3 < 0 ? -powerOf3 : powerOf3); k++)
                {
                    if (powerOf3 > 0)
                    {
                        n *= 3;
                    }
                    else
                    {
                        m *= 3;
                    }
                }

                for (int k = 0; k < (powerOf2 < 0 ? -powerOf2 : powerOf2); k++)
                {
                    if (powerOf2 > 0)
                    {
                        n *= 2;
                    }
                    else
                    {
                        m *= 2;
                    }

                    if (m > (1L << 40))
                    {
                        break; // every value rounds to 0 long before
                    }
                }

                for (int i = 0; i < count; i++)
                {
                    long q = own[i];
                    long magnitude = q < 0 ? -q : q;
                    long v = ((2 * magnitude * n) + m) / (2 * m);
                    v = v > 127 ? 127 : v;
                    result[start + i] = (sbyte)(q < 0 ? -v : v);
                }

                start += count;
            }

            return result;
        }

        private static RescaleStep StepOf(long[] acc, int start, int count, bool compound)
        {
            int max = 0;
            for (int i = start; i < start + count; i++)
            {
                int magnitude = (int)(acc[i] < 0 ? -acc[i] : acc[i]);
                max = magnitude > max ? magnitude : max;
            }

            RescaleStep step = default(RescaleStep);
            Requantizer.Choose(max, compound, ref step);
            return step;
        }

        // Uniform int8 values in [-limit, limit] from the library's PRNG (reproducible on every platform).
        public static sbyte[] RandomValues(Xorshift32 random, int count, int limit)
        {
            sbyte[] values = new sbyte[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = (sbyte)(random.NextInt(2 * limit + 1) - limit);
            }

            return values;
        }

        public static sbyte[] Filled(int count, int value)
        {
            sbyte[] values = new sbyte[count];
            Fill(values, value);
            return values;
        }

        public static void Fill(sbyte[] values, int value)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (sbyte)value;
            }
        }

        public static Tensor8 Tensor(sbyte[] data, Scale scale)
        {
            Tensor8 t = new Tensor8(data, data.Length);
            t.Scale = scale;
            int max = 0;
            for (int i = 0; i < data.Length; i++)
            {
                int magnitude = data[i] < 0 ? -data[i] : data[i];
                max = magnitude > max ? magnitude : max;
            }

            t.MaxAbs = max;
            return t;
        }

        public static bool SameScale(Scale expected, Scale actual)
        {
            return expected.Shift == actual.Shift && expected.Up == actual.Up && expected.Down == actual.Down;
        }

        // Number of window starts 0, s, 2s, ... whose window of k fits in n.
        private static int CountPositions(int n, int k, int s)
        {
            int count = 0;
            for (int start = 0; start + k <= n; start += s)
            {
                count++;
            }

            return count;
        }

        private int[] Pad(sbyte[] x)
        {
            int paddedHeight = Height + 2 * PadHeight;
            int paddedWidth = Width + 2 * PadWidth;
            int[] padded = new int[Channels * paddedHeight * paddedWidth];
            for (int c = 0; c < Channels; c++)
            {
                for (int y = 0; y < Height; y++)
                {
                    for (int xx = 0; xx < Width; xx++)
                    {
                        padded[(c * paddedHeight + y + PadHeight) * paddedWidth + xx + PadWidth] = x[(c * Height + y) * Width + xx];
                    }
                }
            }

            return padded;
        }
    }
}
