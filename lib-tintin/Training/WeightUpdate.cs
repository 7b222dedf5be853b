// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Training
{
    /// <summary>
    /// The weight update kernels, one flat loop each (no call per element). Every kernel subtracts an
    /// integer update from int8 weights and clamps to [-127, 127], returning how many weights it had
    /// to clamp so the caller can rescale the tensor (Tin-Tin) or report it (NITI).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Tin-Tin (gradient-aligned): the update is the gradient G in the weight's own scale times the
    /// learning rate, <c>round_stochastic(G * mantissa / 2^shift)</c>, where mantissa/2^shift is the
    /// fixed-point form of η * scale(G) / scale(W). Stochastic rounding adds a uniform random r in
    /// [0, 2^shift) before the arithmetic shift: <c>E[(p + r) &gt;&gt; shift] = p / 2^shift</c>
    /// exactly for every p, so this is plain SGD in expectation and small updates never vanish.
    /// </para>
    /// <para>
    /// NITI: the update is G shifted right so the largest has μ bits, with NITI's pseudo-stochastic
    /// rounding: the discarded bits are split in two halves; the upper half is the rounding
    /// probability and the lower half serves as the random number, so no generator is needed.
    /// </para>
    /// <para>
    /// The random bits of these gradient-array kernels come from an inline xorshift32 step on a state
    /// the caller keeps (the model's <see cref="TinTin.Random.Xorshift32"/>), one step per weight: the
    /// same seed gives the same bits on every platform. The rank-one row kernels of Dense layers, which
    /// run once per weight per training step, are in <see cref="RowUpdate"/>.
    /// </para>
    /// </remarks>
    internal static class WeightUpdate
    {
        /// <summary>
        /// Tin-Tin update from precomputed int32 gradients (convolutions, mini-batch accumulators):
        /// <c>w[i] -= round_stochastic(g[i] * mantissa / 2^shift)</c>, computed in 64 bits.
        /// </summary>
        /// <param name="weights">The weights.</param>
        /// <param name="weightOffset">The first weight.</param>
        /// <param name="gradients">The gradients.</param>
        /// <param name="gradientOffset">The first gradient.</param>
        /// <param name="count">The number of weights.</param>
        /// <param name="mantissa">The multiplier mantissa.</param>
        /// <param name="shift">The multiplier shift, 0..62.</param>
        /// <param name="random">The xorshift32 state, advanced once per weight.</param>
        /// <returns>The number of weights clamped.</returns>
        public static int TinTinGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int mantissa, int shift, ref uint random)
        {
            // The random addend has at most 32 bits: a larger shift is split into an exact pre-shift of the product.
            int preShift = shift > 32 ? shift - 32 : 0;
            int postShift = shift - preShift;
            long mask = (1L << postShift) - 1L;
            uint s = random;
            int clamped = 0;
            int g = gradientOffset;
            int end = weightOffset + count;
            for (int w = weightOffset; w < end; w++)
            {
                // Inline copy of Xorshift32.Step (no call per draw on the interpreter); InlineCopyTests checks it.
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                long p = ((long)gradients[g++] * mantissa) >> preShift;
                long v = weights[w] - ((p + (s & mask)) >> postShift);
                // Inline copy of Saturation.SaturateToInt8 (a call per weight costs more); ClampCopyTests checks it.
                if (v > 127 || v < -127)
                {
                    v = v > 0 ? 127 : -127;
                    clamped++;
                }

                weights[w] = (sbyte)v;
            }

            random = s;
            return clamped;
        }

        /// <summary>NITI update from precomputed int32 gradients: <c>w[i] -= pseudo_stochastic(g[i] &gt;&gt; shift)</c>.</summary>
        /// <param name="weights">The weights.</param>
        /// <param name="weightOffset">The first weight.</param>
        /// <param name="gradients">The gradients.</param>
        /// <param name="gradientOffset">The first gradient.</param>
        /// <param name="count">The number of weights.</param>
        /// <param name="shift">The right shift that leaves the largest update μ bits (0..30).</param>
        /// <returns>The number of weights clamped.</returns>
        public static int NitiGradients(sbyte[] weights, int weightOffset, int[] gradients, int gradientOffset, int count, int shift)
        {
            int half = shift >> 1;
            int halfMask = (1 << half) - 1;
            int lowMask = (1 << shift) - 1;
            int align = shift - (half << 1);
            int clamped = 0;
            int g = gradientOffset;
            int end = weightOffset + count;
            for (int w = weightOffset; w < end; w++)
            {
                int v0 = gradients[g++];
                int m = v0 < 0 ? -v0 : v0;
                int low = m & lowMask;
                int q = m >> shift;
                if (((low & halfMask) << align) < (low >> half))
                {
                    q++;
                }

                int v = weights[w] - (v0 < 0 ? -q : q);
                // Inline copy of Saturation.SaturateToInt8 (a call per weight costs more); ClampCopyTests checks it.
                if ((uint)(v + 127) > 254u)
                {
                    v = v > 0 ? 127 : -127;
                    clamped++;
                }

                weights[w] = (sbyte)v;
            }

            return clamped;
        }

        /// <summary>
        /// Mini-batch: adds <c>round(e * x[i] * mantissa / 2^shift)</c> (halves away from zero) to int32 accumulators, saturating.
        /// </summary>
        /// <param name="accumulators">The gradient accumulators.</param>
        /// <param name="offset">The first accumulator of the row.</param>
        /// <param name="error">The output error e.</param>
        /// <param name="inputs">The layer input x.</param>
        /// <param name="count">The row length.</param>
        /// <param name="mantissa">The multiplier mantissa (below 2^15).</param>
        /// <param name="shift">The multiplier shift; negative shifts left.</param>
        /// <returns>The number of accumulators that saturated.</returns>
        public static int AccumulateRow(int[] accumulators, int offset, int error, sbyte[] inputs, int count, int mantissa, int shift)
        {
            long scaledError = (long)error * mantissa;
            if (shift > 62 || scaledError == 0)
            {
                return 0; // every contribution rounds to 0
            }

            // |e * mantissa * x| < 2^29: a left shift of 33 already saturates every nonzero term, and cannot overflow a long.
            int left = shift < 0 ? (shift < -33 ? 33 : -shift) : 0;
            int right = shift > 0 ? shift : 0;
            long half = right > 0 ? 1L << (right - 1) : 0;
            long negativeBias = right > 0 ? -1L : 0L; // (p + half - 1) >> right rounds a negative p half away from zero
            int saturated = 0;
            int a = offset;
            for (int i = 0; i < count; i++)
            {
                long p = (scaledError * inputs[i]) << left;
                long sum = accumulators[a] + ((p + half + ((p >> 63) & negativeBias)) >> right);
                if (sum > int.MaxValue || sum < -int.MaxValue)
                {
                    sum = sum > 0 ? int.MaxValue : -int.MaxValue;
                    saturated++;
                }

                accumulators[a++] = (int)sum;
            }

            return saturated;
        }

        /// <summary>Mini-batch: adds <c>round(g[i] * mantissa / 2^shift)</c> (halves away from zero) to int32 accumulators, saturating.</summary>
        /// <param name="accumulators">The gradient accumulators.</param>
        /// <param name="offset">The first accumulator.</param>
        /// <param name="gradients">The per-sample gradients.</param>
        /// <param name="gradientOffset">The first gradient.</param>
        /// <param name="count">The number of gradients.</param>
        /// <param name="mantissa">The multiplier mantissa.</param>
        /// <param name="shift">The multiplier shift; negative shifts left.</param>
        /// <returns>The number of accumulators that saturated.</returns>
        public static int AccumulateGradients(int[] accumulators, int offset, int[] gradients, int gradientOffset, int count, int mantissa, int shift)
        {
            if (shift > 62)
            {
                return 0; // every contribution rounds to 0
            }

            if (shift < -16)
            {
                return AccumulateGradientsHuge(accumulators, offset, gradients, gradientOffset, count, mantissa, -shift);
            }

            int left = shift < 0 ? -shift : 0;
            int right = shift > 0 ? shift : 0;
            long half = right > 0 ? 1L << (right - 1) : 0;
            long negativeBias = right > 0 ? -1L : 0L; // as in AccumulateRow: halves round away from zero
            int saturated = 0;
            int g = gradientOffset;
            int end = offset + count;
            for (int a = offset; a < end; a++)
            {
                long p = ((long)gradients[g++] * mantissa) << left;
                long sum = accumulators[a] + ((p + half + ((p >> 63) & negativeBias)) >> right);
                if (sum > int.MaxValue || sum < -int.MaxValue)
                {
                    sum = sum > 0 ? int.MaxValue : -int.MaxValue;
                    saturated++;
                }

                accumulators[a] = (int)sum;
            }

            return saturated;
        }

        /// <summary>
        /// The rare case of a multiplier above 2^31 steps: |g * mantissa| &lt; 2^46 shifted left by more
        /// than 16 could overflow a long, so each product is clamped first to 2^31, which saturates the
        /// accumulator just the same.
        /// </summary>
        private static int AccumulateGradientsHuge(int[] accumulators, int offset, int[] gradients, int gradientOffset, int count, int mantissa, int left)
        {
            int saturated = 0;
            int g = gradientOffset;
            int end = offset + count;
            int shift = left > 31 ? 31 : left;
            for (int a = offset; a < end; a++)
            {
                long p = (long)gradients[g++] * mantissa;
                p = p > int.MaxValue ? int.MaxValue : (p < -int.MaxValue ? -int.MaxValue : p);
                long sum = accumulators[a] + (p << shift);
                if (sum > int.MaxValue || sum < -int.MaxValue)
                {
                    sum = sum > 0 ? int.MaxValue : -int.MaxValue;
                    saturated++;
                }

                accumulators[a] = (int)sum;
            }

            return saturated;
        }
    }
}
