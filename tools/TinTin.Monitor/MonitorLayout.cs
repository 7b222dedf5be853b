// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;
using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>Draws a <see cref="MonitorSnapshot"/> as the live view's screen (Spectre.Console renderables).</summary>
public static class MonitorLayout
{
    /// <summary>The sparklines' width, characters.</summary>
    public const int SparklineWidth = 48;

    /// <summary>Builds the screen.</summary>
    /// <param name="snapshot">What to show.</param>
    /// <param name="width">The terminal's width, characters: a wide one gets three counter columns, else two.</param>
    /// <returns>One renderable: a panel holding every section.</returns>
    public static IRenderable Build(MonitorSnapshot snapshot, int width = 160)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rows = new List<IRenderable>
        {
            new Markup(PortLine(snapshot)),
            new Markup(BoardLine(snapshot.Hello)),
            new Markup(StateLine(snapshot)),
            new Markup(LinkLine(snapshot)),
            new Rule("[grey]counters[/]").LeftJustified(),
            Counters(snapshot, width >= 130 ? 3 : 2),
            new Rule("[grey]history[/]").LeftJustified(),
            Sparklines(snapshot.Recent),
            new Rule().RuleStyle(Style.Parse("grey")),
            new Markup($"[grey]event[/] {Escape(snapshot.LastEvent ?? "-")}   [grey]log[/] {Escape(snapshot.LastLog ?? "-")}"),
            new Markup($"[grey]last key[/] {Escape(snapshot.CommandStatus ?? "-")}"),
            new Markup($"[grey]keys: {Escape(KeyCommands.Help)}[/]"),
        };
        return new Panel(new Rows(rows))
            .Header($" tintin monitor: {Escape(snapshot.PortPath)} ")
            .BorderColor(snapshot.Connected ? Color.Green : Color.Red)
            .Expand();
    }

    private static string PortLine(MonitorSnapshot s)
    {
        string state = s.Connected
            ? "[green]connected[/]"
            : "[red]lost, waiting for it to come back[/]" + (s.LostReason is null ? string.Empty : $" ({Escape(s.LostReason)})");
        return $"[grey]port[/] {Escape(s.PortPath)} {state}   [grey]reconnects[/] {s.Reconnects}";
    }

    private static string BoardLine(HelloMessage? hello) => hello is null
        ? "[grey]board[/] no hello yet (press h to ask)"
        : $"[grey]board[/] {Escape(hello.TargetName ?? "?")}   [grey]firmware[/] {hello.FirmwareMajor}.{hello.FirmwareMinor}.{hello.FirmwareBuild}.{hello.FirmwareRevision}" +
          $"   [grey]protocol[/] {hello.ProtocolMajor}.{hello.ProtocolMinor}   [grey]model[/] {hello.ModelHash:x8}   [grey]planned[/] {hello.PlannedBytes} B" +
          $"   [grey]fpu[/] {(hello.HasFpu ? "yes" : "no")}";

    private static string StateLine(MonitorSnapshot s)
    {
        string mode = s.Mode is DeviceMode m ? m.ToString().ToLowerInvariant() : "?";
        string label = s.Label switch { null => "?", < 0 => "none", int l => l.ToString(CultureInfo.InvariantCulture) };
        string prediction = "-";
        if (s.Prediction is PredictionMessage p)
        {
            prediction = $"class {p.PredictedClass}  confidence {p.ConfidencePermille} ‰" + (p.IsNovel ? "  [yellow bold]NOVEL[/]" : string.Empty) +
                $"  [grey]window {p.WindowSequence}[/]";
        }

        return $"[grey]mode[/] [bold]{mode}[/]   [grey]label[/] [bold]{label}[/]   [grey]prediction[/] {prediction}";
    }

    private static string LinkLine(MonitorSnapshot s) =>
        $"[grey]frames[/] {s.FramesAccepted} accepted, " + Alarm(s.FramesRejected, "rejected") + ", " + Alarm(s.FramesLost, "lost") +
        $" in {s.Gaps} gap(s)   [grey]counters frames[/] {s.CountersFrames}";

    private static string Alarm(long count, string word) => count == 0 ? $"0 {word}" : $"[red]{count} {word}[/]";

    private static IRenderable Counters(MonitorSnapshot s, int columns)
    {
        CountersMessage? counters = s.Counters;
        if (counters is null || counters.Count == 0)
        {
            return new Markup("[grey]no counters frame yet[/]");
        }

        var grid = new Grid();
        for (int c = 0; c < columns; c++)
        {
            grid.AddColumn(new GridColumn());
            grid.AddColumn(new GridColumn().NoWrap().RightAligned().PadRight(4));
        }

        int rows = (counters.Count + columns - 1) / columns;
        for (int r = 0; r < rows; r++)
        {
            var cells = new List<IRenderable>();
            for (int c = 0; c < columns; c++)
            {
                // Column-major: the ids read down the first column, then the next.
                int i = c * rows + r;
                // Names give way (ellipsis) before values on a narrow terminal.
                cells.Add(new Text(i < counters.Count ? Name(counters.GetId(i)) : string.Empty, new Style(Color.Grey)).Overflow(Overflow.Ellipsis));
                cells.Add(new Text(i < counters.Count ? counters.GetValue(i).ToString(CultureInfo.InvariantCulture) : string.Empty));
            }

            grid.AddRow(cells.ToArray());
        }

        return grid;
    }

    private static string Name(int id) =>
        Enum.IsDefined(typeof(CounterId), (ushort)id) ? ((CounterId)id).ToString() : "id:" + id.ToString(CultureInfo.InvariantCulture);

    private static IRenderable Sparklines(CounterPoint[] recent)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap());
        grid.AddColumn(new GridColumn().NoWrap());
        grid.AddColumn(new GridColumn().NoWrap().RightAligned());
        grid.AddColumn(new GridColumn().NoWrap());
        AddSeries(grid, "accuracy", recent.Select(p => p.AccuracyPercent).ToArray(), "0.0", "%");
        AddSeries(grid, "heap free", recent.Select(p => p.HeapFreeBytes / 1024).ToArray(), "0.0", "KiB");
        AddSeries(grid, "energy/step", recent.Select(p => p.EnergyPerStepUj).ToArray(), "0", "µJ");
        AddSeries(grid, "step time", recent.Select(p => p.StepUs / 1000).ToArray(), "0.00", "ms");
        return grid;
    }

    private static void AddSeries(Grid grid, string name, double[] values, string format, string unit)
    {
        double[] finite = values.Where(double.IsFinite).ToArray();
        string latest = finite.Length == 0 ? "-" : finite[^1].ToString(format, CultureInfo.InvariantCulture) + " " + unit;
        string range = finite.Length == 0
            ? string.Empty
            : $"[grey]{finite.Min().ToString(format, CultureInfo.InvariantCulture)} to {finite.Max().ToString(format, CultureInfo.InvariantCulture)}[/]";
        grid.AddRow(
            new Text(name, new Style(Color.Grey)),
            new Text(Sparkline.Render(values, SparklineWidth), new Style(Color.Aqua)),
            new Text(latest),
            new Markup(range));
    }

    private static string Escape(string text) => Markup.Escape(text);
}
