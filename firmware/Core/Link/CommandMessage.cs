// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// <see cref="MessageType.Command"/>: the host asks the board to do something. Payload: command code u8, then
    /// the code's argument: u8 for <see cref="CommandCode.SetMode"/> and <see cref="CommandCode.SetLabel"/>
    /// (255 = unlabelled), u32 for <see cref="CommandCode.SetReportPeriod"/> and <see cref="CommandCode.LoadModel"/>,
    /// nothing for the others.
    /// </summary>
    /// <remarks>
    /// The board answers every command with an <see cref="AckMessage"/> or a <see cref="NakMessage"/> carrying the
    /// command frame's sequence number. <see cref="Read"/> checks what the protocol fixes; <see cref="Validate"/>
    /// adds what depends on the board (its class count, its room for a model); the firmware naks with either's reason.
    /// </remarks>
    public sealed class CommandMessage
    {
        /// <summary>The longest command payload: code and a u32 argument.</summary>
        public const int MaxLength = 5;

        /// <summary>The shortest non-zero report period, ms.</summary>
        public const long MinReportPeriodMs = 100;

        /// <summary>The longest report period, ms (one day).</summary>
        public const long MaxReportPeriodMs = 86400000;

        /// <summary>The command.</summary>
        public CommandCode Code { get; set; }

        /// <summary>The argument: mode, label (-1 = unlabelled), period ms or model length; 0 for commands without one.</summary>
        public long Argument { get; set; }

        /// <summary>The argument's length in bytes for a command code.</summary>
        /// <param name="code">The code.</param>
        /// <returns>0, 1 or 4; -1 for an unknown code.</returns>
        public static int ArgumentLength(CommandCode code)
        {
            switch (code)
            {
                case CommandCode.SetMode:
                case CommandCode.SetLabel:
                    return 1;
                case CommandCode.SetReportPeriod:
                case CommandCode.LoadModel:
                    return 4;
                case CommandCode.SaveCheckpoint:
                case CommandCode.ResetCounters:
                case CommandCode.SendModel:
                case CommandCode.SendHello:
                    return 0;
                default:
                    return -1;
            }
        }

        /// <summary>Writes the payload.</summary>
        /// <param name="buffer">The destination, with room for <see cref="MaxLength"/> bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The payload length.</returns>
        /// <exception cref="ArgumentOutOfRangeException">An unknown code or an argument outside the protocol's range.</exception>
        public int Write(byte[] buffer, int offset)
        {
            int n = ArgumentLength(Code);
            if (n < 0 || CheckArgument(Code, Argument) != NakReason.None)
            {
                throw new ArgumentOutOfRangeException("command", "unknown code or argument out of range");
            }

            buffer[offset] = (byte)Code;
            if (n == 1)
            {
                buffer[offset + 1] = (byte)(Argument < 0 ? 255 : Argument);
            }
            else if (n == 4)
            {
                ByteOrder.WriteInt32(buffer, offset + 1, Argument);
            }

            return 1 + n;
        }

        /// <summary>Reads a payload into this object and checks the protocol's ranges.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first payload byte.</param>
        /// <param name="count">The payload length.</param>
        /// <returns><see cref="NakReason.None"/>, <see cref="NakReason.UnknownCommand"/>, <see cref="NakReason.BadLength"/>
        /// or <see cref="NakReason.OutOfRange"/>. <see cref="Code"/> is set whenever the payload has a byte.</returns>
        public NakReason Read(byte[] buffer, int offset, int count)
        {
            Code = CommandCode.None;
            Argument = 0;
            if (count < 1)
            {
                return NakReason.BadLength;
            }

            Code = (CommandCode)buffer[offset];
            int n = ArgumentLength(Code);
            if (n < 0)
            {
                return NakReason.UnknownCommand;
            }

            if (count != 1 + n)
            {
                return NakReason.BadLength;
            }

            if (n == 1)
            {
                int v = buffer[offset + 1];
                Argument = Code == CommandCode.SetLabel && v == 255 ? -1 : v;
            }
            else if (n == 4)
            {
                Argument = ByteOrder.ReadUInt32(buffer, offset + 1);
            }

            return CheckArgument(Code, Argument);
        }

        /// <summary>The board-specific check the firmware calls after <see cref="Read"/> succeeded.</summary>
        /// <param name="classCount">The model's number of classes (labels 0 to classCount - 1 are valid).</param>
        /// <param name="maxModelBytes">The largest model file the board can take.</param>
        /// <returns><see cref="NakReason.None"/> or <see cref="NakReason.OutOfRange"/>.</returns>
        public NakReason Validate(int classCount, long maxModelBytes)
        {
            NakReason r = CheckArgument(Code, Argument);
            if (r != NakReason.None)
            {
                return r;
            }

            if (Code == CommandCode.SetLabel && Argument >= classCount)
            {
                return NakReason.OutOfRange;
            }

            if (Code == CommandCode.LoadModel && Argument > maxModelBytes)
            {
                return NakReason.OutOfRange;
            }

            return NakReason.None;
        }

        private static NakReason CheckArgument(CommandCode code, long argument)
        {
            bool ok;
            switch (code)
            {
                case CommandCode.SetMode:
                    ok = argument >= 0 && argument <= (int)DeviceMode.Detect;
                    break;
                case CommandCode.SetLabel:
                    ok = argument >= -1 && argument <= 254;
                    break;
                case CommandCode.SetReportPeriod:
                    ok = argument == 0 || (argument >= MinReportPeriodMs && argument <= MaxReportPeriodMs);
                    break;
                case CommandCode.LoadModel:
                    ok = argument >= 1 && argument <= ModelChunkMessage.MaxModelLength;
                    break;
                default:
                    ok = ArgumentLength(code) >= 0 ? argument == 0 : false;
                    break;
            }

            return ok ? NakReason.None : (ArgumentLength(code) < 0 ? NakReason.UnknownCommand : NakReason.OutOfRange);
        }
    }
}
