// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Diagnostics;
using System.Threading;
using TinTin.Bench.Cost;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Link;
using TinTin.Monitor;
using TinTin.Simulator;
using Xunit.Abstractions;

namespace TinTin.Link.Tests;

/// <summary>Runs alone: its memory figures are the process's, and other test classes must not add to them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LongRunCollection
{
    public const string Name = "long run";
}

/// <summary>
/// The link over a long run: the simulated board (collect mode: every sensor window as three Samples frames, and a
/// counters frame every 100 ms) pushes more than 100,000 frames through a real pseudo-terminal to a
/// <see cref="LinkSession"/>. Every frame arrives exactly once and in order, and memory stays bounded on both ends.
/// </summary>
[Collection(LongRunCollection.Name)]
public class LongRunTests
{
    private const long Frames = 100_000;
    private const long WarmUpFrames = 10_000;

    // The simulated board's link queue holds at most 256 KiB (PtyLinkPort); everything else a leak would add to.
    private const long RetainedSlackBytes = 256 * 1024 + 768 * 1024;

    private readonly ITestOutputHelper _log;

    public LongRunTests(ITestOutputHelper log) => _log = log;

    [Fact]
    public void A_hundred_thousand_frames_arrive_once_each_in_order_with_bounded_memory()
    {
        FirmwareSettings settings = FirmwareSettings.Default();
        settings.ReportPeriodMs = 100;
        var options = new SimulationOptions
        {
            Sensor = "mpu6886", // 1 kHz with a FIFO of more than 20 ms: 20 ms polls lose nothing
            Board = "ESP32_PSRAM_REV0",
            Estimate = new StageEstimate(BoardTarget.Find("ESP32_PSRAM_REV0"), FirmwareStages.Measure()),
            Settings = settings,
            Speed = 0,
            PollMicroseconds = 20_000,
            LosslessLink = true, // the board waits for the reader instead of dropping: the test is about the link
        };
        using var simulation = new BoardSimulation(options);
        using var session = new LinkSession(simulation.PortPath);
        long received = 0;
        long outOfStep = 0;
        int last = -1;
        long readerAllocatedAtWarmUp = 0;
        long readerAllocated = 0;
        session.FrameAccepted += (info, type) =>
        {
            // Reader thread: nothing per frame is kept, so the session's own memory is what is measured.
            if (last >= 0 && info.Sequence != ((last + 1) & 0xFFFF))
            {
                outOfStep++;
            }

            last = info.Sequence;
            if (Interlocked.Increment(ref received) == WarmUpFrames)
            {
                readerAllocatedAtWarmUp = GC.GetAllocatedBytesForCurrentThread();
            }

            readerAllocated = GC.GetAllocatedBytesForCurrentThread();
        };
        session.Start();

        using var stop = new CancellationTokenSource();
        long simAllocated = 0;
        long simFrames = 0;
        var board = new Thread(() =>
        {
            // The board's thread: its allocations per frame at steady state, after a warm-up.
            while (simulation.FramesQueued < WarmUpFrames && !stop.IsCancellationRequested)
            {
                simulation.Run(stop.Token, TimeSpan.FromSeconds(10));
            }

            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            long framesBefore = simulation.FramesQueued;
            while (simulation.FramesQueued < Frames && !stop.IsCancellationRequested)
            {
                simulation.Run(stop.Token, TimeSpan.FromSeconds(10));
            }

            simAllocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            simFrames = simulation.FramesQueued - framesBefore;
        }) { IsBackground = true, Name = "simulated board" };
        board.Start();

        try
        {
            Assert.Equal(CommandOutcome.Acked, session.Send(new CommandMessage { Code = CommandCode.SetMode, Argument = (long)DeviceMode.Collect }, TimeSpan.FromSeconds(10)).Outcome);
            var clock = Stopwatch.StartNew();
            while (Interlocked.Read(ref received) < WarmUpFrames)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"only {received} frames after a minute");
                Thread.Sleep(10);
            }

            long retainedAtWarmUp = GC.GetTotalMemory(forceFullCollection: true);
            Assert.True(board.Join(TimeSpan.FromSeconds(90)), $"the board had queued {simulation.FramesQueued} frames after 90 s");

            // Everything the board queued arrives.
            while (Interlocked.Read(ref received) < simulation.FramesQueued)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"{received} of {simulation.FramesQueued} frames arrived");
                Thread.Sleep(10);
            }

            Thread.Sleep(200); // nothing more, either
            long retainedAtEnd = GC.GetTotalMemory(forceFullCollection: true);

            _log.WriteLine($"{received} frames in {clock.Elapsed.TotalSeconds:0.0} s ({simulation.Clock.Microseconds / 1e6:0} simulated s, {simulation.Sensor.Assembler.WindowsTaken} windows); " +
                $"live heap {retainedAtWarmUp} -> {retainedAtEnd} bytes; allocated per frame: {simAllocated / simFrames} bytes on the board's thread, " +
                $"{(readerAllocated - readerAllocatedAtWarmUp) / (received - WarmUpFrames)} bytes on the session's reader thread (garbage: parsed messages)");
            Assert.True(received >= Frames, $"{received} frames");
            Assert.Equal(simulation.FramesQueued, Interlocked.Read(ref received));
            Assert.Equal(0, simulation.DroppedFrames);
            Assert.Equal(0, outOfStep);
            Assert.Equal(0, session.Stats.FramesLost);
            Assert.Equal(0, session.Stats.OutOfOrder);
            Assert.Equal(0, session.Stats.Rejected);
            Assert.Equal(0, simulation.Core.LinkStats.Rejected);
            Assert.True(simulation.Sensor.Assembler.WindowsTaken > 0);

            // Bounded memory: over 90,000 frames (tens of megabytes through the link) the live heap of both ends grows
            // by less than the board's link queue and some slack, and the board allocates per frame only the copy its
            // UART queue keeps (the largest frame is 1048 bytes).
            Assert.True(retainedAtEnd - retainedAtWarmUp < RetainedSlackBytes, $"live heap grew by {retainedAtEnd - retainedAtWarmUp} bytes");
            Assert.True(simAllocated / simFrames < LinkProtocol.MaxEncodedLength + 128, $"{simAllocated / simFrames} bytes allocated per frame on the board's thread");
        }
        finally
        {
            stop.Cancel();
            board.Join(TimeSpan.FromSeconds(10));
        }
    }
}
