// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TinTin.Firmware.Core.Link;
using TinTin.Manifest;
using TinTin.Monitor;

namespace TinTin.Cli.Commands;

/// <summary>
/// <c>tintin monitor --port P [--baud N] [--csv FILE] [--duration SECONDS]</c>: watch the board's link. This slice
/// prints plain lines only (the live view and the plot come later).
/// </summary>
public static class MonitorCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>monitor</c> command.</returns>
    public static Command Create()
    {
        Option<string?> port = PortOption();
        Option<int> baud = BaudOption();
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
        var command = new Command(
            "monitor",
            "Watch the board's link: one plain line per hello, counters frame, event, log and prediction; sequence gaps are counted; when the port vanishes the monitor waits for it and reconnects. " +
            "(The live terminal view, the keys and the plot come in a later version; use `tintin send` for commands.)")
        {
            port, baud, csv, duration,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Execute(
            parse.GetValue(port),
            parse.GetValue(baud),
            parse.GetValue(csv),
            parse.GetValue(duration),
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
    internal static Option<int> BaudOption() => new("--baud")
    {
        Description = "The line speed.",
        HelpName = "N",
        DefaultValueFactory = _ => LinkProtocol.BaudRate,
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

    private static int Execute(string? portOption, int baud, string? csvPath, double? duration, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        string? port = ResolvePort(portOption, error);
        if (port is null)
        {
            return TinTinCommandLine.ExitInvalidInput;
        }

        if (duration is <= 0)
        {
            error.WriteLine("--duration must be positive.");
            return TinTinCommandLine.ExitInvalidInput;
        }

        CounterCsvLog? csv = null;
        try
        {
            if (csvPath is not null)
            {
                csv = new CounterCsvLog(csvPath);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{csvPath}: {ex.Message}");
            return TinTinCommandLine.ExitInvalidInput;
        }

        using (csv)
        using (var session = new LinkSession(port, baud))
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            var runner = new MonitorRunner(session, output, csv);
            try
            {
                session.Start();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                error.WriteLine($"{port}: cannot open: {ex.Message}");
                return TinTinCommandLine.ExitInvalidInput;
            }

            output.WriteLine($"monitoring {port} at {baud} baud" + (csv is null ? string.Empty : $", counters to {csv.Path}"));
            if (duration is not null)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(duration.Value));
            }

            runner.Run(stop.Token);
            output.WriteLine(runner.Summary());
            return session.Fault is null ? 0 : 1;
        }
    }
}
