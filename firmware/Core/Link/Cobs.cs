// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): rewrites bytes so that none is 0x00, at most
    /// one byte of overhead per 254, so 0x00 can end a frame.
    /// </summary>
    /// <remarks>
    /// The output is a chain of blocks: a code byte c (1 to 255), then c - 1 non-zero data bytes; a block with
    /// c &lt; 255 stands for its data followed by one 0x00, except the last block, whose zero is dropped. This encoder
    /// writes the minimal form: when the data ends exactly at a full block (c = 255) no empty block (01) follows.
    /// The frame decoder relies on it to end a frame by its length (docs/protocol.md, "the 0x00 trap").
    /// </remarks>
    public static class Cobs
    {
        /// <summary>The largest encoded length of <paramref name="count"/> bytes, without a terminator.</summary>
        /// <param name="count">The number of bytes to encode.</param>
        /// <returns>The bound: count + count / 254 + 1.</returns>
        public static int MaxEncodedLength(int count)
        {
            return count + (count / 254) + 1;
        }

        /// <summary>Encodes a byte range. The output contains no 0x00 and no terminator.</summary>
        /// <param name="source">The bytes to encode.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="count">How many bytes.</param>
        /// <param name="destination">Room for <see cref="MaxEncodedLength"/> bytes at <paramref name="destinationOffset"/>.</param>
        /// <param name="destinationOffset">Where the output starts.</param>
        /// <returns>The number of bytes written.</returns>
        public static int Encode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int codeAt = destinationOffset;
            int o = destinationOffset + 1;
            int code = 1;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                byte b = source[i];
                if (b == 0)
                {
                    destination[codeAt] = (byte)code;
                    codeAt = o++;
                    code = 1;
                    continue;
                }

                destination[o++] = b;
                code++;
                if (code == 0xFF)
                {
                    destination[codeAt] = 0xFF;
                    code = 1;

                    // Minimal form: no empty block after a full one that ends the data.
                    if (i + 1 == end)
                    {
                        return o - destinationOffset;
                    }

                    codeAt = o++;
                }
            }

            destination[codeAt] = (byte)code;
            return o - destinationOffset;
        }

        /// <summary>Decodes one encoded frame (without its terminator).</summary>
        /// <param name="source">The encoded bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="count">How many bytes.</param>
        /// <param name="destination">The output buffer.</param>
        /// <param name="destinationOffset">Where the output starts.</param>
        /// <param name="capacity">The most bytes that may be written.</param>
        /// <returns>The decoded length, or -1 if the input contains 0x00, ends inside a block or does not fit.</returns>
        public static int Decode(byte[] source, int offset, int count, byte[] destination, int destinationOffset, int capacity)
        {
            int o = 0;
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int code = source[i++];
                if (code == 0 || code - 1 > end - i)
                {
                    return -1;
                }

                for (int k = 1; k < code; k++)
                {
                    byte b = source[i++];
                    if (b == 0 || o == capacity)
                    {
                        return -1;
                    }

                    destination[destinationOffset + o++] = b;
                }

                // The block's zero, unless the block is full or last.
                if (code != 0xFF && i < end)
                {
                    if (o == capacity)
                    {
                        return -1;
                    }

                    destination[destinationOffset + o++] = 0;
                }
            }

            return o;
        }
    }
}
