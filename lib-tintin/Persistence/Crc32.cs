// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Persistence
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3, zlib and PNG: reflected polynomial 0xEDB88320, initial value and final
    /// XOR 0xFFFFFFFF. The check value of the ASCII bytes "123456789" is 0xCBF43926.
    /// </summary>
    /// <remarks>
    /// Table-driven, one byte per step: one table lookup, one XOR and one shift per byte. The
    /// 256-entry table (1 KiB) is built once, when the class is first used.
    /// </remarks>
    public static class Crc32
    {
        /// <summary>The reflected generator polynomial.</summary>
        public const uint Polynomial = 0xEDB88320;

        private static readonly uint[] s_table = BuildTable();

        /// <summary>Computes the CRC-32 of a byte range.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="count">How many bytes.</param>
        /// <returns>The CRC-32.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside <paramref name="data"/>.</exception>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return Update(0, data, offset, count);
        }

        /// <summary>
        /// Continues a CRC-32 over more bytes: <c>Update(Compute(a), b)</c> equals the CRC-32 of
        /// <c>a</c> followed by <c>b</c>, and <c>Update(0, a)</c> equals <c>Compute(a)</c> (the zlib convention).
        /// </summary>
        /// <param name="crc">The CRC-32 of the bytes so far (0 for none).</param>
        /// <param name="data">The next bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="count">How many bytes.</param>
        /// <returns>The CRC-32 of everything so far.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside <paramref name="data"/>.</exception>
        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (offset < 0 || count < 0 || count > data.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "the range lies outside the array");
            }

            uint[] table = s_table;
            uint c = ~crc;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                c = table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
            }

            return ~c;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
