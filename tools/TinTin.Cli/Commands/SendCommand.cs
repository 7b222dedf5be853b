// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using TinTin.Firmware.Core.Link;
using TinTin.Monitor;

namespace TinTin.Cli.Commands;

/// <summary>
/// <c>tintin send --port P COMMAND</c>: one protocol command to the board, waiting for its answer. Exit code 0 on an
/// ack, 1 on a nak (the reason is printed), 2 on a timeout, a port that does not open or bad input.
/// </summary>
public static class SendCommand
{
    /// <summary>Exit code for a nak.</summary>
    public const int ExitNak = 1;

    /// <summary>Creates the command.</summary>
    /// <returns>The <c>send</c> command with its subcommands.</returns>
    public static Command Create()
    {
        Option<string?> port = MonitorCommand.PortOption();
        Option<int?> baud = MonitorCommand.BaudOption();
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the board's answer (and for each model chunk).",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 2.0,
        };
        port.Recursive = true;
        baud.Recursive = true;
        timeout.Recursive = true;
        var send = new Command("send", "Send one command to the board and wait for its ack (exit 0) or nak (exit 1, reason printed); exit 2 on a timeout or bad input.")
        {
            port, baud, timeout,
        };

        var modeArgument = new Argument<string>("MODE") { Description = "idle, collect, train or detect" };
        var mode = new Command("mode", "Switch the board's mode.") { modeArgument };
        mode.SetAction(parse => Run(parse, port, baud, timeout, () => ParseMode(parse.GetValue(modeArgument)!)));
        send.Subcommands.Add(mode);

        var labelArgument = new Argument<string>("LABEL") { Description = "a class number 0 to 254, or none" };
        var label = new Command("label", "Set the label of the windows that follow (collect and train modes).") { labelArgument };
        label.SetAction(parse => Run(parse, port, baud, timeout, () => ParseLabel(parse.GetValue(labelArgument)!)));
        send.Subcommands.Add(label);

        var save = new Command("save", "Save a checkpoint now.");
        save.SetAction(parse => Run(parse, port, baud, timeout, () => new CommandMessage { Code = CommandCode.SaveCheckpoint }));
        send.Subcommands.Add(save);

        var reset = new Command("reset", "Reset the board's counters.");
        reset.SetAction(parse => Run(parse, port, baud, timeout, () => new CommandMessage { Code = CommandCode.ResetCounters }));
        send.Subcommands.Add(reset);

        var periodArgument = new Argument<long>("MS") { Description = $"0 (off) or {CommandMessage.MinReportPeriodMs} to {CommandMessage.MaxReportPeriodMs}" };
        var period = new Command("report-period", "Set how often the board sends its counters.") { periodArgument };
        period.SetAction(parse => Run(parse, port, baud, timeout, () => ParsePeriod(parse.GetValue(periodArgument))));
        send.Subcommands.Add(period);

        var fileArgument = new Argument<string>("FILE") { Description = "where to write the model file (readable with `tintin model info`)" };
        var fetch = new Command("fetch-model", "Fetch the board's model file.") { fileArgument };
        fetch.SetAction(parse => Fetch(parse, port, baud, timeout, parse.GetValue(fileArgument)!));
        send.Subcommands.Add(fetch);
        return send;
    }

    private static CommandMessage ParseMode(string text) => new()
    {
        Code = CommandCode.SetMode,
        Argument = text.ToLowerInvariant() switch
        {
            "idle" => (long)DeviceMode.Idle,
            "collect" => (long)DeviceMode.Collect,
            "train" => (long)DeviceMode.Train,
            "detect" => (long)DeviceMode.Detect,
            _ => throw new FormatException($"unknown mode '{text}': use idle, collect, train or detect"),
        },
    };

    private static CommandMessage ParseLabel(string text)
    {
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            // CommandMessage holds "unlabelled" as -1 and sends it as 255.
            return new CommandMessage { Code = CommandCode.SetLabel, Argument = -1 };
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int label) || label > 254)
        {
            throw new FormatException($"bad label '{text}': use 0 to 254, or none");
        }

        return new CommandMessage { Code = CommandCode.SetLabel, Argument = label };
    }

    private static CommandMessage ParsePeriod(long ms)
    {
        if (ms != 0 && (ms < CommandMessage.MinReportPeriodMs || ms > CommandMessage.MaxReportPeriodMs))
        {
            throw new FormatException($"report period {ms} ms: use 0 (off) or {CommandMessage.MinReportPeriodMs} to {CommandMessage.MaxReportPeriodMs}");
        }

        return new CommandMessage { Code = CommandCode.SetReportPeriod, Argument = ms };
    }

    private static int Run(ParseResult parse, Option<string?> portOption, Option<int?> baud, Option<double> timeout, Func<CommandMessage> build)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        TextWriter error = parse.InvocationConfiguration.Error;
        CommandMessage command;
        try
        {
            command = build();

            // The codec's own range check, before any port is opened.
            command.Write(new byte[CommandMessage.MaxLength], 0);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            error.WriteLine(ex.Message);
            return TinTinCommandLine.ExitInvalidInput;
        }

        using LinkSession? session = Open(parse, portOption, baud, error);
        if (session is null)
        {
            return TinTinCommandLine.ExitInvalidInput;
        }

        CommandResult result = session.Send(command, TimeSpan.FromSeconds(parse.GetValue(timeout)));
        return Report(command.Code, result, output, error);
    }

    private static int Fetch(ParseResult parse, Option<string?> portOption, Option<int?> baud, Option<double> timeout, string path)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        TextWriter error = parse.InvocationConfiguration.Error;
        using LinkSession? session = Open(parse, portOption, baud, error);
        if (session is null)
        {
            return TinTinCommandLine.ExitInvalidInput;
        }

        ModelDownloadResult result = ModelDownload.Fetch(session, TimeSpan.FromSeconds(parse.GetValue(timeout)));
        if (result.Command.Outcome != CommandOutcome.Acked)
        {
            return Report(CommandCode.SendModel, result.Command, output, error);
        }

        if (result.File is null)
        {
            error.WriteLine($"the model did not arrive whole: {result.Problem}");
            return TinTinCommandLine.ExitInvalidInput;
        }

        try
        {
            // Replace the target only once the new file is complete.
            string full = Path.GetFullPath(path);
            File.WriteAllBytes(full + ".tmp", result.File);
            File.Move(full + ".tmp", full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: cannot write: {ex.Message}");
            return TinTinCommandLine.ExitInvalidInput;
        }

        output.WriteLine($"model written to {path} ({result.File.Length} bytes)");
        return 0;
    }

    private static LinkSession? Open(ParseResult parse, Option<string?> portOption, Option<int?> baud, TextWriter error)
    {
        string? port = MonitorCommand.ResolvePort(parse.GetValue(portOption), error);
        if (port is null)
        {
            return null;
        }

        var session = new LinkSession(port, ManifestDefaults.Line(parse.GetValue(baud)));
        try
        {
            session.Start();
            return session;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            session.Dispose();
            error.WriteLine($"{port}: cannot open: {ex.Message}");
            return null;
        }
    }

    private static int Report(CommandCode code, CommandResult result, TextWriter output, TextWriter error)
    {
        switch (result.Outcome)
        {
            case CommandOutcome.Acked:
                output.WriteLine($"{code}: acked");
                return 0;
            case CommandOutcome.Nakked:
                error.WriteLine($"{code}: nak {result.Reason}" + (string.IsNullOrEmpty(result.Text) ? string.Empty : $": {result.Text}"));
                return ExitNak;
            case CommandOutcome.TimedOut:
                error.WriteLine($"{code}: no answer from the board in time");
                return TinTinCommandLine.ExitInvalidInput;
            default:
                error.WriteLine($"{code}: the port is not open" + (string.IsNullOrEmpty(result.Text) ? string.Empty : $": {result.Text}"));
                return TinTinCommandLine.ExitInvalidInput;
        }
    }
}
