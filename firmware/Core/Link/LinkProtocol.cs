// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// The fixed numbers of the board-host link (docs/protocol.md): version, frame layout offsets, size limits and
    /// the serial settings.
    /// </summary>
    /// <remarks>
    /// Decoded frame: version u8, type u8, sequence u16, timestamp µs u64, payload length u16, payload, CRC-32 u32.
    /// Every multi-byte field is little-endian. The CRC covers every byte before it.
    /// </remarks>
    public static class LinkProtocol
    {
        /// <summary>The frame format version (byte 0 of every frame); a decoder rejects any other value.</summary>
        public const byte Version = 1;

        /// <summary>The protocol's minor version, sent in the hello: additive changes only (new types, counters, commands).</summary>
        public const byte MinorVersion = 0;

        /// <summary>Offset of the version byte in a decoded frame.</summary>
        public const int VersionOffset = 0;

        /// <summary>Offset of the message type byte.</summary>
        public const int TypeOffset = 1;

        /// <summary>Offset of the 16-bit sequence number.</summary>
        public const int SequenceOffset = 2;

        /// <summary>Offset of the 64-bit µs timestamp.</summary>
        public const int TimestampOffset = 4;

        /// <summary>Offset of the 16-bit payload length.</summary>
        public const int PayloadLengthOffset = 12;

        /// <summary>Bytes before the payload; the payload starts here.</summary>
        public const int HeaderLength = 14;

        /// <summary>Bytes of the CRC-32 after the payload.</summary>
        public const int CrcLength = 4;

        /// <summary>Header plus CRC: a frame's length without its payload.</summary>
        public const int Overhead = HeaderLength + CrcLength;

        /// <summary>The largest payload of any frame.</summary>
        public const int MaxPayloadLength = 1024;

        /// <summary>The largest decoded frame (header, payload, CRC).</summary>
        public const int MaxFrameLength = Overhead + MaxPayloadLength;

        /// <summary>The largest COBS-encoded frame, including its 0x00 terminator.</summary>
        public const int MaxEncodedLength = MaxFrameLength + (MaxFrameLength / 254) + 2;

        /// <summary>The largest sequence number; the next one after it is 0.</summary>
        public const int MaxSequence = 0xFFFF;

        /// <summary>The data link's baud rate (8 data bits, no parity, 1 stop bit).</summary>
        public const int BaudRate = 921600;

        /// <summary>The board's data link port; COM1 belongs to the nanoFramework debugger.</summary>
        public const string PortName = "COM2";
    }
}
