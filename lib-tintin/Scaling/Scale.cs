// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Scaling
{
    /// <summary>
    /// The compound exponent of a tensor: its real value is <c>q * 2^Shift * a^Up * b^Down</c> with
    /// a = 1.5 (1 + 2^-1) and b = 0.75 (2^-1 + 2^-2), both exact short sums of powers of two.
    /// </summary>
    /// <remarks>
    /// Exponents add when tensors multiply, so the scale of every product is known exactly with
    /// integer bookkeeping; no real number is ever computed. Because a = 3/2 and b = 3/4, a scale is
    /// <c>2^Pow2 * 3^Pow3</c> with <c>Pow2 = Shift - Up - 2 Down</c> and <c>Pow3 = Up + Down</c>:
    /// the form the fixed-point multipliers use.
    /// </remarks>
    public struct Scale
    {
        /// <summary>The power-of-two exponent S.</summary>
        public int Shift;

        /// <summary>The upscale exponent U: how many factors a = 1.5.</summary>
        public int Up;

        /// <summary>The downscale exponent D: how many factors b = 0.75.</summary>
        public int Down;

        /// <summary>Creates a scale from its three exponents.</summary>
        /// <param name="shift">The power-of-two exponent S.</param>
        /// <param name="up">The number of factors 1.5.</param>
        /// <param name="down">The number of factors 0.75.</param>
        public Scale(int shift, int up, int down)
        {
            Shift = shift;
            Up = up;
            Down = down;
        }

        /// <summary>Gets the exponent of 2 in <c>2^Pow2 * 3^Pow3</c>.</summary>
        public int Pow2
        {
            get { return Shift - Up - (Down << 1); }
        }

        /// <summary>Gets the exponent of 3 in <c>2^Pow2 * 3^Pow3</c>.</summary>
        public int Pow3
        {
            get { return Up + Down; }
        }

        /// <summary>The scale <c>2^shift</c>.</summary>
        /// <param name="shift">The power of two.</param>
        /// <returns>A power-of-two scale.</returns>
        public static Scale PowerOfTwo(int shift)
        {
            return new Scale(shift, 0, 0);
        }

        /// <summary>The scale of a product of two tensors: the exponents add.</summary>
        /// <param name="x">The first factor's scale.</param>
        /// <param name="y">The second factor's scale.</param>
        /// <returns>The product's scale.</returns>
        public static Scale Product(Scale x, Scale y)
        {
            return new Scale(x.Shift + y.Shift, x.Up + y.Up, x.Down + y.Down);
        }

        /// <summary>The scale of a quotient <paramref name="x"/> / <paramref name="y"/>: the exponents subtract.</summary>
        /// <param name="x">The dividend's scale.</param>
        /// <param name="y">The divisor's scale.</param>
        /// <returns>The quotient's scale.</returns>
        public static Scale Quotient(Scale x, Scale y)
        {
            return new Scale(x.Shift - y.Shift, x.Up - y.Up, x.Down - y.Down);
        }

        /// <summary>Whether two scales denote the same real factor (the same Pow2 and Pow3).</summary>
        /// <param name="other">The scale to compare with.</param>
        /// <returns>True when both are the same real number.</returns>
        public bool SameValueAs(Scale other)
        {
            return Pow2 == other.Pow2 && Pow3 == other.Pow3;
        }

        /// <summary>Returns the exponents as text, e.g. <c>2^-7*1.5^1*0.75^0</c>.</summary>
        /// <returns>The scale as text.</returns>
        public override string ToString()
        {
            return "2^" + Shift.ToString() + "*1.5^" + Up.ToString() + "*0.75^" + Down.ToString();
        }
    }
}
