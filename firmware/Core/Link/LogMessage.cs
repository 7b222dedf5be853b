// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// <see cref="MessageType.Log"/>: a line of log text. Payload: level u8 (<see cref="LogLevel"/>), text (u8 length,
    /// at most 240 UTF-8 bytes; longer text is cut at a character boundary when written, so logging never throws).
    /// </summary>
    public sealed class LogMessage
    {
        /// <summary>Payload bytes before the text: level and length byte.</summary>
        public const int FixedLength = 2;

        /// <summary>The longest text, in UTF-8 bytes.</summary>
        public const int MaxTextBytes = 240;

        /// <summary>The level.</summary>
        public LogLevel Level { get; set; }

        /// <summary>The text; null is sent as empty.</summary>
        public string Text { get; set; }

        /// <summary>Writes the payload.</summary>
        /// <param name="buffer">The destination, with room for <see cref="FixedLength"/> + <see cref="MaxTextBytes"/> bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The payload length.</returns>
        public int Write(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)(Level > LogLevel.Error ? LogLevel.Error : Level);
            return 1 + Utf8.WriteField(Text, buffer, offset + 1, MaxTextBytes);
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

            int level = buffer[offset];
            Level = (LogLevel)level;
            string text;
            NakReason r = Utf8.ReadField(buffer, offset + 1, count - 1, MaxTextBytes, out text);
            Text = text;
            if (r == NakReason.None && level > (int)LogLevel.Error)
            {
                return NakReason.OutOfRange;
            }

            return r;
        }
    }
}
