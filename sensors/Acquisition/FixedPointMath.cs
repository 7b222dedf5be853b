// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Acquisition
{
    /// <summary>
    /// The transcendental values the synthetic source needs once at construction (the cosine of a
    /// bearing's contact angle in degrees, the resonance decay), computed with integers only (Taylor
    /// series in Q30 on <see cref="long"/>), so device and host produce identical values. The sample
    /// loop's sine table comes from <see cref="TinTin.Sensors.Features.CosineTable"/>.
    /// </summary>
    internal static class FixedPointMath
    {
        /// <summary>One in Q30.</summary>
        internal const long OneQ30 = 1L << 30;

        /// <summary>Pi in Q30: round(pi * 2^30).</summary>
        internal const long PiQ30 = 3373259426L;

        /// <summary>
        /// sin(x) for 0 &lt;= x &lt;= pi/2, both in Q30. Taylor series to the x^15 term: the truncation
        /// error is below (pi/2)^17 / 17! &lt; 1e-11, so the result is exact to a few Q30 units of rounding.
        /// </summary>
        /// <param name="xQ30">The angle in radians, Q30, from 0 to pi/2.</param>
        /// <returns>The sine, Q30.</returns>
        internal static long SinQ30(long xQ30)
        {
            long x2 = (xQ30 * xQ30) >> 30;
            long term = xQ30;
            long sum = xQ30;
            for (int k = 1; k <= 7; k++)
            {
                // term_k = -term_(k-1) * x^2 / ((2k)(2k+1)); every factor stays below 2^31, so no overflow.
                term = -((term * x2) >> 30) / ((2 * k) * ((2 * k) + 1));
                sum += term;
            }

            return sum;
        }

        /// <summary>
        /// exp(-x) for 0 &lt;= x &lt;= 1, both in Q30. Taylor series to the x^14 term: the truncation error
        /// is below 1 / 15! &lt; 1e-12.
        /// </summary>
        /// <param name="xQ30">The exponent magnitude, Q30, from 0 to 1.</param>
        /// <returns>exp(-x), Q30.</returns>
        internal static long ExpNegQ30(long xQ30)
        {
            long term = OneQ30;
            long sum = OneQ30;
            for (int k = 1; k <= 14; k++)
            {
                term = -((term * xQ30) >> 30) / k;
                sum += term;
            }

            return sum;
        }
    }
}
