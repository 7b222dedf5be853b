// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// Little-endian reads and writes of the link's integer fields. Callers check the bounds first.
    /// </summary>
    /// <remarks>
    /// Reads assemble from bytes with int arithmetic and widen through a mask, never from a uint: the interpreter
    /// would keep an unsigned tag on a uint-derived int (docs/device-interpreter.md).
    /// </remarks>
    public static class ByteOrder
    {
        /// <summary>Writes the low 16 bits of a value.</summary>
        /// <param name="buffer">The destination.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="value">The value.</param>
        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes a 32-bit value.</summary>
        /// <param name="buffer">The destination.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="value">The value (its low 32 bits).</param>
        public static void WriteInt32(byte[] buffer, int offset, long value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes a 64-bit value.</summary>
        /// <param name="buffer">The destination.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="value">The value.</param>
        public static void WriteInt64(byte[] buffer, int offset, long value)
        {
            WriteInt32(buffer, offset, value);
            WriteInt32(buffer, offset + 4, value >> 32);
        }

        /// <summary>Reads an unsigned 16-bit value.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The value, 0 to 65535.</returns>
        public static int ReadUInt16(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8);
        }

        /// <summary>Reads a signed 16-bit value.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The value, -32768 to 32767.</returns>
        public static short ReadInt16(byte[] buffer, int offset)
        {
            return (short)(buffer[offset] | (buffer[offset + 1] << 8));
        }

        /// <summary>Reads a signed 32-bit value.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The value.</returns>
        public static int ReadInt32(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }

        /// <summary>Reads an unsigned 32-bit value.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The value, 0 to 4294967295.</returns>
        public static long ReadUInt32(byte[] buffer, int offset)
        {
            return ReadInt32(buffer, offset) & 0xFFFFFFFFL;
        }

        /// <summary>Reads a signed 64-bit value.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The value.</returns>
        public static long ReadInt64(byte[] buffer, int offset)
        {
            long high = ReadInt32(buffer, offset + 4);
            return (high << 32) | ReadUInt32(buffer, offset);
        }
    }
}
