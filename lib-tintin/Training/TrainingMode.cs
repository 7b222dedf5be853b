// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Training
{
    /// <summary>How the integer training rescales tensors and updates weights. Values are part of the model file.</summary>
    public enum TrainingMode : byte
    {
        /// <summary>
        /// Tin-Tin: compound exponents with non-power-of-two rescaling (factors 1.5 and 0.75),
        /// gradient-aligned updates (real SGD in expectation, integer learning rate, stochastic
        /// rounding from the PRNG), initial weight upscaling, weight saturation handled by rescaling.
        /// </summary>
        TinTin = 1,

        /// <summary>
        /// NITI (Wang et al. 2020): power-of-two exponents, fixed weight exponents, updates shifted so
        /// the largest has μ bits with pseudo-stochastic rounding, weights clamped to ±127.
        /// </summary>
        Niti = 2,
    }
}
