// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// Reassembles a model file from <see cref="ModelChunkMessage"/>s into a caller's buffer. Chunks must arrive in
    /// order, without gaps; a repeated chunk (the host resent it after a lost ack) is accepted again unchanged.
    /// </summary>
    public sealed class ModelAssembler
    {
        private readonly byte[] _target;
        private long _total;
        private long _received;

        /// <summary>Creates an assembler writing into <paramref name="target"/>.</summary>
        /// <param name="target">The buffer for the whole file; its length is the largest file accepted.</param>
        /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
        public ModelAssembler(byte[] target)
        {
            if (target == null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            _target = target;
        }

        /// <summary>The buffer the file is assembled in.</summary>
        public byte[] Target
        {
            get { return _target; }
        }

        /// <summary>The announced length, 0 before <see cref="Begin"/>.</summary>
        public long TotalLength
        {
            get { return _total; }
        }

        /// <summary>Bytes received in order so far.</summary>
        public long Received
        {
            get { return _received; }
        }

        /// <summary>True when every byte has arrived.</summary>
        public bool IsComplete
        {
            get { return _total > 0 && _received == _total; }
        }

        /// <summary>Starts a transfer (on <see cref="CommandCode.LoadModel"/>).</summary>
        /// <param name="totalLength">The file length.</param>
        /// <returns><see cref="NakReason.None"/>, or <see cref="NakReason.OutOfRange"/> if it does not fit.</returns>
        public NakReason Begin(long totalLength)
        {
            _total = 0;
            _received = 0;
            if (totalLength < 1 || totalLength > _target.Length)
            {
                return NakReason.OutOfRange;
            }

            _total = totalLength;
            return NakReason.None;
        }

        /// <summary>Takes one chunk.</summary>
        /// <param name="chunk">A chunk that <see cref="ModelChunkMessage.Read"/> accepted.</param>
        /// <returns><see cref="NakReason.None"/>; <see cref="NakReason.WrongState"/> without a transfer;
        /// <see cref="NakReason.BadOffset"/> for another total, a gap or an overlap that is not a resend.</returns>
        public NakReason Accept(ModelChunkMessage chunk)
        {
            if (_total == 0)
            {
                return NakReason.WrongState;
            }

            long end = chunk.Offset + chunk.DataLength;
            if (chunk.TotalLength != _total)
            {
                return NakReason.BadOffset;
            }

            // A resend of the chunk that was just taken: its ack was lost.
            if (end == _received && chunk.Offset < _received)
            {
                return NakReason.None;
            }

            if (chunk.Offset != _received)
            {
                return NakReason.BadOffset;
            }

            Array.Copy(chunk.Data, chunk.DataOffset, _target, (int)chunk.Offset, chunk.DataLength);
            _received = end;
            return NakReason.None;
        }
    }
}
