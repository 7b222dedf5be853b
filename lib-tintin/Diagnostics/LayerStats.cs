// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Scaling;

namespace TinTin.Diagnostics
{
    /// <summary>
    /// Counters of one layer, cheap enough to leave on (updated once per call, never per element):
    /// what a user needs when integer training misbehaves. <see cref="Model.GetLayerStats"/> gives them;
    /// the engine writes them, a user reads them (and may <see cref="Reset"/> the counters).
    /// </summary>
    public sealed class LayerStats
    {
        /// <summary>Multiply-accumulates executed (forward and backward, including weight gradients).</summary>
        public long Macs { get; internal set; }

        /// <summary>Weight updates that would have left [-127, 127] and were clamped (each triggers a weight rescale in Tin-Tin mode).</summary>
        public int Saturations { get; internal set; }

        /// <summary>Rescales of the weight tensor (exponent changes).</summary>
        public int WeightRescales { get; internal set; }

        /// <summary>Requantizations of an accumulator to int8 that used a non-power-of-two factor.</summary>
        public int CompoundRescales { get; internal set; }

        /// <summary>The scale of the last output.</summary>
        public Scale OutputScale { get; internal set; }

        /// <summary>The scale of the last error passed to the layer below.</summary>
        public Scale ErrorScale { get; internal set; }

        /// <summary>Clears the counters (not the scales).</summary>
        public void Reset()
        {
            Macs = 0;
            Saturations = 0;
            WeightRescales = 0;
            CompoundRescales = 0;
        }
    }
}
