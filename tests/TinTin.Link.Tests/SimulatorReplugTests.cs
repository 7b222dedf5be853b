// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using TinTin.Bench.Cost;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.Link;
using TinTin.Monitor;
using TinTin.Simulator;

namespace TinTin.Link.Tests;

/// <summary>
/// The simulated board's cable pulled and plugged back while the monitor logs: the monitor notices, waits, reconnects
/// to the same (stable) path, and the CSV goes on with one marker row, no duplicate and every loss counted.
/// </summary>
public sealed class SimulatorReplugTests : IDisposable
{
    private static readonly Lazy<FirmwareStages> s_stages = new(() => FirmwareStages.Measure());
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tintin-replug-" + Guid.NewGuid().ToString("N"));

    public SimulatorReplugTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void The_monitor_reconnects_after_the_simulators_pty_closes_and_reopens_without_a_lost_or_duplicated_row()
    {
        const string board = "ESP32_PSRAM_REV0";
        string linkPath = Path.Combine(_folder, "ttyTINTIN");
        string csvPath = Path.Combine(_folder, "log.csv");
        using var simulation = new BoardSimulation(new SimulationOptions
        {
            Board = board,
            Estimate = new StageEstimate(BoardTarget.Find(board), s_stages.Value),
            Speed = 20,
            LinkPath = linkPath,
        });
        int lastSequence = -1;
        using var stop = new CancellationTokenSource();
        long rowsBeforeUnplug;
        using (var csv = new CounterCsvLog(csvPath))
        using (var session = new LinkSession(linkPath) { MinReconnectDelay = TimeSpan.FromMilliseconds(50), MaxReconnectDelay = TimeSpan.FromMilliseconds(200) })
        {
            var runner = new MonitorRunner(session, TextWriter.Null, csv);
            session.FrameAccepted += (info, type) => lastSequence = Math.Max(lastSequence, info.Sequence);
            session.Start();
            var run = new Thread(() => simulation.Run(stop.Token)) { IsBackground = true };
            run.Start();
            try
            {
                MonitorTests.WaitUntil(() => session.Stats.Accepted > 0, 15000);
                Assert.Equal(CommandOutcome.Acked, session.Send(new CommandMessage { Code = CommandCode.SetReportPeriod, Argument = 100 }, TimeSpan.FromSeconds(5)).Outcome);
                MonitorTests.WaitUntil(() => csv.RowsWritten >= 10, 15000);

                simulation.Unplug();
                MonitorTests.WaitUntil(() => !session.IsConnected, 10000);
                rowsBeforeUnplug = csv.RowsWritten;

                // The board keeps running with nobody on the line: its frames go nowhere.
                long droppedBefore = simulation.DroppedFrames;
                MonitorTests.WaitUntil(() => simulation.DroppedFrames > droppedBefore + 3, 15000);

                simulation.Plug();
                MonitorTests.WaitUntil(() => session.Reconnects == 1, 10000);
                MonitorTests.WaitUntil(() => csv.RowsWritten >= rowsBeforeUnplug + 10, 15000);
            }
            finally
            {
                stop.Cancel();
                run.Join(TimeSpan.FromSeconds(10));
            }

            // Exact accounting: every sequence number up to the last one seen was either accepted or counted lost.
            Assert.Equal(lastSequence + 1 - session.Stats.Accepted, runner.Sequence.FramesLost);
            Assert.True(runner.Sequence.FramesLost >= 4, $"{runner.Sequence.FramesLost} frames lost while the cable was out");
            Assert.Equal(0, csv.DuplicatesSkipped);
        }

        string[] lines = File.ReadAllLines(csvPath);
        Assert.Single(lines, l => l.StartsWith("host_utc,", StringComparison.Ordinal));
        string[][] rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        int marker = Array.FindIndex(rows, r => r[3] == "reconnected");
        Assert.True(marker >= rowsBeforeUnplug, "the marker row precedes rows logged before the cable was pulled");
        Assert.Single(rows, r => r[3].Length > 0);
        int[] sequences = rows.Where(r => r[3].Length == 0).Select(r => int.Parse(r[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.True(sequences.Zip(sequences.Skip(1)).All(p => p.Second > p.First), "a row is duplicated or out of order");
        long[] deviceUs = rows.Where(r => r[3].Length == 0).Select(r => long.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.True(deviceUs.Zip(deviceUs.Skip(1)).All(p => p.Second > p.First), "device time goes backwards");
        Assert.True(File.Exists(linkPath) || new FileInfo(linkPath).LinkTarget is not null, "the stable path is gone after the replug");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
