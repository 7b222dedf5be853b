// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Layers;
using TinTin.Random;
using TinTin.Scaling;

namespace NFUnitTest
{
    // Exact reference arithmetic for the engine tests, written differently from the engine: long
    // division with an explicit remainder instead of shifts, and scales compared as exact rationals
    // 2^a * 3^b by cross-multiplication. Callers keep the operands small enough for a long.
    internal static class ReferenceArithmetic
    {
        // A layer's weights as int8, whatever its storage (Dense packs them eight to a long).
        public static sbyte[] Weights(WeightedLayer layer)
        {
            sbyte[] weights = new sbyte[layer.WeightCount];
            layer.CopyWeightsTo(weights);
            return weights;
        }

        // floor(n / d) for d > 0: C# division truncates toward zero, so fix up a negative remainder.
        internal static long FloorDivide(long n, long d)
        {
            long q = n / d;
            long r = n - q * d;
            if (r < 0)
            {
                q--;
            }

            return q;
        }

        // n / d rounded to nearest, halves away from zero, for d > 0.
        internal static long RoundHalfAway(long n, long d)
        {
            long magnitude = n < 0 ? -n : n;
            long q = magnitude / d;
            long r = magnitude - q * d;
            if (2 * r >= d)
            {
                q++;
            }

            return n < 0 ? -q : q;
        }

        internal static long Power(long b, int e)
        {
            long p = 1;
            for (int i = 0; i < e; i++)
            {
                p *= b;
            }

            return p;
        }

        // value * from / to, rounded half away from zero: from / to = 2^a * 3^b exactly.
        internal static long Convert(long value, Scale from, Scale to)
        {
            int a = from.Pow2 - to.Pow2;
            int b = from.Pow3 - to.Pow3;
            long numerator = value * Power(2, a > 0 ? a : 0) * Power(3, b > 0 ? b : 0);
            long denominator = Power(2, a < 0 ? -a : 0) * Power(3, b < 0 ? -b : 0);
            return RoundHalfAway(numerator, denominator);
        }

        // Whether |value * from - q * to| <= to / 2 (q is value re-expressed at scale "to" within half a step).
        internal static bool WithinHalfStep(long value, Scale from, long q, Scale to)
        {
            int a = from.Pow2 - to.Pow2;
            int b = from.Pow3 - to.Pow3;
            long left = value * Power(2, a > 0 ? a : 0) * Power(3, b > 0 ? b : 0);
            long denominator = Power(2, a < 0 ? -a : 0) * Power(3, b < 0 ? -b : 0);
            long difference = left - q * denominator;
            if (difference < 0)
            {
                difference = -difference;
            }

            return 2 * difference <= denominator;
        }

        // Uniform values in [-limit, limit].
        internal static sbyte[] RandomInt8(Xorshift32 random, int count, int limit)
        {
            sbyte[] values = new sbyte[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = (sbyte)(random.NextInt(2 * limit + 1) - limit);
            }

            return values;
        }

        internal static sbyte[] Copy(sbyte[] values)
        {
            sbyte[] copy = new sbyte[values.Length];
            System.Array.Copy(values, copy, values.Length);
            return copy;
        }

        internal static int MaxAbs(sbyte[] values, int count)
        {
            int max = 0;
            for (int i = 0; i < count; i++)
            {
                int a = values[i] < 0 ? -values[i] : values[i];
                if (a > max)
                {
                    max = a;
                }
            }

            return max;
        }

        // NITI's pseudo-stochastic rounding as fractions: the discarded low bits split into an upper part
        // hi (shift - shift/2 bits: the probability hi / 2^(shift - shift/2)) and a lower part lo (shift/2
        // bits: the random number lo / 2^(shift/2)); round the magnitude up when random < probability.
        internal static long NitiRound(long g, int shift)
        {
            long magnitude = g < 0 ? -g : g;
            long unit = 1L << shift;
            long q = magnitude / unit;
            long discarded = magnitude - q * unit;
            int randomBits = shift / 2;
            long hi = discarded / (1L << randomBits);
            long lo = discarded - hi * (1L << randomBits);
            if (lo * (1L << (shift - randomBits)) < hi * (1L << randomBits))
            {
                q++;
            }

            return g < 0 ? -q : q;
        }

        // A weight after its update: clamped to [-127, 127], counting the clamps.
        internal static sbyte ClampInt8(long v, ref int clamped)
        {
            if (v > 127 || v < -127)
            {
                clamped++;
                return v > 0 ? (sbyte)127 : (sbyte)-127;
            }

            return (sbyte)v;
        }

        // The top 'bits' bits (1 to 31) of the next draw as a non-negative int: (int)(rng.NextUInt() >> (32 - bits)),
        // but through long, so it is a plain int on nanoCLR too; there (int) of a uint emits no IL and keeps
        // the unsigned tag, so "RandomBits(...) - k" would shift and widen as unsigned when negative.
        // For signed draws use rng.NextInt() >> (32 - bits), never (int)rng.NextUInt() >> k (never negative on nanoCLR).
        internal static int RandomBits(Xorshift32 rng, int bits)
        {
            return (int)(long)(rng.NextUInt() >> (32 - bits));
        }

        // The state whose xorshift32 step gives y: undo x ^= x << 5, x ^= x >> 17, x ^= x << 13 in reverse order.
        internal static uint InverseXorshift(uint y)
        {
            y = UndoShiftLeftXor(y, 5);
            y = UndoShiftRightXor(y, 17);
            return UndoShiftLeftXor(y, 13);
        }

        // Solves y = x ^ (x << k): each pass fixes k more low bits.
        private static uint UndoShiftLeftXor(uint y, int k)
        {
            uint x = y;
            for (int i = 0; i * k < 32; i++)
            {
                x = y ^ (x << k);
            }

            return x;
        }

        private static uint UndoShiftRightXor(uint y, int k)
        {
            uint x = y;
            for (int i = 0; i * k < 32; i++)
            {
                x = y ^ (x >> k);
            }

            return x;
        }
    }
}
