// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Features
{
    /// <summary>
    /// A window function in Q15 (1.0 = 32768), applied to int16-range samples before the FFT.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <see cref="Hann"/> builds the periodic Hann window w[n] = ½(1 − cos(2πn/N)), n = 0..N−1, from the
    /// Q30 values of a <see cref="CosineTable"/> with one rounding: w_q[n] = round((2^30 − C30[n]) / 2^16), so
    /// |w_q[n] − 32768·w[n]| ≤ 0.5 + 2^-10. Its sums, exact in theory: Σw = N/2, Σw² = 3N/8;
    /// <see cref="Sum"/> and <see cref="SumOfSquares"/> give the integer table's own sums for amplitude and
    /// energy corrections.
    /// </para>
    /// <para>
    /// <see cref="Apply"/> computes y[n] = ⌊(x[n]·w_q[n] + 2^14) / 2^15⌋ (round half up): |x·w_q| ≤ 2^30 fits
    /// <see cref="int"/>, and |y| ≤ |x|, so int16 input stays int16.
    /// </para>
    /// </remarks>
    public sealed class WindowFunction
    {
        /// <summary>1.0 in Q15: 32768.</summary>
        public const int OneQ15 = 1 << 15;

        private readonly int[] _coefficients;

        private WindowFunction(int[] coefficients)
        {
            _coefficients = coefficients;
        }

        /// <summary>Gets the window length N.</summary>
        public int Length
        {
            get { return _coefficients.Length; }
        }

        /// <summary>Gets Σ w_q[n], in Q15 (for Hann ≈ N/2 · 32768): the coherent gain times N.</summary>
        public long Sum
        {
            get
            {
                long sum = 0;
                int[] w = _coefficients;
                for (int n = 0; n < w.Length; n++)
                {
                    sum += w[n];
                }

                return sum;
            }
        }

        /// <summary>Gets Σ w_q[n]², in Q30 (for Hann ≈ 3N/8 · 2^30): the energy gain times N.</summary>
        public long SumOfSquares
        {
            get
            {
                long sum = 0;
                int[] w = _coefficients;
                for (int n = 0; n < w.Length; n++)
                {
                    sum += (long)w[n] * w[n];
                }

                return sum;
            }
        }

        /// <summary>
        /// Builds the periodic Hann window whose length is the period of <paramref name="cosine"/>.
        /// </summary>
        /// <param name="cosine">The cosine table (shared with the <see cref="IntegerFft"/> of the same length).</param>
        /// <returns>The window; coefficients in [0, 32768], w[0] = 0, w[N/2] = 32768.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="cosine"/> is null.</exception>
        public static WindowFunction Hann(CosineTable cosine)
        {
            if (cosine == null)
            {
                throw new ArgumentNullException(nameof(cosine));
            }

            int length = cosine.Length;
            int[] coefficients = new int[length];
            for (int n = 0; n < length; n++)
            {
                // (1 − cos)/2 in Q15 = (2^30 − C30)/2^16, rounded; 2^30 − C30 ≤ 2^31 needs long.
                long numerator = (long)CosineTable.OneQ30 - cosine.CosineQ30(n);
                coefficients[n] = (int)((numerator + (1L << 15)) >> 16);
            }

            return new WindowFunction(coefficients);
        }

        /// <summary>
        /// Returns coefficient n in Q15.
        /// </summary>
        /// <param name="n">The index, 0 to N − 1.</param>
        /// <returns>w_q[n].</returns>
        /// <exception cref="IndexOutOfRangeException"><paramref name="n"/> is outside the window.</exception>
        public int Coefficient(int n)
        {
            return _coefficients[n];
        }

        /// <summary>
        /// Windows N samples: destination[n] = round(source[sourceOffset + n·sourceStride] · w_q[n] / 32768).
        /// </summary>
        /// <param name="source">The samples, int16 range.</param>
        /// <param name="sourceOffset">The index of the first sample.</param>
        /// <param name="sourceStride">The distance between consecutive samples (1 for a plain array, 3 for one axis of interleaved X Y Z).</param>
        /// <param name="destination">Receives the N windowed samples from index 0; may be <paramref name="source"/> when the stride is 1 and the offset 0.</param>
        /// <exception cref="ArgumentNullException">An array is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The offset or stride is out of range, or a range does not fit its array.</exception>
        public void Apply(int[] source, int sourceOffset, int sourceStride, int[] destination)
        {
            int[] w = _coefficients;
            int length = w.Length;
            CheckStrided(source, sourceOffset, sourceStride, length);
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (destination.Length < length)
            {
                throw new ArgumentOutOfRangeException(nameof(destination));
            }

            int s = sourceOffset;
            for (int n = 0; n < length; n++)
            {
                destination[n] = ((source[s] * w[n]) + (1 << 14)) >> 15;
                s += sourceStride;
            }
        }

        /// <summary>
        /// Checks that <paramref name="count"/> samples starting at <paramref name="offset"/>, <paramref name="stride"/> apart, lie in <paramref name="samples"/>.
        /// </summary>
        internal static void CheckStrided(int[] samples, int offset, int stride, int count)
        {
            if (samples == null)
            {
                throw new ArgumentNullException(nameof(samples));
            }

            if (stride < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(stride));
            }

            if (offset < 0 || offset >= samples.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            // The last index, offset + (count − 1)·stride, computed in long so a huge stride cannot wrap.
            if (offset + ((long)(count - 1) * stride) >= samples.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }
        }
    }
}
