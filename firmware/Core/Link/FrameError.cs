// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// Why the frame decoder rejected a frame. Each rejection is counted once, by reason, in <see cref="LinkStats"/>.
    /// </summary>
    public enum FrameError : byte
    {
        /// <summary>No error.</summary>
        None = 0,

        /// <summary>A 0x00 arrived inside a COBS block (the block's data was cut short).</summary>
        BadCobs = 1,

        /// <summary>The header declares more than <see cref="LinkProtocol.MaxPayloadLength"/> bytes, or the data runs past the declared length.</summary>
        TooLong = 2,

        /// <summary>The frame ended (0x00) before its header, or before the length its header declares.</summary>
        TooShort = 3,

        /// <summary>The CRC-32 does not match the header and payload.</summary>
        BadCrc = 4,

        /// <summary>Byte 0 is not <see cref="LinkProtocol.Version"/>.</summary>
        UnknownVersion = 5,

        /// <summary>Byte 1 is not a <see cref="MessageType"/> of this version.</summary>
        UnknownType = 6,

        /// <summary>The payload length is outside the range the message type allows.</summary>
        BadPayloadLength = 7,
    }
}
