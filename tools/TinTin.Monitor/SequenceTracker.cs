// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Monitor;

/// <summary>
/// Counts frames lost on the link from the board's sequence numbers (u16, +1 per frame, 65535 wraps to 0; see
/// docs/protocol.md section 2.4). A hello restarts the count, because the board numbers from 0 again after a reboot.
/// </summary>
public sealed class SequenceTracker
{
    private const int SequenceMask = 0xFFFF;
    private int _last = -1;

    /// <summary>Gets the frames missing between the sequence numbers seen, in total.</summary>
    public long FramesLost { get; private set; }

    /// <summary>Gets how many gaps were seen (each one or more frames).</summary>
    public long Gaps { get; private set; }

    /// <summary>Gets frames that went backwards without a hello (a duplicate or a sender restarted unannounced).</summary>
    public long OutOfOrder { get; private set; }

    /// <summary>Gets how many times the count restarted on a hello.</summary>
    public long Restarts { get; private set; }

    /// <summary>Gets the last sequence number seen, or -1 before the first frame.</summary>
    public int Last => _last;

    /// <summary>Takes the next frame's sequence number.</summary>
    /// <param name="sequence">The frame's sequence number, 0 to 65535.</param>
    /// <param name="isHello">True for a hello: the count restarts at this frame and no gap is counted.</param>
    /// <returns>How many frames were lost just before this one (0 when none, or for a hello or a step back).</returns>
    public int Observe(int sequence, bool isHello = false)
    {
        sequence &= SequenceMask;
        int previous = _last;
        _last = sequence;
        if (isHello)
        {
            if (previous >= 0)
            {
                Restarts++;
            }

            return 0;
        }

        if (previous < 0)
        {
            return 0;
        }

        int gap = (sequence - previous - 1) & SequenceMask;

        // More than half the sequence space forward is really a step backwards, not 32768 lost frames.
        if (gap >= 0x8000)
        {
            OutOfOrder++;
            return 0;
        }

        if (gap > 0)
        {
            FramesLost += gap;
            Gaps++;
        }

        return gap;
    }
}
