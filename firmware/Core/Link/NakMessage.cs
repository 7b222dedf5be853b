// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// <see cref="MessageType.Nak"/>: the board refused a host frame. Payload: the answered frame's sequence u16,
    /// type u8 and command code u8 (as in <see cref="AckMessage"/>; the code may be one the board does not know),
    /// the reason u8 (<see cref="NakReason"/>, not 0), a text (u8 length, at most 64 UTF-8 bytes, cut when written).
    /// </summary>
    public sealed class NakMessage
    {
        /// <summary>Payload bytes before the text: sequence, type, command, reason, length byte.</summary>
        public const int FixedLength = 6;

        /// <summary>The longest text, in UTF-8 bytes.</summary>
        public const int MaxTextBytes = 64;

        /// <summary>The sequence number of the frame answered.</summary>
        public int AnsweredSequence { get; set; }

        /// <summary>The type of the frame answered.</summary>
        public MessageType AnsweredType { get; set; } = MessageType.Command;

        /// <summary>The command answered (raw byte, may be unknown), or <see cref="CommandCode.None"/>.</summary>
        public CommandCode Command { get; set; }

        /// <summary>Why; not <see cref="NakReason.None"/>.</summary>
        public NakReason Reason { get; set; } = NakReason.OutOfRange;

        /// <summary>A short explanation; null is sent as empty.</summary>
        public string Text { get; set; }

        /// <summary>Writes the payload.</summary>
        /// <param name="buffer">The destination, with room for <see cref="FixedLength"/> + <see cref="MaxTextBytes"/> bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The payload length.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
        public int Write(byte[] buffer, int offset)
        {
            if (AnswerCheck.Check(AnsweredSequence, AnsweredType, Command, false) != NakReason.None || !IsReason(Reason))
            {
                throw new ArgumentOutOfRangeException("nak", "a field is out of range");
            }

            AnswerCheck.WriteHead(buffer, offset, AnsweredSequence, AnsweredType, Command);
            buffer[offset + 4] = (byte)Reason;
            return 5 + Utf8.WriteField(Text, buffer, offset + 5, MaxTextBytes);
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

            AnsweredSequence = ByteOrder.ReadUInt16(buffer, offset);
            AnsweredType = (MessageType)buffer[offset + 2];
            Command = (CommandCode)buffer[offset + 3];
            Reason = (NakReason)buffer[offset + 4];
            string text;
            NakReason r = Utf8.ReadField(buffer, offset + 5, count - 5, MaxTextBytes, out text);
            Text = text;
            if (r != NakReason.None)
            {
                return r;
            }

            if (!IsReason(Reason))
            {
                return NakReason.OutOfRange;
            }

            return AnswerCheck.Check(AnsweredSequence, AnsweredType, Command, false);
        }

        private static bool IsReason(NakReason reason)
        {
            return reason >= NakReason.UnknownCommand && reason <= NakReason.Unsupported;
        }
    }
}
