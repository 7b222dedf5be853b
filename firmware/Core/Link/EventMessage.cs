// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// <see cref="MessageType.Event"/>: something happened on the board. Payload: code u16 (not 0), value int64,
    /// text (u8 length, at most 128 UTF-8 bytes; longer text is cut at a character boundary when written).
    /// </summary>
    public sealed class EventMessage
    {
        /// <summary>Payload bytes before the text: code, value, length byte.</summary>
        public const int FixedLength = 11;

        /// <summary>The longest text, in UTF-8 bytes.</summary>
        public const int MaxTextBytes = 128;

        /// <summary>The event code, 1 to 65535 (see <see cref="EventCode"/>).</summary>
        public int Code { get; set; }

        /// <summary>The event's number (meaning per code).</summary>
        public long Value { get; set; }

        /// <summary>A short text; null is sent as empty.</summary>
        public string Text { get; set; }

        /// <summary>Writes the payload.</summary>
        /// <param name="buffer">The destination, with room for <see cref="FixedLength"/> + <see cref="MaxTextBytes"/> bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The payload length.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The code is outside 1 to 65535.</exception>
        public int Write(byte[] buffer, int offset)
        {
            if (Code < 1 || Code > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException("Code");
            }

            ByteOrder.WriteUInt16(buffer, offset, Code);
            ByteOrder.WriteInt64(buffer, offset + 2, Value);
            return 10 + Utf8.WriteField(Text, buffer, offset + 10, MaxTextBytes);
        }

        /// <summary>Reads a payload into this object.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first payload byte.</param>
        /// <param name="count">The payload length.</param>
        /// <returns><see cref="NakReason.None"/>, or why the payload is refused.</returns>
        public NakReason Read(byte[] buffer, int offset, int count)
        {
            if (count < FixedLength || count > FixedLength + MaxTextBytes)
            {
                return NakReason.BadLength;
            }

            Code = ByteOrder.ReadUInt16(buffer, offset);
            Value = ByteOrder.ReadInt64(buffer, offset + 2);
            string text;
            NakReason r = Utf8.ReadField(buffer, offset + 10, count - 10, MaxTextBytes, out text);
            Text = text;
            if (r == NakReason.None && Code == 0)
            {
                return NakReason.OutOfRange;
            }

            return r;
        }
    }
}
