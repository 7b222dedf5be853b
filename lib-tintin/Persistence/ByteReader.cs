// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Persistence
{
    /// <summary>
    /// Reads little-endian fields from a byte range, each read checked against the end of the range:
    /// a field that does not fit throws a <see cref="ModelFileException"/> naming the field, the bytes
    /// it needs and the bytes that remain. A struct, so reading allocates nothing.
    /// </summary>
    internal struct ByteReader
    {
        /// <summary>The bytes (bulk loops index them directly from <see cref="Take"/>'s result).</summary>
        public byte[] Data;

        /// <summary>The next byte to read.</summary>
        public int Position;

        /// <summary>The end of the readable range (exclusive).</summary>
        public int End;

        /// <summary>Creates a reader over <c>[position, end)</c>.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="position">The first byte.</param>
        /// <param name="end">The end of the range (exclusive).</param>
        public ByteReader(byte[] data, int position, int end)
        {
            Data = data;
            Position = position;
            End = end;
        }

        /// <summary>Gets the bytes left in the range.</summary>
        public int Remaining
        {
            get { return End - Position; }
        }

        /// <summary>Claims the next <paramref name="bytes"/> bytes for a field.</summary>
        /// <param name="bytes">The field's size.</param>
        /// <param name="what">The field, e.g. "the weights" (for the message).</param>
        /// <param name="layer">The layer it belongs to, or -1.</param>
        /// <returns>The position of the field's first byte.</returns>
        /// <exception cref="ModelFileException">Fewer than <paramref name="bytes"/> bytes remain.</exception>
        public int Take(int bytes, string what, int layer)
        {
            int remaining = End - Position;
            if (bytes > remaining)
            {
                throw new ModelFileException("truncated: " + Field(what, layer) + Need(what) + bytes.ToString() + " bytes but " + remaining.ToString() + " remain");
            }

            int start = Position;
            Position += bytes;
            return start;
        }

        /// <summary>Reads an unsigned byte.</summary>
        /// <param name="what">The field.</param>
        /// <param name="layer">Its layer, or -1.</param>
        /// <returns>The value, 0..255.</returns>
        public int ReadByte(string what, int layer)
        {
            return Data[Take(1, what, layer)];
        }

        /// <summary>Reads an unsigned 16-bit integer.</summary>
        /// <param name="what">The field.</param>
        /// <param name="layer">Its layer, or -1.</param>
        /// <returns>The value, 0..65535.</returns>
        public int ReadUInt16(string what, int layer)
        {
            int p = Take(2, what, layer);
            return Data[p] | (Data[p + 1] << 8);
        }

        /// <summary>Reads a signed 32-bit integer.</summary>
        /// <param name="what">The field.</param>
        /// <param name="layer">Its layer, or -1.</param>
        /// <returns>The value.</returns>
        public int ReadInt32(string what, int layer)
        {
            return Int32At(Data, Take(4, what, layer));
        }

        /// <summary>Reads an unsigned 32-bit integer.</summary>
        /// <param name="what">The field.</param>
        /// <param name="layer">Its layer, or -1.</param>
        /// <returns>The value.</returns>
        public uint ReadUInt32(string what, int layer)
        {
            return (uint)Int32At(Data, Take(4, what, layer));
        }

        /// <summary>Reads a signed 64-bit integer.</summary>
        /// <param name="what">The field.</param>
        /// <param name="layer">Its layer, or -1.</param>
        /// <returns>The value.</returns>
        public long ReadInt64(string what, int layer)
        {
            int p = Take(8, what, layer);

            // The signed high half on the left: nanoCLR gives the result the left operand's tag, and a
            // zero-extended (unsigned-tagged) low half there would make a negative result shift and
            // widen as unsigned.
            return ((long)Int32At(Data, p + 4) << 32) | (uint)Int32At(Data, p);
        }

        /// <summary>Decodes a little-endian int32 (no bounds check: the caller took the bytes).</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="p">The first byte.</param>
        /// <returns>The value.</returns>
        public static int Int32At(byte[] data, int p)
        {
            return data[p] | (data[p + 1] << 8) | (data[p + 2] << 16) | (data[p + 3] << 24);
        }

        /// <summary>"the weights of layer 2", or just "the magic number".</summary>
        /// <param name="what">The field.</param>
        /// <param name="layer">Its layer, or -1.</param>
        /// <returns>The field's name for a message.</returns>
        public static string Field(string what, int layer)
        {
            return layer < 0 ? what : what + " of layer " + layer.ToString();
        }

        // Field names are plural exactly when they end in 's' ("the weights", "the units").
        private static string Need(string what)
        {
            return what[what.Length - 1] == 's' ? " need " : " needs ";
        }
    }
}
