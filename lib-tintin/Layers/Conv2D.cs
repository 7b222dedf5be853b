// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Numerics;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Layers
{
    /// <summary>
    /// 2-D convolution with a square kernel, stride and zero padding: int8 input C x H x W
    /// (channels first, flat), int8 weights [filters][C][K][K], int32 accumulation per output
    /// element, optional int32 biases per filter, then one rescale of the whole output
    /// (filters x Hout x Wout) to int8 with one scale.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Padding is never materialised: for every output row and column the loops first compute
    /// the range of kernel rows and columns that fall inside the input, so the innermost loop
    /// has no bounds check.
    /// </para>
    /// <para>
    /// Backward computes the error to the input (the transposed convolution, a scatter of
    /// W * e into int32) with the weights of the forward pass, then the weight gradient one
    /// filter at a time into the workspace's gradient row (no gradient buffer for the whole
    /// layer) and applies it with one kernel call per filter. In NITI mode the update shift is
    /// chosen per filter from that filter's largest gradient; NITI's own rule is per layer,
    /// which would need the whole layer's gradient at once.
    /// </para>
    /// <para>
    /// int32 bounds, checked when the layer is built: a forward sum has C*K*K products of
    /// at most 127^2 plus a bias clamped to 2^30, so C*K*K*127^2 &lt; 2^30; an input error sums
    /// at most filters*K*K products, so filters*K*K*127^2 &lt; 2^31; a weight gradient sums one
    /// product per output position, so Hout*Wout*127^2 &lt; 2^31.
    /// </para>
    /// </remarks>
    public sealed class Conv2D : WeightedLayer
    {
        private const long ProductBound = 127 * 127;
        private const long AccumulatorBound = 2147483648L; // 2^31
        private const long BiasedAccumulatorBound = 1073741824L; // 2^30: a bias of up to 2^30 is added

        // The largest left shift of the gradient accumulation: gradients below 2^31 times a
        // mantissa of at most 2^15, shifted by 17, still fit a long. A larger shift (a multiplier of
        // 2^18 or more, the mantissa being at least 2^14) saturates every accumulator a nonzero
        // gradient reaches, whatever it held; 2^15 * 2^17 = 2^32 does exactly the same.
        private const int MaxAccumulateLeftShift = 17;
        private const int MaxGradientShift = 62;

        private readonly int _channels;
        private readonly int _height;
        private readonly int _width;
        private readonly int _filters;
        private readonly int _kernel;
        private readonly int _stride;
        private readonly int _padding;
        private readonly int _outHeight;
        private readonly int _outWidth;
        private readonly long _forwardMacs;

        /// <summary>Creates the layer for a description.</summary>
        /// <param name="spec">A Conv2D description with its shapes set.</param>
        /// <param name="batched">Whether mini-batch accumulators are needed.</param>
        /// <exception cref="ArgumentException">The description is not a Conv2D, or one of its sums could overflow int32.</exception>
        public Conv2D(LayerSpec spec, bool batched)
            : base(CheckBounds(spec), batched)
        {
            _channels = spec.Input.Channels;
            _height = spec.Input.Height;
            _width = spec.Input.Width;
            _filters = spec.Units;
            _kernel = spec.Kernel;
            _stride = spec.Stride;
            _padding = spec.Padding;
            _outHeight = spec.Output.Height;
            _outWidth = spec.Output.Width;
            _forwardMacs = spec.ForwardMacs;
        }

        /// <inheritdoc/>
        public override int FanIn
        {
            get { return _channels * _kernel * _kernel; }
        }

        /// <inheritdoc/>
        public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace)
        {
            int channels = _channels;
            int height = _height;
            int width = _width;
            int kernel = _kernel;
            int stride = _stride;
            int padding = _padding;
            int outHeight = _outHeight;
            int outWidth = _outWidth;
            int filters = _filters;
            int plane = height * width;
            int kernelArea = kernel * kernel;
            int filterSize = channels * kernelArea;
            sbyte[] w = Weights;
            sbyte[] x = input.Data;
            int[] acc = workspace.Accumulators;
            int o = 0;
            for (int f = 0; f < filters; f++)
            {
                int filterStart = f * filterSize;
                for (int oy = 0; oy < outHeight; oy++)
                {
                    // Input row under kernel row 0, and the kernel rows that fall inside the input.
                    int top = oy * stride - padding;
                    int kyLo = top < 0 ? -top : 0;
                    int kyHi = height - top;
                    if (kyHi > kernel)
                    {
                        kyHi = kernel;
                    }

                    int rows = kyHi - kyLo;
                    for (int ox = 0; ox < outWidth; ox++)
                    {
                        int left = ox * stride - padding;
                        int kxLo = left < 0 ? -left : 0;
                        int kxHi = width - left;
                        if (kxHi > kernel)
                        {
                            kxHi = kernel;
                        }

                        // Input index of kernel column 0 in the first valid kernel row, and the weight index of the same tap.
                        int xChannel = (top + kyLo) * width + left;
                        int wChannel = filterStart + kyLo * kernel;
                        int sum = 0;
                        for (int c = 0; c < channels; c++)
                        {
                            int xr = xChannel;
                            int wr = wChannel;
                            for (int r = 0; r < rows; r++)
                            {
                                int d = wr - xr;
                                int end = xr + kxHi;
                                for (int i = xr + kxLo; i < end; i++)
                                {
                                    sum += w[i + d] * x[i];
                                }

                                xr += width;
                                wr += kernel;
                            }

                            xChannel += plane;
                            wChannel += kernelArea;
                        }

                        acc[o++] = sum;
                    }
                }
            }

            Scale accScale = Scale.Product(input.Scale, WeightScale);
            int positions = outHeight * outWidth;
            AddBiases(acc, positions, accScale);
            Stats.Macs += _forwardMacs;
            Requantize(acc, filters * positions, accScale, output, workspace);
            Stats.OutputScale = output.Scale;
        }

        /// <inheritdoc/>
        public override void Backward(Tensor8 input, Tensor8 output, Tensor8 outputError, Tensor8 inputError, Workspace workspace)
        {
            // The error to the input first: it needs the weights of the forward pass.
            if (inputError != null)
            {
                PropagateError(outputError, inputError, workspace);
            }

            UpdateWeights(input, outputError, workspace);
            UpdateBiases(outputError, _outHeight * _outWidth, workspace);
        }

        // Transposed convolution: every output error scatters e * W over its input window.
        private void PropagateError(Tensor8 outputError, Tensor8 inputError, Workspace workspace)
        {
            int channels = _channels;
            int height = _height;
            int width = _width;
            int kernel = _kernel;
            int stride = _stride;
            int padding = _padding;
            int outHeight = _outHeight;
            int outWidth = _outWidth;
            int filters = _filters;
            int plane = height * width;
            int kernelArea = kernel * kernel;
            int filterSize = channels * kernelArea;
            int inputs = channels * plane;
            sbyte[] w = Weights;
            sbyte[] e = outputError.Data;
            int[] acc = workspace.Accumulators;
            Array.Clear(acc, 0, inputs);
            int o = 0;
            for (int f = 0; f < filters; f++)
            {
                int filterStart = f * filterSize;
                for (int oy = 0; oy < outHeight; oy++)
                {
                    int top = oy * stride - padding;
                    int kyLo = top < 0 ? -top : 0;
                    int kyHi = height - top;
                    if (kyHi > kernel)
                    {
                        kyHi = kernel;
                    }

                    int rows = kyHi - kyLo;
                    for (int ox = 0; ox < outWidth; ox++)
                    {
                        int eo = e[o++];
                        if (eo == 0)
                        {
                            continue; // common after ReLU
                        }

                        int left = ox * stride - padding;
                        int kxLo = left < 0 ? -left : 0;
                        int kxHi = width - left;
                        if (kxHi > kernel)
                        {
                            kxHi = kernel;
                        }

                        int xChannel = (top + kyLo) * width + left;
                        int wChannel = filterStart + kyLo * kernel;
                        for (int c = 0; c < channels; c++)
                        {
                            int xr = xChannel;
                            int wr = wChannel;
                            for (int r = 0; r < rows; r++)
                            {
                                int d = wr - xr;
                                int end = xr + kxHi;
                                for (int i = xr + kxLo; i < end; i++)
                                {
                                    acc[i] += w[i + d] * eo;
                                }

                                xr += width;
                                wr += kernel;
                            }

                            xChannel += plane;
                            wChannel += kernelArea;
                        }
                    }
                }
            }

            Stats.Macs += _forwardMacs;
            Requantize(acc, inputs, Scale.Product(outputError.Scale, WeightScale), inputError, workspace);
            Stats.ErrorScale = inputError.Scale;
        }

        // Per filter: the gradient into the workspace's gradient row, then one update (or accumulation) call.
        private void UpdateWeights(Tensor8 input, Tensor8 outputError, Workspace workspace)
        {
            TrainingOptions options = workspace.Options;
            Scale gradientScale = Scale.Product(outputError.Scale, input.Scale);
            bool fused = workspace.Fused;
            bool tinTin = options.Mode == TrainingMode.TinTin;
            int mantissa = 0;
            int shift = 0;
            if (!fused)
            {
                FixedMultiplier a = UpdateMultiplier(gradientScale, options, true);
                mantissa = a.RightShift < -MaxAccumulateLeftShift ? 1 << FixedMultiplier.Bits : a.Mantissa;
                shift = a.RightShift < -MaxAccumulateLeftShift ? -MaxAccumulateLeftShift : (a.RightShift > MaxGradientShift ? MaxGradientShift : a.RightShift);
            }
            else if (tinTin)
            {
                FixedMultiplier m = LimitShift(UpdateMultiplier(gradientScale, options, false), MaxGradientShift);
                if (m.Mantissa == 0)
                {
                    return; // every update is below 2^-62 of a weight step
                }

                mantissa = m.Mantissa;
                shift = m.RightShift;
            }

            sbyte[] w = Weights;
            int[] g = workspace.Gradients;
            int filterSize = _channels * _kernel * _kernel;
            int mu = options.MuBits;
            uint random = workspace.Random.State;
            int clamped = 0;
            for (int f = 0; f < _filters; f++)
            {
                ComputeGradient(f, input.Data, outputError.Data, g);
                int start = f * filterSize;
                if (!fused)
                {
                    WeightUpdate.AccumulateGradients(Accumulators, start, g, 0, filterSize, mantissa, shift);
                }
                else if (tinTin)
                {
                    clamped += WeightUpdate.TinTinGradients(w, start, g, 0, filterSize, mantissa, shift, ref random);
                }
                else
                {
                    int nitiShift = NitiShift(Magnitude.MaxAbs(g, 0, filterSize), mu);
                    clamped += WeightUpdate.NitiGradients(w, start, g, 0, filterSize, nitiShift);
                }
            }

            workspace.Random.State = random;
            Stats.Macs += _forwardMacs;
            if (fused)
            {
                AfterUpdate(clamped, options);
            }
        }

        // G[c, ky, kx] = sum over output positions of e[f, oy, ox] * x[c, oy*s + ky - p, ox*s + kx - p].
        private void ComputeGradient(int f, sbyte[] x, sbyte[] e, int[] g)
        {
            int channels = _channels;
            int height = _height;
            int width = _width;
            int kernel = _kernel;
            int stride = _stride;
            int padding = _padding;
            int outHeight = _outHeight;
            int outWidth = _outWidth;
            int plane = height * width;
            int kernelArea = kernel * kernel;
            Array.Clear(g, 0, channels * kernelArea);
            int o = f * outHeight * outWidth;
            for (int oy = 0; oy < outHeight; oy++)
            {
                int top = oy * stride - padding;
                int kyLo = top < 0 ? -top : 0;
                int kyHi = height - top;
                if (kyHi > kernel)
                {
                    kyHi = kernel;
                }

                int rows = kyHi - kyLo;
                for (int ox = 0; ox < outWidth; ox++)
                {
                    int eo = e[o++];
                    if (eo == 0)
                    {
                        continue;
                    }

                    int left = ox * stride - padding;
                    int kxLo = left < 0 ? -left : 0;
                    int kxHi = width - left;
                    if (kxHi > kernel)
                    {
                        kxHi = kernel;
                    }

                    int xChannel = (top + kyLo) * width + left;
                    int gChannel = kyLo * kernel;
                    for (int c = 0; c < channels; c++)
                    {
                        int xr = xChannel;
                        int gr = gChannel;
                        for (int r = 0; r < rows; r++)
                        {
                            int d = gr - xr;
                            int end = xr + kxHi;
                            for (int i = xr + kxLo; i < end; i++)
                            {
                                g[i + d] += x[i] * eo;
                            }

                            xr += width;
                            gr += kernel;
                        }

                        xChannel += plane;
                        gChannel += kernelArea;
                    }
                }
            }
        }

        // Runs before the base constructor allocates anything, so a rejected layer costs nothing.
        private static LayerSpec CheckBounds(LayerSpec spec)
        {
            if (spec == null)
            {
                throw new ArgumentNullException(nameof(spec));
            }

            if (spec.Kind != LayerKind.Conv2D)
            {
                throw new ArgumentException("not a Conv2D description");
            }

            long kernelArea = (long)spec.Kernel * spec.Kernel;
            long fanIn = spec.Input.Channels * kernelArea;
            long fanOut = spec.Units * kernelArea;
            long positions = (long)spec.Output.Height * spec.Output.Width;
            if (fanIn * ProductBound >= BiasedAccumulatorBound)
            {
                throw new ArgumentException("Conv2D: channels x kernel x kernel = " + fanIn.ToString() + " products of 127 x 127 plus a bias could overflow int32 (at most " + ((BiasedAccumulatorBound - 1) / ProductBound).ToString() + ")");
            }

            if (fanOut * ProductBound >= AccumulatorBound)
            {
                throw new ArgumentException("Conv2D: filters x kernel x kernel = " + fanOut.ToString() + " products of 127 x 127 in an input error could overflow int32 (at most " + ((AccumulatorBound - 1) / ProductBound).ToString() + ")");
            }

            if (positions * ProductBound >= AccumulatorBound)
            {
                throw new ArgumentException("Conv2D: " + positions.ToString() + " output positions: a weight gradient summing 127 x 127 over them could overflow int32 (at most " + ((AccumulatorBound - 1) / ProductBound).ToString() + ")");
            }

            return spec;
        }
    }
}
