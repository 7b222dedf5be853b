// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Features
{
    /// <summary>
    /// Integer helpers the features share: an exact integer square root, a rounded square root and a
    /// fixed-point base-2 logarithm.
    /// </summary>
    public static class IntegerMath
    {
        /// <summary>
        /// Returns the integer square root ⌊√<paramref name="value"/>⌋, exactly, for any non-negative <see cref="long"/>.
        /// </summary>
        /// <remarks>
        /// Digit-by-digit (shift-subtract) method: at most 32 iterations of shifts, adds and compares, no
        /// division and no floating point. <see cref="Spectrum"/> inlines the same loop per bin.
        /// </remarks>
        /// <param name="value">The radicand, at least 0.</param>
        /// <returns>The largest r with r·r ≤ <paramref name="value"/>; at most 3,037,000,499.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
        public static long SqrtFloor(long value)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value));
            }

            long rest = value;
            long root = 0;
            long bit = 1L << 62;
            while (bit > rest)
            {
                bit >>= 2;
            }

            while (bit != 0)
            {
                long trial = root + bit;
                if (rest >= trial)
                {
                    rest -= trial;
                    root = (root >> 1) + bit;
                }
                else
                {
                    root >>= 1;
                }

                bit >>= 2;
            }

            return root;
        }

        /// <summary>
        /// Returns √<paramref name="value"/> rounded to the nearest integer (exact; a tie cannot occur for an integer radicand).
        /// </summary>
        /// <param name="value">The radicand, at least 0.</param>
        /// <returns>The integer nearest to √<paramref name="value"/>.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
        public static long SqrtRound(long value)
        {
            long root = SqrtFloor(value);

            // √value ≥ root + ½  ⇔  value ≥ root² + root + ¼  ⇔  value − root² > root (integers).
            return value - (root * root) > root ? root + 1 : root;
        }

        /// <summary>
        /// Returns ⌊2^<paramref name="fractionBits"/> · log2 <paramref name="value"/>⌋ for a positive value:
        /// the base-2 logarithm in fixed point, with integers only.
        /// </summary>
        /// <remarks>
        /// The integer part is the bit length minus one. Each fraction bit comes from squaring the
        /// mantissa m ∈ [1, 2) held in Q30: m² ≥ 2 means the bit is 1 (and m is halved). The squares
        /// are truncated, so a result can be one unit low just below a power of two's fraction step;
        /// it is never high.
        /// </remarks>
        /// <param name="value">The argument, at least 1.</param>
        /// <param name="fractionBits">Fraction bits of the result, 0 to 16.</param>
        /// <returns>The logarithm in units of 2^-fractionBits (0 for a value of 1).</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is below 1 or <paramref name="fractionBits"/> is out of range.</exception>
        public static int Log2Fixed(long value, int fractionBits)
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value));
            }

            if (fractionBits < 0 || fractionBits > 16)
            {
                throw new ArgumentOutOfRangeException(nameof(fractionBits));
            }

            int exponent = 0;
            long v = value;
            while (v >= 2)
            {
                v >>= 1;
                exponent++;
            }

            // The mantissa value / 2^exponent in Q30, from the top 31 bits of value.
            long m = exponent >= 30 ? value >> (exponent - 30) : value << (30 - exponent);
            int result = exponent;
            for (int b = 0; b < fractionBits; b++)
            {
                m = (m * m) >> 30;
                result <<= 1;
                if (m >= 1L << 31)
                {
                    m >>= 1;
                    result |= 1;
                }
            }

            return result;
        }
    }
}
