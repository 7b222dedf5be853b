// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Scaling;

namespace TinTin.Training
{
    /// <summary>
    /// The seam between lib-tintin's layers and their hot loops: one method per multiply-accumulate,
    /// update or rescale pass, called once per layer (or once per convolution filter), never per
    /// element. <see cref="ManagedKernels"/> is the default and the bit-exact reference; a native engine
    /// derives from it and overrides the kernels it has (TinTin.Engine.Native's
    /// <c>NativeTrainingKernels</c> on a custom firmware, the host's shared library in
    /// <c>tintin bench --engine native</c>). Every implementation must give the managed results bit for
    /// bit: the same weights, counters, PRNG states and losses.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The signatures are those of the C kernels (lib-tintin/native, docs/native-kernels.md): whole
    /// arrays from index 0 plus sizes, flags as bool, a convolution's shape as the 12-int geometry
    /// array (<see cref="GeometryLength"/>), the PRNG state as <c>ref uint</c>. The layers keep the
    /// scale bookkeeping (multipliers, shifts, output scales, statistics): per-tensor scalar work.
    /// </para>
    /// <para>
    /// An abstract class rather than an interface: nanoFramework 1.x has both, and a virtual call
    /// costs the same, but a class lets <see cref="ManagedKernels"/> supply every kernel a native
    /// engine lacks (the interop assembly declares ten native methods, the seam has thirteen kernels).
    /// </para>
    /// <para>
    /// The class is public so that an app can hand an engine to <see cref="Model.Kernels"/>; its
    /// members are internal, so only the assemblies lib-tintin names in InternalsVisibleTo
    /// (TinTin.Engine.Native, the host's native engine, the tests) implement or call them.
    /// </para>
    /// </remarks>
    public abstract class TrainingKernels
    {
        /// <summary>Ints in a convolution geometry: channels, height, width, filters, kernel height, kernel width, stride y, stride x, padding y, padding x, out height, out width (tt_conv_geometry's order).</summary>
        internal const int GeometryLength = 12;

        /// <summary>
        /// A Dense layer's forward sums: <c>acc[o] = (hasBias ? acc[o] : 0) + sum_i weights[o * inputs + i] * input[i]</c>
        /// for o &lt; outputs (int32, wrapping). <paramref name="packedInput"/> only says which loop is
        /// faster; the sums are the same.
        /// </summary>
        /// <param name="weights">The weights, [outputs x inputs] row-major, eight to a long (<see cref="PackedDense"/>).</param>
        /// <param name="input">The input, int8.</param>
        /// <param name="packedInput">Scratch of <see cref="PackedDense.PackedInputLength"/>(inputs) longs for <see cref="PackedDense.Forward"/>, or null.</param>
        /// <param name="inputs">Inputs per row.</param>
        /// <param name="outputs">Rows.</param>
        /// <param name="hasBias">Whether acc already holds the biases in the accumulators' scale.</param>
        /// <param name="acc">The accumulators, one per output.</param>
        /// <returns>The largest |acc[o]|.</returns>
        internal abstract int DenseForward(long[] weights, sbyte[] input, long[] packedInput, int inputs, int outputs, bool hasBias, int[] acc);

        /// <summary>A Dense layer's error to its input in its own pass: clears acc[0 .. inputs), then adds <c>weights[o, i] * errors[o]</c> for every row with a nonzero error.</summary>
        /// <param name="weights">The weights of the forward pass, eight to a long.</param>
        /// <param name="errors">The output error, int8.</param>
        /// <param name="inputs">Inputs per row.</param>
        /// <param name="outputs">Rows.</param>
        /// <param name="acc">Receives the input error, int32.</param>
        internal abstract void DenseInputError(long[] weights, sbyte[] errors, int inputs, int outputs, int[] acc);

        /// <summary>
        /// A Dense layer's Tin-Tin update at batch size 1: for every row o with errors[o] != 0, one
        /// xorshift32 step of <paramref name="random"/> as the row's dither, then
        /// <see cref="RowUpdate.TinTin"/> (or <see cref="RowUpdate.TinTinPropagating"/> into
        /// <paramref name="inputError"/> when it is not null).
        /// </summary>
        /// <param name="weights">The weights, eight to a long, updated.</param>
        /// <param name="errors">The output error, int8.</param>
        /// <param name="input">The layer's input.</param>
        /// <param name="inputs">Inputs per row.</param>
        /// <param name="outputs">Rows.</param>
        /// <param name="mantissa">The multiplier mantissa (below 2^15).</param>
        /// <param name="shift">The multiplier shift, 0..30.</param>
        /// <param name="random">The model's xorshift32 state, advanced once per row with a nonzero error.</param>
        /// <param name="inputError">The input error accumulators (added to, at nonzero inputs), or null.</param>
        /// <returns>The weights clamped.</returns>
        internal abstract int DenseUpdateRowsTinTin(long[] weights, sbyte[] errors, sbyte[] input, int inputs, int outputs, int mantissa, int shift, ref uint random, int[] inputError);

        /// <summary>A Dense layer's NITI update at batch size 1: <see cref="RowUpdate.NitiPropagating"/> for every row with a nonzero error.</summary>
        /// <param name="weights">The weights, eight to a long, updated.</param>
        /// <param name="errors">The output error, int8.</param>
        /// <param name="input">The layer's input.</param>
        /// <param name="inputs">Inputs per row.</param>
        /// <param name="outputs">Rows.</param>
        /// <param name="shift">NITI's shift, 0..30.</param>
        /// <param name="inputError">The input error accumulators (added to, at nonzero inputs), or null.</param>
        /// <returns>The weights clamped.</returns>
        internal abstract int DenseUpdateRowsNiti(long[] weights, sbyte[] errors, sbyte[] input, int inputs, int outputs, int shift, int[] inputError);

        /// <summary>A Dense layer's mini-batch gradient: <see cref="WeightUpdate.AccumulateRow"/> for every row.</summary>
        /// <param name="accumulators">The layer's gradient accumulators, [outputs x inputs].</param>
        /// <param name="errors">The output error, int8.</param>
        /// <param name="input">The layer's input.</param>
        /// <param name="inputs">Inputs per row.</param>
        /// <param name="outputs">Rows.</param>
        /// <param name="mantissa">The multiplier mantissa.</param>
        /// <param name="shift">The multiplier shift (negative: left).</param>
        internal abstract void DenseAccumulateRows(int[] accumulators, sbyte[] errors, sbyte[] input, int inputs, int outputs, int mantissa, int shift);

        /// <summary>
        /// One filter's forward sums plus its bias into acc[0 .. out height x out width) (the layer
        /// requantizes each filter's row as it is computed, so no int32 buffer holds the whole output), and
        /// their largest magnitude, which the requantization needs. <paramref name="sparse"/> picks a loop;
        /// the sums are the same.
        /// </summary>
        /// <param name="geometry">The layer's geometry (<see cref="GeometryLength"/> ints).</param>
        /// <param name="filter">The filter.</param>
        /// <param name="weights">The weights, [filters][channels][kernel height][kernel width].</param>
        /// <param name="input">The input, channels x height x width.</param>
        /// <param name="sparse">Whether most inputs are 0.</param>
        /// <param name="bias">The filter's bias in the accumulators' scale, |bias| at most 2^30 (0: none).</param>
        /// <param name="acc">Receives the sums.</param>
        /// <returns>The largest |acc| of the row.</returns>
        internal abstract int ConvForward(int[] geometry, int filter, sbyte[] weights, sbyte[] input, bool sparse, int bias, int[] acc);

        /// <summary>
        /// Forward sums plus biases of <paramref name="lanes"/> consecutive filters at once over the output
        /// positions start .. start + count (flat, row by row): filter <paramref name="filter"/> + l into
        /// acc[l x count .. (l + 1) x count), the largest magnitude of those into maxima[l]. The same values
        /// as <see cref="ConvForward"/> gives for those filters and positions. The managed engine packs the
        /// filters' weights of a block of input channels into <paramref name="packed"/> (one long per tap,
        /// the first filter's weight in the lowest lane) and gets every sum from one multiply-add per tap; an
        /// engine without that trick may ignore it.
        /// </summary>
        /// <param name="geometry">The layer's geometry (<see cref="GeometryLength"/> ints).</param>
        /// <param name="filter">The first of the filters.</param>
        /// <param name="lanes">How many filters: 2, or 3 when one channel's kernel has fewer than <see cref="ThreeLaneTaps"/> taps (<see cref="LaneLimit"/>).</param>
        /// <param name="weights">The weights, [filters][channels][kernel height][kernel width].</param>
        /// <param name="input">The input, channels x height x width.</param>
        /// <param name="sparse">Whether most inputs are 0.</param>
        /// <param name="biases">biases[l]: filter + l's bias in the accumulators' scale, |bias| at most 2^30.</param>
        /// <param name="acc">Receives the rows of sums, lanes x count ints.</param>
        /// <param name="packed">Scratch of at least one kernel (kernel height x kernel width longs); the
        /// channels are visited in blocks of as many kernels as it holds (<see cref="ChannelBlock"/>).</param>
        /// <param name="start">The first output position.</param>
        /// <param name="count">How many positions.</param>
        /// <param name="maxima">Receives maxima[l], the largest |acc| of lane l.</param>
        /// <exception cref="ArgumentException">Too many lanes for the kernel or the filters, too short a packed scratch, or positions outside the output.</exception>
        internal abstract void ConvForwardPacked(int[] geometry, int filter, int lanes, sbyte[] weights, sbyte[] input, bool sparse, int[] biases, int[] acc, long[] packed, int start, int count, int[] maxima);

        /// <summary>The most filters <see cref="ConvForwardPacked"/> sums at once: the length of its biases and maxima.</summary>
        internal const int MaxLanes = 3;

        /// <summary>
        /// Adds a bias to acc[start .. start + count) and returns their largest magnitude: what
        /// <see cref="ConvForward"/> and <see cref="ConvForwardPacked"/> do after the sums in an engine
        /// whose filter kernel sums only.
        /// </summary>
        /// <param name="acc">The sums.</param>
        /// <param name="start">The first.</param>
        /// <param name="count">How many.</param>
        /// <param name="bias">The bias (|bias| at most 2^30; the sums stay below 2^30).</param>
        /// <returns>The largest |acc[i]| after the addition.</returns>
        internal static int AddBias(int[] acc, int start, int count, int bias)
        {
            int max = 0;
            int end = start + count;
            for (int i = start; i < end; i++)
            {
                int v = acc[i] + bias;
                acc[i] = v;
                if (v < 0)
                {
                    v = -v;
                }

                if (v > max)
                {
                    max = v;
                }
            }

            return max;
        }

        /// <summary>
        /// A block of input channels with fewer taps (channels x kernel area) than this has sums below 2^20
        /// (63 x 2^14), so three filters' sums over it fit one long 21 bits apart.
        /// </summary>
        internal const int ThreeLaneTaps = 64;

        /// <summary>Bits between two of three lanes.</summary>
        internal const int ThreeLaneShift = 21;

        /// <summary>The shift pair (left, then arithmetic right) that sign-extends a lane's low 21 bits.</summary>
        internal const int ThreeLaneSignShift = 64 - ThreeLaneShift;

        /// <summary>
        /// How many filters <see cref="ConvForwardPacked"/> can sum at once: 3 for a kernel (per input
        /// channel) of fewer than <see cref="ThreeLaneTaps"/> taps, summed in blocks of channels that stay
        /// below that; else 2. Never more than the filters.
        /// </summary>
        /// <param name="kernelArea">Taps of one filter over one input channel: kernel height x kernel width.</param>
        /// <param name="filters">The layer's filters.</param>
        /// <returns>The most lanes (1 for a single filter).</returns>
        internal static int LaneLimit(int kernelArea, int filters)
        {
            int lanes = kernelArea < ThreeLaneTaps ? 3 : 2;
            return lanes < filters ? lanes : filters;
        }

        /// <summary>Input channels <see cref="ConvForwardPacked"/> sums per extraction of its lanes.</summary>
        /// <param name="lanes">The filters summed at once.</param>
        /// <param name="kernelArea">Kernel height x kernel width.</param>
        /// <param name="packedLength">Length of the packed-weight scratch.</param>
        /// <returns>The channels of one block (0 when the scratch does not hold one kernel).</returns>
        internal static int ChannelBlock(int lanes, int kernelArea, int packedLength)
        {
            int block = packedLength / kernelArea;
            int limit = (ThreeLaneTaps - 1) / kernelArea;
            return lanes == 3 && block > limit ? limit : block;
        }

        /// <summary>Checks the arguments of <see cref="ConvForwardPacked"/> that its loops rely on.</summary>
        /// <param name="geometry">The layer's geometry.</param>
        /// <param name="filter">The first filter.</param>
        /// <param name="lanes">The filters summed at once.</param>
        /// <param name="block">Kernels the packed scratch holds.</param>
        /// <param name="start">The first output position.</param>
        /// <param name="count">How many positions.</param>
        /// <exception cref="ArgumentException">When one of them is out of range.</exception>
        internal static void CheckPacked(int[] geometry, int filter, int lanes, int block, int start, int count)
        {
            if (lanes < 2 || lanes > LaneLimit(geometry[4] * geometry[5], geometry[3]) || filter < 0 || filter + lanes > geometry[3])
            {
                throw new ArgumentException("lanes out of range for this kernel");
            }

            if (block < 1)
            {
                throw new ArgumentException("the packed weights must hold one kernel");
            }

            if (start < 0 || count < 1 || start + count > geometry[10] * geometry[11])
            {
                throw new ArgumentException("positions outside the output");
            }
        }

        /// <summary>
        /// The input error of consecutive input channels in its own pass (the transposed convolution
        /// restricted to them): clears acc[0 .. count x height x width), then scatters <c>e * W</c> of every
        /// filter; acc is indexed from the first channel's plane.
        /// </summary>
        /// <param name="geometry">The layer's geometry.</param>
        /// <param name="firstChannel">The first input channel.</param>
        /// <param name="channelCount">How many channels.</param>
        /// <param name="weights">The weights of the forward pass, eight to a long.</param>
        /// <param name="errors">The output error, int8.</param>
        /// <param name="acc">Receives the channels' input error, int32.</param>
        internal abstract void ConvInputError(int[] geometry, int firstChannel, int channelCount, sbyte[] weights, sbyte[] errors, int[] acc);

        /// <summary>
        /// The weight gradient of one filter over consecutive input channels into gradient[0 .. count x
        /// kernel area) (the weights' layout), cleared first; with <paramref name="errorAcc"/> not null
        /// (then only nonzero inputs are visited), also adds those kernels' old weights times the filter's
        /// error to errorAcc[0 .. count x height x width), the channels' input error, at the nonzero inputs.
        /// </summary>
        /// <param name="geometry">The layer's geometry.</param>
        /// <param name="filter">The filter.</param>
        /// <param name="firstChannel">The first input channel.</param>
        /// <param name="channelCount">How many channels.</param>
        /// <param name="weights">The weights (read for the fused error only).</param>
        /// <param name="input">The layer's input.</param>
        /// <param name="errors">The output error, int8.</param>
        /// <param name="gradient">Receives the gradient.</param>
        /// <param name="sparse">Whether to skip zero inputs (the same sums).</param>
        /// <param name="errorAcc">The channels' input error accumulators, or null.</param>
        internal abstract void ConvGradient(int[] geometry, int filter, int firstChannel, int channelCount, sbyte[] weights, sbyte[] input, sbyte[] errors, int[] gradient, bool sparse, int[] errorAcc);

        /// <summary>Applies a gradient array in Tin-Tin mode: <see cref="WeightUpdate.TinTinGradients"/>.</summary>
        /// <param name="weights">The weights, updated.</param>
        /// <param name="weightOffset">The first weight.</param>
        /// <param name="gradients">The gradients.</param>
        /// <param name="gradientOffset">The first gradient.</param>
        /// <param name="count">How many.</param>
        /// <param name="mantissa">The multiplier mantissa.</param>
        /// <param name="shift">The multiplier shift, 0..62.</param>
        /// <param name="random">The xorshift32 state, one step per weight.</param>
        /// <returns>The weights clamped.</returns>
        internal abstract int TinTinGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int mantissa, int shift, ref uint random);

        /// <summary>Applies a gradient array in NITI mode: <see cref="WeightUpdate.NitiGradients"/>.</summary>
        /// <param name="weights">The weights, updated.</param>
        /// <param name="weightOffset">The first weight.</param>
        /// <param name="gradients">The gradients.</param>
        /// <param name="gradientOffset">The first gradient.</param>
        /// <param name="count">How many.</param>
        /// <param name="shift">The shift, 0..30.</param>
        /// <returns>The weights clamped.</returns>
        internal abstract int NitiGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int shift);

        /// <summary>Adds a gradient array to the mini-batch accumulators: <see cref="WeightUpdate.AccumulateGradients"/>.</summary>
        /// <param name="accumulators">The accumulators.</param>
        /// <param name="offset">The first accumulator.</param>
        /// <param name="gradients">The gradients.</param>
        /// <param name="gradientOffset">The first gradient.</param>
        /// <param name="count">How many.</param>
        /// <param name="mantissa">The multiplier mantissa.</param>
        /// <param name="shift">The multiplier shift (negative: left).</param>
        internal abstract void AccumulateGradients(int[] accumulators, int offset, int[] gradients, int gradientOffset, int count, int mantissa, int shift);

        /// <summary>
        /// Rescales acc[0 .. count) into destination[0 .. count): <see cref="Requantizer.Choose"/> for the
        /// largest magnitude, then <see cref="Requantizer.Apply"/>.
        /// </summary>
        /// <param name="acc">The accumulators.</param>
        /// <param name="count">How many.</param>
        /// <param name="maxAbs">Their largest magnitude, or -1 to have it found.</param>
        /// <param name="compound">Whether the step may use factors 1.5 and 0.75 (Tin-Tin) or only powers of two (NITI).</param>
        /// <param name="destination">The int8 result.</param>
        /// <param name="step">Receives the step.</param>
        internal abstract void Requantize(int[] acc, int count, int maxAbs, bool compound, sbyte[] destination, ref RescaleStep step);

        /// <summary>One sample's softmax cross-entropy: <see cref="SoftmaxCrossEntropy.Compute"/>.</summary>
        /// <param name="logits">The model output.</param>
        /// <param name="label">The true class.</param>
        /// <param name="error">Receives the int8 error with its scale and largest magnitude.</param>
        /// <param name="scratch">At least as many ints as classes.</param>
        /// <param name="compound">Whether the error may be rescaled with non-power-of-two factors.</param>
        /// <returns>The loss in Q16 nats.</returns>
        internal abstract int SoftmaxLoss(Tensor8 logits, int label, Tensor8 error, int[] scratch, bool compound);
    }
}
