// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;
using TinTin.Bench.Training;

namespace TinTin.Bench.Output;

/// <summary>The human-readable table of a set of runs (Spectre.Console, plain text, no colour).</summary>
public static class ResultTable
{
    /// <summary>Writes the runs as a table; FP32's accuracy from the same invocation is shown beside each row.</summary>
    /// <param name="results">The runs.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(IReadOnlyList<BenchResult> results, TextWriter writer)
    {
        var table = new Table().Border(TableBorder.Simple);
        string[] headers =
        [
            "model", "mode", "seed", "epochs", "samples", "test acc", "fp32 acc", "d vs fp32",
            "memory B", "weights", "activ.", "grad.", "scratch", "vs fp32",
            "MACs/sample", "IL cost/sample", "vs fp32", "ESP32 ms/sample", "C3 ms/sample", "IL cost/inference", "host us/sample", "alloc B/step", "crc32",
        ];
        foreach (string header in headers)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        table.Columns[0].LeftAligned();
        table.Columns[1].LeftAligned();
        foreach (BenchResult r in results)
        {
            BenchResult? fp32 = results.FirstOrDefault(x => x.Model == r.Model && x.Mode == BenchMode.Fp32 && x.Seed == r.Seed);
            table.AddRow(new IRenderable[]
            {
                Text(r.Model), Text(r.ModeLabel), Text(r.Seed.ToString(CultureInfo.InvariantCulture)),
                Text(r.Epochs.ToString(CultureInfo.InvariantCulture)), Text(r.SamplesSeen.ToString("N0", CultureInfo.InvariantCulture)),
                Text(Percent(r.TestAccuracy)), Text(fp32 == null ? "-" : Percent(fp32.TestAccuracy)),
                Text(fp32 == null ? "-" : ((r.TestAccuracy - fp32.TestAccuracy) * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)),
                Text(Count(r.Memory.Total)), Text(Count(r.Memory.Weights)), Text(Count(r.Memory.Activations)),
                Text(Count(r.Memory.Gradients)), Text(Count(r.Memory.Scratch)),
                Text(fp32 == null ? "-" : Ratio(r.Memory.Total, fp32.Memory.Total)),
                Text(Count(r.MacsPerSample)),
                Text(r.IlCostPerSample is double c ? Count((long)c) : "-"),
                Text(fp32?.IlCostPerSample is double f && r.IlCostPerSample is double c2 ? Ratio(c2, f) : "-"),
                Text(Milliseconds(r.IlCostPerSample, 0)), Text(Milliseconds(r.IlCostPerSample, 1)),
                Text(r.IlCostPerInference is double i ? Count((long)i) : "-"),
                Text(r.HostMicrosecondsPerSample.ToString("0.0", CultureInfo.InvariantCulture)),
                Text(r.AllocatedBytesPerStep.ToString("0.##", CultureInfo.InvariantCulture)),
                Text(r.WeightsCrc32.ToString("x8", CultureInfo.InvariantCulture)),
            });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        console.Write(table);
    }

    private static Text Text(string value) => new(value);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    // The estimated time on DeviceTime.Boards[board] (ESP32 at 240 MHz, ESP32-C3 at 160 MHz).
    private static string Milliseconds(double? instructions, int board) =>
        instructions is double c ? Cost.DeviceTime.Milliseconds(c, Cost.DeviceTime.Boards[board]).ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double value, double reference) =>
        reference == 0 ? "-" : (value / reference).ToString("0.000", CultureInfo.InvariantCulture) + "x";
}
