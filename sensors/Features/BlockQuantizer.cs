// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Features
{
    /// <summary>
    /// Turns a block of integers (a window of counts, a feature vector) into the int8 input a model
    /// trains on: block floating point, one shared power-of-two exponent per block, so a quiet window
    /// keeps its resolution and a loud one does not clip. The real value of output q is
    /// <c>q * 2^shift</c> in the input's units; the model takes that exponent as its input scale.
    /// </summary>
    /// <remarks>
    /// The shift is the smallest s ≥ 0 for which the largest magnitude, rounded (half away from zero)
    /// after dividing by 2^s, is at most 127; every value is then rounded the same way. Nothing
    /// saturates and -128 never appears (the engine's int8 range is symmetric).
    /// </remarks>
    public static class BlockQuantizer
    {
        /// <summary>The largest int8 magnitude produced.</summary>
        public const int MaxMagnitude = 127;

        /// <summary>
        /// Quantizes <paramref name="count"/> values from <paramref name="source"/>[<paramref name="offset"/>].
        /// </summary>
        /// <param name="source">The values, any int range.</param>
        /// <param name="offset">The index of the first value.</param>
        /// <param name="count">How many values.</param>
        /// <param name="destination">Receives the int8 values from index 0; at least <paramref name="count"/> long.</param>
        /// <returns>The shift s: destination[i] * 2^s ≈ source[offset + i].</returns>
        /// <exception cref="ArgumentNullException">An array is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit an array.</exception>
        public static int Quantize(int[] source, int offset, int count, sbyte[] destination)
        {
            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (offset < 0 || count < 0 || offset > source.Length - count || count > destination.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            // One pass for the largest magnitude (as a long: |int.MinValue| does not fit an int).
            long max = 0;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                long v = source[i];
                if (v < 0)
                {
                    v = -v;
                }

                if (v > max)
                {
                    max = v;
                }
            }

            int shift = 0;
            while (((max + ((1L << shift) >> 1)) >> shift) > MaxMagnitude)
            {
                shift++;
            }

            // One pass to write: round half away from zero, sign handled on the magnitude.
            long half = (1L << shift) >> 1;
            int d = 0;
            for (int i = offset; i < end; i++)
            {
                long v = source[i];
                destination[d++] = v < 0 ? (sbyte)(-((half - v) >> shift)) : (sbyte)((v + half) >> shift);
            }

            return shift;
        }
    }
}
