// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Features
{
    /// <summary>
    /// cos(2πk/N) for a power-of-two period N, generated once with integer arithmetic only and kept as a
    /// quarter-wave table in Q30; read in Q30 or rounded to Q15 (1.0 = 32768).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Generation, no floating point: the rotations by 2π/2^j (j = 2..log2 N) come from exact values at
    /// j = 2 (π/2) and j = 3 (π/4: √½ by the exact integer square root) and then the half-angle formulas
    /// cos(θ/2) = √((1 + cos θ)/2) and sin(θ/2) = sin θ / (2 cos(θ/2)), each in Q30 with round-to-nearest
    /// (<see cref="IntegerMath.SqrtRound"/> and a rounded long division). Entry k of the quarter wave is
    /// then the product of the rotations for the set bits of k (k = Σ 2^i → angle Σ 2π·2^i/N), each complex
    /// multiply rounded in Q30. Every step errs by about one Q30 unit (2^-30), so an entry is within
    /// 16 Q30 units of the true cosine (observed ≤ 4.6), far below half a Q15 unit: the Q15 values are the correctly
    /// rounded cosines except for ties closer than that (the host tests compare every entry with Math.Cos
    /// for N = 4..65536: |Q15 − 32768·cos| ≤ 0.5 + 2^-10).
    /// </para>
    /// <para>
    /// Memory: N/4 + 1 ints. Cost: O(N log N) long multiplies, once, at construction.
    /// </para>
    /// </remarks>
    public sealed class CosineTable
    {
        /// <summary>The smallest period: 4 (the quarter wave needs at least the points 0 and π/2).</summary>
        public const int MinLength = 4;

        /// <summary>The largest period: 65536.</summary>
        public const int MaxLength = 65536;

        /// <summary>1.0 in Q15: 32768. <see cref="CosineQ15"/> returns values in [−32768, 32768].</summary>
        public const int OneQ15 = 1 << 15;

        /// <summary>1.0 in Q30: 1,073,741,824. <see cref="CosineQ30"/> returns values in [−2^30, 2^30].</summary>
        public const int OneQ30 = 1 << 30;

        private const long HalfQ30 = 1L << 29;

        private readonly int _length;
        private readonly int _quarter;
        private readonly int[] _quarterWave;

        /// <summary>
        /// Builds the table for the period <paramref name="length"/>.
        /// </summary>
        /// <param name="length">The period N: a power of two from <see cref="MinLength"/> to <see cref="MaxLength"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not such a power of two.</exception>
        public CosineTable(int length)
        {
            if (length < MinLength || length > MaxLength || (length & (length - 1)) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "length must be a power of two from 4 to 65536");
            }

            _length = length;
            _quarter = length >> 2;
            _quarterWave = BuildQuarterWave(length);
        }

        /// <summary>Gets the period N.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>
        /// Returns cos(2πk/N) in Q30.
        /// </summary>
        /// <param name="k">Any integer; it is taken modulo N.</param>
        /// <returns>The cosine times 2^30, in [−2^30, 2^30].</returns>
        public int CosineQ30(int k)
        {
            int quarter = _quarter;
            int index = k & (_length - 1);
            if (index <= quarter)
            {
                return _quarterWave[index];
            }

            if (index <= 2 * quarter)
            {
                return -_quarterWave[(2 * quarter) - index];
            }

            if (index <= 3 * quarter)
            {
                return -_quarterWave[index - (2 * quarter)];
            }

            return _quarterWave[(4 * quarter) - index];
        }

        /// <summary>
        /// Returns cos(2πk/N) in Q15, rounded to nearest (the magnitude is rounded, so the table is exactly
        /// symmetric: cos(π − x) = −cos(x) holds bit for bit).
        /// </summary>
        /// <param name="k">Any integer; it is taken modulo N.</param>
        /// <returns>The cosine times 32768, in [−32768, 32768].</returns>
        public int CosineQ15(int k)
        {
            int value = CosineQ30(k);
            return value >= 0 ? (value + (1 << 14)) >> 15 : -((-value + (1 << 14)) >> 15);
        }

        /// <summary>
        /// Returns sin(2πk/N) in Q15, that is cos(2π(k − N/4)/N).
        /// </summary>
        /// <param name="k">Any integer; it is taken modulo N.</param>
        /// <returns>The sine times 32768, in [−32768, 32768].</returns>
        public int SineQ15(int k)
        {
            return CosineQ15(k - _quarter);
        }

        private static int[] BuildQuarterWave(int length)
        {
            int log2 = 0;
            while ((1 << log2) < length)
            {
                log2++;
            }

            // rotationCos[j], rotationSin[j]: cos and sin of 2π/2^j in Q30, j = 2..log2.
            long[] rotationCos = new long[log2 + 1];
            long[] rotationSin = new long[log2 + 1];
            rotationCos[2] = 0;
            rotationSin[2] = OneQ30;
            if (log2 >= 3)
            {
                // cos(π/4) = sin(π/4) = √½: in Q30, √(2^59).
                long rootHalf = IntegerMath.SqrtRound(1L << 59);
                rotationCos[3] = rootHalf;
                rotationSin[3] = rootHalf;
            }

            for (int j = 4; j <= log2; j++)
            {
                // cos(θ/2) = √((1 + cos θ)/2): in Q30, √((2^30 + C)·2^29).
                long c = IntegerMath.SqrtRound((OneQ30 + rotationCos[j - 1]) << 29);

                // sin(θ/2) = sin θ / (2 cos(θ/2)): in Q30, S·2^29 / C, rounded.
                long s = ((rotationSin[j - 1] << 29) + (c >> 1)) / c;
                rotationCos[j] = c;
                rotationSin[j] = s;
            }

            int quarter = length >> 2;
            int[] table = new int[quarter + 1];
            for (int k = 0; k <= quarter; k++)
            {
                long c = OneQ30;
                long s = 0;
                for (int bit = 0; (k >> bit) != 0; bit++)
                {
                    if (((k >> bit) & 1) != 0)
                    {
                        // Rotate by 2π·2^bit/N = 2π/2^(log2 − bit); products ≤ 2^60, sums ≤ 2^61.
                        long rc = rotationCos[log2 - bit];
                        long rs = rotationSin[log2 - bit];
                        long nc = ((c * rc) - (s * rs) + HalfQ30) >> 30;
                        long ns = ((s * rc) + (c * rs) + HalfQ30) >> 30;
                        c = nc;
                        s = ns;
                    }
                }

                table[k] = (int)c;
            }

            // The end points come out exact: k = 0 applies no rotation and k = N/4 only the exact one by π/2.
            return table;
        }
    }
}
