// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// Which message types exist and the payload lengths each allows; the frame decoder rejects a frame outside them
    /// before its payload is parsed.
    /// </summary>
    public static class MessageTypes
    {
        /// <summary>Tells whether a type byte names a message type of this protocol version.</summary>
        /// <param name="type">The type byte.</param>
        /// <returns>True for a known type.</returns>
        public static bool IsKnown(int type)
        {
            return MaxPayloadLength(type) >= 0;
        }

        /// <summary>The shortest payload of a type.</summary>
        /// <param name="type">The type byte.</param>
        /// <returns>The minimum payload length, or -1 for an unknown type.</returns>
        public static int MinPayloadLength(int type)
        {
            switch (type)
            {
                case (int)MessageType.Hello:
                    return HelloMessage.FixedLength;
                case (int)MessageType.Counters:
                    return 1;
                case (int)MessageType.Event:
                    return EventMessage.FixedLength;
                case (int)MessageType.Log:
                    return LogMessage.FixedLength;
                case (int)MessageType.Prediction:
                    return PredictionMessage.Length;
                case (int)MessageType.Command:
                    return 1;
                case (int)MessageType.Ack:
                    return AckMessage.Length;
                case (int)MessageType.Nak:
                    return NakMessage.FixedLength;
                case (int)MessageType.ModelChunk:
                    return ModelChunkMessage.FixedLength + 1;
                case (int)MessageType.Samples:
                    return SamplesMessage.FixedLength + 2;
                default:
                    return -1;
            }
        }

        /// <summary>The longest payload of a type.</summary>
        /// <param name="type">The type byte.</param>
        /// <returns>The maximum payload length, or -1 for an unknown type.</returns>
        public static int MaxPayloadLength(int type)
        {
            switch (type)
            {
                case (int)MessageType.Hello:
                    return HelloMessage.FixedLength + HelloMessage.MaxTargetNameBytes;
                case (int)MessageType.Counters:
                    return 1 + (CountersMessage.MaxCounters * CountersMessage.EntryLength);
                case (int)MessageType.Event:
                    return EventMessage.FixedLength + EventMessage.MaxTextBytes;
                case (int)MessageType.Log:
                    return LogMessage.FixedLength + LogMessage.MaxTextBytes;
                case (int)MessageType.Prediction:
                    return PredictionMessage.Length;
                case (int)MessageType.Command:
                    return CommandMessage.MaxLength;
                case (int)MessageType.Ack:
                    return AckMessage.Length;
                case (int)MessageType.Nak:
                    return NakMessage.FixedLength + NakMessage.MaxTextBytes;
                case (int)MessageType.ModelChunk:
                    return ModelChunkMessage.FixedLength + ModelChunkMessage.MaxDataLength;
                case (int)MessageType.Samples:
                    return SamplesMessage.FixedLength + (2 * SamplesMessage.MaxSamples);
                default:
                    return -1;
            }
        }
    }
}
