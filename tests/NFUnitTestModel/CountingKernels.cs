// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // A kernel engine as an app would plug one in (TinTin.Engine.Native's NativeTrainingKernels derives from
    // ManagedKernels the same way): every kernel counts its call and runs the managed one.
    internal sealed class CountingKernels : ManagedKernels
    {
        public int Calls;
        public int Forward;
        public int Update;
        public int Requantizes;
        public int Loss;

        internal override int DenseForward(long[] weights, sbyte[] input, long[] packedInput, int inputs, int outputs, bool hasBias, int[] acc)
        {
            Calls++;
            Forward++;
            return base.DenseForward(weights, input, packedInput, inputs, outputs, hasBias, acc);
        }

        internal override void DenseInputError(long[] weights, sbyte[] errors, int inputs, int outputs, int[] acc)
        {
            Calls++;
            base.DenseInputError(weights, errors, inputs, outputs, acc);
        }

        internal override int DenseUpdateRowsTinTin(long[] weights, sbyte[] errors, sbyte[] input, int inputs, int outputs, int mantissa, int shift, ref uint random, int[] inputError)
        {
            Calls++;
            Update++;
            return base.DenseUpdateRowsTinTin(weights, errors, input, inputs, outputs, mantissa, shift, ref random, inputError);
        }

        internal override int DenseUpdateRowsNiti(long[] weights, sbyte[] errors, sbyte[] input, int inputs, int outputs, int shift, int[] inputError)
        {
            Calls++;
            Update++;
            return base.DenseUpdateRowsNiti(weights, errors, input, inputs, outputs, shift, inputError);
        }

        internal override void DenseAccumulateRows(int[] accumulators, sbyte[] errors, sbyte[] input, int inputs, int outputs, int mantissa, int shift)
        {
            Calls++;
            Update++;
            base.DenseAccumulateRows(accumulators, errors, input, inputs, outputs, mantissa, shift);
        }

        internal override int ConvForward(int[] geometry, int filter, sbyte[] weights, sbyte[] input, bool sparse, int bias, int[] acc)
        {
            Calls++;
            Forward++;
            return base.ConvForward(geometry, filter, weights, input, sparse, bias, acc);
        }

        internal override void ConvForwardPacked(int[] geometry, int filter, int lanes, sbyte[] weights, sbyte[] input, bool sparse, int[] biases, int[] acc, long[] packed, int start, int count, int[] maxima)
        {
            Calls++;
            Forward++;
            base.ConvForwardPacked(geometry, filter, lanes, weights, input, sparse, biases, acc, packed, start, count, maxima);
        }

        internal override void ConvInputError(int[] geometry, int firstChannel, int channelCount, sbyte[] weights, sbyte[] errors, int[] acc)
        {
            Calls++;
            base.ConvInputError(geometry, firstChannel, channelCount, weights, errors, acc);
        }

        internal override void ConvGradient(int[] geometry, int filter, int firstChannel, int channelCount, sbyte[] weights, sbyte[] input, sbyte[] errors, int[] gradient, bool sparse, int[] errorAcc)
        {
            Calls++;
            base.ConvGradient(geometry, filter, firstChannel, channelCount, weights, input, errors, gradient, sparse, errorAcc);
        }

        internal override int TinTinGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int mantissa, int shift, ref uint random)
        {
            Calls++;
            Update++;
            return base.TinTinGradients(weights, weightOffset, gradients, gradientOffset, count, mantissa, shift, ref random);
        }

        internal override int NitiGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int shift)
        {
            Calls++;
            Update++;
            return base.NitiGradients(weights, weightOffset, gradients, gradientOffset, count, shift);
        }

        internal override void AccumulateGradients(int[] accumulators, int offset, int[] gradients, int gradientOffset, int count, int mantissa, int shift)
        {
            Calls++;
            Update++;
            base.AccumulateGradients(accumulators, offset, gradients, gradientOffset, count, mantissa, shift);
        }

        internal override void Requantize(int[] acc, int count, int maxAbs, bool compound, sbyte[] destination, ref RescaleStep step)
        {
            Calls++;
            Requantizes++;
            base.Requantize(acc, count, maxAbs, compound, destination, ref step);
        }

        internal override int SoftmaxLoss(Tensor8 logits, int label, Tensor8 error, int[] scratch, bool compound)
        {
            Calls++;
            Loss++;
            return base.SoftmaxLoss(logits, label, error, scratch, compound);
        }
    }
}
