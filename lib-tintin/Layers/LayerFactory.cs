// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Training;

namespace TinTin.Layers
{
    /// <summary>Builds the layer for a description, and answers the memory questions the planner asks before any layer exists.</summary>
    internal static class LayerFactory
    {
        /// <summary>Creates the layer.</summary>
        /// <param name="spec">The layer description, shapes set.</param>
        /// <param name="batched">Whether mini-batch accumulators are needed.</param>
        /// <returns>The layer.</returns>
        public static Layer Create(LayerSpec spec, bool batched)
        {
            switch (spec.Kind)
            {
                case LayerKind.Dense:
                    return new Dense(spec, batched);
                case LayerKind.Conv2D:
                case LayerKind.Conv1D:
                    return new Convolution(spec, batched);
                case LayerKind.MaxPool2D:
                case LayerKind.MaxPool1D:
                    return new MaxPool(spec);
                case LayerKind.ReLU:
                    return new ReLU(spec);
                case LayerKind.Flatten:
                    return new Flatten(spec);
                default:
                    throw new NotSupportedException(LayerSpec.KindName(spec.Kind));
            }
        }

        /// <summary>Whether the layer writes its output over its input (so both share one buffer).</summary>
        /// <param name="kind">The layer kind.</param>
        /// <returns>True for ReLU and Flatten.</returns>
        public static bool IsInPlace(LayerKind kind)
        {
            return kind == LayerKind.ReLU || kind == LayerKind.Flatten;
        }

        /// <summary>
        /// Whether layer <paramref name="index"/> of a model writes its output into its input's buffer
        /// (no activation buffer of its own). In-place layers do, except a ReLU whose input is still the
        /// caller's sample (only in-place layers before it): it would overwrite the sample with zeros.
        /// </summary>
        /// <param name="spec">The model.</param>
        /// <param name="index">The layer.</param>
        /// <returns>True when the output shares the input's buffer.</returns>
        public static bool SharesInputBuffer(ModelSpec spec, int index)
        {
            LayerKind kind = spec[index].Kind;
            if (!IsInPlace(kind))
            {
                return false;
            }

            if (kind != LayerKind.ReLU)
            {
                return true; // Flatten only reinterprets the shape
            }

            for (int k = 0; k < index; k++)
            {
                if (!IsInPlace(spec[k].Kind))
                {
                    return true; // the input is an activation buffer of the model's own
                }
            }

            return false;
        }

        /// <summary>Bytes the layer keeps for backward besides its input (pooling: one window index per output).</summary>
        /// <param name="spec">The layer description.</param>
        /// <returns>The bytes.</returns>
        public static int KeptBytes(LayerSpec spec)
        {
            return spec.Kind == LayerKind.MaxPool2D || spec.Kind == LayerKind.MaxPool1D ? spec.Output.Size : 0;
        }

        /// <summary>
        /// Input channels a convolution visits in one backward pass: as many as one plane each of the
        /// shared accumulator row holds (at least one, at most all). Fewer passes cost less (each pass
        /// walks the output positions again); the row is sized by the layers' other needs first
        /// (<see cref="AccumulatorLength"/>), so this costs no memory there.
        /// </summary>
        /// <param name="spec">The convolution's description.</param>
        /// <param name="passRowLength">The row length the passes are planned on (<see cref="TinTin.Training.MemoryPlan.PassRowLength"/>).</param>
        /// <returns>The number of channels per pass.</returns>
        public static int ChannelsPerPass(LayerSpec spec, int passRowLength)
        {
            int channels = spec.Input.Channels;
            int fit = passRowLength / (spec.Input.Height * spec.Input.Width);
            return fit < 1 ? 1 : (fit > channels ? channels : fit);
        }

        /// <summary>
        /// Filters a convolution sums in one forward pass (lanes of one long, see
        /// <see cref="TinTin.Training.TrainingKernels.ConvForwardPacked"/>): as many as its kernel allows
        /// (<see cref="TinTin.Training.TrainingKernels.LaneLimit"/>) and, when whole output rows are summed,
        /// as the shared accumulator row holds; one without a packed-weight scratch of one kernel. When the
        /// row cannot hold two whole output rows, the filters are summed in segments of the positions
        /// (<see cref="SegmentLength"/>).
        /// </summary>
        /// <param name="spec">The convolution's description.</param>
        /// <param name="accumulatorLength">The length of the model's shared accumulator row.</param>
        /// <param name="packedLength">The length of the model's packed-weight scratch.</param>
        /// <returns>1, 2 or 3.</returns>
        public static int FiltersPerPass(LayerSpec spec, int accumulatorLength, int packedLength)
        {
            int limit = LaneLimit(spec);
            if (limit < 2 || packedLength < KernelArea(spec))
            {
                return 1;
            }

            int wholeRows = accumulatorLength / Positions(spec);
            if (wholeRows >= 2)
            {
                return wholeRows >= limit ? limit : wholeRows;
            }

            // In segments of at least one position each.
            return limit <= accumulatorLength ? limit : (accumulatorLength >= 2 ? accumulatorLength : 1);
        }

        /// <summary>
        /// Output positions a convolution sums per kernel call and requantizes as one row: all of them
        /// when the filters of a pass fit the accumulator row whole (the usual case, and the one the
        /// planner grows the row for within <see cref="PairRowBudget"/>); else the longest segment that
        /// splits each output row evenly enough for every lane to fit (cwru-cnn1d's first convolution:
        /// 512 positions, three filters per pass, in segments of 171 in a row grown to 513 ints,
        /// <see cref="SegmentRowLength"/>). A segment is requantized at its own step and aligned like a row,
        /// so more values are rounded twice; in exchange three filters are summed for about the cost of one.
        /// </summary>
        /// <param name="spec">The convolution's description.</param>
        /// <param name="accumulatorLength">The length of the model's shared accumulator row.</param>
        /// <param name="packedLength">The length of the model's packed-weight scratch.</param>
        /// <returns>The number of positions.</returns>
        public static int SegmentLength(LayerSpec spec, int accumulatorLength, int packedLength)
        {
            int positions = Positions(spec);
            int lanes = FiltersPerPass(spec, accumulatorLength, packedLength);
            if ((long)lanes * positions <= accumulatorLength)
            {
                return positions;
            }

            int segments = 2;
            while ((long)lanes * CeilingDivide(positions, segments) > accumulatorLength)
            {
                segments++;
            }

            return CeilingDivide(positions, segments);
        }

        /// <summary>
        /// The accumulator row a convolution whose filters do not fit the row whole asks the planner for, so
        /// that it is summed in as few segments as <see cref="PairRowBudget"/> allows: the shortest
        /// lanes x ceil(positions / n) over n = 1, 2, ... whose growth over the row the layers need costs at
        /// most 1/16 of the weight bytes (cwru-cnn1d's first convolution: 3 x 171 = 513 ints, one more than
        /// its 512-position row, for segments of 171 instead of 128); 0 when the row needs no growth or the
        /// layer sums one filter at a time.
        /// </summary>
        /// <param name="spec">The layer description.</param>
        /// <param name="passRowLength">The row the layers need (<see cref="TinTin.Training.MemoryPlan.PassRowLength"/>).</param>
        /// <param name="packedLength">The model's packed-weight scratch.</param>
        /// <param name="weightBytes">The model's weight bytes.</param>
        /// <returns>The number of ints, or 0.</returns>
        public static int SegmentRowLength(LayerSpec spec, int passRowLength, int packedLength, int weightBytes)
        {
            int lanes = LaneLimit(spec);
            if (lanes < 2 || packedLength < KernelArea(spec))
            {
                return 0;
            }

            int positions = Positions(spec);
            for (int segments = 1; segments <= positions; segments++)
            {
                long row = (long)lanes * CeilingDivide(positions, segments);
                if (row <= passRowLength)
                {
                    return 0;
                }

                if (WithinBudget(4 * (row - passRowLength), weightBytes))
                {
                    return (int)row;
                }
            }

            return 0;
        }

        /// <summary>
        /// Length of the packed-weight scratch (longs) a convolution needs to sum filters in lanes: the
        /// kernels of one backward pass's input channels (<see cref="ChannelsPerPass"/>); 0 for a single
        /// filter and for other layers. The planner grants it only within 1/<see cref="PairRowBudget"/> of
        /// the model's weight bytes (a toy network sums its filters one at a time).
        /// </summary>
        /// <param name="spec">The layer description.</param>
        /// <param name="passRowLength">The row length the backward passes are planned on.</param>
        /// <returns>The number of longs.</returns>
        public static int PackedWeightLength(LayerSpec spec, int passRowLength)
        {
            return LaneLimit(spec) < 2 ? 0 : ChannelsPerPass(spec, passRowLength) * KernelArea(spec);
        }

        /// <summary>
        /// The accumulator row a convolution needs to sum its filters in pairs over whole output rows: two
        /// output rows (0 for a single filter and for other layers). The planner lengthens the shared row
        /// to it only when the extra ints cost at most 1/<see cref="PairRowBudget"/> of the model's weight
        /// bytes: memory spent on speed stays small next to the parameters (LeNet-5's first convolution:
        /// 3,136 bytes against 62,414; cwru-cnn1d's would cost 2,048 against 6,480, and it sums its filters
        /// in segments instead, <see cref="SegmentLength"/>).
        /// </summary>
        /// <param name="spec">The layer description.</param>
        /// <returns>The number of ints.</returns>
        public static int PairRowLength(LayerSpec spec)
        {
            return IsConvolution(spec.Kind) && spec.Units >= 2 ? 2 * spec.Output.Height * spec.Output.Width : 0;
        }

        /// <summary>The bytes a layer's weights take: one per weight, or whole longs for Dense (<see cref="PackedDense"/>).</summary>
        /// <param name="spec">The layer description.</param>
        /// <returns>The bytes.</returns>
        public static int WeightStorageBytes(LayerSpec spec)
        {
            return spec.Kind == LayerKind.Dense ? 8 * PackedDense.Longs(spec.WeightCount) : spec.WeightCount;
        }

        /// <summary>
        /// The packed input (longs) a Dense layer sums two products per multiply from
        /// (<see cref="PackedDense.PackInput"/>): rows that start on a long only; 0 for other layers.
        /// The planner grants it within 1/<see cref="PairRowBudget"/> of the model's weight bytes.
        /// </summary>
        /// <param name="spec">The layer description.</param>
        /// <returns>The number of longs.</returns>
        public static int PackedInputLength(LayerSpec spec)
        {
            return spec.Kind == LayerKind.Dense ? PackedDense.PackedInputLength(spec.Input.Size) : 0;
        }

        /// <summary>The fraction of the weight bytes (1/16) the accumulator row may grow by so that convolutions sum filter pairs, and the packed weights may take.</summary>
        public const int PairRowBudget = 16;

        /// <summary>Whether scratch spent on speed stays within 1/<see cref="PairRowBudget"/> of the weight bytes.</summary>
        /// <param name="bytes">The scratch bytes (in long: a huge row must not overflow).</param>
        /// <param name="weightBytes">The model's weight bytes.</param>
        /// <returns>True when the planner may spend them.</returns>
        public static bool WithinBudget(long bytes, int weightBytes)
        {
            return bytes * PairRowBudget <= weightBytes;
        }

        /// <summary>
        /// Length of the int32 gradient row a layer needs: for a convolution, the kernels of one filter
        /// over the channels of one backward pass (<see cref="ChannelsPerPass"/>).
        /// </summary>
        /// <param name="spec">The layer description.</param>
        /// <param name="passRowLength">The row length the passes are planned on.</param>
        /// <returns>The number of ints.</returns>
        public static int GradientRowLength(LayerSpec spec, int passRowLength)
        {
            return IsConvolution(spec.Kind) ? ChannelsPerPass(spec, passRowLength) * KernelArea(spec) : 0;
        }

        /// <summary>
        /// Length of the int32 accumulator row a weighted layer needs at least: its output, and its input
        /// error unless it is the model's first layer (which computes none). A convolution needs only one
        /// row of each, one filter's output or one input channel's error, as it requantizes row by row.
        /// </summary>
        /// <param name="spec">The layer description.</param>
        /// <param name="first">Whether the layer is the model's first.</param>
        /// <returns>The number of ints (0 for a layer without weights).</returns>
        public static int AccumulatorLength(LayerSpec spec, bool first)
        {
            if (spec.WeightCount == 0)
            {
                return 0;
            }

            bool convolution = IsConvolution(spec.Kind);
            int output = convolution ? spec.Output.Height * spec.Output.Width : spec.Output.Size;
            int inputError = first ? 0 : (convolution ? spec.Input.Height * spec.Input.Width : spec.Input.Size);
            return output > inputError ? output : inputError;
        }

        /// <summary>
        /// Rows a convolution requantizes one at a time and then aligns: forward, each filter's output or
        /// each of its segments (<see cref="SegmentLength"/>); backward, the passes of input channels (at
        /// most one per channel). The workspace keeps one int per row for the layer that needs most.
        /// </summary>
        /// <param name="spec">The layer description.</param>
        /// <param name="accumulatorLength">The length of the model's shared accumulator row.</param>
        /// <param name="packedLength">The length of the model's packed-weight scratch.</param>
        /// <returns>The number of ints (0 for other layers).</returns>
        public static int RowCount(LayerSpec spec, int accumulatorLength, int packedLength)
        {
            if (!IsConvolution(spec.Kind))
            {
                return 0;
            }

            int forward = spec.Units * SegmentsPerRow(spec, accumulatorLength, packedLength);
            return forward > spec.Input.Channels ? forward : spec.Input.Channels;
        }

        /// <summary>How many segments each filter's output row is summed and requantized in (1: whole rows).</summary>
        /// <param name="spec">The convolution's description.</param>
        /// <param name="accumulatorLength">The length of the model's shared accumulator row.</param>
        /// <param name="packedLength">The length of the model's packed-weight scratch.</param>
        /// <returns>The number of segments.</returns>
        public static int SegmentsPerRow(LayerSpec spec, int accumulatorLength, int packedLength)
        {
            return CeilingDivide(Positions(spec), SegmentLength(spec, accumulatorLength, packedLength));
        }

        // The filters a convolution's kernel lets one long sum (1 for other layers).
        private static int LaneLimit(LayerSpec spec)
        {
            return IsConvolution(spec.Kind) ? TrainingKernels.LaneLimit(KernelArea(spec), spec.Units) : 1;
        }

        // A convolution's output positions per filter.
        private static int Positions(LayerSpec spec)
        {
            return spec.Output.Height * spec.Output.Width;
        }

        /// <summary>a / b rounded up, for a >= 1 (no overflow near int.MaxValue).</summary>
        /// <param name="a">The dividend, at least 1.</param>
        /// <param name="b">The divisor, at least 1.</param>
        /// <returns>The quotient rounded up.</returns>
        public static int CeilingDivide(int a, int b)
        {
            return ((a - 1) / b) + 1;
        }

        // A convolution's taps per filter and input channel (kernel height x kernel width).
        private static int KernelArea(LayerSpec spec)
        {
            return spec.WeightCount / (spec.Units * spec.Input.Channels);
        }

        private static bool IsConvolution(LayerKind kind)
        {
            return kind == LayerKind.Conv2D || kind == LayerKind.Conv1D;
        }
    }
}
