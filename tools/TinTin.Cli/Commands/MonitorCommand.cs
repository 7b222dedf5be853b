// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using TinTin.Firmware.Core.Link;
using TinTin.Manifest;
using TinTin.Monitor;

namespace TinTin.Cli.Commands;

/// <summary>
/// <c>tintin monitor --port P [--baud N] [--csv FILE] [--plot FILE] [--plain] [--duration SECONDS]</c>: watch the
/// board's link. On a terminal it shows the live view (<see cref="MonitorView"/>, keys send commands); with stdout
/// redirected, or with --plain, it prints one plain line per message (<see cref="MonitorRunner"/>).
/// </summary>
public static class MonitorCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>monitor</c> command.</returns>
    public static Command Create()
    {
        Option<string?> port = PortOption();
        Option<int?> baud = BaudOption();
        var csv = new Option<string?>("--csv")
        {
            Description = "Append one row per counters frame to this CSV file (host UTC time, device µs, sequence, marker, every counter); an existing log is continued.",
            HelpName = "FILE",
        };
        var duration = new Option<double?>("--duration")
        {
            Description = "Stop after this many seconds (for scripted runs); default: until Ctrl+C.",
            HelpName = "SECONDS",
        };
        var plot = new Option<string?>("--plot")
        {
            Description = "On exit (and on the p key) write a plot of accuracy, heap, energy per step and step time over device time: FILE.png, FILE.svg, or FILE without an extension for both.",
            HelpName = "FILE",
        };
        var plain = new Option<bool>("--plain")
        {
            Description = "Print plain lines even on a terminal (the default when stdout is redirected).",
        };
        var command = new Command(
            "monitor",
            "Watch the board's link. On a terminal: a live view of the hello, every counter, mode, label, prediction, histories of accuracy, heap, energy and step time, lost and rejected frames and the port's state; " +
            "keys send commands (" + KeyCommands.Help + "). Otherwise one plain line per hello, counters frame, event, log and prediction. " +
            "Sequence gaps are counted; when the port vanishes the monitor waits for it and reconnects.")
        {
            port, baud, csv, plot, plain, duration,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Execute(
            new Settings(parse.GetValue(port), parse.GetValue(baud), parse.GetValue(csv), parse.GetValue(plot), parse.GetValue(plain), parse.GetValue(duration)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancel)));
        return command;
    }

    /// <summary>The <c>--port</c> option shared with <c>tintin send</c>.</summary>
    /// <returns>A new option.</returns>
    internal static Option<string?> PortOption() => new("--port")
    {
        Description = $"The serial device (e.g. /dev/ttyUSB0, COM3). Default: dataLink.hostPort in {ManifestLoader.LocalFileName}.",
        HelpName = "P",
    };

    /// <summary>The <c>--baud</c> option shared with <c>tintin send</c>.</summary>
    /// <returns>A new option.</returns>
    internal static Option<int?> BaudOption() => new("--baud")
    {
        Description = "The line speed. Default: dataLink.baudRate of nanoFramework.json (the line's format and flow control come from dataLink.protocol), else 921600 8N1.",
        HelpName = "N",
    };

    /// <summary>The port from the option, else from the merged manifest's <c>dataLink.hostPort</c>.</summary>
    /// <param name="option">The --port value.</param>
    /// <param name="error">Receives why there is none.</param>
    /// <returns>The port, or null.</returns>
    internal static string? ResolvePort(string? option, TextWriter error)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        string? root = RepoRoot.TryFind(Environment.CurrentDirectory);
        try
        {
            string? port = root is null ? null : ManifestLoader.Load(root).DataLink?.HostPort;
            if (port is not null)
            {
                return port;
            }
        }
        catch (ManifestException ex)
        {
            error.WriteLine($"The project manifest is not valid ({ex.Errors.Count} problem(s)); run `tintin manifest`.");
            return null;
        }

        error.WriteLine($"No port: pass --port P, or set dataLink.hostPort in {ManifestLoader.LocalFileName}.");
        return null;
    }

    private static int Execute(Settings settings, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        string? port = ResolvePort(settings.Port, error);
        if (port is null)
        {
            return TinTinCommandLine.ExitInvalidInput;
        }

        if (settings.Duration is <= 0)
        {
            error.WriteLine("--duration must be positive.");
            return TinTinCommandLine.ExitInvalidInput;
        }

        if (settings.Plot is not null && Path.GetExtension(settings.Plot).ToLowerInvariant() is not (".png" or ".svg" or ""))
        {
            error.WriteLine($"--plot {settings.Plot}: use a .png or .svg file, or a name without an extension for both.");
            return TinTinCommandLine.ExitInvalidInput;
        }

        CounterCsvLog? csv = null;
        try
        {
            if (settings.Csv is not null)
            {
                csv = new CounterCsvLog(settings.Csv);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{settings.Csv}: {ex.Message}");
            return TinTinCommandLine.ExitInvalidInput;
        }

        // The live view needs a real terminal: tests and pipes pass another writer, or redirect stdout.
        bool live = !settings.Plain && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        using (csv)
        using (var session = new LinkSession(port, ManifestDefaults.Line(settings.Baud)))
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            var runner = new MonitorRunner(session, live ? TextWriter.Null : output, csv);
            var history = new CounterHistory();
            MonitorView? view = null;
            if (live)
            {
                // Fetched models and unnamed plots go next to the CSV log, else to the current folder.
                string folder = settings.Csv is null ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(settings.Csv))!;
                view = new MonitorView(session, history, new MonitorViewOptions { PlotPath = settings.Plot, OutputFolder = folder });
            }
            else if (settings.Plot is not null)
            {
                session.Counters += (info, counters) => history.Add(info.TimestampUs, counters);
            }

            if (settings.Duration is not null)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(settings.Duration.Value));
            }

            // A board not plugged in yet (or resetting) is waited for, as the monitor does when it vanishes later.
            if (!PortExists(port))
            {
                output.WriteLine($"waiting for {port} to appear (is the board plugged in?); Ctrl+C stops");
                while (!PortExists(port) && !stop.Token.WaitHandle.WaitOne(200))
                {
                }

                if (stop.IsCancellationRequested)
                {
                    error.WriteLine($"{port} did not appear");
                    return TinTinCommandLine.ExitInvalidInput;
                }
            }

            try
            {
                session.Start();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                error.WriteLine($"{port}: cannot open: {ex.Message}");
                return TinTinCommandLine.ExitInvalidInput;
            }

            output.WriteLine($"monitoring {port} at {session.Line}" + (csv is null ? string.Empty : $", counters to {csv.Path}"));

            if (view is null)
            {
                runner.Run(stop.Token);
            }
            else
            {
                IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
                view.Run(console, stop.Token, readKeys: !Console.IsInputRedirected);
                if (session.Fault is not null)
                {
                    output.WriteLine($"the monitor stopped reading: {session.Fault.Message}");
                }
            }

            int code = session.Fault is null ? 0 : 1;
            if (settings.Plot is not null)
            {
                code = Math.Max(code, WritePlot(history, settings.Plot, output, error));
            }

            output.WriteLine(runner.Summary());
            return code;
        }
    }

    private static int WritePlot(CounterHistory history, string path, TextWriter output, TextWriter error)
    {
        try
        {
            output.WriteLine($"plot of {history.Count} counters frame(s) written to {string.Join(" and ", CounterPlot.Write(history, path))}");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: cannot write the plot: {ex.Message}");
            return 1;
        }
    }

    // Windows' COM names are not files: ask the serial API there.
    private static bool PortExists(string port) =>
        OperatingSystem.IsWindows() ? Array.IndexOf(System.IO.Ports.SerialPort.GetPortNames(), port) >= 0 : File.Exists(port);

    private sealed record Settings(string? Port, int? Baud, string? Csv, string? Plot, bool Plain, double? Duration);
}
