// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Numerics
{
    /// <summary>
    /// Division by a power of two with rounding: round-to-nearest (half away from zero) and unbiased
    /// stochastic rounding. Both are sign-symmetric: they work on the magnitude and re-apply the sign.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The arithmetic shift <c>x &gt;&gt; s</c> rounds toward minus infinity, and the common
    /// <c>(x + half) &gt;&gt; s</c> rounds -2.5 to -2 but 2.5 to 3: both bias negative values. NITI's
    /// reference code had this trap. Here -2.5 rounds to -3 and 2.5 to 3.
    /// </para>
    /// <para>
    /// A negative shift means a left shift by its magnitude, saturated to the int range (see
    /// <see cref="Saturation.SaturatingShiftLeft"/>), so a signed exponent difference can be applied
    /// with one call. These methods are per-tensor helpers and the bit-exact reference for the
    /// engine; its hot loops inline the same arithmetic.
    /// </para>
    /// </remarks>
    internal static class Rounding
    {
        /// <summary>
        /// Computes <c>value / 2^shift</c> rounded to nearest, ties away from zero.
        /// </summary>
        /// <remarks>
        /// Defined for every input, with no overflow: shift 0 returns <paramref name="value"/> unchanged
        /// (also <see cref="int.MinValue"/>); <see cref="int.MinValue"/> is handled through its magnitude
        /// 2^31 as an unsigned number; shifts of 32 and more give 0, except <see cref="int.MinValue"/>
        /// at shift 32, which is exactly -0.5 and rounds to -1. A negative shift is a saturating left
        /// shift by -<paramref name="shift"/>.
        /// </remarks>
        /// <param name="value">The value to divide.</param>
        /// <param name="shift">The power of two to divide by; negative multiplies (saturating).</param>
        /// <returns>The rounded quotient.</returns>
        public static int RoundShiftRight(int value, int shift)
        {
            if (shift <= 0)
            {
                if (shift == 0)
                {
                    return value;
                }

                // Any left shift of 31 or more saturates every nonzero value, so larger shifts clamp to 31.
                return Saturation.SaturatingShiftLeft(value, shift < -31 ? 31 : -shift);
            }

            if (shift > 31)
            {
                // |value| <= 2^31, so the quotient is at most one half, reached only by int.MinValue at 32.
                return (shift == 32 && value == int.MinValue) ? -1 : 0;
            }

            uint half = 1u << (shift - 1);
            if (value >= 0)
            {
                // uint: value + half can exceed int.MaxValue. Through long back to int: see below.
                return (int)(long)(((uint)value + half) >> shift);
            }

            // Unchecked negation: int.MinValue stays int.MinValue, whose uint reading is its magnitude 2^31.
            // (int)(long), not (int): a uint-to-int cast emits no IL, so on nanoCLR the int (and its
            // negation) would keep the uint's unsigned tag, and a caller widening or shifting it would get
            // 2^32 - q instead of -q. conv.u8 + conv.i4 give a plain int; on .NET both are the same bits.
            uint magnitude = (uint)(-value);
            return -(int)(long)((magnitude + half) >> shift);
        }

        /// <summary>
        /// Computes <c>value / 2^shift</c> with unbiased stochastic rounding driven by
        /// <paramref name="randomBits"/>.
        /// </summary>
        /// <remarks>
        /// <para>
        /// The magnitude m is split into q = m &gt;&gt; shift and the discarded fraction f = m mod 2^shift.
        /// The result's magnitude is q + 1 when the low <paramref name="shift"/> bits of
        /// <paramref name="randomBits"/> (read as an unsigned number r) satisfy r &lt; f, and q otherwise.
        /// With r uniform, that happens with probability f / 2^shift, so the expected result is exactly
        /// <c>value / 2^shift</c>: summed over all 2^shift patterns of r, the results add up to
        /// <paramref name="value"/>. The sign is re-applied afterwards, so
        /// <c>f(-v, r) == -f(v, r)</c>, and small values round to zero or to +1 or -1 without drift.
        /// </para>
        /// <para>
        /// Bits of <paramref name="randomBits"/> above the low <paramref name="shift"/> are ignored.
        /// At shift 32 all 32 bits are used and the result is still exact. Above 32 the quotient is
        /// below 1/2 and the round-up probability is floor(m / 2^(shift - 32)) / 2^32, which is off by
        /// less than 2^-32. Shift 0 returns <paramref name="value"/>; a negative shift is a saturating
        /// left shift, as in <see cref="RoundShiftRight"/>, and uses no random bits.
        /// </para>
        /// </remarks>
        /// <param name="value">The value to divide.</param>
        /// <param name="shift">The power of two to divide by; negative multiplies (saturating).</param>
        /// <param name="randomBits">Uniform random bits, e.g. from <see cref="TinTin.Random.Xorshift32.NextUInt"/>.</param>
        /// <returns>The stochastically rounded quotient.</returns>
        public static int RoundShiftRightStochastic(int value, int shift, uint randomBits)
        {
            if (shift <= 0)
            {
                if (shift == 0)
                {
                    return value;
                }

                return Saturation.SaturatingShiftLeft(value, shift < -31 ? 31 : -shift);
            }

            uint magnitude = value < 0 ? (uint)(-value) : (uint)value;
            uint result;
            if (shift < 32)
            {
                uint mask = (1u << shift) - 1u;
                result = magnitude >> shift;
                if ((randomBits & mask) < (magnitude & mask))
                {
                    result++;
                }
            }
            else
            {
                // magnitude <= 2^31: the quotient truncates to 0; round up with probability threshold / 2^32.
                uint threshold = shift < 64 ? magnitude >> (shift - 32) : 0u;
                result = randomBits < threshold ? 1u : 0u;
            }

            // (int)(long), not (int): see RoundShiftRight (-(int)result stayed unsigned on nanoCLR).
            int quotient = (int)(long)result;
            return value < 0 ? -quotient : quotient;
        }
    }
}
