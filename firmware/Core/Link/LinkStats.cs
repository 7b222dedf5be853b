// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// The receive side's counters: frames accepted, frames rejected by <see cref="FrameError"/>, resynchronisation
    /// misses, discarded bytes and frames lost by sequence number.
    /// </summary>
    /// <remarks>
    /// Every frame the decoder starts from an idle line is either accepted or rejected exactly once. Frames it
    /// starts while hunting after an error (see <see cref="FrameDecoder"/>) are counted as <see cref="ResyncMisses"/>
    /// when they fail, so a burst of garbage counts as one rejection.
    /// </remarks>
    public sealed class LinkStats
    {
        private const int ReasonCount = 8;

        private readonly long[] _rejected = new long[ReasonCount];
        private long _accepted;
        private long _rejectedTotal;
        private long _resyncMisses;
        private long _bytesDiscarded;
        private long _framesLost;
        private long _outOfOrder;
        private int _lastSequence = -1;

        /// <summary>Frames accepted.</summary>
        public long Accepted
        {
            get { return _accepted; }
        }

        /// <summary>Frames rejected, all reasons.</summary>
        public long Rejected
        {
            get { return _rejectedTotal; }
        }

        /// <summary>Frames started while hunting for a frame start that turned out not to be frames.</summary>
        public long ResyncMisses
        {
            get { return _resyncMisses; }
        }

        /// <summary>Bytes skipped while hunting for the next frame after an error.</summary>
        public long BytesDiscarded
        {
            get { return _bytesDiscarded; }
        }

        /// <summary>Frames missing between accepted frames, from their sequence numbers.</summary>
        public long FramesLost
        {
            get { return _framesLost; }
        }

        /// <summary>Accepted frames whose sequence number went backwards (a duplicate or a sender restart).</summary>
        public long OutOfOrder
        {
            get { return _outOfOrder; }
        }

        /// <summary>Frames rejected for one reason.</summary>
        /// <param name="reason">The reason.</param>
        /// <returns>The count; 0 for <see cref="FrameError.None"/>.</returns>
        public long RejectedFor(FrameError reason)
        {
            int i = (int)reason;
            return i > 0 && i < ReasonCount ? _rejected[i] : 0;
        }

        /// <summary>Zeroes every counter and forgets the last sequence number.</summary>
        public void Reset()
        {
            for (int i = 0; i < ReasonCount; i++)
            {
                _rejected[i] = 0;
            }

            _accepted = 0;
            _rejectedTotal = 0;
            _resyncMisses = 0;
            _bytesDiscarded = 0;
            _framesLost = 0;
            _outOfOrder = 0;
            _lastSequence = -1;
        }

        /// <summary>Counts an accepted frame and checks its sequence number against the previous one.</summary>
        /// <param name="type">The frame's type byte; a hello restarts the sequence (the sender rebooted).</param>
        /// <param name="sequence">The frame's sequence number, 0 to 65535.</param>
        internal void CountAccepted(int type, int sequence)
        {
            _accepted++;
            if (_lastSequence >= 0 && type != (int)MessageType.Hello)
            {
                int gap = (sequence - _lastSequence - 1) & LinkProtocol.MaxSequence;

                // A gap of more than half the sequence space is a step backwards, not 32768 lost frames.
                if (gap < 0x8000)
                {
                    _framesLost += gap;
                }
                else
                {
                    _outOfOrder++;
                }
            }

            _lastSequence = sequence;
        }

        /// <summary>Counts a rejected frame.</summary>
        /// <param name="reason">Why.</param>
        internal void CountRejected(FrameError reason)
        {
            _rejected[(int)reason]++;
            _rejectedTotal++;
        }

        /// <summary>Counts a failed frame start found while hunting.</summary>
        internal void CountResyncMiss()
        {
            _resyncMisses++;
        }

        /// <summary>Counts bytes skipped while hunting (negative to take back bytes that turned out to start a frame).</summary>
        /// <param name="bytes">How many.</param>
        internal void CountDiscarded(int bytes)
        {
            _bytesDiscarded += bytes;
        }
    }
}
