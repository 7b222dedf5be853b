// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Training
{
    /// <summary>
    /// Dense forward on weights stored eight to a long (the same bytes as int8, one load per eight
    /// weights), summing two products per multiply. Bit-exact with
    /// <see cref="ManagedKernels.DenseForward"/>; about 2.4 times cheaper on the interpreter, where a
    /// float reference cannot follow (it has no lanes to pack).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Storage: row o is <see cref="RowLongs"/>(inputs) longs; byte k of long j (little-endian, bits
    /// 8k..8k+7) is the two's complement weight of input 8j + k. The last long of a row is padded with
    /// zero weights, so any row length works.
    /// </para>
    /// <para>
    /// Arithmetic: XOR with 0x80 in every byte turns each weight w into the unsigned byte u = w + 128.
    /// Masking bytes k and k + 4 of that long gives A = u_a + u_b * 2^32 (a = 8j + k, b = a + 4). The
    /// input is packed once per sample as X = x_b + x_a * 2^32, and
    /// A * X = u_a x_b + (u_a x_a + u_b x_b) * 2^32 + u_b x_a * 2^64. Modulo 2^64 the last term
    /// vanishes, so the high half of a 64-bit sum of such products is H = sum (w + 128) x over the
    /// row, and its low half L = sum u_a x_b is a stray that the extraction discards. With
    /// |x| &lt;= 128 and at most <see cref="MaxInputs"/> inputs both stay inside int32, so
    /// L = (int)s and H = (s - L) &gt;&gt; 32 exactly, and the dot product is H - 128 * sum x (the
    /// sum is the same for every row, computed by <see cref="PackInput"/>).
    /// </para>
    /// <para>
    /// Not yet the layers' storage: Dense still keeps its weights as int8 (<c>sbyte[]</c>), which every
    /// other kernel, the native engine and the model file read. This kernel is the first step of
    /// moving Dense to packed storage (docs/results.md, "Dense weights eight to a long").
    /// </para>
    /// </remarks>
    internal static class PackedDense
    {
        /// <summary>Weights per long.</summary>
        public const int WeightsPerLong = 8;

        /// <summary>
        /// The longest row the sums are exact for: 65,536 inputs * 255 * 128 is below 2^31 (the high
        /// half), and half of it bounds the stray low half.
        /// </summary>
        public const int MaxInputs = 65536;

        /// <summary>Longs of the packed input per long of weights (one per pair of bytes k, k + 4).</summary>
        public const int InputLongsPerLong = 4;

        /// <summary>XOR of every byte's sign bit: w -> w + 128.</summary>
        private const long Unsign = unchecked((long)0x8080808080808080UL);

        /// <summary>Bytes 0 and 4: two lanes 32 bits apart.</summary>
        private const long LanePair = 0x000000FF000000FFL;

        /// <summary>Longs per packed row of <paramref name="inputs"/> weights.</summary>
        /// <param name="inputs">The row length, 1 to <see cref="MaxInputs"/>.</param>
        /// <returns>ceil(inputs / 8).</returns>
        /// <exception cref="ArgumentOutOfRangeException">The row length is out of range.</exception>
        public static int RowLongs(int inputs)
        {
            if (inputs < 1 || inputs > MaxInputs)
            {
                throw new ArgumentOutOfRangeException(nameof(inputs));
            }

            return (inputs + WeightsPerLong - 1) / WeightsPerLong;
        }

        /// <summary>Packs a row-major int8 matrix [outputs x inputs] eight weights to a long.</summary>
        /// <param name="weights">The int8 weights.</param>
        /// <param name="inputs">The row length.</param>
        /// <param name="outputs">The rows.</param>
        /// <param name="packed">outputs * <see cref="RowLongs"/>(inputs) longs, overwritten.</param>
        /// <exception cref="ArgumentException">An array is null or too short, or a size is out of range.</exception>
        public static void PackWeights(sbyte[] weights, int inputs, int outputs, long[] packed)
        {
            int rowLongs = RowLongs(inputs);
            if (weights == null || packed == null || outputs < 1 || weights.Length < inputs * outputs || packed.Length < rowLongs * outputs)
            {
                throw new ArgumentException("weights must hold outputs x inputs values and packed outputs x RowLongs(inputs)");
            }

            for (int o = 0; o < outputs; o++)
            {
                for (int j = 0; j < rowLongs; j++)
                {
                    long p = 0;
                    for (int k = WeightsPerLong - 1; k >= 0; k--)
                    {
                        int i = (j * WeightsPerLong) + k;
                        p = (p << 8) | (byte)(i < inputs ? weights[(o * inputs) + i] : 0);
                    }

                    packed[(o * rowLongs) + j] = p;
                }
            }
        }

        /// <summary>One weight of a packed matrix.</summary>
        /// <param name="packed">The packed weights.</param>
        /// <param name="inputs">The row length.</param>
        /// <param name="output">The row.</param>
        /// <param name="input">The input.</param>
        /// <returns>The int8 weight.</returns>
        public static int Weight(long[] packed, int inputs, int output, int input)
        {
            long p = packed[(output * RowLongs(inputs)) + (input / WeightsPerLong)];
            return (sbyte)(p >> ((input % WeightsPerLong) * 8));
        }

        /// <summary>
        /// Packs one sample's input for <see cref="Forward"/>: for each long j of a row and k = 0..3,
        /// <c>x[8j + k + 4] + x[8j + k] * 2^32</c> (inputs past the end count as 0).
        /// </summary>
        /// <param name="input">The int8 input, |x| &lt;= 128.</param>
        /// <param name="inputs">The row length.</param>
        /// <param name="packedInput">At least 4 * <see cref="RowLongs"/>(inputs) longs, overwritten.</param>
        /// <returns>128 * sum x, the correction <see cref="Forward"/> subtracts from every row.</returns>
        /// <exception cref="ArgumentException">An array is null or too short, or the row length is out of range.</exception>
        public static int PackInput(sbyte[] input, int inputs, long[] packedInput)
        {
            int rowLongs = RowLongs(inputs);
            if (input == null || packedInput == null || input.Length < inputs || packedInput.Length < rowLongs * InputLongsPerLong)
            {
                throw new ArgumentException("input must hold inputs values and packedInput 4 x RowLongs(inputs)");
            }

            int sum = 0;
            int whole = inputs / WeightsPerLong * WeightsPerLong;
            int t = 0;
            int i;
            for (i = 0; i < whole; i += WeightsPerLong)
            {
                for (int k = 0; k < InputLongsPerLong; k++)
                {
                    int a = input[i + k];
                    int b = input[i + k + 4];
                    sum += a + b;
                    packedInput[t++] = b + ((long)a << 32);
                }
            }

            if (whole < inputs)
            {
                for (int k = 0; k < InputLongsPerLong; k++)
                {
                    int a = i + k < inputs ? input[i + k] : 0;
                    int b = i + k + 4 < inputs ? input[i + k + 4] : 0;
                    sum += a + b;
                    packedInput[t++] = b + ((long)a << 32);
                }
            }

            return sum << 7;
        }

        /// <summary>
        /// <c>acc[o] = (hasBias ? acc[o] : 0) + sum_i W[o, i] x[i]</c> for every row, from packed
        /// weights and a packed input; returns the largest |acc[o]|, as <see cref="ManagedKernels.DenseForward"/>.
        /// </summary>
        /// <param name="weights">outputs * rowLongs packed weights.</param>
        /// <param name="packedInput">The input packed by <see cref="PackInput"/>.</param>
        /// <param name="rowLongs"><see cref="RowLongs"/> of the row length.</param>
        /// <param name="outputs">The rows.</param>
        /// <param name="correction">What <see cref="PackInput"/> returned.</param>
        /// <param name="hasBias">Whether acc holds the biases, added to.</param>
        /// <param name="acc">The int32 sums, at least outputs long.</param>
        /// <returns>The largest magnitude of the sums.</returns>
        public static int Forward(long[] weights, long[] packedInput, int rowLongs, int outputs, int correction, bool hasBias, int[] acc)
        {
            // The inner loop's values first: ldloc.0-3 are the interpreter's cheapest loads.
            long s;
            long q;
            int j;
            int t;
            long[] x = packedInput;
            long[] w = weights;
            long unsign = Unsign;
            long pair = LanePair;
            int max = 0;
            int row = 0;
            for (int o = 0; o < outputs; o++)
            {
                s = 0;
                t = 0;
                int end = row + rowLongs;
                for (j = row; j < end; j++)
                {
                    q = w[j] ^ unsign;
                    s += ((q & pair) * x[t]) + (((q >> 8) & pair) * x[t + 1]) + (((q >> 16) & pair) * x[t + 2]) + (((q >> 24) & pair) * x[t + 3]);
                    t += InputLongsPerLong;
                }

                int low = (int)s;
                int sum = (int)((s - low) >> 32) - correction;
                if (hasBias)
                {
                    sum += acc[o];
                }

                acc[o] = sum;
                if (sum < 0)
                {
                    sum = -sum;
                }

                if (sum > max)
                {
                    max = sum;
                }

                row = end;
            }

            return max;
        }
    }
}
