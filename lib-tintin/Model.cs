// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Diagnostics;
using TinTin.Layers;
using TinTin.Numerics;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin
{
    /// <summary>
    /// A model built from a <see cref="ModelSpec"/>: the layers with their int8 weights, and every
    /// buffer training needs, allocated once here exactly as <see cref="MemoryPlan"/> says.
    /// <see cref="TrainStep"/> and <see cref="Predict"/> then allocate nothing.
    /// </summary>
    /// <remarks>
    /// One training step: forward through the layers (int8 in, int32 accumulate, rescale to int8),
    /// the integer softmax cross-entropy gives the int8 error, then backward from the last layer:
    /// each layer passes the error down (with the weights of the forward pass) and updates its own
    /// weights on the spot (batch size 1) or accumulates the gradient (mini-batch).
    /// </remarks>
    public sealed class Model
    {
        private readonly Layer[] _layers;
        private readonly Tensor8[] _activations;
        private readonly Tensor8 _errorA;
        private readonly Tensor8 _errorB;
        private readonly Workspace _workspace;
        private int _pendingSamples;

        /// <summary>Builds and initialises a model on the managed kernels.</summary>
        /// <param name="spec">The description (at least one layer; the output is one value per class).</param>
        /// <param name="options">The training options; the seed decides the initial weights.</param>
        /// <exception cref="ArgumentException">The description cannot be trained (no layers, or a dot product that could overflow int32).</exception>
        public Model(ModelSpec spec, TrainingOptions options)
            : this(spec, options, null)
        {
        }

        /// <summary>Builds and initialises a model that runs its hot loops on the given kernels.</summary>
        /// <param name="spec">The description (at least one layer; the output is one value per class).</param>
        /// <param name="options">The training options; the seed decides the initial weights.</param>
        /// <param name="kernels">The kernels (e.g. a native engine), or null for <see cref="ManagedKernels"/>. Every engine gives the same results.</param>
        /// <exception cref="ArgumentException">The description cannot be trained (no layers, or a dot product that could overflow int32).</exception>
        public Model(ModelSpec spec, TrainingOptions options, TrainingKernels kernels)
        {
            if (spec == null)
            {
                throw new ArgumentNullException(nameof(spec));
            }

            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (spec.Count == 0)
            {
                throw new ArgumentException("the model has no layers");
            }

            CheckOverflowBounds(spec);
            Spec = spec;
            Options = options;
            Plan = MemoryPlan.Create(spec, options);
            Random = new Xorshift32(options.Seed);
            _workspace = new Workspace(Plan.AccumulatorLength, Plan.PassRowLength, Plan.GradientRowLength, Plan.PackedWeightLength, Plan.PackedInputLength, Plan.StagingLength, Plan.RowStepLength, options, Random, kernels == null ? new ManagedKernels() : kernels);
            _errorA = new Tensor8(new sbyte[Plan.ErrorLength], 0);
            _errorB = new Tensor8(new sbyte[Plan.SpareErrorLength], 0);

            bool batched = options.BatchSize > 1;
            _layers = new Layer[spec.Count];
            _activations = new Tensor8[spec.Count + 1];
            _activations[0] = new Tensor8(null, spec.Input.Size);
            for (int l = 0; l < spec.Count; l++)
            {
                Layer layer = LayerFactory.Create(spec[l], batched);
                _layers[l] = layer;
                int size = spec[l].Output.Size;
                _activations[l + 1] = LayerFactory.SharesInputBuffer(spec, l) ? _activations[l] : new Tensor8(new sbyte[size], size);
            }

            for (int l = 1; l < spec.Count; l++)
            {
                _layers[l].ZeroInputsDropTheirError = BelowIsReLU(spec, l);
            }

            for (int l = 0; l < spec.Count; l++)
            {
                if (_layers[l] is WeightedLayer weighted)
                {
                    weighted.Initialize(Random, options.InitialUpscale);
                }
            }
        }

        /// <summary>Gets the description the model was built from.</summary>
        public ModelSpec Spec { get; }

        /// <summary>Gets the training options.</summary>
        public TrainingOptions Options { get; }

        /// <summary>Gets the memory plan the model was built to.</summary>
        public MemoryPlan Plan { get; }

        /// <summary>Gets the PRNG (its state is part of the training state; a model file records it).</summary>
        internal Xorshift32 Random { get; }

        /// <summary>
        /// Gets or sets the kernels the layers run their hot loops on: <see cref="ManagedKernels"/> unless
        /// the model was built with others or they are set here (between steps, e.g. after loading a model
        /// file: <c>model.Kernels = new TinTin.Native.NativeTrainingKernels();</c> on a firmware with the
        /// native kernels). Not training state: a model file does not record it.
        /// </summary>
        /// <exception cref="ArgumentNullException">The value is null.</exception>
        public TrainingKernels Kernels
        {
            get
            {
                return _workspace.Kernels;
            }

            set
            {
                if (value == null)
                {
                    throw new ArgumentNullException(nameof(value));
                }

                _workspace.Kernels = value;
            }
        }

        /// <summary>Gets or sets the number of samples trained on (part of the training state).</summary>
        public long Samples { get; set; }

        /// <summary>Gets or sets the samples accumulated towards the next mini-batch update (part of the training state).</summary>
        public int PendingSamples
        {
            get { return _pendingSamples; }
            set { _pendingSamples = value; }
        }

        /// <summary>Gets the number of layers.</summary>
        public int LayerCount
        {
            get { return _layers.Length; }
        }

        /// <summary>
        /// Gets the class the last forward pass predicted (that of <see cref="Predict"/> or of
        /// <see cref="TrainStep"/>, before its update): the index of the largest output.
        /// </summary>
        public int LastPrediction
        {
            get { return SoftmaxCrossEntropy.ArgMax(Output); }
        }

        /// <summary>
        /// Gets the confidence of <see cref="LastPrediction"/> in per-mille: the integer softmax
        /// probability of the largest output of the last forward pass.
        /// </summary>
        public int LastConfidencePerMille
        {
            get { return SoftmaxCrossEntropy.ConfidencePerMille(Output); }
        }

        /// <summary>Gets the output of the last forward pass (one int8 value per class, with its scale).</summary>
        internal Tensor8 Output
        {
            get { return _activations[_activations.Length - 1]; }
        }

        /// <summary>Gets a layer's counters and last scales (what to look at when integer training misbehaves).</summary>
        /// <param name="index">The layer index, 0 to <see cref="LayerCount"/> - 1.</param>
        /// <returns>The layer's statistics, updated in place by every step.</returns>
        public LayerStats GetLayerStats(int index)
        {
            return _layers[index].Stats;
        }

        /// <summary>Gets a layer.</summary>
        /// <param name="index">The layer index.</param>
        /// <returns>The layer.</returns>
        internal Layer GetLayer(int index)
        {
            return _layers[index];
        }

        /// <summary>Runs the model on one sample and returns the predicted class.</summary>
        /// <param name="input">The sample, int8 values in [-127, 127], flat channels first.</param>
        /// <param name="inputScale">The scale of the sample's values.</param>
        /// <returns>The index of the largest output.</returns>
        public int Predict(sbyte[] input, Scale inputScale)
        {
            Forward(input, inputScale);
            return SoftmaxCrossEntropy.ArgMax(Output);
        }

        /// <summary>Trains on one sample: forward, loss, backward with fused update (or accumulation).</summary>
        /// <param name="input">The sample, int8 values in [-127, 127]; it must stay unchanged during the call.</param>
        /// <param name="inputScale">The scale of the sample's values.</param>
        /// <param name="label">The true class.</param>
        /// <returns>The loss before the update, in Q16 nats (65536 = 1.0).</returns>
        public int TrainStep(sbyte[] input, Scale inputScale, int label)
        {
            Forward(input, inputScale);
            bool compound = Options.Mode == TrainingMode.TinTin;
            int loss = _workspace.Kernels.SoftmaxLoss(Output, label, _errorA, _workspace.Accumulators, compound);

            Tensor8 error = _errorA;
            Tensor8 spare = _errorB;
            for (int l = _layers.Length - 1; l >= 0; l--)
            {
                Layer layer = _layers[l];
                Tensor8 inputError = l == 0 ? null : (layer.InPlace ? error : spare);
                layer.Backward(_activations[l], _activations[l + 1], error, inputError, _workspace);
                if (inputError != null && inputError != error)
                {
                    spare = error;
                    error = inputError;
                }
            }

            Samples++;
            if (Options.BatchSize > 1 && ++_pendingSamples >= Options.BatchSize)
            {
                ApplyPending();
            }

            return loss;
        }

        /// <summary>Applies a partly filled mini-batch now (e.g. at the end of an epoch). Nothing to do with batch size 1.</summary>
        public void ApplyPending()
        {
            if (_pendingSamples == 0)
            {
                return;
            }

            for (int l = 0; l < _layers.Length; l++)
            {
                if (_layers[l] is WeightedLayer weighted)
                {
                    weighted.ApplyAccumulated(_workspace);
                }
            }

            _pendingSamples = 0;
        }

        /// <summary>
        /// Counts the bytes of every buffer the model holds (weights, biases, accumulators, kept
        /// state, activations, errors, scratch), read from the arrays themselves.
        /// </summary>
        /// <returns>The bytes, to compare with <see cref="MemoryPlan.TotalBytes"/>.</returns>
        public int CountAllocatedBytes()
        {
            int bytes = _errorA.Data.Length + _errorB.Data.Length;
            bytes += 4 * (_workspace.Accumulators.Length + _workspace.Gradients.Length + _workspace.RowSteps.Length + _workspace.LaneBiases.Length + _workspace.LaneMaxima.Length);
            bytes += 8 * _workspace.PackedWeights.Length;
            bytes += _workspace.PackedInput == null ? 0 : 8 * _workspace.PackedInput.Length;
            bytes += _workspace.Staging.Length;
            for (int l = 0; l < _layers.Length; l++)
            {
                Layer layer = _layers[l];
                bytes += layer.KeptBytes;
                if (_activations[l + 1] != _activations[l])
                {
                    bytes += _activations[l + 1].Data.Length;
                }

                if (layer is WeightedLayer weighted)
                {
                    bytes += weighted.WeightStorageBytes;
                    bytes += weighted.Biases == null ? 0 : 4 * weighted.Biases.Length;
                    bytes += weighted.Accumulators == null ? 0 : 4 * weighted.Accumulators.Length;
                    bytes += weighted.BiasAccumulators == null ? 0 : 4 * weighted.BiasAccumulators.Length;
                }
            }

            return bytes;
        }

        private void Forward(sbyte[] input, Scale inputScale)
        {
            if (input == null || input.Length < Spec.Input.Size)
            {
                throw new ArgumentException("the input is shorter than the model's input shape");
            }

            Tensor8 x = _activations[0];
            x.Data = input;
            x.Scale = inputScale;
            x.MaxAbs = Magnitude.MaxAbs(input, 0, x.Length);
            for (int l = 0; l < _layers.Length; l++)
            {
                _layers[l].Forward(_activations[l], _activations[l + 1], _workspace);
            }
        }

        // Whether layer l's input comes from a ReLU, directly or through max-pooling and flattening,
        // which route no error to a position whose value is 0 (see Layer.ZeroInputsDropTheirError).
        private static bool BelowIsReLU(ModelSpec spec, int l)
        {
            for (int k = l - 1; k >= 0; k--)
            {
                LayerKind kind = spec[k].Kind;
                if (kind == LayerKind.ReLU)
                {
                    return true;
                }

                if (kind != LayerKind.Flatten && kind != LayerKind.MaxPool2D && kind != LayerKind.MaxPool1D)
                {
                    return false;
                }
            }

            return false;
        }

        // Before anything is allocated: every layer's sums must fit an int32 (OverflowBounds).
        private static void CheckOverflowBounds(ModelSpec spec)
        {
            for (int l = 0; l < spec.Count; l++)
            {
                LayerSpec layer = spec[l];
                OverflowBounds.Check(layer, LayerSpec.KindName(layer.Kind) + " layer " + l.ToString());
            }
        }
    }
}
