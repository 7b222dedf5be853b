// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Training
{
    /// <summary>
    /// Dense weights stored eight to a long, and the forward that sums two products per multiply from
    /// them. The forward is bit-exact with the int8 sums and 2 to 2.5 times cheaper on the interpreter
    /// than the int8 loop it replaced (<c>tintin kernel-cost</c>), where a float reference cannot follow
    /// (it has no lanes to pack).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Storage: the row-major int8 matrix [outputs x inputs], byte k (weight k, row k / inputs) in
    /// long k / 8 at bits 8 (k mod 8) .. 8 (k mod 8) + 7, two's complement: the same bytes as an
    /// <c>sbyte[]</c> in little-endian memory, which is how the native kernels read it. The bytes after
    /// the last weight are 0. A row starts on a long when inputs is a multiple of 8 (<see cref="Aligned"/>).
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
    /// </remarks>
    internal static class PackedDense
    {
        /// <summary>Weights per long.</summary>
        public const int WeightsPerLong = 8;

        /// <summary>
        /// The longest row <see cref="Forward"/> sums exactly: 65,536 inputs * 255 * 128 is below 2^31
        /// (the high half), and half of it bounds the stray low half.
        /// </summary>
        public const int MaxInputs = 65536;

        /// <summary>Longs of the packed input per long of weights (one per pair of bytes k, k + 4).</summary>
        public const int InputLongsPerLong = 4;

        /// <summary>XOR of every byte's sign bit: w -> w + 128.</summary>
        private const long Unsign = unchecked((long)0x8080808080808080UL);

        /// <summary>Bit 7 of every byte.</summary>
        private const long SignBits = Unsign;

        /// <summary>Bit 0 of every byte.</summary>
        private const long LowBits = 0x0101010101010101L;

        /// <summary>Bytes 0 and 4: two lanes 32 bits apart.</summary>
        private const long LanePair = 0x000000FF000000FFL;

        /// <summary>Longs that hold <paramref name="weights"/> int8 weights.</summary>
        /// <param name="weights">The number of weights, 0 or more.</param>
        /// <returns>ceil(weights / 8).</returns>
        public static int Longs(int weights)
        {
            return (weights + WeightsPerLong - 1) / WeightsPerLong;
        }

        /// <summary>Whether rows of this length start on a long and <see cref="Forward"/> can sum them.</summary>
        /// <param name="inputs">The row length.</param>
        /// <returns>True for a positive multiple of 8 up to <see cref="MaxInputs"/>.</returns>
        public static bool Aligned(int inputs)
        {
            return inputs > 0 && inputs <= MaxInputs && inputs % WeightsPerLong == 0;
        }

        /// <summary>Longs of the packed input of an aligned row (<see cref="PackInput"/>), else 0.</summary>
        /// <param name="inputs">The row length.</param>
        /// <returns>inputs / 2, or 0.</returns>
        public static int PackedInputLength(int inputs)
        {
            return Aligned(inputs) ? inputs / WeightsPerLong * InputLongsPerLong : 0;
        }

        /// <summary>One weight.</summary>
        /// <param name="packed">The packed weights.</param>
        /// <param name="index">The weight's index in the row-major matrix.</param>
        /// <returns>The int8 weight.</returns>
        public static int Get(long[] packed, int index)
        {
            return (sbyte)(packed[index >> 3] >> ((index & 7) << 3));
        }

        /// <summary>Sets one weight.</summary>
        /// <param name="packed">The packed weights.</param>
        /// <param name="index">The weight's index in the row-major matrix.</param>
        /// <param name="value">The weight (its low byte is stored).</param>
        public static void Set(long[] packed, int index, int value)
        {
            int shift = (index & 7) << 3;
            long p = packed[index >> 3];
            packed[index >> 3] = p ^ ((long)((((int)(p >> shift)) ^ value) & 0xFF) << shift);
        }

        /// <summary>Copies weights out: <c>destination[offset + i] = weight(start + i)</c>.</summary>
        /// <param name="packed">The packed weights.</param>
        /// <param name="start">The first weight.</param>
        /// <param name="destination">The int8 destination.</param>
        /// <param name="offset">Where the first goes.</param>
        /// <param name="count">How many.</param>
        public static void Unpack(long[] packed, int start, sbyte[] destination, int offset, int count)
        {
            int k = start;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                destination[i] = (sbyte)(packed[k >> 3] >> ((k & 7) << 3));
                k++;
            }
        }

        /// <summary>Copies weights in: <c>weight(start + i) = source[offset + i]</c>; the other bytes keep their weights.</summary>
        /// <param name="source">The int8 source.</param>
        /// <param name="offset">The first value.</param>
        /// <param name="packed">The packed weights.</param>
        /// <param name="start">The first weight written.</param>
        /// <param name="count">How many.</param>
        public static void Pack(sbyte[] source, int offset, long[] packed, int start, int count)
        {
            int i = offset;
            int k = start;
            int end = start + count;
            while (k < end)
            {
                int slot = k >> 3;
                if ((k & 7) == 0 && end - k >= WeightsPerLong)
                {
                    // A whole long: its eight bytes at once.
                    long p = 0;
                    for (int lane = 56; lane >= 0; lane -= 8)
                    {
                        p = (p << 8) | (byte)source[i + (lane >> 3)];
                    }

                    packed[slot] = p;
                    i += WeightsPerLong;
                    k += WeightsPerLong;
                    continue;
                }

                int shift = (k & 7) << 3;
                long q = packed[slot];
                packed[slot] = q ^ ((long)((((int)(q >> shift)) ^ source[i]) & 0xFF) << shift);
                i++;
                k++;
            }
        }

        /// <summary>Writes the first <paramref name="count"/> weights as bytes (two's complement), as the model file stores them.</summary>
        /// <param name="packed">The packed weights.</param>
        /// <param name="destination">The bytes.</param>
        /// <param name="offset">Where the first goes.</param>
        /// <param name="count">How many.</param>
        public static void ToBytes(long[] packed, byte[] destination, int offset, int count)
        {
            for (int k = 0; k < count; k++)
            {
                destination[offset + k] = (byte)(packed[k >> 3] >> ((k & 7) << 3));
            }
        }

        /// <summary>Sets every weight from <paramref name="count"/> bytes (two's complement); the bytes after the last are 0.</summary>
        /// <param name="source">The bytes.</param>
        /// <param name="offset">The first.</param>
        /// <param name="packed">The packed weights, <see cref="Longs"/>(count) long or more; overwritten.</param>
        /// <param name="count">How many weights.</param>
        public static void FromBytes(byte[] source, int offset, long[] packed, int count)
        {
            long p = 0;
            for (int k = 0; k < count; k++)
            {
                int lane = (k & 7) << 3;
                p |= (long)source[offset + k] << lane;
                if (lane == 56)
                {
                    packed[k >> 3] = p;
                    p = 0;
                }
            }

            if ((count & 7) != 0)
            {
                packed[count >> 3] = p;
            }
        }

        /// <summary>The largest |weight| of the first <paramref name="count"/> weights.</summary>
        /// <remarks>
        /// The Tin-Tin weight check scans a whole tensor with it every 32 updates, so whole longs go eight
        /// bytes at a time: |w| of every byte without a branch (negative bytes are complemented and
        /// incremented: at most 128, no carry between bytes), then one add and mask tell whether any byte
        /// exceeds the largest so far (adding 127 - max to a byte sets its bit 7 exactly when it is above
        /// max). Only such a long, rare once max is large, and the weights of a last partial long are read
        /// one by one.
        /// </remarks>
        /// <param name="packed">The packed weights.</param>
        /// <param name="count">How many.</param>
        /// <returns>The largest magnitude.</returns>
        public static int MaxAbs(long[] packed, int count)
        {
            int max = 0;
            long above = 127 * LowBits; // 127 - max in every byte
            int whole = count >> 3;
            for (int j = 0; j < whole; j++)
            {
                long p = packed[j];
                long negative = (p >> 7) & LowBits; // 1 in each byte whose weight is negative
                long magnitude = (p ^ (negative * 0xFF)) + negative;
                if (((magnitude + above) & SignBits) != 0)
                {
                    for (int shift = 0; shift < 64; shift += 8)
                    {
                        int v = (int)((magnitude >> shift) & 0xFF);
                        if (v > max)
                        {
                            max = v;
                        }
                    }

                    above = (127 - max) * LowBits;
                }
            }

            for (int k = whole << 3; k < count; k++)
            {
                int v = Get(packed, k); // the last, partial long: at most 7 weights
                if (v < 0)
                {
                    v = -v;
                }

                if (v > max)
                {
                    max = v;
                }
            }

            return max;
        }

        /// <summary>
        /// Packs one sample's input for <see cref="Forward"/>: for each long j of a row and k = 0..3,
        /// <c>x[8j + k + 4] + x[8j + k] * 2^32</c>.
        /// </summary>
        /// <param name="input">The int8 input, |x| &lt;= 128.</param>
        /// <param name="inputs">The row length, <see cref="Aligned"/>.</param>
        /// <param name="packedInput">At least <see cref="PackedInputLength"/>(inputs) longs, overwritten.</param>
        /// <returns>128 * sum x, the correction <see cref="Forward"/> subtracts from every row.</returns>
        public static int PackInput(sbyte[] input, int inputs, long[] packedInput)
        {
            // The four pairs of a long written out: a loop of four costs the interpreter a fifth more.
            int a;
            int b;
            int sum = 0;
            int t = 0;
            for (int i = 0; i < inputs; i += WeightsPerLong)
            {
                a = input[i];
                b = input[i + 4];
                sum += a + b;
                packedInput[t] = b + ((long)a << 32);
                a = input[i + 1];
                b = input[i + 5];
                sum += a + b;
                packedInput[t + 1] = b + ((long)a << 32);
                a = input[i + 2];
                b = input[i + 6];
                sum += a + b;
                packedInput[t + 2] = b + ((long)a << 32);
                a = input[i + 3];
                b = input[i + 7];
                sum += a + b;
                packedInput[t + 3] = b + ((long)a << 32);
                t += InputLongsPerLong;
            }

            return sum << 7;
        }

        /// <summary>
        /// <c>acc[o] = (hasBias ? acc[o] : 0) + sum_i W[o, i] x[i]</c> for every row, from packed
        /// weights and a packed input; returns the largest |acc[o]|, as <see cref="ManagedKernels.DenseForward"/>.
        /// </summary>
        /// <param name="weights">The packed weights of rows of rowLongs longs.</param>
        /// <param name="packedInput">The input packed by <see cref="PackInput"/>.</param>
        /// <param name="rowLongs">Longs per row: an <see cref="Aligned"/> row length / 8.</param>
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

        /// <summary>
        /// <see cref="Forward"/> without a packed input, for rows that start on a long: each long's eight
        /// weights taken out by shifts, one load per eight weights.
        /// </summary>
        /// <param name="weights">The packed weights.</param>
        /// <param name="input">The int8 input.</param>
        /// <param name="inputs">The row length, <see cref="Aligned"/>.</param>
        /// <param name="outputs">The rows.</param>
        /// <param name="hasBias">Whether acc holds the biases, added to.</param>
        /// <param name="acc">The int32 sums.</param>
        /// <returns>The largest magnitude of the sums.</returns>
        public static int ForwardLanes(long[] weights, sbyte[] input, int inputs, int outputs, bool hasBias, int[] acc)
        {
            long q;
            int i;
            int sum;
            int j;
            long[] w = weights;
            sbyte[] x = input;
            int max = 0;
            int row = 0;
            int rowLongs = inputs / WeightsPerLong;
            for (int o = 0; o < outputs; o++)
            {
                sum = hasBias ? acc[o] : 0;
                i = 0;
                int end = row + rowLongs;
                for (j = row; j < end; j++)
                {
                    q = w[j];
                    sum += ((sbyte)q * x[i]) + ((sbyte)(q >> 8) * x[i + 1]) + ((sbyte)(q >> 16) * x[i + 2]) + ((sbyte)(q >> 24) * x[i + 3])
                        + ((sbyte)(q >> 32) * x[i + 4]) + ((sbyte)(q >> 40) * x[i + 5]) + ((sbyte)(q >> 48) * x[i + 6]) + ((sbyte)(q >> 56) * x[i + 7]);
                    i += WeightsPerLong;
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

        /// <summary>The forward sums for any row length (rows may start inside a long): one weight at a time.</summary>
        /// <param name="weights">The packed weights.</param>
        /// <param name="input">The int8 input.</param>
        /// <param name="inputs">The row length.</param>
        /// <param name="outputs">The rows.</param>
        /// <param name="hasBias">Whether acc holds the biases, added to.</param>
        /// <param name="acc">The int32 sums.</param>
        /// <returns>The largest magnitude of the sums.</returns>
        public static int ForwardAnyRow(long[] weights, sbyte[] input, int inputs, int outputs, bool hasBias, int[] acc)
        {
            int k;
            int i;
            int sum;
            long[] w = weights;
            sbyte[] x = input;
            int max = 0;
            k = 0;
            for (int o = 0; o < outputs; o++)
            {
                sum = hasBias ? acc[o] : 0;
                for (i = 0; i < inputs; i++)
                {
                    sum += (sbyte)(w[k >> 3] >> ((k & 7) << 3)) * x[i];
                    k++;
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
            }

            return max;
        }

        /// <summary>
        /// A Dense layer's error to its input in its own pass: clears acc[0 .. inputs), then adds
        /// <c>w[o, i] * errors[o]</c> for every row with a nonzero error.
        /// </summary>
        /// <param name="weights">The packed weights.</param>
        /// <param name="errors">The output error, int8.</param>
        /// <param name="inputs">The row length.</param>
        /// <param name="outputs">The rows.</param>
        /// <param name="acc">Receives the input error, int32.</param>
        public static void InputError(long[] weights, sbyte[] errors, int inputs, int outputs, int[] acc)
        {
            int k;
            int i;
            int eo;
            long[] w = weights;
            Array.Clear(acc, 0, inputs);
            for (int o = 0; o < outputs; o++)
            {
                eo = errors[o];
                if (eo != 0)
                {
                    k = o * inputs;
                    for (i = 0; i < inputs; i++)
                    {
                        acc[i] += (sbyte)(w[k >> 3] >> ((k & 7) << 3)) * eo;
                        k++;
                    }
                }
            }
        }
    }
}
