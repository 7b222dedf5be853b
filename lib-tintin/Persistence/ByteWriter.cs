// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Persistence
{
    /// <summary>
    /// Writes little-endian fields into a byte range, each write checked against the end of the
    /// range. A struct, so writing allocates nothing.
    /// </summary>
    internal struct ByteWriter
    {
        /// <summary>The buffer (bulk loops index it directly from <see cref="Take"/>'s result).</summary>
        public byte[] Data;

        /// <summary>The next byte to write.</summary>
        public int Position;

        /// <summary>The end of the writable range (exclusive).</summary>
        public int End;

        /// <summary>Creates a writer over <c>[position, end)</c>.</summary>
        /// <param name="data">The buffer.</param>
        /// <param name="position">The first byte.</param>
        /// <param name="end">The end of the range (exclusive).</param>
        public ByteWriter(byte[] data, int position, int end)
        {
            Data = data;
            Position = position;
            End = end;
        }

        /// <summary>Claims the next <paramref name="bytes"/> bytes.</summary>
        /// <param name="bytes">How many.</param>
        /// <returns>The position of the first.</returns>
        /// <exception cref="InvalidOperationException">The range is full (the size computed up front was wrong).</exception>
        public int Take(int bytes)
        {
            if (bytes > End - Position)
            {
                throw new InvalidOperationException("the model file outgrew the size computed for it");
            }

            int start = Position;
            Position += bytes;
            return start;
        }

        /// <summary>Writes the low byte of <paramref name="value"/>.</summary>
        /// <param name="value">The value, 0..255.</param>
        public void WriteByte(int value)
        {
            Data[Take(1)] = (byte)value;
        }

        /// <summary>Writes the low 16 bits of <paramref name="value"/>.</summary>
        /// <param name="value">The value, 0..65535.</param>
        public void WriteUInt16(int value)
        {
            int p = Take(2);
            Data[p] = (byte)value;
            Data[p + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes a 32-bit integer.</summary>
        /// <param name="value">The value.</param>
        public void WriteInt32(int value)
        {
            Int32At(Data, Take(4), value);
        }

        /// <summary>Writes an unsigned 32-bit integer.</summary>
        /// <param name="value">The value.</param>
        public void WriteUInt32(uint value)
        {
            // Through long: (int) of a uint emits no IL and would hand Int32At an unsigned-tagged int on
            // nanoCLR (its shifts would then be logical); conv.i4 makes it a plain int.
            Int32At(Data, Take(4), (int)(long)value);
        }

        /// <summary>Writes a 64-bit integer, low half first.</summary>
        /// <param name="value">The value.</param>
        public void WriteInt64(long value)
        {
            int p = Take(8);
            Int32At(Data, p, (int)value);
            Int32At(Data, p + 4, (int)(value >> 32));
        }

        /// <summary>Encodes a little-endian int32 (no bounds check: the caller took the bytes).</summary>
        /// <param name="data">The buffer.</param>
        /// <param name="p">The first byte.</param>
        /// <param name="value">The value.</param>
        public static void Int32At(byte[] data, int p, int value)
        {
            data[p] = (byte)value;
            data[p + 1] = (byte)(value >> 8);
            data[p + 2] = (byte)(value >> 16);
            data[p + 3] = (byte)(value >> 24);
        }
    }
}
