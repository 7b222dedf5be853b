// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// <see cref="MessageType.Ack"/>: the board accepted a host frame. Payload (4 bytes): the answered frame's
    /// sequence u16, its message type u8 (<see cref="MessageType.Command"/> or <see cref="MessageType.ModelChunk"/>),
    /// its command code u8 (0 when it was not a command).
    /// </summary>
    public sealed class AckMessage
    {
        /// <summary>The payload length.</summary>
        public const int Length = 4;

        /// <summary>The sequence number of the frame answered.</summary>
        public int AnsweredSequence { get; set; }

        /// <summary>The type of the frame answered.</summary>
        public MessageType AnsweredType { get; set; } = MessageType.Command;

        /// <summary>The command answered, or <see cref="CommandCode.None"/>.</summary>
        public CommandCode Command { get; set; }

        /// <summary>Writes the payload.</summary>
        /// <param name="buffer">The destination, with room for <see cref="Length"/> bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The payload length.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
        public int Write(byte[] buffer, int offset)
        {
            if (AnswerCheck.Check(AnsweredSequence, AnsweredType, Command, true) != NakReason.None)
            {
                throw new ArgumentOutOfRangeException("ack", "a field is out of range");
            }

            AnswerCheck.WriteHead(buffer, offset, AnsweredSequence, AnsweredType, Command);
            return Length;
        }

        /// <summary>Reads a payload into this object.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first payload byte.</param>
        /// <param name="count">The payload length.</param>
        /// <returns><see cref="NakReason.None"/>, or why the payload is refused.</returns>
        public NakReason Read(byte[] buffer, int offset, int count)
        {
            if (count != Length)
            {
                return NakReason.BadLength;
            }

            AnsweredSequence = ByteOrder.ReadUInt16(buffer, offset);
            AnsweredType = (MessageType)buffer[offset + 2];
            Command = (CommandCode)buffer[offset + 3];
            return AnswerCheck.Check(AnsweredSequence, AnsweredType, Command, true);
        }
    }
}
