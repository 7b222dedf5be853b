// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Numerics;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Layers
{
    /// <summary>
    /// Conv2D and Conv1D (<see cref="LayerKind"/>): int8 input C x H x W
    /// (channels first, flat), int8 weights [filters][C][KH][KW], int32 accumulation per output
    /// element, optional int32 biases per filter, then one rescale of the whole output
    /// (filters x Hout x Wout) to int8 with one scale. A 1-D convolution over C x 1 x L is the
    /// case KH = 1 with no vertical padding (the stride and padding along the length only; the weight
    /// layout [filters][C][K] is [filters][C][1][K]).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Padding is never materialised: for every output row and column the loops first compute
    /// the range of kernel rows and columns that fall inside the input, so the innermost loop
    /// has no bounds check. Per output position the loops run kernel rows outside and channels
    /// inside, so a one-row kernel pays for its row loop once per position, not once per channel.
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
    /// int32 bounds, checked when the layer is built (<see cref="OverflowBounds"/>): C*KH*KW*127^2
    /// &lt; 2^30 (a forward sum plus a bias clamped to 2^30), filters*KH*KW*127^2 &lt; 2^31 (an input
    /// error), Hout*Wout*127^2 &lt; 2^31 (a weight gradient).
    /// </para>
    /// </remarks>
    internal sealed class Convolution : WeightedLayer
    {
        // The largest left shift of the gradient accumulation: gradients below 2^31 times a
        // mantissa of at most 2^15, shifted by 17, still fit a long. A larger shift (a multiplier of
        // 2^18 or more, the mantissa being at least 2^14) saturates every accumulator a nonzero
        // gradient reaches, whatever it held; 2^15 * 2^17 = 2^32 does exactly the same.
        private const int MaxAccumulateLeftShift = 17;
        private const int MaxGradientShift = 62;

        private readonly int _inputs;
        private readonly int _filters;
        private readonly int _filterSize;
        private readonly int _positions;
        private readonly long _forwardMacs;
        private readonly int[] _geometry;

        /// <summary>Creates the layer for a description, after checking that none of its sums can overflow int32.</summary>
        /// <param name="spec">
        /// A description with its shapes set: <see cref="LayerKind.Conv2D"/>, a K x K kernel with the
        /// stride and padding in both directions, or <see cref="LayerKind.Conv1D"/>, a 1 x K kernel with
        /// the stride and padding along the width only.
        /// </param>
        /// <param name="batched">Whether mini-batch accumulators are needed.</param>
        /// <exception cref="ArgumentException">The description is not a convolution, or one of its sums could overflow int32.</exception>
        public Convolution(LayerSpec spec, bool batched)
            : base(CheckBounds(spec), batched)
        {
            bool square = spec.Kind == LayerKind.Conv2D;
            _inputs = spec.Input.Size;
            _filters = spec.Units;
            _filterSize = spec.WeightCount / spec.Units;
            _positions = spec.Output.Height * spec.Output.Width;
            _forwardMacs = spec.ForwardMacs;

            // The shape as the kernels take it (the kernels read it; the layer keeps only what it uses itself).
            _geometry = new int[]
            {
                spec.Input.Channels, spec.Input.Height, spec.Input.Width, spec.Units,
                square ? spec.Kernel : 1, spec.Kernel, square ? spec.Stride : 1, spec.Stride,
                square ? spec.Padding : 0, spec.Padding, spec.Output.Height, spec.Output.Width,
            };
        }

        /// <summary>
        /// Gets the layer's shape as the kernels take it: <see cref="TrainingKernels.GeometryLength"/> ints
        /// (channels, height, width, filters, kernel height, kernel width, stride y, stride x, padding y,
        /// padding x, out height, out width). The layer's own array: read it, do not change it.
        /// </summary>
        public int[] Geometry
        {
            get { return _geometry; }
        }

        /// <inheritdoc/>
        public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace)
        {
            int[] acc = workspace.Accumulators;
            sbyte[] x = input.Data;
            workspace.Kernels.ConvForward(_geometry, Weights, x, Magnitude.MostlyZeros(x, _inputs), acc);
            Scale accScale = Scale.Product(input.Scale, WeightScale);
            int positions = _positions;
            AddBiases(acc, positions, accScale);
            Stats.Macs += _forwardMacs;
            Requantize(acc, _filters * positions, accScale, output, workspace);
            Stats.OutputScale = output.Scale;
        }

        /// <inheritdoc/>
        public override void Backward(Tensor8 input, Tensor8 output, Tensor8 outputError, Tensor8 inputError, Workspace workspace)
        {
            // The error to the input needs the weights of the forward pass: it is computed in the same
            // pass as each filter's gradient, before that filter is updated, when the layer below drops
            // the error at zero inputs (then only nonzero inputs are visited); else in its own pass first.
            bool fuseError = inputError != null && ZeroInputsDropTheirError;
            if (inputError != null && !fuseError)
            {
                PropagateError(outputError, inputError, workspace);
            }

            int[] errorAcc = null;
            int inputs = _inputs;
            if (fuseError)
            {
                errorAcc = workspace.Accumulators;
                Array.Clear(errorAcc, 0, inputs);
            }

            // The error was summed with the weights as they were before this update, so it carries their
            // scale: AfterUpdate (called by UpdateWeights) may rescale the weights and change WeightScale.
            Scale errorScale = Scale.Product(outputError.Scale, WeightScale);
            UpdateWeights(input, outputError, errorAcc, workspace);
            if (fuseError)
            {
                Stats.Macs += _forwardMacs;
                Requantize(errorAcc, inputs, errorScale, inputError, workspace);
                Stats.ErrorScale = inputError.Scale;
            }

            UpdateBiases(outputError, _positions, workspace);
        }

        // Transposed convolution: every output error scatters e * W over its input window.
        private void PropagateError(Tensor8 outputError, Tensor8 inputError, Workspace workspace)
        {
            int inputs = _inputs;
            int[] acc = workspace.Accumulators;
            workspace.Kernels.ConvInputError(_geometry, Weights, outputError.Data, acc);
            Stats.Macs += _forwardMacs;
            Requantize(acc, inputs, Scale.Product(outputError.Scale, WeightScale), inputError, workspace);
            Stats.ErrorScale = inputError.Scale;
        }

        // Per filter: the gradient into the workspace's gradient row (and, with errorAcc, the filter's
        // share of the input error with its old weights), then one update (or accumulation) call.
        private void UpdateWeights(Tensor8 input, Tensor8 outputError, int[] errorAcc, Workspace workspace)
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
                if (m.Mantissa == 0 && errorAcc == null)
                {
                    return; // every update is below 2^-62 of a weight step
                }

                mantissa = m.Mantissa;
                shift = m.RightShift;
            }

            sbyte[] w = Weights;
            int[] g = workspace.Gradients;
            int[] geometry = _geometry;
            sbyte[] x = input.Data;
            sbyte[] e = outputError.Data;
            TrainingKernels kernels = workspace.Kernels;
            int filterSize = _filterSize;
            int mu = options.MuBits;
            uint random = workspace.Random.State;
            int clamped = 0;
            bool sparse = errorAcc != null || Magnitude.MostlyZeros(x, _inputs);
            for (int f = 0; f < _filters; f++)
            {
                // The gradient into the workspace's gradient row (and, with errorAcc, the filter's share
                // of the input error with its old weights), then one update (or accumulation) call.
                kernels.ConvGradient(geometry, f, w, x, e, g, sparse, errorAcc);
                int start = f * filterSize;
                if (mantissa == 0 && tinTin && fused)
                {
                    continue; // the error went down; the updates all round to 0
                }

                if (!fused)
                {
                    kernels.AccumulateGradients(Accumulators, start, g, 0, filterSize, mantissa, shift);
                }
                else if (tinTin)
                {
                    clamped += kernels.TinTinGradients(w, start, g, 0, filterSize, mantissa, shift, ref random);
                }
                else
                {
                    int nitiShift = NitiShift(Magnitude.MaxAbs(g, 0, filterSize), mu);
                    clamped += kernels.NitiGradients(w, start, g, 0, filterSize, nitiShift);
                }
            }

            workspace.Random.State = random;
            Stats.Macs += _forwardMacs;
            if (fused)
            {
                AfterUpdate(clamped, options);
            }
        }

        // Runs before the base constructor allocates anything, so a rejected layer costs nothing.
        private static LayerSpec CheckBounds(LayerSpec spec)
        {
            if (spec == null)
            {
                throw new ArgumentNullException(nameof(spec));
            }

            if (spec.Kind != LayerKind.Conv2D && spec.Kind != LayerKind.Conv1D)
            {
                throw new ArgumentException("not a Conv2D or Conv1D description");
            }

            OverflowBounds.Check(spec, LayerSpec.KindName(spec.Kind));
            return spec;
        }
    }
}
