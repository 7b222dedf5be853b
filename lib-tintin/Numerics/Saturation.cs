// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Numerics
{
    /// <summary>
    /// Clamping instead of wrapping: to Tin-Tin's symmetric int8 range and to the int range after a
    /// left shift.
    /// </summary>
    internal static class Saturation
    {
        /// <summary>
        /// The largest int8 magnitude Tin-Tin stores: 127. Values live in [-127, 127], not [-128, 127].
        /// </summary>
        /// <remarks>
        /// The symmetric range (as in NITI) keeps negation and sign-magnitude rounding inside the range
        /// (-(-128) would not fit), keeps zero at the centre, and lets a 7-bit magnitude bound hold for
        /// every stored value, which the bit-length rescaling relies on.
        /// </remarks>
        public const int Int8Limit = 127;

        /// <summary>
        /// Clamps a value to [-127, 127] (see <see cref="Int8Limit"/>).
        /// </summary>
        /// <param name="value">Any int.</param>
        /// <returns>The clamped value, as an int so callers that keep computing pay no conversion;
        /// it always fits an sbyte.</returns>
        public static int SaturateToInt8(int value)
        {
            if (value > Int8Limit)
            {
                return Int8Limit;
            }

            if (value < -Int8Limit)
            {
                return -Int8Limit;
            }

            return value;
        }

        /// <summary>
        /// Computes <c>value * 2^shift</c>, clamped to [<see cref="int.MinValue"/>, <see cref="int.MaxValue"/>].
        /// </summary>
        /// <remarks>
        /// Unlike <c>value &lt;&lt; shift</c>, which wraps and masks the shift count to 5 bits, this never
        /// changes sign: any shift of 32 or more saturates every nonzero value, and 0 stays 0.
        /// </remarks>
        /// <param name="value">The value to multiply.</param>
        /// <param name="shift">The power of two, 0 or more.</param>
        /// <returns>The product, or the nearest int bound when it does not fit.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="shift"/> is negative.</exception>
        public static int SaturatingShiftLeft(int value, int shift)
        {
            if (shift < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(shift));
            }

            // At 31 already every nonzero value but -1 saturates, and -1 * 2^31 is int.MinValue itself.
            if (shift > 31)
            {
                shift = 31;
            }

            // value << shift fits exactly when value lies between the bounds shifted right.
            if (value > (int.MaxValue >> shift))
            {
                return int.MaxValue;
            }

            if (value < (int.MinValue >> shift))
            {
                return int.MinValue;
            }

            return value << shift;
        }
    }
}
