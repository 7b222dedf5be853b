// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Numerics;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Layers
{
    /// <summary>
    /// 1-D convolution with stride and zero padding: int8 input C x 1 x L (channels first, flat),
    /// int8 weights [filters][C][K], int32 accumulation per output element, optional int32
    /// biases per filter, then one rescale of the whole output (filters x 1 x Lout) to int8 with
    /// one scale.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The same algorithm as <see cref="Conv2D"/> with one spatial dimension (its own loops: one
    /// level less per output element). Padding is never materialised: for every output position
    /// the loops first compute the kernel taps that fall inside the input, so the innermost loop
    /// has no bounds check.
    /// </para>
    /// <para>
    /// Backward computes the error to the input (a scatter of W * e into int32) with the weights
    /// of the forward pass, then the weight gradient one filter at a time into the workspace's
    /// gradient row and applies it with one kernel call per filter. In NITI mode the update shift
    /// is chosen per filter from that filter's largest gradient; NITI's own rule is per layer,
    /// which would need the whole layer's gradient at once.
    /// </para>
    /// <para>
    /// int32 bounds, checked when the layer is built: C*K*127^2 &lt; 2^30 (forward sum plus a
    /// bias of up to 2^30), filters*K*127^2 &lt; 2^31 (input error), Lout*127^2 &lt; 2^31 (weight
    /// gradient).
    /// </para>
    /// </remarks>
    public sealed class Conv1D : WeightedLayer
    {
        private const long ProductBound = 127 * 127;
        private const long AccumulatorBound = 2147483648L; // 2^31
        private const long BiasedAccumulatorBound = 1073741824L; // 2^30: a bias of up to 2^30 is added

        // See Conv2D: a larger left shift would not fit a long, and 2^15 * 2^17 saturates the same accumulators.
        private const int MaxAccumulateLeftShift = 17;
        private const int MaxGradientShift = 62;

        private readonly int _channels;
        private readonly int _length;
        private readonly int _filters;
        private readonly int _kernel;
        private readonly int _stride;
        private readonly int _padding;
        private readonly int _outLength;
        private readonly long _forwardMacs;

        /// <summary>Creates the layer for a description.</summary>
        /// <param name="spec">A Conv1D description with its shapes set.</param>
        /// <param name="batched">Whether mini-batch accumulators are needed.</param>
        /// <exception cref="ArgumentException">The description is not a Conv1D, or one of its sums could overflow int32.</exception>
        public Conv1D(LayerSpec spec, bool batched)
            : base(CheckBounds(spec), batched)
        {
            _channels = spec.Input.Channels;
            _length = spec.Input.Width;
            _filters = spec.Units;
            _kernel = spec.Kernel;
            _stride = spec.Stride;
            _padding = spec.Padding;
            _outLength = spec.Output.Width;
            _forwardMacs = spec.ForwardMacs;
        }

        /// <inheritdoc/>
        public override int FanIn
        {
            get { return _channels * _kernel; }
        }

        /// <inheritdoc/>
        public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace)
        {
            int channels = _channels;
            int length = _length;
            int kernel = _kernel;
            int stride = _stride;
            int padding = _padding;
            int outLength = _outLength;
            int filters = _filters;
            int filterSize = channels * kernel;
            sbyte[] w = Weights;
            sbyte[] x = input.Data;
            int[] acc = workspace.Accumulators;
            int o = 0;
            for (int f = 0; f < filters; f++)
            {
                int filterStart = f * filterSize;
                for (int ox = 0; ox < outLength; ox++)
                {
                    // Input index under tap 0, and the taps that fall inside the input.
                    int left = ox * stride - padding;
                    int kLo = left < 0 ? -left : 0;
                    int kHi = length - left;
                    if (kHi > kernel)
                    {
                        kHi = kernel;
                    }

                    // d maps an input index of this window to the index of the weight it meets.
                    int d = filterStart - left;
                    int start = left + kLo;
                    int end = left + kHi;
                    int sum = 0;
                    for (int c = 0; c < channels; c++)
                    {
                        for (int i = start; i < end; i++)
                        {
                            sum += w[i + d] * x[i];
                        }

                        start += length;
                        end += length;
                        d += kernel - length;
                    }

                    acc[o++] = sum;
                }
            }

            Scale accScale = Scale.Product(input.Scale, WeightScale);
            AddBiases(acc, outLength, accScale);
            Stats.Macs += _forwardMacs;
            Requantize(acc, filters * outLength, accScale, output, workspace);
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
            UpdateBiases(outputError, _outLength, workspace);
        }

        // Transposed convolution: every output error scatters e * W over its input window.
        private void PropagateError(Tensor8 outputError, Tensor8 inputError, Workspace workspace)
        {
            int channels = _channels;
            int length = _length;
            int kernel = _kernel;
            int stride = _stride;
            int padding = _padding;
            int outLength = _outLength;
            int filters = _filters;
            int filterSize = channels * kernel;
            int inputs = channels * length;
            sbyte[] w = Weights;
            sbyte[] e = outputError.Data;
            int[] acc = workspace.Accumulators;
            Array.Clear(acc, 0, inputs);
            int o = 0;
            for (int f = 0; f < filters; f++)
            {
                int filterStart = f * filterSize;
                for (int ox = 0; ox < outLength; ox++)
                {
                    int eo = e[o++];
                    if (eo == 0)
                    {
                        continue; // common after ReLU
                    }

                    int left = ox * stride - padding;
                    int kLo = left < 0 ? -left : 0;
                    int kHi = length - left;
                    if (kHi > kernel)
                    {
                        kHi = kernel;
                    }

                    int d = filterStart - left;
                    int start = left + kLo;
                    int end = left + kHi;
                    for (int c = 0; c < channels; c++)
                    {
                        for (int i = start; i < end; i++)
                        {
                            acc[i] += w[i + d] * eo;
                        }

                        start += length;
                        end += length;
                        d += kernel - length;
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
            int filterSize = _channels * _kernel;
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

        // G[c, k] = sum over output positions of e[f, ox] * x[c, ox*s + k - p].
        private void ComputeGradient(int f, sbyte[] x, sbyte[] e, int[] g)
        {
            int channels = _channels;
            int length = _length;
            int kernel = _kernel;
            int stride = _stride;
            int padding = _padding;
            int outLength = _outLength;
            Array.Clear(g, 0, channels * kernel);
            int o = f * outLength;
            for (int ox = 0; ox < outLength; ox++)
            {
                int eo = e[o++];
                if (eo == 0)
                {
                    continue;
                }

                int left = ox * stride - padding;
                int kLo = left < 0 ? -left : 0;
                int kHi = length - left;
                if (kHi > kernel)
                {
                    kHi = kernel;
                }

                int d = -left;
                int start = left + kLo;
                int end = left + kHi;
                for (int c = 0; c < channels; c++)
                {
                    for (int i = start; i < end; i++)
                    {
                        g[i + d] += x[i] * eo;
                    }

                    start += length;
                    end += length;
                    d += kernel - length;
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

            if (spec.Kind != LayerKind.Conv1D)
            {
                throw new ArgumentException("not a Conv1D description");
            }

            long fanIn = (long)spec.Input.Channels * spec.Kernel;
            long fanOut = (long)spec.Units * spec.Kernel;
            long positions = spec.Output.Width;
            if (fanIn * ProductBound >= BiasedAccumulatorBound)
            {
                throw new ArgumentException("Conv1D: channels x kernel = " + fanIn.ToString() + " products of 127 x 127 plus a bias could overflow int32 (at most " + ((BiasedAccumulatorBound - 1) / ProductBound).ToString() + ")");
            }

            if (fanOut * ProductBound >= AccumulatorBound)
            {
                throw new ArgumentException("Conv1D: filters x kernel = " + fanOut.ToString() + " products of 127 x 127 in an input error could overflow int32 (at most " + ((AccumulatorBound - 1) / ProductBound).ToString() + ")");
            }

            if (positions * ProductBound >= AccumulatorBound)
            {
                throw new ArgumentException("Conv1D: " + positions.ToString() + " output positions: a weight gradient summing 127 x 127 over them could overflow int32 (at most " + ((AccumulatorBound - 1) / ProductBound).ToString() + ")");
            }

            return spec;
        }
    }
}
