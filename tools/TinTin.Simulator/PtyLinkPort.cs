// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using TinTin.Firmware.Core.App;
using TinTin.Pty;

namespace TinTin.Simulator;

/// <summary>
/// The simulated board's UART: a pseudo-terminal's master end. Reads never wait (poll(2) with a zero timeout);
/// writes go through a bounded queue to a writer thread, so a terminal that is slow or not connected never stalls the
/// firmware loop: when the queue is full, frames are dropped and counted, like bytes a UART sends to nobody. A lossless
/// port (long runs, tests) waits for room instead, so the firmware runs at the reader's pace. The terminal can be
/// unplugged and plugged again (a cable pulled, a board's USB bridge re-enumerating): meanwhile the firmware's
/// frames go nowhere and are counted as dropped.
/// </summary>
public sealed class PtyLinkPort : ILinkPort, IDisposable
{
    private const short PollIn = 0x001;
    private const short PollOut = 0x004;
    private const int MaxQueuedBytes = 256 * 1024;

    private PseudoTerminal? _pty;
    private readonly BlockingCollection<byte[]> _outgoing = new();
    private readonly Thread _writer;
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _lossless;
    private long _queuedBytes;
    private long _droppedFrames;
    private long _framesQueued;

    /// <summary>Creates the port and starts its writer thread.</summary>
    /// <param name="pty">The pseudo-terminal (owned by the caller).</param>
    public PtyLinkPort(PseudoTerminal pty)
        : this(pty, false)
    {
    }

    /// <summary>Creates the port and starts its writer thread.</summary>
    /// <param name="pty">The pseudo-terminal (owned by the caller).</param>
    /// <param name="lossless">Wait for room when the queue is full instead of dropping the frame.</param>
    public PtyLinkPort(PseudoTerminal pty, bool lossless)
    {
        _pty = pty ?? throw new ArgumentNullException(nameof(pty));
        _lossless = lossless;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "pty writer" };
        _writer.Start();
    }

    /// <summary>Gets the frames dropped because the terminal did not keep up or was unplugged.</summary>
    public long DroppedFrames => Interlocked.Read(ref _droppedFrames);

    /// <summary>Gets the frames queued for the terminal (every frame the firmware wrote, minus those dropped at once).</summary>
    public long FramesQueued => Interlocked.Read(ref _framesQueued);

    /// <summary>Disconnects the terminal: frames written from now on are dropped until <see cref="Plug"/>.</summary>
    /// <returns>The terminal that was connected (the caller disposes it), or null.</returns>
    public PseudoTerminal? Unplug() => Interlocked.Exchange(ref _pty, null);

    /// <summary>Connects a (new) terminal.</summary>
    /// <param name="pty">The pseudo-terminal (owned by the caller).</param>
    public void Plug(PseudoTerminal pty) => Volatile.Write(ref _pty, pty ?? throw new ArgumentNullException(nameof(pty)));

    /// <inheritdoc/>
    public int Read(byte[] buffer, int offset, int count)
    {
        PseudoTerminal? pty = Volatile.Read(ref _pty);
        try
        {
            return pty is not null && Ready(pty, PollIn, 0) ? pty.Master.Read(buffer, offset, count) : 0;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // EIO: the terminal closed its end and may open it again later; or it was unplugged under us.
            return 0;
        }
    }

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        while (Interlocked.Read(ref _queuedBytes) + count > MaxQueuedBytes || Volatile.Read(ref _pty) is null)
        {
            if (Volatile.Read(ref _pty) is null)
            {
                // No cable: the UART sends to nobody, lossless or not.
                Interlocked.Increment(ref _droppedFrames);
                return;
            }

            if (!_lossless || _stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref _droppedFrames);
                return;
            }

            Thread.Sleep(1);
        }

        // The core reuses its encoder buffer: copy the frame.
        byte[] frame = new byte[count];
        Array.Copy(buffer, offset, frame, 0, count);
        Interlocked.Add(ref _queuedBytes, count);
        Interlocked.Increment(ref _framesQueued);
        _outgoing.Add(frame);
    }

    /// <summary>Stops the writer thread (the pseudo-terminal stays the caller's to dispose).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _outgoing.CompleteAdding();
        _writer.Join(500);
        _stop.Dispose();
    }

    private void WriteLoop()
    {
        try
        {
            foreach (byte[] frame in _outgoing.GetConsumingEnumerable(_stop.Token))
            {
                if (!TryWrite(frame))
                {
                    Interlocked.Increment(ref _droppedFrames);
                }

                Interlocked.Add(ref _queuedBytes, -frame.Length);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private bool TryWrite(byte[] frame)
    {
        try
        {
            // Wait for room in short polls so Dispose (or an unplug) is not stuck behind a terminal that never reads.
            PseudoTerminal? pty;
            while ((pty = Volatile.Read(ref _pty)) is not null && !Ready(pty, PollOut, 100))
            {
                _stop.Token.ThrowIfCancellationRequested();
            }

            if (pty is null)
            {
                return false;
            }

            pty.Master.Write(frame, 0, frame.Length);
            return true;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            return false;
        }
    }

    private static bool Ready(PseudoTerminal pty, short events, int timeoutMs)
    {
        var fds = new PollFd[] { new PollFd { Fd = (int)pty.Master.SafeFileHandle.DangerousGetHandle(), Events = events } };
        int n = poll(fds, 1, timeoutMs);
        return n > 0 && (fds[0].Revents & events) != 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int poll([In, Out] PollFd[] fds, ulong nfds, int timeout);
}
