// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Spectre.Console.Testing;
using TinTin.Cli;
using TinTin.Firmware.Core.Link;
using TinTin.Monitor;
using TinTin.Pty;

namespace TinTin.Link.Tests;

/// <summary>The live view end to end: a fake board on a real pseudo-terminal, keys, acks, files.</summary>
public sealed class MonitorLiveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tintin-live-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_key_reaches_the_board_and_its_ack_shows_in_the_view()
    {
        using var board = new MonitorFakeBoard(PseudoTerminal.Open());
        using var session = new LinkSession(board.Pty.SlavePath);
        var view = new MonitorView(session, new CounterHistory(), Options());
        session.Start();
        board.StartResponder();
        board.SendHello(100);
        board.SendCounters(2000, (CounterId.Mode, (long)DeviceMode.Idle), (CounterId.TrainingSteps, 17));
        MonitorTests.WaitUntil(() => view.State.Snapshot().CountersFrames == 1);

        Assert.Equal("mode train: acked", await view.HandleKeyAsync('t'));
        Assert.Equal("label 4: acked", await view.HandleKeyAsync('4'));
        Assert.Equal("label none: acked", await view.HandleKeyAsync('n'));
        Assert.Equal("save checkpoint: acked", await view.HandleKeyAsync('s'));

        CommandMessage[] received = board.Commands.ToArray();
        Assert.Equal([CommandCode.SetMode, CommandCode.SetLabel, CommandCode.SetLabel, CommandCode.SaveCheckpoint], received.Select(c => c.Code));
        Assert.Equal((long)DeviceMode.Train, received[0].Argument);
        Assert.Equal(4, received[1].Argument);
        Assert.Equal(-1, received[2].Argument);

        string screen = MonitorViewTests.Render(view.Render(160), 160);
        Assert.Contains("last key save checkpoint: acked", screen);
        Assert.Contains("FAKE_BOARD", screen);
        Assert.Matches(@"TrainingSteps\s+17\s", screen);
        Assert.Contains("mode idle", screen);
    }

    [Fact]
    public async Task A_silent_board_shows_as_no_answer_and_an_unknown_key_sends_nothing()
    {
        using var board = new MonitorFakeBoard(PseudoTerminal.Open()) { Ignore = CommandCode.SaveCheckpoint };
        using var session = new LinkSession(board.Pty.SlavePath);
        var view = new MonitorView(session, new CounterHistory(), Options(TimeSpan.FromMilliseconds(300)));
        session.Start();
        board.StartResponder();

        Assert.Equal("save checkpoint: no answer in time", await view.HandleKeyAsync('s'));
        Assert.Equal("key 'x' does nothing", await view.HandleKeyAsync('x'));
        Thread.Sleep(100);
        Assert.Single(board.Commands);
        Assert.Contains("last key key 'x' does nothing", MonitorViewTests.Render(view.Render(), 160));
    }

    [Fact]
    public async Task F_fetches_the_model_to_a_file_and_p_writes_the_plot()
    {
        byte[] model = Enumerable.Range(0, 777).Select(i => (byte)(i * 7)).ToArray();
        using var board = new MonitorFakeBoard(PseudoTerminal.Open()) { Model = model };
        using var session = new LinkSession(board.Pty.SlavePath);
        string plot = Path.Combine(_folder, "live.svg");
        var view = new MonitorView(session, new CounterHistory(), new MonitorViewOptions { OutputFolder = _folder, PlotPath = plot });
        session.Start();
        board.StartResponder();
        for (int i = 0; i < 20; i++)
        {
            board.SendCounters(1_000_000L * i, (CounterId.PrequentialAccuracyPermille, 400 + 10 * i), (CounterId.TrainStepUs, 9000));
        }

        MonitorTests.WaitUntil(() => view.State.History.Count == 20);

        string fetched = await view.HandleKeyAsync('f');
        string file = Assert.Single(Directory.GetFiles(_folder, "model-*.ttm"));
        Assert.Equal($"fetch model: written to {file} (777 bytes)", fetched);
        Assert.Equal(model, File.ReadAllBytes(file));

        Assert.Equal($"plot: written to {plot}", await view.HandleKeyAsync('p'));
        Assert.Contains("accuracy (%)", XDocument.Load(plot).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
    }

    [Fact]
    public void The_live_display_reads_keys_from_the_console_and_quits_on_q()
    {
        using var board = new MonitorFakeBoard(PseudoTerminal.Open());
        using var session = new LinkSession(board.Pty.SlavePath);
        var view = new MonitorView(session, new CounterHistory(), Options());
        session.Start();
        board.StartResponder();
        board.SendCounters(5000, (CounterId.UptimeMs, 5));
        MonitorTests.WaitUntil(() => view.State.Snapshot().CountersFrames == 1);
        var console = new TestConsole().Width(150).Height(60).SupportsUnicode(true);
        console.Input.PushCharacter('d');
        console.Input.PushCharacter('q');
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(8));

        view.Run(console, timeout.Token);

        Assert.False(timeout.IsCancellationRequested, "q did not end the view");
        Assert.True(view.QuitRequested);
        CommandMessage command = Assert.Single(board.Commands);
        Assert.Equal((long)DeviceMode.Detect, command.Argument);

        // The view waited for the answer before leaving, and its last frame shows it.
        Assert.Contains("last key mode detect: acked", console.Output);
        Assert.Contains("UptimeMs", console.Output);
    }

    [Fact]
    public async Task Monitor_command_writes_the_plot_on_exit_and_refuses_a_bad_plot_name()
    {
        using var board = new MonitorFakeBoard(PseudoTerminal.Open());
        string stem = Path.Combine(_folder, "exit-plot");
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        Task<int> run = Task.Run(() => TinTinCommandLine.Run(["monitor", "--port", board.Pty.SlavePath, "--plot", stem, "--duration", "1.5"], synchronized, TextWriter.Null));
        MonitorTests.WaitUntil(() => output.ToString().Contains("monitoring"));
        for (int i = 0; i < 5; i++)
        {
            board.SendCounters(1_000_000L * i, (CounterId.PrequentialAccuracyPermille, 100 * i), (CounterId.ManagedFreeBytes, 30_000));
        }

        Assert.Equal(0, await run);
        string text = output.ToString();

        // Not a terminal: the plain lines as before, then the plot.
        Assert.Contains("PrequentialAccuracyPermille=400", text);
        Assert.Contains($"plot of 5 counters frame(s) written to {stem}.png and {stem}.svg", text);
        Assert.True(new FileInfo(stem + ".png").Length > 1000);
        XDocument.Load(stem + ".svg");

        var error = new StringWriter();
        Assert.Equal(TinTinCommandLine.ExitInvalidInput, TinTinCommandLine.Run(["monitor", "--port", board.Pty.SlavePath, "--plot", "x.pdf", "--duration", "1"], TextWriter.Null, error));
        Assert.Contains("--plot x.pdf", error.ToString());
    }

    private MonitorViewOptions Options(TimeSpan? timeout = null) =>
        new() { OutputFolder = _folder, CommandTimeout = timeout ?? TimeSpan.FromSeconds(2), RefreshInterval = TimeSpan.FromMilliseconds(50) };
}
