// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TinTin.Cli;
using TinTin.Firmware.Core.Link;
using TinTin.Monitor;
using TinTin.Pty;

namespace TinTin.Link.Tests;

/// <summary>The monitor over a real pseudo-terminal, with a fake board writing real frames.</summary>
public sealed class MonitorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tintin-monitor-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Counters_frames_become_csv_rows_and_gaps_are_counted_exactly()
    {
        string csvPath = Path.Combine(_folder, "log.csv");
        using var board = new MonitorFakeBoard(PseudoTerminal.Open());
        using var csv = new CounterCsvLog(csvPath);
        using var session = new LinkSession(board.Pty.SlavePath);
        var runner = new MonitorRunner(session, TextWriter.Null, csv);
        session.Start();

        board.SendHello(500);
        var sent = new List<int>();
        for (int i = 1; i <= 20; i++)
        {
            // Frames 6, 7 and 15 are "lost on the wire": their sequence numbers are used but never sent.
            byte[] frame = board.CountersFrame(1000L * i, (CounterId.TrainingSteps, 10L * i), (CounterId.Mode, 2), (CounterId.Label, -1), (CounterId.PrequentialAccuracyPermille, 500 + i));
            if (i is 6 or 7 or 15)
            {
                continue;
            }

            board.Write(frame);
            sent.Add(i);
        }

        WaitUntil(() => csv.RowsWritten == sent.Count);
        Assert.Equal(3, runner.Sequence.FramesLost);
        Assert.Equal(2, runner.Sequence.Gaps);
        Assert.Equal(3, session.Stats.FramesLost);

        List<Dictionary<string, string>> rows = ReadCsv(csvPath);
        Assert.Equal(sent, rows.Select(r => int.Parse(r["sequence"])).ToList());
        for (int k = 0; k < sent.Count; k++)
        {
            int i = sent[k];
            Assert.Equal((1000L * i).ToString(), rows[k]["device_us"]);
            Assert.Equal((10L * i).ToString(), rows[k]["TrainingSteps"]);
            Assert.Equal("2", rows[k]["Mode"]);
            Assert.Equal("-1", rows[k]["Label"]);
            Assert.Equal((500 + i).ToString(), rows[k]["PrequentialAccuracyPermille"]);
            Assert.Equal(string.Empty, rows[k]["UptimeMs"]);
            Assert.True(DateTime.UtcNow - DateTime.Parse(rows[k]["host_utc"]).ToUniversalTime() < TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public void Corrupted_bytes_cost_only_the_frames_they_touch()
    {
        using var board = new MonitorFakeBoard(PseudoTerminal.Open());
        using var csv = new CounterCsvLog(Path.Combine(_folder, "log.csv"));
        using var session = new LinkSession(board.Pty.SlavePath);
        var runner = new MonitorRunner(session, TextWriter.Null, csv);
        session.Start();

        var stream = new List<byte>();
        for (int i = 0; i < 30; i++)
        {
            byte[] frame = board.CountersFrame(1000L * (i + 1), (CounterId.TrainingSteps, i));
            if (i is 5 or 20)
            {
                // One flipped bit in the CRC: the frame fails its check.
                frame[^2] ^= 0x01;
            }

            stream.AddRange(frame);
            if (i == 10)
            {
                // Line noise between frames, ending in a zero.
                stream.AddRange(new byte[] { 0x07, 0x01, 0x02, 0x33, 0x00 });
            }
        }

        board.Write(stream.ToArray());
        WaitUntil(() => session.Stats.Accepted == 28);
        Thread.Sleep(100);
        Assert.Equal(28, csv.RowsWritten);
        Assert.Equal(2, runner.Sequence.FramesLost);
        Assert.Equal(2, runner.Sequence.Gaps);
        Assert.Equal(3, session.Stats.Rejected);
    }

    [Fact]
    public void The_port_vanishing_and_coming_back_continues_the_same_csv_without_duplicates()
    {
        string csvPath = Path.Combine(_folder, "log.csv");
        string link = Path.Combine(_folder, "ttyBOARD");
        var board = new MonitorFakeBoard(PseudoTerminal.Open());
        File.CreateSymbolicLink(link, board.Pty.SlavePath);
        var output = new StringWriter();
        using (var csv = new CounterCsvLog(csvPath))
        using (var session = new LinkSession(link) { MinReconnectDelay = TimeSpan.FromMilliseconds(50), MaxReconnectDelay = TimeSpan.FromMilliseconds(200) })
        {
            var runner = new MonitorRunner(session, TextWriter.Synchronized(output), csv);
            session.Start();
            for (int i = 0; i < 10; i++)
            {
                board.SendCounters(1000L * i, (CounterId.TrainingSteps, i));
            }

            WaitUntil(() => csv.RowsWritten == 10);

            // Unplug: the device path goes away and the line hangs up.
            File.Delete(link);
            board.Pty.Dispose();
            WaitUntil(() => !session.IsConnected);

            // The board kept counting while unplugged: frames 10 to 12 are lost.
            board.Encoder.NextSequence = 13;
            board.Pty = PseudoTerminal.Open();
            File.CreateSymbolicLink(link, board.Pty.SlavePath);
            WaitUntil(() => session.Reconnects == 1);

            // The last frame before the loss arrives again (a replay), then new frames.
            board.Write(Resend(board, sequence: 9, timestampUs: 9000, steps: 9));
            for (int i = 13; i < 20; i++)
            {
                board.SendCounters(1000L * i, (CounterId.TrainingSteps, i));
            }

            WaitUntil(() => csv.RowsWritten == 17);
            Thread.Sleep(100);
            Assert.Equal(1, csv.DuplicatesSkipped);
            Assert.Equal(3, runner.Sequence.FramesLost);
        }

        board.Dispose();

        // A second monitor run continues the same file: no second header, and the replayed last row is skipped again.
        using (var csv = new CounterCsvLog(csvPath))
        {
            var again = new CountersMessage();
            again.Set(CounterId.TrainingSteps, 19);
            Assert.False(csv.Write(DateTime.UtcNow, 19000, 19, again));
        }

        string[] lines = File.ReadAllLines(csvPath);
        Assert.Single(lines, l => l.StartsWith("host_utc,", StringComparison.Ordinal));
        List<Dictionary<string, string>> rows = ReadCsv(csvPath);
        Assert.Equal(18, rows.Count);
        int marker = rows.FindIndex(r => r["marker"] == "reconnected");
        Assert.Equal(10, marker);
        var sequences = rows.Where(r => r["marker"].Length == 0).Select(r => int.Parse(r["sequence"])).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Concat(Enumerable.Range(13, 7)), sequences);
        Assert.Contains("port lost", output.ToString());
        Assert.Contains("port back", output.ToString());
    }

    [Fact]
    public async Task Monitor_command_prints_plain_lines_and_a_summary()
    {
        using var board = new MonitorFakeBoard(PseudoTerminal.Open());
        string csvPath = Path.Combine(_folder, "cli.csv");
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        Task<int> run = Task.Run(() => TinTinCommandLine.Run(["monitor", "--port", board.Pty.SlavePath, "--csv", csvPath, "--duration", "1.5"], synchronized, TextWriter.Null));
        WaitUntil(() => output.ToString().Contains("monitoring"));
        board.SendHello(100);
        board.SendCounters(2000, (CounterId.UptimeMs, 2));
        board.Encoder.NextSequence = 5;
        board.SendCounters(3000, (CounterId.UptimeMs, 3));
        Assert.Equal(0, await run);

        string text = output.ToString();
        Assert.Contains("hello", text);
        Assert.Contains("target FAKE_BOARD", text);
        Assert.Contains("UptimeMs=3", text);
        Assert.Contains("3 frame(s) lost", text);
        Assert.Contains("frames 3 accepted, 0 rejected, 3 lost in 1 gap(s); counters 2, CSV rows 2", text);
        Assert.Equal(3, File.ReadAllLines(csvPath).Length);
    }

    private static byte[] Resend(MonitorFakeBoard board, int sequence, long timestampUs, long steps)
    {
        var counters = new CountersMessage();
        counters.Set(CounterId.TrainingSteps, steps);
        var encoder = new FrameEncoder();
        int n = counters.Write(encoder.Payload, 0);
        int length = encoder.EncodeWithSequence(MessageType.Counters, sequence, timestampUs, encoder.Payload, 0, n);
        return encoder.Output.AsSpan(0, length).ToArray();
    }

    internal static void WaitUntil(Func<bool> condition, int timeoutMs = 5000)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.ElapsedMilliseconds < timeoutMs, "timed out waiting for the monitor");
            Thread.Sleep(10);
        }
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        Assert.Equal(CounterCsvLog.Header, header);
        return lines.Skip(1).Select(l => l.Split(',')).Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
