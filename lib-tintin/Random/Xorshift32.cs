// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Random
{
    /// <summary>
    /// Marsaglia's xorshift32 generator (shifts 13, 17, 5 on a 32-bit state): the one source of random
    /// bits for Tin-Tin, bit-identical on the host and on the device.
    /// </summary>
    /// <remarks>
    /// <para>
    /// nanoFramework's <c>System.Random</c> uses a different algorithm from .NET's, so training would not
    /// be reproducible across host and board with it. This generator is pure 32-bit integer arithmetic.
    /// </para>
    /// <para>
    /// The state is never zero: zero is the generator's only fixed point, so a zero seed (or a zero
    /// <see cref="State"/>) is replaced by <see cref="ZeroSeedReplacement"/>. Every other state lies on
    /// the single cycle of length 2^32 - 1. Each draw method advances the state by exactly one step,
    /// except <see cref="NextInt(int)"/>, which takes one more step for each rejected draw.
    /// </para>
    /// </remarks>
    internal sealed class Xorshift32
    {
        /// <summary>
        /// The state used when the seed is zero: 0x9E3779B9 (2^32 divided by the golden ratio), a
        /// well-mixed nonzero constant. Seeding with 0 and seeding with this value give the same sequence.
        /// </summary>
        public const uint ZeroSeedReplacement = 0x9E3779B9;

        private uint _state;

        /// <summary>
        /// Creates a generator from a seed.
        /// </summary>
        /// <param name="seed">Any value; 0 is replaced by <see cref="ZeroSeedReplacement"/>.</param>
        public Xorshift32(uint seed)
        {
            _state = seed == 0 ? ZeroSeedReplacement : seed;
        }

        /// <summary>
        /// Gets or sets the whole generator state, to save and resume a training run bit-exactly.
        /// Setting 0 stores <see cref="ZeroSeedReplacement"/> (the getter never returns 0).
        /// </summary>
        public uint State
        {
            get
            {
                return _state;
            }

            set
            {
                _state = value == 0 ? ZeroSeedReplacement : value;
            }
        }

        /// <summary>
        /// One xorshift32 step: <c>x ^= x &lt;&lt; 13; x ^= x &gt;&gt; 17; x ^= x &lt;&lt; 5</c>.
        /// Hot loops inline these three lines on a local copy of <see cref="State"/> instead of calling.
        /// </summary>
        /// <param name="x">The current state; 0 maps to 0 (the fixed point the constructor avoids).</param>
        /// <returns>The next state, which is also the generator's output.</returns>
        public static uint Step(uint x)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            return x;
        }

        /// <summary>
        /// Advances one step and returns the new state as 32 random bits.
        /// </summary>
        /// <returns>A value in [1, 2^32 - 1] (never 0).</returns>
        public uint NextUInt()
        {
            // The step is written out (no call to Step): calls cost as much as ~15 additions on nanoCLR.
            uint x = _state;
            // Inline copy of Xorshift32.Step (no call per draw on the interpreter); InlineCopyTests checks it.
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>
        /// Advances one step and returns the new state's 32 bits as a signed int: the same bits as
        /// <see cref="NextUInt"/>, so negative half the time. Use it for signed random values, e.g.
        /// <c>NextInt() &gt;&gt; 9</c> for a value in [-2^22, 2^22), instead of <c>(int)NextUInt()</c>.
        /// </summary>
        /// <remarks>
        /// <c>(int)</c> of a uint emits no IL, and nanoCLR keeps the unsigned tag of a value loaded as a
        /// uint through that cast, arguments and returns: <c>(int)NextUInt() &gt;&gt; 9</c> shifts
        /// logically there and is never negative. This method converts through long (<c>conv.u8</c>,
        /// <c>conv.i4</c>), which gives a plain int on nanoCLR and the same bits on .NET.
        /// </remarks>
        /// <returns>A value in [int.MinValue, int.MaxValue], never 0.</returns>
        public int NextInt()
        {
            uint x = _state;
            // Inline copy of Xorshift32.Step (no call per draw on the interpreter); InlineCopyTests checks it.
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;

            // Not (int)x: see the remarks.
            return (int)(long)x;
        }

        /// <summary>
        /// Returns the top <paramref name="count"/> bits of the next output, right-aligned.
        /// </summary>
        /// <param name="count">How many bits, 0 to 32; 0 returns 0 and still advances one step.</param>
        /// <returns>A value in [0, 2^count - 1].</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside [0, 32].</exception>
        public uint NextBits(int count)
        {
            if ((uint)count > 32)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            uint x = _state;
            // Inline copy of Xorshift32.Step (no call per draw on the interpreter); InlineCopyTests checks it.
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;

            // A 64-bit shift, because a 32-bit shift by 32 would be masked to a shift by 0.
            return (uint)((ulong)x >> (32 - count));
        }

        /// <summary>
        /// Returns a uniformly distributed integer in [0, <paramref name="exclusiveBound"/>).
        /// </summary>
        /// <remarks>
        /// Lemire's multiply-high method with rejection ("Fast random integer generation in an interval",
        /// 2019): the 64-bit product <c>x * bound</c> is split into a high word (the result) and a low word;
        /// draws whose low word falls below <c>2^32 mod bound</c> are rejected, so every result is
        /// reached by exactly floor(2^32 / bound) of the accepted 32-bit outputs: no modulo bias at all.
        /// The remainder is computed only when a rejection is possible (low word below the bound), which
        /// happens with probability below bound / 2^32; each rejection consumes one more step.
        /// </remarks>
        /// <param name="exclusiveBound">The exclusive upper bound, at least 1.</param>
        /// <returns>A value in [0, <paramref name="exclusiveBound"/> - 1].</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="exclusiveBound"/> is 0 or negative.</exception>
        public int NextInt(int exclusiveBound)
        {
            if (exclusiveBound <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(exclusiveBound));
            }

            uint bound = (uint)exclusiveBound;
            uint x = _state;
            // Inline copy of Xorshift32.Step (no call per draw on the interpreter); InlineCopyTests checks it.
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            ulong product = (ulong)x * bound;
            uint low = (uint)product;
            if (low < bound)
            {
                // 2^32 mod bound, computed in 32 bits as (2^32 - bound) mod bound.
                uint threshold = (0u - bound) % bound;
                while (low < threshold)
                {
                    // Inline copy of Xorshift32.Step (no call per draw on the interpreter); InlineCopyTests checks it.
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    product = (ulong)x * bound;
                    low = (uint)product;
                }
            }

            _state = x;
            return (int)(product >> 32);
        }
    }
}
