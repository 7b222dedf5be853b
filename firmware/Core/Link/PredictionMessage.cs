// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// <see cref="MessageType.Prediction"/>: the board's answer for one window. Payload (9 bytes): window sequence
    /// u32, predicted class u8 (0 to 254), confidence u16 per mille (0 to 1000), flags u8 (bit 0 novel, bit 1
    /// labelled, other bits 0), label u8 (the window's true label when labelled, else 0).
    /// </summary>
    public sealed class PredictionMessage
    {
        /// <summary>The payload length.</summary>
        public const int Length = 9;

        private const int FlagNovel = 1;
        private const int FlagLabelled = 2;

        /// <summary>The window's sequence number (0 to 4294967295): the board's, or the host's for streamed samples.</summary>
        public long WindowSequence { get; set; }

        /// <summary>The predicted class, 0 to 254.</summary>
        public int PredictedClass { get; set; }

        /// <summary>The confidence, per mille (0 to 1000).</summary>
        public int ConfidencePermille { get; set; }

        /// <summary>True when the window looked unlike the training data.</summary>
        public bool IsNovel { get; set; }

        /// <summary>The window's true label, 0 to 254, or -1 when unlabelled.</summary>
        public int Label { get; set; } = -1;

        /// <summary>Writes the payload.</summary>
        /// <param name="buffer">The destination, with room for <see cref="Length"/> bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The payload length.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
        public int Write(byte[] buffer, int offset)
        {
            if (WindowSequence < 0 || WindowSequence > 0xFFFFFFFFL || PredictedClass < 0 || PredictedClass > 254
                || ConfidencePermille < 0 || ConfidencePermille > 1000 || Label < -1 || Label > 254)
            {
                throw new ArgumentOutOfRangeException("prediction", "a field is out of range");
            }

            ByteOrder.WriteInt32(buffer, offset, WindowSequence);
            buffer[offset + 4] = (byte)PredictedClass;
            ByteOrder.WriteUInt16(buffer, offset + 5, ConfidencePermille);
            buffer[offset + 7] = (byte)((IsNovel ? FlagNovel : 0) | (Label >= 0 ? FlagLabelled : 0));
            buffer[offset + 8] = (byte)(Label >= 0 ? Label : 0);
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

            WindowSequence = ByteOrder.ReadUInt32(buffer, offset);
            PredictedClass = buffer[offset + 4];
            ConfidencePermille = ByteOrder.ReadUInt16(buffer, offset + 5);
            int flags = buffer[offset + 7];
            int label = buffer[offset + 8];
            IsNovel = (flags & FlagNovel) != 0;
            Label = (flags & FlagLabelled) != 0 ? label : -1;
            if (PredictedClass > 254 || ConfidencePermille > 1000 || (flags & ~(FlagNovel | FlagLabelled)) != 0
                || label == 255 || ((flags & FlagLabelled) == 0 && label != 0))
            {
                return NakReason.OutOfRange;
            }

            return NakReason.None;
        }
    }
}
