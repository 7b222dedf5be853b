// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace TinTin.Monitor;

/// <summary>
/// The live terminal view of <c>tintin monitor</c>: redraws the board's state (<see cref="MonitorLayout"/>) with a
/// Spectre.Console live display and turns keys (<see cref="KeyCommands"/>) into commands on the session; each key's
/// outcome (ack, nak, timeout, file written) is shown on the screen. One key's work runs at a time, off the drawing
/// thread, so a slow answer never freezes the screen.
/// </summary>
public sealed class MonitorView
{
    private readonly LinkSession _session;
    private readonly object _lock = new();
    private Task _running = Task.CompletedTask;
    private volatile bool _quit;

    /// <summary>Wires a view to a session (before <see cref="LinkSession.Start"/>, so nothing is missed).</summary>
    /// <param name="session">The link; its commands go to the board.</param>
    /// <param name="history">Receives every counters frame; its recent part is drawn, its whole run plotted.</param>
    /// <param name="options">Settings, or null for the defaults.</param>
    public MonitorView(LinkSession session, CounterHistory history, MonitorViewOptions? options = null)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        State = new MonitorState(session, history);
        Options = options ?? new MonitorViewOptions();
    }

    /// <summary>Gets the view's model.</summary>
    public MonitorState State { get; }

    /// <summary>Gets the settings.</summary>
    public MonitorViewOptions Options { get; }

    /// <summary>Gets a value indicating whether q was pressed.</summary>
    public bool QuitRequested => _quit;

    /// <summary>Draws the current state.</summary>
    /// <param name="width">The terminal's width, characters.</param>
    /// <returns>The screen.</returns>
    public IRenderable Render(int width = 160) => MonitorLayout.Build(State.Snapshot(), width);

    /// <summary>
    /// Runs the live display until cancelled or q: redraws every <see cref="MonitorViewOptions.RefreshInterval"/> and
    /// handles keys from the console's input. On the way out it waits for a key's command still in flight.
    /// </summary>
    /// <param name="console">The terminal.</param>
    /// <param name="cancel">Ends the run (Ctrl+C, --duration).</param>
    /// <param name="readKeys">False when there is no keyboard (stdin redirected): the view only shows.</param>
    public void Run(IAnsiConsole console, CancellationToken cancel, bool readKeys = true)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Live(Render(console.Profile.Width)).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Start(context =>
        {
            var sinceDraw = Stopwatch.StartNew();
            while (!cancel.IsCancellationRequested && !QuitRequested)
            {
                while (readKeys && !QuitRequested && console.Input.IsKeyAvailable())
                {
                    ConsoleKeyInfo? key = console.Input.ReadKey(intercept: true);
                    if (key is ConsoleKeyInfo pressed && pressed.KeyChar != '\0')
                    {
                        _ = HandleKeyAsync(pressed.KeyChar);
                    }
                }

                if (sinceDraw.Elapsed >= Options.RefreshInterval)
                {
                    context.UpdateTarget(Render(console.Profile.Width));
                    sinceDraw.Restart();
                }

                // Keys are polled more often than the screen is drawn, so a key feels immediate.
                cancel.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(40));
            }

            WaitForKeyWork();
            context.UpdateTarget(Render(console.Profile.Width));
        });
    }

    /// <summary>Does what a key does and shows the outcome in the view.</summary>
    /// <param name="key">The character typed.</param>
    /// <returns>The status line shown, once the key's work is done.</returns>
    public Task<string> HandleKeyAsync(char key)
    {
        KeyAction? action = KeyCommands.Map(key);
        if (action is null)
        {
            return Task.FromResult(Show($"key '{key}' does nothing"));
        }

        if (action.Kind == KeyActionKind.Quit)
        {
            _quit = true;
            return Task.FromResult(Show("quitting"));
        }

        lock (_lock)
        {
            if (!_running.IsCompleted)
            {
                return Task.FromResult(Show($"{action.Description}: not sent, the last key's command is still waiting for its answer"));
            }

            Show(action.Description + ": ...");
            Task<string> work = Task.Run(() => Show(action.Description + ": " + Perform(action)));
            _running = work;
            return work;
        }
    }

    private void WaitForKeyWork()
    {
        Task running;
        lock (_lock)
        {
            running = _running;
        }

        // A fetch may take a few chunk timeouts; do not hang the exit on a dead board beyond that.
        running.Wait(Options.CommandTimeout * 4);
    }

    private string Perform(KeyAction action)
    {
        try
        {
            return action.Kind switch
            {
                KeyActionKind.Send => CommandResultText.Describe(_session.Send(action.Command!, Options.CommandTimeout)),
                KeyActionKind.FetchModel => FetchModel(),
                _ => WritePlot(),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "failed: " + ex.Message;
        }
    }

    private string FetchModel()
    {
        ModelDownloadResult result = ModelDownload.Fetch(_session, Options.CommandTimeout);
        if (result.Command.Outcome != CommandOutcome.Acked)
        {
            return CommandResultText.Describe(result.Command);
        }

        if (result.File is null)
        {
            return "the model did not arrive whole: " + result.Problem;
        }

        string path = Path.Combine(Options.OutputFolder, $"model-{Stamp()}.ttm");
        File.WriteAllBytes(path + ".tmp", result.File);
        File.Move(path + ".tmp", path, overwrite: true);
        return $"written to {path} ({result.File.Length} bytes)";
    }

    private string WritePlot()
    {
        string path = Options.PlotPath ?? Path.Combine(Options.OutputFolder, $"tintin-monitor-{Stamp()}.png");
        return "written to " + string.Join(" and ", CounterPlot.Write(State.History, path));
    }

    private static string Stamp() => DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

    private string Show(string status)
    {
        State.SetCommandStatus(status);
        return status;
    }
}
