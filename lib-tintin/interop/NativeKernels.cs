// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Runtime.CompilerServices;

namespace TinTin.Native
{
    /// <summary>
    /// The TinTin native kernels (lib-tintin/native, C99, bit-exact with the managed kernels) as
    /// nanoFramework internal calls. The bodies are in a custom firmware built with
    /// lib-tintin/native/interop (docs/native-kernels.md, "Using the native kernels on a board"); on a
    /// firmware without them this assembly does not deploy. Arrays are passed whole with an offset,
    /// the firmware checks every range and throws IndexOutOfRangeException (nothing written) when a
    /// range falls outside its array, ArgumentNullException for a missing required array and
    /// ArgumentOutOfRangeException for a size or value the kernel cannot take (a negative count, an
    /// inconsistent convolution geometry, a filter, channel or label outside the layer). Flags are ints: 0 is
    /// false, anything else true. lib-tintin reaches them through its kernel seam when an app plugs in
    /// <see cref="NativeTrainingKernels"/>. A change to any signature here, or to any type or method of
    /// this assembly, changes the assembly's checksum: regenerate the skeleton (tests/TinTin.Native.Tests,
    /// InteropSkeletonTests) and rebuild the firmware.
    /// </summary>
    public static class NativeKernels
    {
        /// <summary>Ints in a convolution geometry array: channels, height, width, filters, kernel height, kernel width, stride y, stride x, padding y, padding x, out height, out width (tt_conv_geometry).</summary>
        public const int GeometryLength = 12;

        /// <summary>Ints in a rescale step array: shift, up, down, result max abs (tt_rescale_step).</summary>
        public const int StepLength = 4;

        /// <summary>
        /// tt_dense_forward: acc[accOffset + o] = (hasBias != 0 ? acc[accOffset + o] : 0) + sum_i weights[weightsOffset + o * inputs + i] * x[xOffset + i]
        /// for o &lt; outputs. Returns the largest |acc|. Dense weights are stored eight to a long (PackedDense): the
        /// kernels read them as the int8 matrix they are in little-endian memory, and their offsets count bytes.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int DenseForward(long[] weights, int weightsOffset, sbyte[] x, int xOffset, int inputs, int outputs, int hasBias, int sparse, int[] acc, int accOffset);

        /// <summary>
        /// tt_nonzero_inputs: list[2k] = i, list[2k + 1] = x[xOffset + i] for the nonzero inputs, then the end mark (-1, 0).
        /// list holds at least 2 * count + 2 ints. Returns how many nonzero inputs.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int NonzeroInputs(sbyte[] x, int xOffset, int count, int[] list);

        /// <summary>tt_dense_forward_nonzero: DenseForward over the first <paramref name="nonzero"/> entries of a NonzeroInputs list; the same sums.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int DenseForwardNonzero(long[] weights, int weightsOffset, int[] list, int nonzero, int inputs, int outputs, int hasBias, int[] acc, int accOffset);

        /// <summary>
        /// tt_row_update_tintin (RowUpdate.TinTin): weights[offset + i] -= (error * mantissa * inputs[inputsOffset + i] + dither bits) &gt;&gt; shift
        /// over i &lt; count. Returns how many weights were clamped.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int RowUpdateTinTin(long[] weights, int offset, int error, sbyte[] inputs, int inputsOffset, int count, int mantissa, int shift, uint dither);

        /// <summary>tt_row_update_tintin_propagating (RowUpdate.TinTinPropagating): RowUpdateTinTin fused with inputError[inputErrorOffset + i] += w_old * error.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int RowUpdateTinTinPropagating(long[] weights, int offset, int error, sbyte[] inputs, int inputsOffset, int count, int mantissa, int shift, uint dither, int[] inputError, int inputErrorOffset);

        /// <summary>tt_row_update_niti (RowUpdate.NitiPropagating); inputError may be null (no error sent below).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int RowUpdateNiti(long[] weights, int offset, int error, sbyte[] inputs, int inputsOffset, int count, int shift, int[] inputError, int inputErrorOffset);

        /// <summary>
        /// tt_conv_forward: one filter's multiply-accumulate into acc[accOffset ..] (out height * out width ints: the layer
        /// requantizes each filter's row before the next), biases not added. geometry: <see cref="GeometryLength"/> ints.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void ConvForward(int[] geometry, int filter, sbyte[] weights, sbyte[] x, int xOffset, int sparse, int[] acc, int accOffset);

        /// <summary>
        /// tt_conv_forward_range: one filter's multiply-accumulate over the output positions [start, start + count)
        /// into acc[accOffset ..] (count ints: a segment of the row, for a layer that sums its filters in segments),
        /// biases not added.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void ConvForwardRange(int[] geometry, int filter, sbyte[] weights, sbyte[] x, int xOffset, int start, int count, int[] acc, int accOffset);

        /// <summary>
        /// tt_conv_gradient: the weight gradient of one filter over the input channels [firstChannel, firstChannel + channelCount)
        /// (one backward pass) into gradient[0 .. channelCount * kernel area), cleared first; with errorAcc not null, also
        /// errorAcc[errorAccOffset + i] += w_old * e at those channels' nonzero inputs (errorAcc: the pass's planes from the first
        /// channel's, channelCount * height * width ints). errors: the layer's output error from errorsOffset.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void ConvGradient(int[] geometry, int filter, int firstChannel, int channelCount, sbyte[] weights, sbyte[] x, int xOffset, sbyte[] errors, int errorsOffset, int[] gradient, int sparse, int[] errorAcc, int errorAccOffset);

        /// <summary>
        /// tt_requantize (WeightedLayer.Requantize): rescales acc[accOffset .. + count) into destination[destinationOffset ..];
        /// maxAbs &lt; 0 means "find it". step receives the chosen step (<see cref="StepLength"/> ints). Returns 1 for a compound step, else 0.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Requantize(int[] acc, int accOffset, int count, int maxAbs, int compound, sbyte[] destination, int destinationOffset, int[] step);

        /// <summary>
        /// tt_softmax_xent (SoftmaxCrossEntropy.Compute): one sample's error (into error[errorOffset .. + classes), scratch: classes ints)
        /// and loss. stepAndLoss (5 ints) receives the error's rescale step (<see cref="StepLength"/> ints) then the loss in Q16 nats.
        /// Throws ArgumentOutOfRangeException (nothing written) when label is not in [0, classes) or classes not in [1, 65535].
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SoftmaxCrossEntropy(sbyte[] logits, int logitsOffset, int classes, int label, long factor, int shift, int compound, int[] scratch, sbyte[] error, int errorOffset, int[] stepAndLoss);
    }
}
