// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Numerics;

namespace TinTin.Scaling
{
    /// <summary>
    /// Brings int32 accumulators back into int8: chooses the rescale factor from the largest
    /// magnitude, then applies it in one pass. The factor is <c>2^-s * a^u * b^d</c> (a = 1.5,
    /// b = 0.75), i.e. <c>3^(u+d) / 2^(s+u+2d)</c>: one multiply by a small power of three (on a
    /// core without a fast multiplier, 3x = x + 2x: shift and add) and one rounding shift.
    /// </summary>
    /// <remarks>
    /// Power-of-two shifts alone (NITI) leave the largest magnitude anywhere in 64..127, using as
    /// little as half the int8 range. With u, d in 0..2 the factor's mantissa steps through 1,
    /// 1.125, 1.27, 1.5, 1.69, so the largest magnitude lands in 107..127 (at least 84 % of the
    /// range). The factor is chosen so the result never exceeds 127: saturation is avoided by
    /// rescaling, never by clipping.
    /// </remarks>
    internal static class Requantizer
    {
        /// <summary>The largest int8 magnitude used (symmetric range, as NITI).</summary>
        public const int Limit = 127;

        // The candidates that can win, one per power of three 3^(u+d) = 3^0 .. 3^4: (0,0), (1,0), (2,0),
        // (2,1), (2,2). The result depends only on u+d, and of the nine (u, d) pairs with u, d in 0..2,
        // listed fewest factors first, the first of each power is the one a tie keeps.
        private static readonly int[] s_candidateUp = new int[] { 0, 1, 2, 2, 2 };
        private static readonly int[] s_candidateDown = new int[] { 0, 0, 0, 1, 2 };
        private static readonly int[] s_powersOf3 = new int[] { 1, 3, 9, 27, 81 };

        /// <summary>
        /// Chooses the rescale step for a tensor whose largest magnitude is <paramref name="maxAbs"/>.
        /// </summary>
        /// <param name="maxAbs">The largest |accumulator| (0 or more).</param>
        /// <param name="compound">False restricts the step to a power of two (NITI mode).</param>
        /// <param name="step">Receives the chosen step.</param>
        public static void Choose(int maxAbs, bool compound, ref RescaleStep step)
        {
            int candidates = compound ? s_candidateUp.Length : 1;
            step.Up = 0;
            step.Down = 0;
            step.Shift = 0;
            step.ResultMaxAbs = 0;
            if (maxAbs <= 0)
            {
                return;
            }

            int bestResult = -1;
            long scaled = maxAbs;
            for (int c = 0; c < candidates; c++)
            {
                int up = s_candidateUp[c];
                int down = s_candidateDown[c];
                int total = TotalShift(scaled, out int result);
                scaled *= 3; // the next candidate has one factor of 3 more
                if (result > bestResult)
                {
                    bestResult = result;
                    step.Up = up;
                    step.Down = down;
                    step.Shift = total - up - (down << 1);
                    step.ResultMaxAbs = result;
                }
            }
        }

        /// <summary>The output scale after applying <paramref name="step"/> to values at <paramref name="input"/>.</summary>
        /// <param name="input">The accumulators' scale.</param>
        /// <param name="step">The rescale step.</param>
        /// <returns>The scale of the int8 result.</returns>
        public static Scale OutputScale(Scale input, RescaleStep step)
        {
            return new Scale(input.Shift + step.Shift, input.Up - step.Up, input.Down - step.Down);
        }

        /// <summary>
        /// Writes <c>round(acc * 3^(u+d) / 2^(s+u+2d))</c>, half away from zero, for every element.
        /// </summary>
        /// <remarks>With a step <see cref="Choose"/> made for these accumulators' largest magnitude (its
        /// ResultMaxAbs set) no result exceeds 127, and the arithmetic runs in int; any other step (ResultMaxAbs
        /// 0) runs in long, where results outside int8 wrap as the cast to sbyte wraps them.</remarks>
        /// <param name="source">The accumulators.</param>
        /// <param name="sourceOffset">The first accumulator.</param>
        /// <param name="destination">The int8 output.</param>
        /// <param name="destinationOffset">The first output element.</param>
        /// <param name="count">The number of elements.</param>
        /// <param name="step">The step from <see cref="Choose"/>.</param>
        public static void Apply(int[] source, int sourceOffset, sbyte[] destination, int destinationOffset, int count, RescaleStep step)
        {
            int factors = step.Up + step.Down;
            long multiplier = factors <= 4 ? s_powersOf3[factors] : Pow3(factors); // Choose's steps have at most 4
            int shift = step.Shift + step.Up + (step.Down << 1);
            int end = sourceOffset + count;
            int d = destinationOffset;
            if (shift <= 0)
            {
                // Upscaling a small tensor: exact.
                int left = -shift;
                for (int i = sourceOffset; i < end; i++)
                {
                    destination[d++] = (sbyte)((source[i] * multiplier) << left);
                }

                return;
            }

            if (shift <= 24 && step.ResultMaxAbs > 0)
            {
                // A step Choose made for these accumulators (it records their largest result) maps every |acc|
                // to at most 127, so |acc * 3^k| < 127.5 * 2^shift and adding half stays below
                // 2^(shift + 7) <= 2^31: int arithmetic, about a sixth cheaper on the interpreter.
                // Half away from zero with no branch: for t < 0, (t + half - 1) >> shift = -((|t| + half) >> shift).
                int m = (int)multiplier;
                int halfInt = 1 << (shift - 1);
                int move = destinationOffset - sourceOffset; // one index for both arrays: cheaper than a second counter
                for (int i = sourceOffset; i < end; i++)
                {
                    int t = source[i] * m;
                    destination[i + move] = (sbyte)((t + halfInt + (t >> 31)) >> shift);
                }

                return;
            }

            long half = 1L << (shift - 1);
            for (int i = sourceOffset; i < end; i++)
            {
                long t = source[i] * multiplier;
                destination[d++] = (sbyte)(t >= 0 ? (t + half) >> shift : -((half - t) >> shift));
            }
        }

        /// <summary>
        /// Re-expresses int8 values that <see cref="Apply"/> produced with step <paramref name="from"/> in the
        /// scale of step <paramref name="to"/>, chosen for the same accumulators' scale: q * 3^(p_to - p_from) *
        /// 2^(t_from - t_to) (p: factors of 3, t: the total right shift), rounded half away from zero and
        /// clamped to +-<see cref="Limit"/>. A layer that requantizes its output row by row, each row at its
        /// own step, aligns the rows to the step of the largest magnitude this way once all are known.
        /// </summary>
        /// <param name="data">The int8 values, changed in place.</param>
        /// <param name="offset">First value.</param>
        /// <param name="count">How many.</param>
        /// <param name="from">The step they were produced with.</param>
        /// <param name="to">The step of the scale they are to carry.</param>
        /// <returns>The largest magnitude of the aligned values. Their largest magnitude before is taken to be
        /// <paramref name="from"/>.ResultMaxAbs, as <see cref="Apply"/> leaves it.</returns>
        public static int Align(sbyte[] data, int offset, int count, RescaleStep from, RescaleStep to)
        {
            int fromPow3 = from.Up + from.Down;
            int toPow3 = to.Up + to.Down;
            int shift = (to.Shift + to.Up + (to.Down << 1)) - (from.Shift + from.Up + (from.Down << 1)); // > 0: right
            long numerator = s_powersOf3[toPow3 > fromPow3 ? toPow3 - fromPow3 : 0];
            int divisor = s_powersOf3[fromPow3 > toPow3 ? fromPow3 - toPow3 : 0];
            int end = offset + count;
            if (shift > 15)
            {
                // |q| * 3^4 < 2^14: every value rounds to 0.
                for (int i = offset; i < end; i++)
                {
                    data[i] = 0;
                }

                return 0;
            }

            if (shift < 0)
            {
                numerator <<= shift < -24 ? 24 : -shift; // beyond 2^24 every nonzero value clamps anyway
                shift = 0;
            }

            // Exact rational rounding, floor((2|q|n + d) / 2d) with d = divisor * 2^shift, in int while
            // n <= 3^4 (d <= 3^4 * 2^15, so 2 * 127 * 81 + 2d < 2^23). Division truncates toward zero, so
            // adding d - 2d for a negative q gives -floor((2|q|n + d) / 2d): half away from zero with no
            // branch. Rounding is monotonic in |q|, so the largest result is that of the largest input
            // (from.ResultMaxAbs, the step's own result); the clamp is needed only when n > d.
            if (numerator <= 81)
            {
                int n2 = (int)numerator * 2;
                int d = divisor << shift;
                int twice = d << 1;
                int minusTwice = -twice;
                bool clamp = numerator > d;
                if (!clamp)
                {
                    for (int i = offset; i < end; i++)
                    {
                        int q = data[i];
                        data[i] = (sbyte)(((q * n2) + d + ((q >> 31) & minusTwice)) / twice);
                    }

                    return ((from.ResultMaxAbs * n2) + d) / twice;
                }

                int max = 0;
                for (int i = offset; i < end; i++)
                {
                    int q = data[i];
                    int a = q < 0 ? -q : q;
                    int r = ((a * n2) + d) / twice;
                    r = r > Limit ? Limit : r;
                    data[i] = (sbyte)(q < 0 ? -r : r);
                    max = r > max ? r : max;
                }

                return max;
            }

            // A row coarser than the tensor made n larger (rare: Choose picks a finer step for a smaller row): in long.
            int largest = 0;
            long dl = divisor;
            long twiceLong = dl << 1;
            for (int i = offset; i < end; i++)
            {
                int q = data[i];
                long a = q < 0 ? -q : q;
                long r = ((a * numerator * 2) + dl) / twiceLong;
                int m = r > Limit ? Limit : (int)r;
                data[i] = (sbyte)(q < 0 ? -m : m);
                largest = m > largest ? m : largest;
            }

            return largest;
        }

        /// <summary>3^n (the requantizer's steps need n in 0..4, which they read from a table; larger n wrap as int multiplication does).</summary>
        /// <param name="n">The exponent.</param>
        /// <returns>3^n.</returns>
        public static int Pow3(int n)
        {
            int p = 1;
            for (int i = 0; i < n; i++)
            {
                p *= 3;
            }

            return p;
        }

        // Smallest total right shift t (negative: left) with round(value / 2^t) <= Limit; returns that result.
        private static int TotalShift(long value, out int result)
        {
            if (value <= Limit)
            {
                int left = 0;
                while ((value << (left + 1)) <= Limit)
                {
                    left++;
                }

                result = (int)(value << left);
                return -left;
            }

            // value < 2^39 (an int magnitude times at most 3^4): the bit length in two binary searches, not a loop over bits.
            uint high = (uint)(value >> 32);
            int length = high != 0 ? 32 + Magnitude.BitLength(high) : Magnitude.BitLength((uint)value);

            int shift = length - 7;
            long rounded = (value + (1L << (shift - 1))) >> shift;
            if (rounded > Limit)
            {
                shift++;
                rounded = (value + (1L << (shift - 1))) >> shift;
            }

            result = (int)rounded;
            return shift;
        }
    }

    /// <summary>A rescale step: the factor <c>2^-Shift * 1.5^Up * 0.75^Down</c> applied to accumulators.</summary>
    internal struct RescaleStep
    {
        /// <summary>The power-of-two part s (the result is divided by 2^s).</summary>
        public int Shift;

        /// <summary>Factors a = 1.5 applied.</summary>
        public int Up;

        /// <summary>Factors b = 0.75 applied.</summary>
        public int Down;

        /// <summary>The largest |value| after the step (at most 127).</summary>
        public int ResultMaxAbs;
    }
}
