// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Numerics
{
    /// <summary>
    /// How big a value or a tensor is: the bit length of a magnitude and the largest magnitude in an
    /// array. Rescaling uses both once per tensor: shift = BitLength(MaxAbs(acc)) - 7.
    /// </summary>
    internal static class Magnitude
    {
        /// <summary>
        /// Returns the number of bits needed to write |<paramref name="value"/>| in binary.
        /// </summary>
        /// <param name="value">Any int; its magnitude is taken exactly, so <see cref="int.MinValue"/> gives 32.</param>
        /// <returns>0 for 0, otherwise 1 + floor(log2 |value|): 1 gives 1, 127 gives 7, 128 and -128 give 8.</returns>
        public static int BitLength(int value)
        {
            // Unchecked negation: int.MinValue stays int.MinValue, whose uint reading is 2^31.
            return BitLength(value < 0 ? (uint)(-value) : (uint)value);
        }

        /// <summary>
        /// Returns the number of bits needed to write <paramref name="value"/> in binary.
        /// </summary>
        /// <param name="value">Any uint.</param>
        /// <returns>0 for 0, otherwise 1 + floor(log2 value), at most 32.</returns>
        public static int BitLength(uint value)
        {
            // Binary search over the bit position: five compares instead of a loop over 32 bits.
            int length = 0;
            if (value >= 0x10000u)
            {
                value >>= 16;
                length = 16;
            }

            if (value >= 0x100u)
            {
                value >>= 8;
                length += 8;
            }

            if (value >= 0x10u)
            {
                value >>= 4;
                length += 4;
            }

            if (value >= 0x4u)
            {
                value >>= 2;
                length += 2;
            }

            if (value >= 0x2u)
            {
                value >>= 1;
                length += 1;
            }

            // value is now 0 or 1.
            return length + (int)value;
        }

        /// <summary>
        /// Returns the largest magnitude among <paramref name="count"/> ints from <paramref name="offset"/>, in one pass.
        /// </summary>
        /// <remarks>
        /// The magnitude of <see cref="int.MinValue"/> (2^31) does not fit an int: it saturates to
        /// <see cref="int.MaxValue"/>, so the result is never negative. BitLength of the result is then
        /// 31 instead of 32, which costs that single element one bit of rounding when it is rescaled.
        /// </remarks>
        /// <param name="values">The array to scan.</param>
        /// <param name="offset">The first index to scan.</param>
        /// <param name="count">How many elements to scan; 0 gives 0.</param>
        /// <returns>max |values[i]| over the range, in [0, <see cref="int.MaxValue"/>].</returns>
        /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside the array.</exception>
        public static int MaxAbs(int[] values, int offset, int count)
        {
            CheckRange(values, offset, count);

            // Track the most negative -|v|: it is always representable, even for int.MinValue.
            int end = offset + count;
            int lowest = 0;
            for (int i = offset; i < end; i++)
            {
                int v = values[i];
                if (v > 0)
                {
                    v = -v;
                }

                if (v < lowest)
                {
                    lowest = v;
                }
            }

            return lowest == int.MinValue ? int.MaxValue : -lowest;
        }

        /// <summary>
        /// Returns the largest magnitude among <paramref name="count"/> sbytes from <paramref name="offset"/>, in one pass.
        /// </summary>
        /// <param name="values">The array to scan.</param>
        /// <param name="offset">The first index to scan.</param>
        /// <param name="count">How many elements to scan; 0 gives 0.</param>
        /// <returns>max |values[i]| over the range, in [0, 128] (128 only for -128).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside the array.</exception>
        public static int MaxAbs(sbyte[] values, int offset, int count)
        {
            CheckRange(values, offset, count);

            int end = offset + count;
            int highest = 0;
            for (int i = offset; i < end; i++)
            {
                int v = values[i];
                if (v < 0)
                {
                    v = -v;
                }

                if (v > highest)
                {
                    highest = v;
                }
            }

            return highest;
        }

        /// <summary>
        /// Whether at least a quarter of the first <paramref name="count"/> values are exactly 0: then
        /// a kernel's loop that tests each input and skips the zeros (one integer test, about 80
        /// interpreter instructions) beats the plain loop. ReLU outputs and image backgrounds are.
        /// </summary>
        /// <param name="values">The values.</param>
        /// <param name="count">How many to look at, from the start.</param>
        /// <returns>True when zeros * 4 &gt;= count.</returns>
        public static bool MostlyZeros(sbyte[] values, int count)
        {
            CheckRange(values, 0, count);
            int zeros = 0;
            for (int i = 0; i < count; i++)
            {
                if (values[i] == 0)
                {
                    zeros++;
                }
            }

            return zeros * 4 >= count;
        }

        private static void CheckRange(Array values, int offset, int count)
        {
            if (values == null)
            {
                throw new ArgumentNullException(nameof(values));
            }

            if (offset < 0 || count < 0 || count > values.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }
        }
    }
}
