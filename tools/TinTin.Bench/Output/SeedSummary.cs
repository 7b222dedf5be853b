// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Spectre.Console;
using TinTin.Bench.Training;

namespace TinTin.Bench.Output;

/// <summary>One model and mode over several seeds: mean and sample standard deviation of what varies with the seed.</summary>
/// <param name="Model">The model.</param>
/// <param name="Mode">The mode.</param>
/// <param name="Seeds">The seeds, in run order.</param>
/// <param name="Accuracy">Test accuracy (fraction).</param>
/// <param name="DeltaVsFp32">Test accuracy minus FP32's on the same seed (fraction), or null without FP32 runs.</param>
/// <param name="CostPerSample">Interpreter cost per training sample, or null when not measured.</param>
/// <param name="CostVsFp32">Interpreter cost over FP32's on the same seed, or null.</param>
/// <param name="MemoryBytes">Training memory (the same for every seed).</param>
public sealed record SeedSummary(string Model, BenchMode Mode, uint[] Seeds, Spread Accuracy, Spread? DeltaVsFp32, Spread? CostPerSample, Spread? CostVsFp32, long MemoryBytes)
{
    /// <summary>Summarises runs of several seeds, per model and mode (in first-run order).</summary>
    /// <param name="results">The runs.</param>
    /// <returns>One summary per model and mode.</returns>
    public static IReadOnlyList<SeedSummary> Of(IReadOnlyList<BenchResult> results)
    {
        var summaries = new List<SeedSummary>();
        foreach (var group in results.GroupBy(r => (r.Model, r.Mode)))
        {
            BenchResult[] runs = group.ToArray();
            BenchResult?[] fp32 = runs.Select(r => results.FirstOrDefault(x => x.Model == r.Model && x.Mode == BenchMode.Fp32 && x.Seed == r.Seed)).ToArray();
            bool paired = fp32.All(f => f is not null);
            bool costed = runs.All(r => r.IlCostPerSample is not null);
            summaries.Add(new SeedSummary(
                group.Key.Model,
                group.Key.Mode,
                runs.Select(r => r.Seed).ToArray(),
                Spread.Of(runs.Select(r => r.TestAccuracy)),
                paired ? Spread.Of(runs.Select((r, i) => r.TestAccuracy - fp32[i]!.TestAccuracy)) : null,
                costed ? Spread.Of(runs.Select(r => r.IlCostPerSample!.Value)) : null,
                paired && costed && fp32.All(f => f!.IlCostPerSample is > 0) ? Spread.Of(runs.Select((r, i) => r.IlCostPerSample!.Value / fp32[i]!.IlCostPerSample!.Value)) : null,
                runs[0].Memory.Total));
        }

        return summaries;
    }

    /// <summary>Writes the summaries as a table.</summary>
    /// <param name="summaries">The summaries.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(IReadOnlyList<SeedSummary> summaries, TextWriter writer)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (string header in new[] { "model", "mode", "seeds", "test acc (mean ± sd)", "d vs fp32 (mean ± sd)", "memory B", "IL cost/sample (mean ± sd)", "vs fp32 (mean ± sd)" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        table.Columns[0].LeftAligned();
        table.Columns[1].LeftAligned();
        foreach (SeedSummary s in summaries)
        {
            table.AddRow(
                s.Model,
                s.Mode.Name(),
                string.Join(",", s.Seeds),
                s.Accuracy.Format(100, "0.00") + " %",
                s.DeltaVsFp32?.Format(100, "+0.00;-0.00;0.00") ?? "-",
                s.MemoryBytes.ToString("N0", CultureInfo.InvariantCulture),
                s.CostPerSample?.Format(1, "N0") ?? "-",
                s.CostVsFp32?.Format(1, "0.000") is { } ratio ? ratio + "x" : "-");
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        writer.WriteLine("over seeds (sample standard deviation; the targets are judged on the mean):");
        console.Write(table);
    }
}

/// <summary>The mean and sample standard deviation (n - 1) of some runs' figure.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The sample standard deviation, 0 for one run.</param>
/// <param name="Count">The runs.</param>
public sealed record Spread(double Mean, double StandardDeviation, int Count)
{
    /// <summary>Computes the spread of some values.</summary>
    /// <param name="values">The values (at least one).</param>
    /// <returns>The spread.</returns>
    public static Spread Of(IEnumerable<double> values)
    {
        double[] v = values.ToArray();
        if (v.Length == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        double mean = v.Average();
        double sd = v.Length < 2 ? 0 : Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return new Spread(mean, sd, v.Length);
    }

    /// <summary>"mean ± sd" with both scaled and formatted alike.</summary>
    /// <param name="scale">Multiplies both (100 for percent).</param>
    /// <param name="format">The number format of the mean.</param>
    /// <returns>The text.</returns>
    public string Format(double scale, string format) =>
        (Mean * scale).ToString(format, CultureInfo.InvariantCulture) + " ± " +
        (StandardDeviation * scale).ToString(format.TrimStart('+').Split(';')[0], CultureInfo.InvariantCulture);
}
