// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Features
{
    /// <summary>
    /// Radix-2 decimation-in-time complex FFT, in place on two <see cref="int"/> arrays, integer only,
    /// with a fixed shift right by one bit per stage.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <b>Input:</b> real and imaginary parts in the int16 range [−32768, 32767].
    /// </para>
    /// <para>
    /// <b>Output scale:</b> exactly 1/N. Bin k holds X[k]/N, where X[k] = Σₙ x[n]·e^(−2πikn/N) is the
    /// unnormalised DFT: each of the log2 N stages computes (a ± w·b)/2. A DC input c gives c in bin 0;
    /// a real tone A·cos(2πmn/N) gives A/2 in bins m and N − m.
    /// </para>
    /// <para>
    /// <b>Error bound</b> (complex magnitude, output units), against X[k]/N computed exactly from the same
    /// integer input: |error| ≤ 1.6·log2 N. Derivation: a stage adds at most (a) the floor of the halving,
    /// ≤ ½√2 ≈ 0.71, (b) half of the product rounding, ½·½√2 ≈ 0.35, and (c) half of the twiddle
    /// quantisation error |w_q − w| ≤ ½√2·2^-15 (with a margin for the table's Q30 error) times |b| ≤ 46,400,
    /// ≈ 0.50; together ≤ 1.57 per stage. An error already present is not amplified: (e_a ± w·e_b)/2 has
    /// magnitude ≤ max(|e_a|, |e_b|). The first two stages use the exact twiddles 1 and −i, so they add only (a).
    /// </para>
    /// <para>
    /// <b>Overflow:</b> the complex magnitude of any intermediate stays ≤ 32768·√2 + 1.6·log2 N &lt; 46,400
    /// (a stage averages two values); a twiddle product |b|·|w| ≤ 46,400·32,769 &lt; 1.53·10^9 &lt; 2^31,
    /// so all arithmetic fits <see cref="int"/> with 29 % headroom.
    /// </para>
    /// <para>
    /// <b>Cost:</b> (N/2)·log2 N butterflies of 4 multiplies and 6 adds, no call and no field access in the
    /// loops; bit reversal by the Gold–Rader counter (no table). Memory: two Q15 tables of N/2 ints
    /// (cos and sin of 2πt/N), built once from a <see cref="CosineTable"/>. Nothing is allocated per transform.
    /// </para>
    /// </remarks>
    public sealed class IntegerFft
    {
        /// <summary>The smallest length: 4.</summary>
        public const int MinLength = 4;

        /// <summary>The largest length: 4096 (the range the error bound and the host tests cover).</summary>
        public const int MaxLength = 4096;

        /// <summary>The number of fraction bits of a twiddle factor (Q15).</summary>
        public const int TwiddleFractionBits = 15;

        private const int Round = 1 << (TwiddleFractionBits - 1);

        private readonly int _length;
        private readonly int _log2Length;
        private readonly int[] _cos;
        private readonly int[] _sin;

        /// <summary>
        /// Builds a transform of the given length with its own cosine table.
        /// </summary>
        /// <param name="length">N: a power of two from <see cref="MinLength"/> to <see cref="MaxLength"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not such a power of two.</exception>
        public IntegerFft(int length)
            : this(new CosineTable(CheckLength(length)))
        {
        }

        /// <summary>
        /// Builds a transform whose length is the period of <paramref name="cosine"/>, so a window and the
        /// transform can share one table.
        /// </summary>
        /// <param name="cosine">The cosine table; its period is the transform length N.</param>
        /// <exception cref="ArgumentNullException"><paramref name="cosine"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The table's period is above <see cref="MaxLength"/>.</exception>
        public IntegerFft(CosineTable cosine)
        {
            if (cosine == null)
            {
                throw new ArgumentNullException(nameof(cosine));
            }

            int length = CheckLength(cosine.Length);
            int log2 = 0;
            while ((1 << log2) < length)
            {
                log2++;
            }

            int half = length >> 1;
            _length = length;
            _log2Length = log2;
            _cos = new int[half];
            _sin = new int[half];
            for (int t = 0; t < half; t++)
            {
                _cos[t] = cosine.CosineQ15(t);
                _sin[t] = cosine.SineQ15(t);
            }
        }

        /// <summary>Gets the transform length N.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Gets log2 N, the number of stages and so the number of bits the output is shifted by.</summary>
        public int Log2Length
        {
            get { return _log2Length; }
        }

        /// <summary>
        /// Transforms in place: on return <paramref name="real"/>[k] + i·<paramref name="imag"/>[k] ≈ X[k]/N
        /// (see the class remarks for the scale, the error bound and the input range).
        /// </summary>
        /// <param name="real">The real parts, length N, each in [−32768, 32767].</param>
        /// <param name="imag">The imaginary parts, length N, each in [−32768, 32767] (all 0 for a real signal).</param>
        /// <exception cref="ArgumentNullException">An array is null.</exception>
        /// <exception cref="ArgumentException">An array's length is not N.</exception>
        public void Forward(int[] real, int[] imag)
        {
            if (real == null)
            {
                throw new ArgumentNullException(nameof(real));
            }

            if (imag == null)
            {
                throw new ArgumentNullException(nameof(imag));
            }

            int n = _length;
            if (real.Length != n || imag.Length != n)
            {
                throw new ArgumentException("real and imag must have the transform length");
            }

            int half = n >> 1;

            // Bit-reversal permutation (Gold–Rader): j walks the bit-reversed counter of i.
            int j = 0;
            for (int i = 0; i < n - 1; i++)
            {
                if (i < j)
                {
                    int swap = real[i];
                    real[i] = real[j];
                    real[j] = swap;
                    swap = imag[i];
                    imag[i] = imag[j];
                    imag[j] = swap;
                }

                int k = half;
                while (k <= j)
                {
                    j -= k;
                    k >>= 1;
                }

                j += k;
            }

            int[] cos = _cos;
            int[] sin = _sin;
            int step = half;
            for (int size = 2; size <= n; size <<= 1)
            {
                int span = size >> 1;
                int t = 0;
                for (int offset = 0; offset < span; offset++)
                {
                    // Twiddle w = e^(−2πit/N) = c − i·s, loaded once for all butterflies that use it.
                    int c = cos[t];
                    int s = sin[t];
                    for (int a = offset; a < n; a += size)
                    {
                        int b = a + span;
                        int br = real[b];
                        int bi = imag[b];
                        int tr = ((br * c) + (bi * s) + Round) >> TwiddleFractionBits;
                        int ti = ((bi * c) - (br * s) + Round) >> TwiddleFractionBits;
                        int ar = real[a];
                        int ai = imag[a];
                        real[a] = (ar + tr) >> 1;
                        imag[a] = (ai + ti) >> 1;
                        real[b] = (ar - tr) >> 1;
                        imag[b] = (ai - ti) >> 1;
                    }

                    t += step;
                }

                step >>= 1;
            }
        }

        private static int CheckLength(int length)
        {
            if (length < MinLength || length > MaxLength || (length & (length - 1)) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "length must be a power of two from 4 to 4096");
            }

            return length;
        }
    }
}
