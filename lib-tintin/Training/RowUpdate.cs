// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Training
{
    /// <summary>
    /// The rank-one row updates of a Dense layer at batch size 1: <c>w[o, i] -= update(e[o] * x[i])</c>
    /// for one output row, optionally fused with the error sent to the layer below,
    /// <c>d[i] += w_old[o, i] * e[o]</c>, so the row is read once. These run once per weight per
    /// training step, the hottest code of a Dense network's backward pass on the interpreter.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Exact zeros cost almost nothing: an input x[i] = 0 makes the update exactly 0 (in both modes),
    /// so the kernels skip it after one integer test; an update that rounds to 0 skips the clamp and
    /// the store. The propagating kernels also skip the error at a zero input: the caller uses them
    /// only when the layer below discards the error there anyway (a ReLU, possibly through max-pooling
    /// or flattening: its output, our input, is 0 exactly where it passes no error).
    /// </para>
    /// <para>
    /// Tin-Tin rounding is stochastic with a Weyl dither: the row starts from one 32-bit random word u0
    /// (one xorshift32 step of the model's PRNG per row, drawn by the caller), each processed weight k
    /// adds the golden-ratio increment, u_k = u0 + k * 0x9E3779B9 (mod 2^32), and the top
    /// <c>shift</c> bits of u_k are the random addend r in [0, 2^shift). With u0 uniform, every u_k is
    /// uniform, so <c>E[(p + r) &gt;&gt; shift] = p / 2^shift</c> holds for every weight exactly as
    /// with a fresh random number per weight; only the correlation between weights of one row
    /// differs (a low-discrepancy sequence). It costs an add and a shift per weight instead of a
    /// three-step xorshift and a mask.
    /// </para>
    /// <para>
    /// Every kernel clamps the new weight to [-127, 127] and returns how many it clamped.
    /// </para>
    /// <para>
    /// The weights are stored eight to a long (<see cref="PackedDense"/>): the kernels walk the row one
    /// long at a time, change its bytes in a local (<c>p ^= ((old ^ new) &amp; 0xFF) &lt;&lt; shift</c>
    /// replaces one byte and leaves the others) and store the long only if a byte changed. A row may
    /// start and end inside a long.
    /// </para>
    /// <para>
    /// A row of whole longs (offset and length multiples of 8: every catalog Dense layer but LeNet-5's
    /// 84-input one) takes a path with each long's eight lanes written out: its shifts are constants
    /// and its loop runs once per eight weights, which makes the row about a fifth cheaper on the
    /// interpreter. Other rows go weight by weight. Both paths give the same bits (RowUpdateTests runs
    /// each against the same reference).
    /// </para>
    /// </remarks>
    internal static class RowUpdate
    {
        /// <summary>The Weyl increment of the dither: 2^32 / golden ratio, odd, so u_k runs through every 32-bit value.</summary>
        public const uint DitherStep = 0x9E3779B9u;

        /// <summary>
        /// Tin-Tin row update: <c>w[i] -= (e * mantissa * x[i] + r_i) &gt;&gt; shift</c> with the dithered r_i.
        /// </summary>
        /// <param name="weights">The weights.</param>
        /// <param name="offset">The first weight of the row.</param>
        /// <param name="error">The output error e (int8 range).</param>
        /// <param name="inputs">The layer input x (int8 range).</param>
        /// <param name="count">The row length.</param>
        /// <param name="mantissa">The multiplier mantissa (below 2^15).</param>
        /// <param name="shift">The multiplier shift, 0..30 (0: exact, no dither).</param>
        /// <param name="dither">u0, a 32-bit random word for this row.</param>
        /// <returns>The number of weights clamped.</returns>
        public static int TinTin(long[] weights, int offset, int error, sbyte[] inputs, int count, int mantissa, int shift, uint dither)
        {
            // The lanes' values first: ldloc.0-3 are the interpreter's cheapest loads.
            int i;
            int x;
            int delta;
            uint u;
            int lane;
            int old;
            int v;
            int clamped = 0;
            int scaled = error * mantissa; // |e * mantissa| < 2^22: times an int8 plus r stays below 2^30
            if (scaled == 0)
            {
                return 0;
            }

            uint step = shift == 0 ? 0u : DitherStep;
            int down = shift == 0 ? 31 : 32 - shift;
            u = shift == 0 ? 0u : dither;
            i = 0;
            int slot = offset >> 3;
            long p;
            if (((offset | count) & 7) == 0)
            {
                // The row is whole longs (the usual case): each long's eight lanes written out, so every
                // shift is a constant and the loop runs once per eight weights. Lane k is byte k of p and
                // input i + k; each lane is the loop below with lane = 8k: the same inline copy of
                // Saturation.SaturateToInt8 (ClampCopyTests), the same int product on the left of the sum.
                int end = slot + (count >> 3);
                for (; slot < end; slot++)
                {
                    p = weights[slot];
                    x = inputs[i];
                    if (x != 0)
                    {
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            old = (sbyte)p;
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF);
                        }
                    }

                    x = inputs[i + 1];
                    if (x != 0)
                    {
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            old = (sbyte)(p >> 8);
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 8;
                        }
                    }

                    x = inputs[i + 2];
                    if (x != 0)
                    {
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            old = (sbyte)(p >> 16);
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 16;
                        }
                    }

                    x = inputs[i + 3];
                    if (x != 0)
                    {
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            old = (sbyte)(p >> 24);
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 24;
                        }
                    }

                    x = inputs[i + 4];
                    if (x != 0)
                    {
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            old = (sbyte)(p >> 32);
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 32;
                        }
                    }

                    x = inputs[i + 5];
                    if (x != 0)
                    {
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            old = (sbyte)(p >> 40);
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 40;
                        }
                    }

                    x = inputs[i + 6];
                    if (x != 0)
                    {
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            old = (sbyte)(p >> 48);
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 48;
                        }
                    }

                    x = inputs[i + 7];
                    if (x != 0)
                    {
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            old = (int)(p >> 56);
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 56;
                        }
                    }

                    weights[slot] = p; // always: a whole long nearly always changes, and testing for it cost about what the store does
                    i += 8;
                }

                return clamped;
            }

            int first = -(offset & 7); // the input whose weight is byte 0 of the long
            while (i < count)
            {
                // One long of the row: the weights i .. stop - 1 are its bytes from lane i - first on.
                int stop = first + 8;
                if (stop > count)
                {
                    stop = count;
                }

                p = weights[slot];
                long before = p;
                for (; i < stop; i++)
                {
                    x = inputs[i];
                    if (x != 0)
                    {
                        u += step;

                        // Keep the int product on the left: nanoCLR gives a sum its left operand's tag, and
                        // (int)(u >> down) there would carry the uint's unsigned tag into the >> shift.
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            lane = (i - first) << 3;
                            old = (sbyte)(p >> lane);
                            v = old - delta;
                            // Inline copy of Saturation.SaturateToInt8 (a call per weight costs more); ClampCopyTests checks it.
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << lane;
                        }
                    }

                }

                if (p != before)
                {
                    weights[slot] = p;
                }

                slot++;
                first += 8;
            }

            return clamped;
        }

        /// <summary>
        /// <see cref="TinTin(long[], int, int, sbyte[], int, int, int, uint)"/> fused with the error
        /// to the layer below at the nonzero inputs: <c>d[i] += w_old[i] * e</c> where x[i] != 0.
        /// </summary>
        /// <param name="weights">The weights.</param>
        /// <param name="offset">The first weight of the row.</param>
        /// <param name="error">The output error e (int8 range), not 0.</param>
        /// <param name="inputs">The layer input x (int8 range).</param>
        /// <param name="count">The row length.</param>
        /// <param name="mantissa">The multiplier mantissa (below 2^15; 0: no update, error only).</param>
        /// <param name="shift">The multiplier shift, 0..30.</param>
        /// <param name="dither">u0, a 32-bit random word for this row.</param>
        /// <param name="inputError">The int32 error accumulators of the inputs, added to.</param>
        /// <returns>The number of weights clamped.</returns>
        public static int TinTinPropagating(long[] weights, int offset, int error, sbyte[] inputs, int count, int mantissa, int shift, uint dither, int[] inputError)
        {
            // The lanes' values first, as in TinTin.
            int x;
            int old;
            uint u;
            int delta;
            int i;
            int lane;
            int v;
            int clamped = 0;
            int scaled = error * mantissa;
            uint step = shift == 0 ? 0u : DitherStep;
            int down = shift == 0 ? 31 : 32 - shift;
            u = shift == 0 ? 0u : dither;
            i = 0;
            int slot = offset >> 3;
            long p;
            if (((offset | count) & 7) == 0)
            {
                // Whole longs, their lanes written out, as in TinTin.
                int end = slot + (count >> 3);
                for (; slot < end; slot++)
                {
                    p = weights[slot];
                    x = inputs[i];
                    if (x != 0)
                    {
                        old = (sbyte)p;
                        inputError[i] += old * error;
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF);
                        }
                    }

                    x = inputs[i + 1];
                    if (x != 0)
                    {
                        old = (sbyte)(p >> 8);
                        inputError[i + 1] += old * error;
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 8;
                        }
                    }

                    x = inputs[i + 2];
                    if (x != 0)
                    {
                        old = (sbyte)(p >> 16);
                        inputError[i + 2] += old * error;
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 16;
                        }
                    }

                    x = inputs[i + 3];
                    if (x != 0)
                    {
                        old = (sbyte)(p >> 24);
                        inputError[i + 3] += old * error;
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 24;
                        }
                    }

                    x = inputs[i + 4];
                    if (x != 0)
                    {
                        old = (sbyte)(p >> 32);
                        inputError[i + 4] += old * error;
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 32;
                        }
                    }

                    x = inputs[i + 5];
                    if (x != 0)
                    {
                        old = (sbyte)(p >> 40);
                        inputError[i + 5] += old * error;
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 40;
                        }
                    }

                    x = inputs[i + 6];
                    if (x != 0)
                    {
                        old = (sbyte)(p >> 48);
                        inputError[i + 6] += old * error;
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 48;
                        }
                    }

                    x = inputs[i + 7];
                    if (x != 0)
                    {
                        old = (int)(p >> 56);
                        inputError[i + 7] += old * error;
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift;
                        if (delta != 0)
                        {
                            v = old - delta;
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << 56;
                        }
                    }

                    weights[slot] = p; // always: a whole long nearly always changes, and testing for it cost about what the store does
                    i += 8;
                }

                return clamped;
            }

            int first = -(offset & 7); // the input whose weight is byte 0 of the long
            while (i < count)
            {
                int stop = first + 8;
                if (stop > count)
                {
                    stop = count;
                }

                p = weights[slot];
                long before = p;
                for (; i < stop; i++)
                {
                    x = inputs[i];
                    if (x != 0)
                    {
                        lane = (i - first) << 3;
                        old = (sbyte)(p >> lane);
                        inputError[i] += old * error;
                        u += step;
                        delta = ((scaled * x) + (int)(u >> down)) >> shift; // int product on the left, as in TinTin
                        if (delta != 0)
                        {
                            v = old - delta;
                            // Inline copy of Saturation.SaturateToInt8 (a call per weight costs more); ClampCopyTests checks it.
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((old ^ v) & 0xFF) << lane;
                        }
                    }

                }

                if (p != before)
                {
                    weights[slot] = p;
                }

                slot++;
                first += 8;
            }

            return clamped;
        }

        /// <summary>
        /// NITI row update: <c>w[i] -= pseudo_round(e * x[i] / 2^shift)</c>, where the discarded bits
        /// of |e * x[i]| decide the rounding (their upper half is the probability, the lower half the
        /// random number: no generator).
        /// </summary>
        /// <param name="weights">The weights.</param>
        /// <param name="offset">The first weight of the row.</param>
        /// <param name="error">The output error e (int8 range).</param>
        /// <param name="inputs">The layer input x (int8 range).</param>
        /// <param name="count">The row length.</param>
        /// <param name="shift">The shift that leaves the largest gradient μ bits, 0..30.</param>
        /// <returns>The number of weights clamped.</returns>
        public static int Niti(long[] weights, int offset, int error, sbyte[] inputs, int count, int shift)
        {
            return NitiPropagating(weights, offset, error, inputs, count, shift, null);
        }

        /// <summary>
        /// <see cref="Niti(long[], int, int, sbyte[], int, int)"/>, and when <paramref name="inputError"/>
        /// is given, fused with the error to the layer below at the nonzero inputs: <c>d[i] += w_old[i] * e</c>.
        /// </summary>
        /// <param name="weights">The weights.</param>
        /// <param name="offset">The first weight of the row.</param>
        /// <param name="error">The output error e (int8 range).</param>
        /// <param name="inputs">The layer input x (int8 range).</param>
        /// <param name="count">The row length.</param>
        /// <param name="shift">The shift that leaves the largest gradient μ bits, 0..30.</param>
        /// <param name="inputError">The int32 error accumulators of the inputs, added to; or null.</param>
        /// <returns>The number of weights clamped.</returns>
        public static int NitiPropagating(long[] weights, int offset, int error, sbyte[] inputs, int count, int shift, int[] inputError)
        {
            int i;
            int x;
            int w;
            int g;
            int lane;
            int clamped = 0;
            if (error == 0)
            {
                return 0;
            }

            int half = shift >> 1;
            int halfMask = (1 << half) - 1;
            int lowMask = (1 << shift) - 1;
            int align = shift - (half << 1); // 1 when shift is odd: the random half is one bit short
            bool propagate = inputError != null;
            i = 0;
            int slot = offset >> 3;
            int first = -(offset & 7); // the input whose weight is byte 0 of the long
            while (i < count)
            {
                int stop = first + 8;
                if (stop > count)
                {
                    stop = count;
                }

                long p = weights[slot];
                long before = p;
                for (; i < stop; i++)
                {
                    x = inputs[i];
                    if (x != 0)
                    {
                        lane = (i - first) << 3;
                        w = (sbyte)(p >> lane);
                        if (propagate)
                        {
                            inputError[i] += w * error;
                        }

                        g = error * x;
                        int m = g < 0 ? -g : g;
                        int low = m & lowMask;
                        int q = m >> shift;
                        if (((low & halfMask) << align) < (low >> half))
                        {
                            q++;
                        }

                        if (q != 0)
                        {
                            int v = w - (g < 0 ? -q : q);
                            // Inline copy of Saturation.SaturateToInt8 (a call per weight costs more); ClampCopyTests checks it.
                            if ((uint)(v + 127) > 254u)
                            {
                                v = v > 0 ? 127 : -127;
                                clamped++;
                            }

                            p ^= (long)((w ^ v) & 0xFF) << lane;
                        }
                    }

                }

                if (p != before)
                {
                    weights[slot] = p;
                }

                slot++;
                first += 8;
            }

            return clamped;
        }
    }
}
