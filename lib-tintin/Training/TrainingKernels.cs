// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

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
        /// for o &lt; outputs (int32, wrapping). <paramref name="sparse"/> only says which loop is faster
        /// (<see cref="Numerics.Magnitude.MostlyZeros"/>); the sums are the same.
        /// </summary>
        /// <param name="weights">The weights, [outputs x inputs] row-major.</param>
        /// <param name="input">The input, int8.</param>
        /// <param name="inputs">Inputs per row.</param>
        /// <param name="outputs">Rows.</param>
        /// <param name="hasBias">Whether acc already holds the biases in the accumulators' scale.</param>
        /// <param name="sparse">Whether most inputs are 0.</param>
        /// <param name="acc">The accumulators, one per output.</param>
        /// <returns>The largest |acc[o]|.</returns>
        internal abstract int DenseForward(sbyte[] weights, sbyte[] input, int inputs, int outputs, bool hasBias, bool sparse, int[] acc);

        /// <summary>A Dense layer's error to its input in its own pass: clears acc[0 .. inputs), then adds <c>weights[o, i] * errors[o]</c> for every row with a nonzero error.</summary>
        /// <param name="weights">The weights of the forward pass.</param>
        /// <param name="errors">The output error, int8.</param>
        /// <param name="inputs">Inputs per row.</param>
        /// <param name="outputs">Rows.</param>
        /// <param name="acc">Receives the input error, int32.</param>
        internal abstract void DenseInputError(sbyte[] weights, sbyte[] errors, int inputs, int outputs, int[] acc);

        /// <summary>
        /// A Dense layer's Tin-Tin update at batch size 1: for every row o with errors[o] != 0, one
        /// xorshift32 step of <paramref name="random"/> as the row's dither, then
        /// <see cref="RowUpdate.TinTin"/> (or <see cref="RowUpdate.TinTinPropagating"/> into
        /// <paramref name="inputError"/> when it is not null).
        /// </summary>
        /// <param name="weights">The weights, updated.</param>
        /// <param name="errors">The output error, int8.</param>
        /// <param name="input">The layer's input.</param>
        /// <param name="inputs">Inputs per row.</param>
        /// <param name="outputs">Rows.</param>
        /// <param name="mantissa">The multiplier mantissa (below 2^15).</param>
        /// <param name="shift">The multiplier shift, 0..30.</param>
        /// <param name="random">The model's xorshift32 state, advanced once per row with a nonzero error.</param>
        /// <param name="inputError">The input error accumulators (added to, at nonzero inputs), or null.</param>
        /// <returns>The weights clamped.</returns>
        internal abstract int DenseUpdateRowsTinTin(sbyte[] weights, sbyte[] errors, sbyte[] input, int inputs, int outputs, int mantissa, int shift, ref uint random, int[] inputError);

        /// <summary>A Dense layer's NITI update at batch size 1: <see cref="RowUpdate.NitiPropagating"/> for every row with a nonzero error.</summary>
        /// <param name="weights">The weights, updated.</param>
        /// <param name="errors">The output error, int8.</param>
        /// <param name="input">The layer's input.</param>
        /// <param name="inputs">Inputs per row.</param>
        /// <param name="outputs">Rows.</param>
        /// <param name="shift">NITI's shift, 0..30.</param>
        /// <param name="inputError">The input error accumulators (added to, at nonzero inputs), or null.</param>
        /// <returns>The weights clamped.</returns>
        internal abstract int DenseUpdateRowsNiti(sbyte[] weights, sbyte[] errors, sbyte[] input, int inputs, int outputs, int shift, int[] inputError);

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
        /// One filter's forward sums into acc[0 .. out height x out width), biases not added (the layer
        /// requantizes each filter's row as it is computed, so no int32 buffer holds the whole output).
        /// <paramref name="sparse"/> picks a loop; the sums are the same.
        /// </summary>
        /// <param name="geometry">The layer's geometry (<see cref="GeometryLength"/> ints).</param>
        /// <param name="filter">The filter.</param>
        /// <param name="weights">The weights, [filters][channels][kernel height][kernel width].</param>
        /// <param name="input">The input, channels x height x width.</param>
        /// <param name="sparse">Whether most inputs are 0.</param>
        /// <param name="acc">Receives the sums.</param>
        internal abstract void ConvForward(int[] geometry, int filter, sbyte[] weights, sbyte[] input, bool sparse, int[] acc);

        /// <summary>
        /// Two filters' forward sums at once, <paramref name="filter"/> into acc[0 .. P) and the next one
        /// into acc[P .. 2P) (P = out height x out width): the same sums as two <see cref="ConvForward"/>
        /// calls. The managed engine packs the two filters' weights of a block of input channels into
        /// <paramref name="packed"/> (one long per tap, the first filter's weight in the low 32 bits) and
        /// gets both sums from one multiply-add per tap; an engine without that trick may ignore it.
        /// </summary>
        /// <param name="geometry">The layer's geometry (<see cref="GeometryLength"/> ints).</param>
        /// <param name="filter">The first of the two filters.</param>
        /// <param name="weights">The weights, [filters][channels][kernel height][kernel width].</param>
        /// <param name="input">The input, channels x height x width.</param>
        /// <param name="sparse">Whether most inputs are 0.</param>
        /// <param name="acc">Receives the two rows of sums.</param>
        /// <param name="packed">Scratch of at least one kernel (kernel height x kernel width longs); the
        /// channels are visited in blocks of as many kernels as it holds.</param>
        internal abstract void ConvForwardPair(int[] geometry, int filter, sbyte[] weights, sbyte[] input, bool sparse, int[] acc, long[] packed);

        /// <summary>
        /// The input error of consecutive input channels in its own pass (the transposed convolution
        /// restricted to them): clears acc[0 .. count x height x width), then scatters <c>e * W</c> of every
        /// filter; acc is indexed from the first channel's plane.
        /// </summary>
        /// <param name="geometry">The layer's geometry.</param>
        /// <param name="firstChannel">The first input channel.</param>
        /// <param name="channelCount">How many channels.</param>
        /// <param name="weights">The weights of the forward pass.</param>
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
