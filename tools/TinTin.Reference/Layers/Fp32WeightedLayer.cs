// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;

namespace TinTin.Reference.Layers
{
    /// <summary>What Dense and the convolutions share: float32 weights and optional float32 biases.</summary>
    internal abstract class Fp32WeightedLayer : Fp32Layer
    {
        /// <summary>The weights, laid out exactly as lib-tintin's int8 weights of the same layer type.</summary>
        protected readonly float[] _weights;

        /// <summary>The biases, one per output (Dense) or filter (convolutions), or null.</summary>
        protected readonly float[] _biases;

        /// <summary>Allocates the parameters (all zero).</summary>
        /// <param name="spec">The layer description.</param>
        protected Fp32WeightedLayer(LayerSpec spec)
            : base(spec)
        {
            _weights = new float[spec.WeightCount];
            _biases = spec.BiasCount > 0 ? new float[spec.BiasCount] : null;
        }

        /// <inheritdoc/>
        public override float[] Weights
        {
            get { return _weights; }
        }

        /// <inheritdoc/>
        public override float[] Biases
        {
            get { return _biases; }
        }
    }
}
