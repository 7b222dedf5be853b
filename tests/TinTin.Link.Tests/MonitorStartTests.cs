// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Threading.Tasks;
using TinTin.Cli;
using TinTin.Firmware.Core.Link;
using TinTin.Pty;

namespace TinTin.Link.Tests;

/// <summary><c>tintin monitor</c> started before the board is plugged in waits for the port instead of failing.</summary>
public sealed class MonitorStartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tintin-monitor-start-" + Guid.NewGuid().ToString("N"));

    public MonitorStartTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task The_monitor_waits_for_a_port_that_appears_later_and_then_reads_it()
    {
        string link = Path.Combine(_folder, "ttyLATE");
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        Task<int> run = Task.Run(() => TinTinCommandLine.Run(["monitor", "--port", link, "--plain", "--duration", "3"], synchronized, TextWriter.Null));
        MonitorTests.WaitUntil(() => output.ToString().Contains("waiting for " + link));

        using var board = new MonitorFakeBoard(PseudoTerminal.Open());
        File.CreateSymbolicLink(link, board.Pty.SlavePath);
        MonitorTests.WaitUntil(() => output.ToString().Contains("monitoring " + link));
        board.SendCounters(2000, (CounterId.UptimeMs, 2));

        Assert.Equal(0, await run);
        Assert.Contains("UptimeMs=2", output.ToString());
    }

    [Fact]
    public void A_port_that_never_appears_ends_with_a_clear_error_when_the_duration_is_over()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string missing = Path.Combine(_folder, "ttyNEVER");

        int exit = TinTinCommandLine.Run(["monitor", "--port", missing, "--plain", "--duration", "0.5"], output, error);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, exit);
        Assert.Contains("waiting for " + missing, output.ToString());
        Assert.Contains(missing + " did not appear", error.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
