// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>The common head of <see cref="AckMessage"/> and <see cref="NakMessage"/>: what was answered.</summary>
    internal static class AnswerCheck
    {
        /// <summary>Checks the answered sequence, type and command.</summary>
        /// <param name="sequence">The answered sequence number.</param>
        /// <param name="type">The answered type: a command or model chunk (a nak may also answer samples).</param>
        /// <param name="command">The answered command code.</param>
        /// <param name="isAck">True for an ack: the command must then be known (a nak may answer an unknown code).</param>
        /// <returns><see cref="NakReason.None"/> or <see cref="NakReason.OutOfRange"/>.</returns>
        internal static NakReason Check(int sequence, MessageType type, CommandCode command, bool isAck)
        {
            if (sequence < 0 || sequence > LinkProtocol.MaxSequence)
            {
                return NakReason.OutOfRange;
            }

            if (type == MessageType.Command)
            {
                bool known = CommandMessage.ArgumentLength(command) >= 0;
                return command != CommandCode.None && (known || !isAck) ? NakReason.None : NakReason.OutOfRange;
            }

            bool answerable = type == MessageType.ModelChunk || (!isAck && type == MessageType.Samples);
            return answerable && command == CommandCode.None ? NakReason.None : NakReason.OutOfRange;
        }

        /// <summary>Writes sequence u16, type u8, command u8.</summary>
        /// <param name="buffer">The destination.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="sequence">The answered sequence number.</param>
        /// <param name="type">The answered type.</param>
        /// <param name="command">The answered command.</param>
        internal static void WriteHead(byte[] buffer, int offset, int sequence, MessageType type, CommandCode command)
        {
            ByteOrder.WriteUInt16(buffer, offset, sequence);
            buffer[offset + 2] = (byte)type;
            buffer[offset + 3] = (byte)command;
        }
    }
}
