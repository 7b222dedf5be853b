// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Layers
{
    /// <summary>
    /// Fully connected layer: <c>y = W x + b</c> with int8 W [outputs x inputs] (row-major, stored eight
    /// to a long: <see cref="PackedDense"/>), int8 x, int32 accumulation, then one rescale to int8.
    /// </summary>
    internal sealed class Dense : WeightedLayer
    {
        /// <summary>Creates the layer for a description.</summary>
        /// <param name="spec">A Dense description with its shapes set.</param>
        /// <param name="batched">Whether mini-batch accumulators are needed.</param>
        /// <exception cref="ArgumentException">The description is not a Dense one, or one of its sums could overflow int32.</exception>
        public Dense(LayerSpec spec, bool batched)
            : base(CheckBounds(spec), batched)
        {
        }

        /// <inheritdoc/>
        public override void Forward(Tensor8 input, Tensor8 output, Workspace workspace)
        {
            int inputs = Spec.Input.Size;
            int outputs = Spec.Units;
            long[] w = PackedWeights;
            sbyte[] x = input.Data;
            int[] b = Biases;
            int[] acc = workspace.Accumulators;
            Scale accScale = Scale.Product(input.Scale, WeightScale);
            if (b != null)
            {
                ScaleBiases(FixedMultiplier.Ratio(BiasScale, accScale), acc);
            }

            // One kernel call: the dot products from the biases and their largest magnitude together,
            // two products per multiply when the workspace has room for the packed input.
            int max = workspace.Kernels.DenseForward(w, x, workspace.PackedInput, inputs, outputs, b != null, acc);
            Stats.Macs += (long)inputs * outputs;
            Requantize(acc, outputs, max, accScale, output, workspace);
            Stats.OutputScale = output.Scale;
        }

        /// <inheritdoc/>
        /// <remarks>
        /// At batch size 1 each row with a nonzero error is read once: the error to the input takes the
        /// old weight, then the weight is updated (see <see cref="RowUpdate"/>). Rows whose error is 0
        /// cost one test. The fused kernels only visit nonzero inputs, so the error is fused only when
        /// the layer below drops the error at zero inputs (<see cref="Layer.ZeroInputsDropTheirError"/>);
        /// otherwise it is computed in its own pass first.
        /// </remarks>
        public override void Backward(Tensor8 input, Tensor8 output, Tensor8 outputError, Tensor8 inputError, Workspace workspace)
        {
            int inputs = Spec.Input.Size;
            int outputs = Spec.Units;
            bool fusedError = inputError != null && workspace.Fused && ZeroInputsDropTheirError;
            if (inputError != null && !fusedError)
            {
                // Error to the input with the weights of the forward pass, every input (the layer below keeps them all).
                workspace.Kernels.DenseInputError(PackedWeights, outputError.Data, inputs, outputs, workspace.Accumulators);
            }
            else if (fusedError)
            {
                System.Array.Clear(workspace.Accumulators, 0, inputs);
            }

            int clamped = workspace.Fused
                ? UpdateRows(input, outputError, fusedError ? workspace.Accumulators : null, workspace)
                : AccumulateRows(input, outputError, workspace);
            if (inputError != null)
            {
                Stats.Macs += (long)inputs * outputs;
                Requantize(workspace.Accumulators, inputs, Scale.Product(outputError.Scale, WeightScale), inputError, workspace);
                Stats.ErrorScale = inputError.Scale;
            }

            if (workspace.Fused)
            {
                AfterUpdate(clamped, workspace);
            }

            UpdateBiases(outputError, 1, workspace);
            Stats.Macs += (long)inputs * outputs;
        }

        // Batch size 1: every row with a nonzero error updated on the spot (and, with inputError, its error sent down).
        private int UpdateRows(Tensor8 input, Tensor8 outputError, int[] inputError, Workspace workspace)
        {
            int inputs = Spec.Input.Size;
            int outputs = Spec.Units;
            long[] w = PackedWeights;
            sbyte[] e = outputError.Data;
            sbyte[] x = input.Data;
            TrainingOptions options = workspace.Options;
            if (options.Mode == TrainingMode.TinTin)
            {
                FixedMultiplier m = LimitShift(UpdateMultiplier(Scale.Product(outputError.Scale, input.Scale), options, false), 30);
                if (m.Mantissa == 0 && inputError == null)
                {
                    return 0; // every update rounds to 0
                }

                uint random = workspace.Random.State;
                int clamped = workspace.Kernels.DenseUpdateRowsTinTin(w, e, x, inputs, outputs, m.Mantissa, m.RightShift, ref random, inputError);
                workspace.Random.State = random;
                return clamped;
            }

            return workspace.Kernels.DenseUpdateRowsNiti(w, e, x, inputs, outputs, NitiShift(outputError.MaxAbs * input.MaxAbs, options.MuBits), inputError);
        }

        // Mini-batch: the rows' gradients added to the int32 accumulators, applied by ApplyAccumulated.
        private int AccumulateRows(Tensor8 input, Tensor8 outputError, Workspace workspace)
        {
            int inputs = Spec.Input.Size;
            int outputs = Spec.Units;
            sbyte[] e = outputError.Data;
            sbyte[] x = input.Data;
            FixedMultiplier a = UpdateMultiplier(Scale.Product(outputError.Scale, input.Scale), workspace.Options, true);
            int shift = a.RightShift < -31 ? -31 : a.RightShift;
            workspace.Kernels.DenseAccumulateRows(Accumulators, e, x, inputs, outputs, a.Mantissa, shift);
            return 0;
        }

        // Runs before the base constructor allocates anything, so a rejected layer costs nothing.
        private static LayerSpec CheckBounds(LayerSpec spec)
        {
            if (spec == null)
            {
                throw new ArgumentNullException(nameof(spec));
            }

            if (spec.Kind != LayerKind.Dense)
            {
                throw new ArgumentException("not a Dense description");
            }

            OverflowBounds.Check(spec, "Dense");
            return spec;
        }
    }
}
