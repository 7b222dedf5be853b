// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.IO;
using System.Linq;
using TinTin.Bench.Training;

namespace TinTin.Bench.Output;

/// <summary>Writes a model's pictures: accuracy per epoch of every mode run, and each run's confusion matrix.</summary>
public static class PlotWriter
{
    /// <summary>Writes the SVG files of one model's runs.</summary>
    /// <param name="folder">The folder (created when missing).</param>
    /// <param name="runs">The runs of one model (one per mode).</param>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<BenchResult> runs)
    {
        var written = new List<string>();
        if (runs.Count == 0)
        {
            return written;
        }

        Directory.CreateDirectory(folder);
        BenchResult first = runs[0];
        string accuracy = Path.Combine(folder, $"{first.Model}-accuracy.svg");
        var series = runs.Select(r => new SvgChart.Series(r.ModeLabel, r.EpochTestAccuracy)).ToList();
        File.WriteAllText(accuracy, SvgChart.AccuracyPerEpoch($"{first.Model}: test accuracy per epoch (seed {first.Seed})", series));
        written.Add(accuracy);
        foreach (BenchResult run in runs)
        {
            string confusion = Path.Combine(folder, $"{run.Model}-{run.Mode.Name()}-confusion.svg");
            string title = $"{run.Model} {run.ModeLabel}: test confusion ({run.TestAccuracy * 100:0.00} %)";
            File.WriteAllText(confusion, SvgChart.ConfusionMatrix(title, run.ClassNames, run.Confusion));
            written.Add(confusion);
        }

        return written;
    }
}
