// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Features
{
    /// <summary>
    /// Integer helpers the features share: an exact integer square root and a rounded square root.
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
    }
}
