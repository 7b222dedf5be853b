// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Numerics;

namespace TinTin.Scaling
{
    /// <summary>
    /// A positive factor as an integer mantissa and a right shift: <c>Mantissa * 2^-RightShift</c>,
    /// with the mantissa normalised to 15 bits [2^14, 2^15). It converts a value from one scale to
    /// another in a single integer multiply and shift, as int8 inference engines do.
    /// </summary>
    /// <remarks>
    /// A ratio of two scales is <c>2^p2 * 3^p3</c>. For 0 &lt;= p3 &lt;= 9 the mantissa is exact
    /// (3^9 = 19683 &lt; 2^15); otherwise it is the nearest 15-bit value, a relative error below 2^-14.
    /// A mantissa below 2^15 times an int8*int8 product (below 2^14) stays below 2^29: the product
    /// fits an int.
    /// </remarks>
    internal struct FixedMultiplier
    {
        /// <summary>Mantissa bits: the mantissa lies in [2^(Bits-1), 2^Bits).</summary>
        public const int Bits = 15;

        /// <summary>Largest |p3| computed in one step (3^39 still fits a long); larger ones are split into such steps.</summary>
        public const int MaxPow3 = 39;

        /// <summary>Largest bit length of 3^|p3| for which 2^(Bits - 1 + length) still fits a long (|p3| &lt;= 30).</summary>
        private const int LongDivisionBits = 63 - Bits;

        /// <summary>The integer mantissa.</summary>
        public int Mantissa;

        /// <summary>The right shift; negative means a left shift.</summary>
        public int RightShift;

        /// <summary>The factor <c>2^pow2 * 3^pow3</c>.</summary>
        /// <remarks>
        /// Any pow3 is accepted: a weight tensor's power of three only grows in magnitude as training
        /// rescales it by 0.75 or 1.5, and a device that keeps learning must never hit a limit. Beyond
        /// <see cref="MaxPow3"/> the factor is a product of 3^±39 steps, each rounded to 15 bits.
        /// </remarks>
        /// <param name="pow2">The exponent of 2.</param>
        /// <param name="pow3">The exponent of 3.</param>
        /// <returns>The multiplier.</returns>
        public static FixedMultiplier FromPowers(int pow2, int pow3)
        {
            if (pow3 > MaxPow3 || pow3 < -MaxPow3)
            {
                int step = pow3 > 0 ? MaxPow3 : -MaxPow3;
                return Multiply(FromPowersExact(pow2, step), FromPowers(0, pow3 - step));
            }

            return FromPowersExact(pow2, pow3);
        }

        /// <summary>The product of two multipliers, rounded to a 15-bit mantissa.</summary>
        /// <param name="a">The first factor.</param>
        /// <param name="b">The second factor.</param>
        /// <returns>a * b.</returns>
        public static FixedMultiplier Multiply(FixedMultiplier a, FixedMultiplier b)
        {
            // Both mantissas lie in [2^14, 2^15): the product lies in [2^28, 2^30).
            long product = (long)a.Mantissa * b.Mantissa;
            int drop = product >= (1L << (2 * Bits - 1)) ? Bits : Bits - 1;
            long mantissa = (product + (1L << (drop - 1))) >> drop;
            if (mantissa >= (1L << Bits))
            {
                mantissa >>= 1;
                drop++;
            }

            FixedMultiplier result;
            result.Mantissa = (int)mantissa;
            result.RightShift = a.RightShift + b.RightShift - drop;
            return result;
        }

        private static FixedMultiplier FromPowersExact(int pow2, int pow3)
        {
            long power = 1;
            int magnitude = pow3 < 0 ? -pow3 : pow3;
            for (; magnitude >= 4; magnitude -= 4)
            {
                power *= 81; // four factors per pass: a quarter of the interpreter's loop bookkeeping
            }

            for (; magnitude > 0; magnitude--)
            {
                power *= 3;
            }

            FixedMultiplier result;
            if (pow3 >= 0)
            {
                // power * 2^pow2, normalised: shift power down to 15 bits with rounding.
                int excess = BitLength(power) - Bits;
                long mantissa = power;
                if (excess > 0)
                {
                    mantissa = (power + (1L << (excess - 1))) >> excess;
                }
                else
                {
                    mantissa = power << -excess;
                }

                if (mantissa >= (1L << Bits))
                {
                    // rounding carried into a 16th bit
                    mantissa >>= 1;
                    excess++;
                }

                result.Mantissa = (int)mantissa;
                result.RightShift = -(pow2 + excess);
            }
            else
            {
                // 2^pow2 / power = (2^(Bits - 1 + L) / power) * 2^(pow2 - Bits + 1 - L), L = bit length of power.
                int length = BitLength(power);
                long remainder;
                long mantissa;
                if (length <= LongDivisionBits)
                {
                    // One long division (the interpreter's costliest opcode, still a tenth of the loop below).
                    long numerator = 1L << (Bits - 1 + length);
                    mantissa = numerator / power;
                    remainder = numerator - (mantissa * power);
                }
                else
                {
                    // 2^(Bits - 1 + L) overflows a long, so divide bit by bit: the remainder starts at
                    // 2^(L - 1) (below the odd power) and Bits more bits come down.
                    remainder = 1L << (length - 1);
                    mantissa = 0;
                    for (int i = 0; i < Bits; i++)
                    {
                        remainder <<= 1;
                        mantissa <<= 1;
                        if (remainder >= power)
                        {
                            remainder -= power;
                            mantissa++;
                        }
                    }
                }

                if ((remainder << 1) > power)
                {
                    mantissa++; // round to nearest; no ties, the power is odd
                }

                int shift = Bits - 1 + length - pow2;
                if (mantissa >= (1L << Bits))
                {
                    mantissa >>= 1;
                    shift--;
                }

                result.Mantissa = (int)mantissa;
                result.RightShift = shift;
            }

            return result;
        }

        /// <summary>The factor that converts values at scale <paramref name="from"/> to scale <paramref name="to"/>.</summary>
        /// <param name="from">The scale values are given in.</param>
        /// <param name="to">The scale wanted.</param>
        /// <returns>The multiplier <c>from / to</c>.</returns>
        public static FixedMultiplier Ratio(Scale from, Scale to)
        {
            return FromPowers(from.Pow2 - to.Pow2, from.Pow3 - to.Pow3);
        }

        private static int BitLength(long value)
        {
            // value is a power of 3, positive: the binary search of each 32-bit half, not a loop per bit.
            int high = (int)(value >> 32);
            return high != 0 ? 32 + Magnitude.BitLength((uint)high) : Magnitude.BitLength((uint)value);
        }
    }
}
