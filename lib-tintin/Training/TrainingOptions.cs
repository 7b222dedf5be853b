// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Scaling;

namespace TinTin.Training
{
    /// <summary>The knobs of integer training. docs/tintin-training.md explains each.</summary>
    public sealed class TrainingOptions
    {
        /// <summary>Creates the defaults: Tin-Tin mode, learning rate 2^-5, batch size 1, seed 1.</summary>
        public TrainingOptions()
        {
            Mode = TrainingMode.TinTin;
            LearningRate = Scale.PowerOfTwo(-5);
            MuBits = 3;
            BatchSize = 1;
            Seed = 1;
            InitialUpscale = true;
            WeightCheckInterval = 32;
        }

        /// <summary>Gets or sets the training mode.</summary>
        public TrainingMode Mode { get; set; }

        /// <summary>
        /// Gets or sets the Tin-Tin learning rate η as a compound scale (2^S * 1.5^U * 0.75^D), so
        /// scaling a gradient by it is integer exponent arithmetic.
        /// </summary>
        public Scale LearningRate { get; set; }

        /// <summary>Gets or sets NITI's μ: the bit length of the largest weight update (0 means ±1 steps).</summary>
        public int MuBits { get; set; }

        /// <summary>Gets or sets the batch size: 1 fuses backward and update (no gradient buffer); above 1 accumulates int32 gradients.</summary>
        public int BatchSize { get; set; }

        /// <summary>Gets or sets the seed of the PRNG (initialisation and stochastic rounding).</summary>
        public uint Seed { get; set; }

        /// <summary>Gets or sets whether initial weights fill most of ±127 (Tin-Tin) instead of NITI's small integers.</summary>
        public bool InitialUpscale { get; set; }

        /// <summary>Gets or sets how many updates pass between checks that a weight tensor still uses its int8 range (Tin-Tin; 0 disables).</summary>
        public int WeightCheckInterval { get; set; }
    }
}
