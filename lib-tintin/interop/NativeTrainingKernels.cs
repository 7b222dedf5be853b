// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Numerics;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Native
{
    /// <summary>
    /// lib-tintin's kernel seam over the native kernels of a custom firmware (<see cref="NativeKernels"/>):
    /// an app built for such a firmware plugs it in with one line,
    /// <c>model.Kernels = new NativeTrainingKernels();</c> (or passes it to the Model constructor), and
    /// trains bit for bit as on the managed kernels. The kernels the firmware has no native method for
    /// (a Dense layer's separate input error pass, a convolution's separate input error pass, the
    /// gradient-array updates and the mini-batch accumulation) run the managed code it inherits.
    /// </summary>
    /// <remarks>
    /// Native calls are made once per kernel call of the seam: once per Dense layer, once per
    /// convolution filter forward and once per filter and backward pass (the filter's kernels over the
    /// pass's input channels) for the gradient (the layer requantizes row by row between them), except
    /// the Dense update rows: the interop declares the one-row kernels, so the rows' loop (one xorshift32
    /// step per row with a nonzero error, as <see cref="ManagedKernels.DenseUpdateRowsTinTin"/>) stays
    /// here and calls the firmware once per row. Scratch (the list of nonzero inputs, the rescale step)
    /// is allocated on first use and kept: nothing allocates per training step once the largest layer
    /// has run.
    /// </remarks>
    public class NativeTrainingKernels : ManagedKernels
    {
        private readonly int[] _step = new int[NativeKernels.StepLength];
        private readonly int[] _stepAndLoss = new int[NativeKernels.StepLength + 1];
        private int[] _list;

        /// <inheritdoc/>
        internal override int DenseForward(long[] weights, sbyte[] input, long[] packedInput, int inputs, int outputs, bool hasBias, int[] acc)
        {
            int bias = hasBias ? 1 : 0;
            if (!Magnitude.MostlyZeros(input, inputs))
            {
                return NativeKernels.DenseForward(weights, 0, input, 0, inputs, outputs, bias, 0, acc, 0);
            }

            // Mostly zeros: the sums over the list of nonzero inputs (the same sums, fewer products).
            int[] list = List(inputs);
            int nonzero = NativeKernels.NonzeroInputs(input, 0, inputs, list);
            return NativeKernels.DenseForwardNonzero(weights, 0, list, nonzero, inputs, outputs, bias, acc, 0);
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

                // Inline copy of Xorshift32.Step (no call per draw on the interpreter); InlineCopyTests checks it.
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                clamped += inputError == null
                    ? NativeKernels.RowUpdateTinTin(weights, o * inputs, eo, input, 0, inputs, mantissa, shift, state)
                    : NativeKernels.RowUpdateTinTinPropagating(weights, o * inputs, eo, input, 0, inputs, mantissa, shift, state, inputError, 0);
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
                    clamped += NativeKernels.RowUpdateNiti(weights, o * inputs, eo, input, 0, inputs, shift, inputError, 0);
                }
            }

            return clamped;
        }

        /// <inheritdoc/>
        /// <remarks>The C kernel sums; the bias and the largest magnitude take one managed pass over the row.</remarks>
        internal override int ConvForward(int[] geometry, int filter, sbyte[] weights, sbyte[] input, bool sparse, int bias, int[] acc)
        {
            NativeKernels.ConvForward(geometry, filter, weights, input, 0, sparse ? 1 : 0, acc, 0);
            return AddBias(acc, 0, geometry[10] * geometry[11], bias);
        }

        /// <inheritdoc/>
        /// <remarks>
        /// Compiled code gains nothing from packing filters: one call of the C filter kernel per filter, over
        /// whole rows or the segment, then the bias and the largest magnitude in one managed pass.
        /// </remarks>
        internal override void ConvForwardPacked(int[] geometry, int filter, int lanes, sbyte[] weights, sbyte[] input, bool sparse, int[] biases, int[] acc, long[] packed, int start, int count, int[] maxima)
        {
            CheckPacked(geometry, filter, lanes, 1, start, count);
            for (int lane = 0; lane < lanes; lane++)
            {
                NativeKernels.ConvForwardRange(geometry, filter + lane, weights, input, 0, start, count, acc, lane * count);
                maxima[lane] = AddBias(acc, lane * count, count, biases[lane]);
            }
        }

        /// <inheritdoc/>
        internal override void ConvGradient(int[] geometry, int filter, int firstChannel, int channelCount, sbyte[] weights, sbyte[] input, sbyte[] errors, int[] gradient, bool sparse, int[] errorAcc)
        {
            NativeKernels.ConvGradient(geometry, filter, firstChannel, channelCount, weights, input, 0, errors, 0, gradient, sparse ? 1 : 0, errorAcc, 0);
        }

        /// <inheritdoc/>
        internal override void Requantize(int[] acc, int count, int maxAbs, bool compound, sbyte[] destination, ref RescaleStep step)
        {
            int[] s = _step;
            NativeKernels.Requantize(acc, 0, count, maxAbs, compound ? 1 : 0, destination, 0, s);
            step.Shift = s[0];
            step.Up = s[1];
            step.Down = s[2];
            step.ResultMaxAbs = s[3];
        }

        /// <inheritdoc/>
        internal override int SoftmaxLoss(Tensor8 logits, int label, Tensor8 error, int[] scratch, bool compound)
        {
            int classes = logits.Length;
            int shift;
            long factor = SoftmaxCrossEntropy.ExponentFactor(logits.Scale, out shift);
            int[] s = _stepAndLoss;
            NativeKernels.SoftmaxCrossEntropy(logits.Data, 0, classes, label, factor, shift, compound ? 1 : 0, scratch, error.Data, 0, s);
            RescaleStep step = default(RescaleStep);
            step.Shift = s[0];
            step.Up = s[1];
            step.Down = s[2];
            step.ResultMaxAbs = s[3];
            error.Length = classes;
            error.Scale = Requantizer.OutputScale(Scale.PowerOfTwo(-SoftmaxCrossEntropy.ProbabilityBits), step);
            error.MaxAbs = step.ResultMaxAbs;
            return s[4];
        }

        // The list of nonzero inputs (index, value pairs and the end mark) for a layer of this many inputs.
        private int[] List(int inputs)
        {
            int[] list = _list;
            if (list == null || list.Length < 2 * inputs + 2)
            {
                list = new int[2 * inputs + 2];
                _list = list;
            }

            return list;
        }
    }
}
