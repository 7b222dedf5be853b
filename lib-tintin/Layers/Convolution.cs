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
    /// element, optional int32 biases per filter, then one int8 scale for the whole output
    /// (filters x Hout x Wout). A 1-D convolution over C x 1 x L is the case KH = 1 with no vertical
    /// padding (the stride and padding along the length only; the weight layout [filters][C][K] is
    /// [filters][C][1][K]).
    /// </summary>
    /// <remarks>
    /// <para>
    /// No int32 buffer holds a whole output or input error: each filter's output row (and, backward,
    /// each input channel's error row) is requantized to int8 at its own step as soon as it is
    /// summed, into one shared accumulator row (backward, a row is one pass of input channels). Once all
    /// rows are known, the tensor takes the step its
    /// largest accumulator asks for (the step a requantization of the whole tensor at once would
    /// take) and the other rows are re-expressed in it (<see cref="Requantizer.Align"/>): a second
    /// rounding on those rows, no state carried between samples, no recomputation. That keeps the
    /// scratch of LeNet-5's first layer at one 28 x 28 row instead of 6 (4.7 K ints).
    /// </para>
    /// <para>
    /// Forward sums two or three filters at once (<see cref="LayerFactory.FiltersPerPass"/>): the kernel
    /// packs the filters' weights of a tap into one long and gets every int32 sum from one multiply-add
    /// (<see cref="TrainingKernels.ConvForwardPacked"/>), with the bias added and each row's largest
    /// magnitude taken on the way; each row is then requantized as above. The same sums, so the same bits,
    /// at about a third of the interpreter cost of three filters one after the other. Where the shared row
    /// cannot hold the filters' whole output rows side by side (cwru-cnn1d's first convolution), they are
    /// summed in segments of their rows (<see cref="LayerFactory.SegmentLength"/>), and each segment is
    /// requantized and aligned like a row.
    /// </para>
    /// <para>
    /// Padding is never materialised: for every output row and column the loops first compute
    /// the range of kernel rows and columns that fall inside the input, so the innermost loop
    /// has no bounds check. Per output position the loops run kernel rows outside and channels
    /// inside, so a one-row kernel pays for its row loop once per position, not once per channel.
    /// </para>
    /// <para>
    /// Backward visits the input channels in passes of as many channels as the shared accumulator row
    /// holds (<see cref="LayerFactory.ChannelsPerPass"/>: 4 on LeNet-5 and cwru-cnn1d), and in each pass
    /// every filter: the weight gradient of that filter over the pass's channels into the workspace's
    /// gradient row (no gradient buffer for the whole layer), applied with one kernel call, and, when
    /// the layer below drops the error at zero inputs, those weights' share of the pass's input error in
    /// the same loop, before they are updated; the pass's error is then requantized as one row. Otherwise
    /// the input error is computed in its own passes first (the transposed convolution). In NITI mode
    /// the update shift is chosen per filter and pass from those gradients; NITI's own rule is per
    /// layer, which would need the whole layer's gradient at once.
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

        // The bits of a packed step (PackStep) that say how it scales, without its largest result.
        private const int FactorsAndShift = ~(127 << 4);

        private readonly int _inputs;
        private readonly int _channels;
        private readonly int _plane;
        private readonly int _filters;
        private readonly int _kernelArea;
        private readonly int _positions;
        private readonly long _forwardMacs;
        private readonly int[] _geometry;

        // The step each row (a filter's output or a segment of it, a pass's input error) was requantized
        // with, packed (PackStep), until the rows are aligned: choosing it again would cost more than the
        // row. The workspace's, set by Forward, PropagateError and UpdateWeights before they requantize rows.
        private int[] _rowSteps;

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
            _channels = spec.Input.Channels;
            _plane = spec.Input.Height * spec.Input.Width;
            _kernelArea = spec.WeightCount / (spec.Units * spec.Input.Channels);
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
            sbyte[] y = output.Data;
            bool sparse = Magnitude.MostlyZeros(x, _inputs);
            bool compound = workspace.Options.Mode == TrainingMode.TinTin;
            Scale accScale = Scale.Product(input.Scale, WeightScale);
            int[] b = Biases;
            FixedMultiplier toAccumulator = b != null ? FixedMultiplier.Ratio(BiasScale, accScale) : default(FixedMultiplier);
            TrainingKernels kernels = workspace.Kernels;
            int positions = _positions;
            long[] packed = workspace.PackedWeights;
            int lanes = LayerFactory.FiltersPerPass(Spec, acc.Length, packed.Length);
            int segment = LayerFactory.SegmentLength(Spec, acc.Length, packed.Length);
            int segments = LayerFactory.CeilingDivide(positions, segment);
            _rowSteps = workspace.RowSteps;
            int[] biases = workspace.LaneBiases;
            int[] maxima = workspace.LaneMaxima;
            int max = 0;
            for (int f = 0; f < _filters; f += lanes)
            {
                int count = _filters - f < lanes ? _filters - f : lanes;
                int row = f * segments;
                if (count == 1)
                {
                    // A lone filter's row is whole in acc; its segments, if any, requantized one by one.
                    int rowMax = kernels.ConvForward(_geometry, f, Weights, x, sparse, FilterBias(f, toAccumulator), acc);
                    for (int start = 0; start < positions; start += segment)
                    {
                        int length = positions - start < segment ? positions - start : segment;
                        int segmentMax = segment == positions ? rowMax : Magnitude.MaxAbs(acc, start, length);
                        max = RequantizeRow(acc, start, segmentMax, row++, (f * positions) + start, length, max, compound, y);
                    }

                    continue;
                }

                for (int lane = 0; lane < count; lane++)
                {
                    biases[lane] = FilterBias(f + lane, toAccumulator);
                }

                for (int start = 0; start < positions; start += segment)
                {
                    // The filters' segments lie one after another in acc.
                    int length = positions - start < segment ? positions - start : segment;
                    kernels.ConvForwardPacked(_geometry, f, count, Weights, x, sparse, biases, acc, packed, start, length, maxima);
                    for (int lane = 0; lane < count; lane++)
                    {
                        int filter = f + lane;
                        max = RequantizeRow(acc, lane * length, maxima[lane], (filter * segments) + (start / segment), (filter * positions) + start, length, max, compound, y);
                    }
                }
            }

            Stats.Macs += _forwardMacs;
            AlignRows(segment, positions, _filters * positions, max, compound, accScale, output);
            Stats.OutputScale = output.Scale;
        }

        /// <inheritdoc/>
        public override void Backward(Tensor8 input, Tensor8 output, Tensor8 outputError, Tensor8 inputError, Workspace workspace)
        {
            // The error to the input needs the weights of the forward pass: it is computed in the same
            // loop as the gradients, each filter's share before those weights are updated, when the layer
            // below drops the error at zero inputs (then only nonzero inputs are visited); else in its own
            // passes first.
            bool fuseError = inputError != null && ZeroInputsDropTheirError;
            int perPass = LayerFactory.ChannelsPerPass(Spec, workspace.PassRowLength);
            if (inputError != null && !fuseError)
            {
                PropagateError(outputError, inputError, perPass, workspace);
            }

            // The error was summed with the weights as they were before this update, so it carries their
            // scale: AfterUpdate (called by UpdateWeights) may rescale the weights and change WeightScale.
            Scale errorScale = Scale.Product(outputError.Scale, WeightScale);
            int errorMax = UpdateWeights(input, outputError, fuseError ? inputError : null, perPass, workspace);
            if (fuseError)
            {
                Stats.Macs += _forwardMacs;
                AlignRows(perPass * _plane, perPass * _plane, _inputs, errorMax, workspace.Options.Mode == TrainingMode.TinTin, errorScale, inputError);
                Stats.ErrorScale = inputError.Scale;
            }

            UpdateBiases(outputError, _positions, workspace);
        }

        // Transposed convolution, perPass input channels at a time: every output error scatters e * W over
        // its input window; each pass's row is requantized at its own step, then all are aligned.
        private void PropagateError(Tensor8 outputError, Tensor8 inputError, int perPass, Workspace workspace)
        {
            int[] acc = workspace.Accumulators;
            bool compound = workspace.Options.Mode == TrainingMode.TinTin;
            int plane = _plane;
            int max = 0;
            _rowSteps = workspace.RowSteps;
            for (int c = 0; c < _channels; c += perPass)
            {
                int count = _channels - c < perPass ? _channels - c : perPass;
                workspace.Kernels.ConvInputError(_geometry, c, count, Weights, outputError.Data, acc);
                max = RequantizeRow(acc, 0, Magnitude.MaxAbs(acc, 0, count * plane), c / perPass, c * plane, count * plane, max, compound, inputError.Data);
            }

            Stats.Macs += _forwardMacs;
            AlignRows(perPass * plane, perPass * plane, _inputs, max, compound, Scale.Product(outputError.Scale, WeightScale), inputError);
            Stats.ErrorScale = inputError.Scale;
        }

        // Channels outside (perPass at a time), filters inside: one filter's gradient over the pass's
        // channels into the workspace's gradient row, then one update (or accumulation) call for those
        // weights; with inputError, the pass's input error is summed with the old weights of all filters
        // in the same loop and requantized at its own step before the next pass reuses the row. Returns
        // the largest input error accumulator (0 without inputError).
        private int UpdateWeights(Tensor8 input, Tensor8 outputError, Tensor8 inputError, int perPass, Workspace workspace)
        {
            TrainingOptions options = workspace.Options;
            Scale gradientScale = Scale.Product(outputError.Scale, input.Scale);
            _rowSteps = workspace.RowSteps;
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
                if (m.Mantissa == 0 && inputError == null)
                {
                    return 0; // every update is below 2^-62 of a weight step
                }

                mantissa = m.Mantissa;
                shift = m.RightShift;
            }

            sbyte[] w = Weights;
            int[] g = workspace.Gradients;
            int[] errorAcc = inputError != null ? workspace.Accumulators : null;
            int[] geometry = _geometry;
            sbyte[] x = input.Data;
            sbyte[] e = outputError.Data;
            TrainingKernels kernels = workspace.Kernels;
            int kernelArea = _kernelArea;
            int channels = _channels;
            int filterSize = channels * kernelArea;
            int plane = _plane;
            int mu = options.MuBits;
            bool skipUpdates = mantissa == 0 && tinTin && fused; // the error still goes down; the updates all round to 0
            uint random = workspace.Random.State;
            int clamped = 0;
            int errorMax = 0;
            bool sparse = errorAcc != null || Magnitude.MostlyZeros(x, _inputs);
            for (int c = 0; c < channels; c += perPass)
            {
                int count = channels - c < perPass ? channels - c : perPass;
                int length = count * kernelArea;
                if (errorAcc != null)
                {
                    Array.Clear(errorAcc, 0, count * plane);
                }

                for (int f = 0; f < _filters; f++)
                {
                    kernels.ConvGradient(geometry, f, c, count, w, x, e, g, sparse, errorAcc);
                    if (skipUpdates)
                    {
                        continue;
                    }

                    int start = (f * filterSize) + (c * kernelArea);
                    if (!fused)
                    {
                        kernels.AccumulateGradients(Accumulators, start, g, 0, length, mantissa, shift);
                    }
                    else if (tinTin)
                    {
                        clamped += kernels.TinTinGradients(w, start, g, 0, length, mantissa, shift, ref random);
                    }
                    else
                    {
                        int nitiShift = NitiShift(Magnitude.MaxAbs(g, 0, length), mu);
                        clamped += kernels.NitiGradients(w, start, g, 0, length, nitiShift);
                    }
                }

                if (errorAcc != null)
                {
                    errorMax = RequantizeRow(errorAcc, 0, Magnitude.MaxAbs(errorAcc, 0, count * plane), c / perPass, c * plane, count * plane, errorMax, tinTin, inputError.Data);
                }
            }

            workspace.Random.State = random;
            Stats.Macs += _forwardMacs;
            if (fused)
            {
                AfterUpdate(clamped, workspace);
            }

            return errorMax;
        }

        // A filter's bias in the accumulators' scale (0 without biases).
        private int FilterBias(int filter, FixedMultiplier toAccumulator)
        {
            int[] b = Biases;
            return b == null ? 0 : BiasContribution(b[filter], toAccumulator);
        }

        // Requantizes `count` accumulators from acc[accStart], whose largest magnitude is rowMax, row `row` of
        // the tensor, into destination at `offset` at their own step, remembers the step for AlignRows and
        // returns the running largest accumulator.
        private int RequantizeRow(int[] acc, int accStart, int rowMax, int row, int offset, int count, int max, bool compound, sbyte[] destination)
        {
            RescaleStep step = default(RescaleStep);
            Requantizer.Choose(rowMax, compound, ref step);
            Requantizer.Apply(acc, accStart, destination, offset, count, step);
            _rowSteps[row] = PackStep(step);
            return rowMax > max ? rowMax : max;
        }

        // The tensor (length values in rows of rowLength, the last one possibly shorter, each in segments of
        // segmentLength, the last one possibly shorter) takes the step its largest accumulator asks for,
        // exactly as if it had been requantized at once; each segment, requantized at its own (finer or
        // equal) step, is re-expressed in it. The segment that holds the largest accumulator has that very
        // step and is left as it is.
        private void AlignRows(int segmentLength, int rowLength, int length, int max, bool compound, Scale accScale, Tensor8 result)
        {
            RescaleStep tensorStep = default(RescaleStep);
            Requantizer.Choose(max, compound, ref tensorStep);
            int tensorPacked = PackStep(tensorStep) & FactorsAndShift;
            RescaleStep rowStep = default(RescaleStep);
            sbyte[] data = result.Data;
            int resultMax = tensorStep.ResultMaxAbs;
            int row = 0;
            for (int rowStart = 0; rowStart < length; rowStart += rowLength)
            {
                int rowEnd = length - rowStart < rowLength ? length : rowStart + rowLength;
                for (int start = rowStart; start < rowEnd; start += segmentLength)
                {
                    int packed = _rowSteps[row++];
                    if ((packed & FactorsAndShift) == tensorPacked || packed == 0)
                    {
                        continue; // already in the tensor's step (at least the segment of the largest accumulator), or all zeros
                    }

                    UnpackStep(packed, ref rowStep);
                    int count = rowEnd - start < segmentLength ? rowEnd - start : segmentLength;
                    int aligned = Requantizer.Align(data, start, count, rowStep, tensorStep);
                    resultMax = aligned > resultMax ? aligned : resultMax;
                }
            }

            result.Length = length;
            result.Scale = Requantizer.OutputScale(accScale, tensorStep);
            result.MaxAbs = resultMax;
            if (tensorStep.Up + tensorStep.Down > 0)
            {
                Stats.CompoundRescales++;
            }
        }

        // A step in one int: the shift (|shift| < 128), the largest result (0..127) and the two factor
        // counts (0..2); 0 only for a row of zeros (largest result 0), which needs no alignment.
        private static int PackStep(RescaleStep step)
        {
            return step.ResultMaxAbs == 0 ? 0 : ((step.Shift + 128) << 11) | (step.ResultMaxAbs << 4) | (step.Up << 2) | step.Down;
        }

        private static void UnpackStep(int packed, ref RescaleStep step)
        {
            step.Shift = (packed >> 11) - 128;
            step.ResultMaxAbs = (packed >> 4) & 127;
            step.Up = (packed >> 2) & 3;
            step.Down = packed & 3;
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
