// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Bus
{
    /// <summary>
    /// Argument checks shared by the <see cref="IRegisterBus"/> implementations, so every bus
    /// rejects the same mistakes with the same exceptions.
    /// </summary>
    public static class BurstArguments
    {
        /// <summary>
        /// Checks a burst-read destination range.
        /// </summary>
        /// <param name="buffer">The destination buffer.</param>
        /// <param name="offset">The index of the first byte.</param>
        /// <param name="count">The number of bytes, from 1 to <paramref name="maxCount"/>.</param>
        /// <param name="maxCount">The largest burst the bus can transfer.</param>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range is invalid.</exception>
        public static void Check(byte[] buffer, int offset, int count, int maxCount)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (count < 1 || count > maxCount)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            // Written so that no sum can overflow.
            if (offset < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }
    }
}
