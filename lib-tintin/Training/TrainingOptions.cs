// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Scaling;

namespace TinTin.Training
{
    /// <summary>The knobs of integer training. docs/tintin-training.md explains each.</summary>
    public sealed class TrainingOptions
    {
        /// <summary>The largest μ: a NITI update then stays below 2^30, so subtracting it from a weight cannot overflow.</summary>
        public const int MaxMuBits = 30;

        private int _muBits;
        private int _batchSize;
        private int _weightCheckInterval;

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

        /// <summary>Gets or sets NITI's μ: the bit length of the largest weight update (0 means ±1 steps), 0..<see cref="MaxMuBits"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is outside 0..<see cref="MaxMuBits"/>.</exception>
        public int MuBits
        {
            get
            {
                return _muBits;
            }

            set
            {
                if (value < 0 || value > MaxMuBits)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                _muBits = value;
            }
        }

        /// <summary>Gets or sets the batch size: 1 fuses backward and update (no gradient buffer); above 1 accumulates int32 gradients.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
        public int BatchSize
        {
            get
            {
                return _batchSize;
            }

            set
            {
                if (value < 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                _batchSize = value;
            }
        }

        /// <summary>Gets or sets the seed of the PRNG (initialisation and stochastic rounding).</summary>
        public uint Seed { get; set; }

        /// <summary>Gets or sets whether initial weights fill most of ±127 (Tin-Tin) instead of NITI's small integers.</summary>
        public bool InitialUpscale { get; set; }

        /// <summary>Gets or sets how many updates pass between checks that a weight tensor still uses its int8 range (Tin-Tin; 0 disables).</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
        public int WeightCheckInterval
        {
            get
            {
                return _weightCheckInterval;
            }

            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                _weightCheckInterval = value;
            }
        }
    }
}
