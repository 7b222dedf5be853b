// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Layers
{
    /// <summary>
    /// Fully connected layer: <c>y = W x + b</c> with int8 W [outputs x inputs] (row-major), int8 x,
    /// int32 accumulation, then one rescale to int8.
    /// </summary>
    public sealed class Dense : WeightedLayer
    {
        /// <summary>Creates the layer for a description.</summary>
        /// <param name="spec">A Dense description with its shapes set.</param>
        /// <param name="batched">Whether mini-batch accumulators are needed.</param>
        public Dense(LayerSpec spec, bool batched)
            : base(spec, batched)
        {
        }

        /// <inheritdoc/>
        public override int FanIn
        {
            get { return Spec.Input.Size; }
        }

        /// <inheritdoc/>
        public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace)
        {
            int inputs = Spec.Input.Size;
            int outputs = Spec.Units;
            sbyte[] w = Weights;
            sbyte[] x = input.Data;
            int[] b = Biases;
            int[] acc = workspace.Accumulators;
            Scale accScale = Scale.Product(input.Scale, WeightScale);
            FixedMultiplier toAcc = b == null ? default(FixedMultiplier) : FixedMultiplier.Ratio(BiasScale, accScale);

            // One pass: dot product, bias and the largest magnitude together.
            int max = 0;
            int row = 0;
            for (int o = 0; o < outputs; o++)
            {
                int sum = 0;
                for (int i = 0; i < inputs; i++)
                {
                    sum += w[row + i] * x[i];
                }

                if (b != null)
                {
                    sum += BiasContribution(b[o], toAcc);
                }

                acc[o] = sum;
                if (sum < 0)
                {
                    sum = -sum;
                }

                if (sum > max)
                {
                    max = sum;
                }

                row += inputs;
            }

            Stats.Macs += (long)inputs * outputs;
            Requantize(acc, outputs, max, accScale, output, workspace);
            Stats.OutputScale = output.Scale;
        }

        /// <inheritdoc/>
        public override void Backward(Tensor8 input, Tensor8 output, Tensor8 outputError, Tensor8 inputError, Workspace workspace)
        {
            int inputs = Spec.Input.Size;
            int outputs = Spec.Units;
            sbyte[] w = Weights;
            sbyte[] e = outputError.Data;

            // Error to the input with the weights of the forward pass (before this step's update).
            if (inputError != null)
            {
                int[] acc = workspace.Accumulators;
                System.Array.Clear(acc, 0, inputs);
                int row = 0;
                for (int o = 0; o < outputs; o++)
                {
                    int eo = e[o];
                    if (eo != 0)
                    {
                        for (int i = 0; i < inputs; i++)
                        {
                            acc[i] += w[row + i] * eo;
                        }
                    }

                    row += inputs;
                }

                Stats.Macs += (long)inputs * outputs;
                Requantize(acc, inputs, Scale.Product(outputError.Scale, WeightScale), inputError, workspace);
                Stats.ErrorScale = inputError.Scale;
            }

            // Weight gradient G[o, i] = e[o] * x[i], applied (or accumulated) row by row: no gradient buffer.
            UpdateWeights(input, outputError, workspace);
            UpdateBiases(outputError, 1, workspace);
            Stats.Macs += (long)inputs * outputs;
        }

        private void UpdateWeights(Tensor8 input, Tensor8 outputError, Workspace workspace)
        {
            int inputs = Spec.Input.Size;
            int outputs = Spec.Units;
            sbyte[] w = Weights;
            sbyte[] e = outputError.Data;
            sbyte[] x = input.Data;
            TrainingOptions options = workspace.Options;
            Scale gradientScale = Scale.Product(outputError.Scale, input.Scale);
            if (!workspace.Fused)
            {
                FixedMultiplier a = UpdateMultiplier(gradientScale, options, true);
                int shift = a.RightShift < -31 ? -31 : a.RightShift;
                for (int o = 0; o < outputs; o++)
                {
                    WeightUpdate.AccumulateRow(Accumulators, o * inputs, e[o], x, inputs, a.Mantissa, shift);
                }

                return;
            }

            int clamped = 0;
            if (options.Mode == TrainingMode.TinTin)
            {
                FixedMultiplier m = LimitShift(UpdateMultiplier(gradientScale, options, false), 30);
                if (m.Mantissa == 0)
                {
                    return;
                }

                uint random = workspace.Random.State;
                for (int o = 0; o < outputs; o++)
                {
                    clamped += WeightUpdate.TinTinRow(w, o * inputs, e[o], x, inputs, m.Mantissa, m.RightShift, ref random);
                }

                workspace.Random.State = random;
            }
            else
            {
                int shift = NitiShift(outputError.MaxAbs * input.MaxAbs, options.MuBits);
                for (int o = 0; o < outputs; o++)
                {
                    clamped += WeightUpdate.NitiRow(w, o * inputs, e[o], x, inputs, shift);
                }
            }

            AfterUpdate(clamped, options);
        }
    }
}
