// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Reference.Layers;

namespace TinTin.Reference
{
    /// <summary>
    /// The FP32 reference trainer: a float32 network of the same architecture as a lib-tintin
    /// <c>TinTin.Model</c>, trained by plain SGD at batch size 1 with softmax cross-entropy (natural
    /// exp). Written in the same lean array style and nanoFramework subset as the integer engine,
    /// so that its interpreter cost is a fair comparison.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Every buffer is allocated here, once; <see cref="TrainStep"/>, <see cref="Forward"/> and
    /// <see cref="Predict"/> allocate nothing. The weights of each layer type are laid out exactly
    /// as lib-tintin's int8 weights (Dense [outputs][inputs]; Conv2D [filters][C][K][K]; Conv1D
    /// [filters][C][K]; one bias per output or filter), so <see cref="CopyWeights"/> can take an
    /// integer model's real weights element by element.
    /// </para>
    /// <para>
    /// One training step mirrors the integer engine's: forward through all layers (ReLU and Flatten
    /// in place, max pooling keeps one window index per output), the loss gradient
    /// <c>softmax(z) - onehot(label)</c>, then backward from the last layer, each weighted layer
    /// sending the error down with its old weights and then updating its weights and biases on the
    /// spot (fused: no gradient buffer; a convolution needs one filter's gradient row).
    /// </para>
    /// </remarks>
    public sealed class Fp32Network
    {
        private readonly Fp32Layer[] _layers;
        private readonly float[][] _activations;
        private readonly float[][] _outputErrors;
        private readonly float[][] _inputErrors;
        private readonly float[] _gradientRow;
        private readonly float[] _inputError;
        private readonly int _inputSlots;
        private readonly int _inputSize;
        private readonly int _classes;
        private float _learningRate;

        /// <summary>Builds a network with all weights and biases zero (set them with <see cref="CopyWeights"/>).</summary>
        /// <param name="spec">The description (at least one layer; the output is one value per class).</param>
        /// <exception cref="ArgumentNullException"><paramref name="spec"/> is null.</exception>
        /// <exception cref="ArgumentException">The description has no layers, or a layer cannot be built.</exception>
        public Fp32Network(ModelSpec spec)
            : this(spec, false)
        {
        }

        /// <summary>Builds a network, optionally also computing the error at the input in every training step.</summary>
        /// <param name="spec">The description (at least one layer; the output is one value per class).</param>
        /// <param name="keepInputError">
        /// Whether <see cref="TrainStep"/> also computes dLoss/dInput into <see cref="InputError"/>
        /// (for tests and diagnostics; training never needs it, and without it the first layer skips that work).
        /// </param>
        /// <exception cref="ArgumentNullException"><paramref name="spec"/> is null.</exception>
        /// <exception cref="ArgumentException">The description has no layers, or a layer cannot be built.</exception>
        public Fp32Network(ModelSpec spec, bool keepInputError)
        {
            if (spec == null)
            {
                throw new ArgumentNullException(nameof(spec));
            }

            int count = spec.Count;
            if (count == 0)
            {
                throw new ArgumentException("the model has no layers");
            }

            Spec = spec;
            _inputSize = spec.Input.Size;
            _classes = spec.Output.Size;
            _learningRate = 0.03125f;
            _layers = new Fp32Layer[count];
            int weightBytes = 0;
            int activationBytes = 0;
            int gradientRow = 0;
            for (int l = 0; l < count; l++)
            {
                Fp32Layer layer = Create(spec[l]);
                _layers[l] = layer;
                if (layer.Weights != null)
                {
                    weightBytes += 4 * layer.Weights.Length;
                }

                if (layer.Biases != null)
                {
                    weightBytes += 4 * layer.Biases.Length;
                }

                if (layer.Kept != null)
                {
                    activationBytes += layer.Kept.Length;
                }

                if (layer.GradientRowLength > gradientRow)
                {
                    gradientRow = layer.GradientRowLength;
                }
            }

            // Activations: slot l + 1 is layer l's output. In-place layers share their input's
            // buffer, except a ReLU that would write over the caller's input (lib-tintin decides, for both engines).
            _activations = new float[count + 1][];
            _inputSlots = 1;
            bool onInput = true;
            for (int l = 0; l < count; l++)
            {
                if (LayerFactory.SharesInputBuffer(spec, l))
                {
                    _activations[l + 1] = _activations[l];
                    if (onInput)
                    {
                        _inputSlots = l + 2;
                    }
                }
                else
                {
                    float[] buffer = new float[spec[l].Output.Size];
                    _activations[l + 1] = buffer;
                    activationBytes += 4 * buffer.Length;
                    onInput = false;
                }
            }

            // Errors: two buffers used alternately from the last layer down, each as long as the
            // largest error it carries; in-place layers keep the error where it is.
            _outputErrors = new float[count][];
            _inputErrors = new float[count][];
            int[] outputId = new int[count];
            int[] inputId = new int[count];
            int[] length = new int[2];
            int error = 0;
            int spare = 1;
            for (int l = count - 1; l >= 0; l--)
            {
                outputId[l] = error;
                length[error] = Max(length[error], spec[l].Output.Size);
                if (l == 0)
                {
                    inputId[l] = -1;
                }
                else if (_layers[l].InPlace)
                {
                    inputId[l] = error;
                }
                else
                {
                    inputId[l] = spare;
                    length[spare] = Max(length[spare], spec[l].Input.Size);
                    spare = error;
                    error = inputId[l];
                }
            }

            float[] errorA = length[0] > 0 ? new float[length[0]] : null;
            float[] errorB = length[1] > 0 ? new float[length[1]] : null;
            int scratchBytes = 4 * (length[0] + length[1]);
            for (int l = 0; l < count; l++)
            {
                _outputErrors[l] = outputId[l] == 0 ? errorA : errorB;
                _inputErrors[l] = inputId[l] < 0 ? null : (inputId[l] == 0 ? errorA : errorB);
            }

            if (keepInputError)
            {
                _inputError = new float[_inputSize];
                _inputErrors[0] = _inputError;
                scratchBytes += 4 * _inputError.Length;
            }

            if (gradientRow > 0)
            {
                _gradientRow = new float[gradientRow];
                scratchBytes += 4 * gradientRow;
            }

            WeightBytes = weightBytes;
            ActivationBytes = activationBytes;
            GradientBytes = 0;
            ScratchBytes = scratchBytes;
        }

        /// <summary>Gets the description the network was built from.</summary>
        public ModelSpec Spec { get; }

        /// <summary>Gets the number of layers.</summary>
        public int LayerCount
        {
            get { return _layers.Length; }
        }

        /// <summary>Gets or sets the SGD learning rate (default 2^-5, as lib-tintin's default).</summary>
        public float LearningRate
        {
            get { return _learningRate; }
            set { _learningRate = value; }
        }

        /// <summary>Gets the bytes of the float32 weights and biases.</summary>
        public int WeightBytes { get; }

        /// <summary>Gets the bytes of the layer outputs kept for backward (float32) and the max-pool window indices (one byte each).</summary>
        public int ActivationBytes { get; }

        /// <summary>Gets the bytes of gradient buffers: 0, the update is fused at batch size 1.</summary>
        public int GradientBytes { get; }

        /// <summary>Gets the bytes of scratch: the error buffers and one convolution filter's gradient row.</summary>
        public int ScratchBytes { get; }

        /// <summary>Gets the bytes of every buffer the network holds (the caller's input excluded).</summary>
        public int TotalBytes
        {
            get { return WeightBytes + ActivationBytes + GradientBytes + ScratchBytes; }
        }

        /// <summary>Gets the output (one logit per class) of the last forward pass.</summary>
        public float[] Output
        {
            get { return _activations[_layers.Length]; }
        }

        /// <summary>Gets dLoss/dInput of the last training step, or null unless the network was built to keep it.</summary>
        public float[] InputError
        {
            get { return _inputError; }
        }

        /// <summary>Gets a layer's weights, the live array (layout as lib-tintin's), or null for a layer without weights.</summary>
        /// <param name="layer">The layer index.</param>
        /// <returns>The weights, or null.</returns>
        public float[] GetWeights(int layer)
        {
            return _layers[layer].Weights;
        }

        /// <summary>Gets a layer's biases, the live array, or null for a layer without biases.</summary>
        /// <param name="layer">The layer index.</param>
        /// <returns>The biases, or null.</returns>
        public float[] GetBiases(int layer)
        {
            return _layers[layer].Biases;
        }

        /// <summary>Gets the buffer that holds a layer's output after a forward pass (shared by in-place layers; the caller's input for a leading Flatten).</summary>
        /// <param name="layer">The layer index.</param>
        /// <returns>The output buffer.</returns>
        public float[] GetOutput(int layer)
        {
            return _activations[layer + 1];
        }

        /// <summary>Copies weights and biases into a layer, element by element.</summary>
        /// <param name="layer">The layer index.</param>
        /// <param name="weights">As many weights as the layer has, in lib-tintin's layout.</param>
        /// <param name="biases">As many biases as the layer has; null sets them to zero.</param>
        /// <exception cref="ArgumentException">The layer has no weights, or a length does not match.</exception>
        public void CopyWeights(int layer, float[] weights, float[] biases)
        {
            Fp32Layer target = _layers[layer];
            float[] w = target.Weights;
            float[] b = target.Biases;
            if (w == null || weights == null || weights.Length != w.Length)
            {
                throw new ArgumentException("the weights do not match the layer");
            }

            if (biases != null && (b == null ? biases.Length != 0 : biases.Length != b.Length))
            {
                throw new ArgumentException("the biases do not match the layer");
            }

            Array.Copy(weights, w, w.Length);
            if (b != null)
            {
                if (biases == null)
                {
                    Array.Clear(b, 0, b.Length);
                }
                else
                {
                    Array.Copy(biases, b, b.Length);
                }
            }
        }

        /// <summary>Runs the network on one sample.</summary>
        /// <param name="input">The sample, flat channels first; it is read, never written.</param>
        /// <returns>The logits (<see cref="Output"/>: the network's buffer, valid until the next call).</returns>
        /// <exception cref="ArgumentException">The input is null or shorter than the input shape.</exception>
        public float[] Forward(float[] input)
        {
            if (input == null || input.Length < _inputSize)
            {
                throw new ArgumentException("the input is shorter than the model's input shape");
            }

            Fp32Layer[] layers = _layers;
            float[][] a = _activations;
            int slots = _inputSlots;
            for (int s = 0; s < slots; s++)
            {
                a[s] = input;
            }

            int count = layers.Length;
            for (int l = 0; l < count; l++)
            {
                layers[l].Forward(a[l], a[l + 1]);
            }

            return a[count];
        }

        /// <summary>Runs the network on one sample and returns the predicted class.</summary>
        /// <param name="input">The sample.</param>
        /// <returns>The index of the largest logit (the first on ties).</returns>
        /// <exception cref="ArgumentException">The input is null or shorter than the input shape.</exception>
        public int Predict(float[] input)
        {
            float[] z = Forward(input);
            int n = _classes;
            int best = 0;
            float top = z[0];
            for (int k = 1; k < n; k++)
            {
                if (z[k] > top)
                {
                    top = z[k];
                    best = k;
                }
            }

            return best;
        }

        /// <summary>
        /// Trains on one sample: forward, softmax cross-entropy, backward with the fused SGD update
        /// (<c>w -= LearningRate * dLoss/dw</c>).
        /// </summary>
        /// <param name="input">The sample; it must stay unchanged during the call.</param>
        /// <param name="label">The true class.</param>
        /// <returns>The loss before the update, in nats: <c>-ln softmax(z)[label]</c>.</returns>
        /// <exception cref="ArgumentException">The input is null or shorter than the input shape.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The label is not a class.</exception>
        public float TrainStep(float[] input, int label)
        {
            int n = _classes;
            if (label < 0 || label >= n)
            {
                throw new ArgumentOutOfRangeException(nameof(label));
            }

            float[] z = Forward(input);
            Fp32Layer[] layers = _layers;
            int last = layers.Length - 1;

            // Softmax with the largest logit subtracted first: every exponent is <= 0, the sum >= 1.
            float[] g = _outputErrors[last];
            float max = z[0];
            for (int k = 1; k < n; k++)
            {
                if (z[k] > max)
                {
                    max = z[k];
                }
            }

            float sum = 0f;
            for (int k = 0; k < n; k++)
            {
                float p = (float)Math.Exp(z[k] - max);
                g[k] = p;
                sum += p;
            }

            float inverse = 1f / sum;
            for (int k = 0; k < n; k++)
            {
                g[k] *= inverse;
            }

            g[label] -= 1f;
            float loss = (float)(Math.Log(sum) - (z[label] - max));

            float[][] a = _activations;
            float[][] outputErrors = _outputErrors;
            float[][] inputErrors = _inputErrors;
            float[] row = _gradientRow;
            float rate = _learningRate;
            for (int l = last; l >= 0; l--)
            {
                layers[l].Backward(a[l], a[l + 1], outputErrors[l], inputErrors[l], row, rate);
            }

            return loss;
        }

        private static Fp32Layer Create(LayerSpec spec)
        {
            switch (spec.Kind)
            {
                case LayerKind.Dense:
                    return new Fp32Dense(spec);
                case LayerKind.Conv2D:
                case LayerKind.Conv1D:
                    return new Fp32Convolution(spec);
                case LayerKind.MaxPool2D:
                case LayerKind.MaxPool1D:
                    return new Fp32MaxPool(spec);
                case LayerKind.ReLU:
                    return new Fp32ReLU(spec);
                case LayerKind.Flatten:
                    return new Fp32Flatten(spec);
                default:
                    throw new ArgumentException("unknown layer kind " + LayerSpec.KindName(spec.Kind));
            }
        }

        private static int Max(int a, int b)
        {
            return a > b ? a : b;
        }
    }
}
