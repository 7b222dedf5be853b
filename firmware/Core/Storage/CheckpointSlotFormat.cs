// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Persistence;

namespace TinTin.Firmware.Core.Storage
{
    /// <summary>
    /// The checkpoint slot file: a 24-byte header, then a model file (<see cref="ModelFile"/>) as the body.
    /// All integers little-endian.
    /// </summary>
    /// <remarks>
    /// <para>Header: magic "TTCK" (54 54 43 4B); u16 slot format version = 1; u16 reserved = 0;
    /// u32 sequence number; u32 body length; u32 CRC-32 of the body; u32 CRC-32 of the 20 header bytes before it.</para>
    /// <para>A write cut at any byte leaves a file shorter than 24 + body length (or an older complete
    /// file), and a mix of new and old bytes fails one of the two CRCs, so every torn write is detected.</para>
    /// </remarks>
    public static class CheckpointSlotFormat
    {
        /// <summary>The header's size in bytes.</summary>
        public const int HeaderSize = 24;

        /// <summary>The slot format version this firmware writes and reads.</summary>
        public const int Version = 1;

        /// <summary>The magic's first byte ('T').</summary>
        public const byte Magic0 = 0x54;

        /// <summary>The magic's second byte ('T').</summary>
        public const byte Magic1 = 0x54;

        /// <summary>The magic's third byte ('C').</summary>
        public const byte Magic2 = 0x43;

        /// <summary>The magic's fourth byte ('K').</summary>
        public const byte Magic3 = 0x4B;

        /// <summary>Offset of the u16 version.</summary>
        public const int VersionOffset = 4;

        /// <summary>Offset of the u32 sequence number.</summary>
        public const int SequenceOffset = 8;

        /// <summary>Offset of the u32 body length.</summary>
        public const int BodyLengthOffset = 12;

        /// <summary>Offset of the u32 CRC-32 of the body.</summary>
        public const int BodyChecksumOffset = 16;

        /// <summary>Offset of the u32 CRC-32 of the header bytes before it.</summary>
        public const int HeaderChecksumOffset = 20;

        /// <summary>Writes a header.</summary>
        /// <param name="header">At least <see cref="HeaderSize"/> bytes.</param>
        /// <param name="sequence">The sequence number.</param>
        /// <param name="bodyLength">The model file's length.</param>
        /// <param name="bodyChecksum">The model file's CRC-32 (all its bytes).</param>
        public static void WriteHeader(byte[] header, uint sequence, int bodyLength, uint bodyChecksum)
        {
            header[0] = Magic0;
            header[1] = Magic1;
            header[2] = Magic2;
            header[3] = Magic3;
            header[VersionOffset] = Version;
            header[VersionOffset + 1] = 0;
            header[6] = 0;
            header[7] = 0;
            PutUInt32(header, SequenceOffset, sequence);
            PutUInt32(header, BodyLengthOffset, (uint)bodyLength);
            PutUInt32(header, BodyChecksumOffset, bodyChecksum);
            PutUInt32(header, HeaderChecksumOffset, Crc32.Compute(header, 0, HeaderChecksumOffset));
        }

        /// <summary>Reads a little-endian u32.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">Where the value starts.</param>
        /// <returns>The value.</returns>
        public static uint GetUInt32(byte[] data, int offset)
        {
            return (uint)GetInt32(data, offset);
        }

        /// <summary>Reads a little-endian i32.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">Where the value starts.</param>
        /// <returns>The value.</returns>
        public static int GetInt32(byte[] data, int offset)
        {
            return data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24);
        }

        /// <summary>Writes a little-endian u32.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">Where the value goes.</param>
        /// <param name="value">The value.</param>
        public static void PutUInt32(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
            data[offset + 2] = (byte)(value >> 16);
            data[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>
        /// Whether sequence <paramref name="a"/> is newer than <paramref name="b"/> in serial-number
        /// arithmetic (RFC 1982): a is newer when a - b, modulo 2^32, lies in 1 .. 2^31 - 1. So 0 is newer
        /// than 0xFFFFFFFF, and equal numbers are neither.
        /// </summary>
        /// <param name="a">One sequence number.</param>
        /// <param name="b">The other.</param>
        /// <returns>True when a is newer.</returns>
        public static bool IsNewer(uint a, uint b)
        {
            uint distance = unchecked(a - b);
            return distance != 0 && distance < 0x80000000u;
        }
    }
}
