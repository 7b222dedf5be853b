// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// <see cref="MessageType.ModelChunk"/>: a piece of a model file (lib-tintin's format, docs/model-format.md), in
    /// either direction. Payload: total length u32 (1 to <see cref="MaxModelLength"/>), offset u32, then 1 to
    /// <see cref="MaxDataLength"/> bytes, with offset + bytes &lt;= total.
    /// </summary>
    /// <remarks>
    /// Reading does not copy: <see cref="Data"/> then points into the frame buffer, valid until the next frame.
    /// </remarks>
    public sealed class ModelChunkMessage
    {
        /// <summary>Payload bytes before the data: total and offset.</summary>
        public const int FixedLength = 8;

        /// <summary>The most data bytes in one chunk.</summary>
        public const int MaxDataLength = LinkProtocol.MaxPayloadLength - FixedLength;

        /// <summary>The largest model file the protocol carries (16 MiB).</summary>
        public const long MaxModelLength = 16L * 1024 * 1024;

        /// <summary>The model file's total length, bytes.</summary>
        public long TotalLength { get; set; }

        /// <summary>Where this chunk's bytes go in the file.</summary>
        public long Offset { get; set; }

        /// <summary>The array holding the chunk's bytes.</summary>
        public byte[] Data { get; set; }

        /// <summary>Where the chunk's bytes start in <see cref="Data"/>.</summary>
        public int DataOffset { get; set; }

        /// <summary>How many bytes the chunk carries.</summary>
        public int DataLength { get; set; }

        /// <summary>True when this chunk ends the file.</summary>
        public bool IsLast
        {
            get { return Offset + DataLength == TotalLength; }
        }

        /// <summary>Writes the payload.</summary>
        /// <param name="buffer">The destination, with room for <see cref="FixedLength"/> + <see cref="DataLength"/> bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The payload length.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
        public int Write(byte[] buffer, int offset)
        {
            if (Data == null || DataOffset < 0 || DataLength > Data.Length - DataOffset || Check() != NakReason.None)
            {
                throw new ArgumentOutOfRangeException("chunk", "a field is out of range");
            }

            ByteOrder.WriteInt32(buffer, offset, TotalLength);
            ByteOrder.WriteInt32(buffer, offset + 4, Offset);
            Array.Copy(Data, DataOffset, buffer, offset + FixedLength, DataLength);
            return FixedLength + DataLength;
        }

        /// <summary>Reads a payload into this object without copying its data.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first payload byte.</param>
        /// <param name="count">The payload length.</param>
        /// <returns><see cref="NakReason.None"/>, or why the payload is refused.</returns>
        public NakReason Read(byte[] buffer, int offset, int count)
        {
            if (count < FixedLength + 1 || count > FixedLength + MaxDataLength)
            {
                return NakReason.BadLength;
            }

            TotalLength = ByteOrder.ReadUInt32(buffer, offset);
            Offset = ByteOrder.ReadUInt32(buffer, offset + 4);
            Data = buffer;
            DataOffset = offset + FixedLength;
            DataLength = count - FixedLength;
            return Check();
        }

        private NakReason Check()
        {
            if (DataLength < 1 || DataLength > MaxDataLength)
            {
                return NakReason.BadLength;
            }

            if (TotalLength < 1 || TotalLength > MaxModelLength || Offset < 0 || Offset + DataLength > TotalLength)
            {
                return NakReason.OutOfRange;
            }

            return NakReason.None;
        }
    }
}
