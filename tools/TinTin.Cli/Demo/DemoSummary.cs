// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TinTin.Cli.Demo;

/// <summary>The lines <c>tintin demo</c> ends with: what the board learned, what it cost, where the files are.</summary>
public static class DemoSummary
{
    /// <summary>Formats the summary.</summary>
    /// <param name="outcome">What the demo saw.</param>
    /// <param name="board">The simulated board's name.</param>
    /// <param name="managedHeapBytes">The board's managed heap (0 when unknown).</param>
    /// <param name="files">The files written (CSV, plots).</param>
    /// <returns>The summary, one fact per line.</returns>
    public static string Format(DemoOutcome outcome, string board, long managedHeapBytes, IEnumerable<string> files)
    {
        CountersSnapshot c = outcome.Counters;
        var s = new StringBuilder();
        s.AppendLine(Invariant($"summary ({board}, simulated; times and energies are the board's estimates: interpreter-cost instructions at its clock, its power figures)"));
        s.AppendLine(Invariant($"  teaching: {outcome.TrainingWindows} scored windows in {outcome.TeachingSeconds:0.0} s (wall); prequential accuracy (each window predicted before the board trains on it) by round: {Curve(outcome)}"));
        s.AppendLine(Invariant($"  the board's own prequential accuracy at the end: {c.PrequentialPerMille / 10.0:0.0} % over its last {c.PrequentialWindows} windows, {c.TrainingSteps} training steps"));
        s.AppendLine(Invariant($"  detection on fresh windows: {Percent(outcome.DetectionAccuracy)} ({outcome.DetectionsCorrect} of {outcome.Detections})"));
        for (int i = 0; i < outcome.Plan.Classes.Length; i++)
        {
            (int scored, int correct, int novel) = outcome.DetectionsOf(i);
            s.AppendLine(Invariant($"    {outcome.Plan.Names[i],-11} {correct,3} of {scored,3} right, {novel} flagged novel"));
        }

        string kind = c.EnergyEstimated ? "estimated" : "measured";
        s.AppendLine(Invariant($"  cost per training step: {c.TrainStepUs / 1000.0:0.0} ms, {c.TrainStepUj} µJ ({kind}); per inference: {c.InferenceUs / 1000.0:0.0} ms, {c.InferenceUj} µJ"));
        string heap = c.LowestManagedFree < 0 || managedHeapBytes <= 0
            ? "peak heap in use: not reported"
            : Invariant($"peak heap in use {(managedHeapBytes - c.LowestManagedFree) / 1024.0:0.0} KiB of {managedHeapBytes / 1024.0:0} KiB (as the board reports it; the simulator reports the heap less the plan)");
        s.AppendLine(Invariant($"  memory: training plan {c.PlannedBytes / 1024.0:0.0} KiB (weights, activations, gradients, scratch); {heap}"));
        s.AppendLine(Invariant($"  sensor: {c.FifoOverruns} FIFO overruns during training steps, {c.WindowsDropped} windows' worth of samples discarded so that no window spans one (firmware/README.md)"));
        foreach (string file in files)
        {
            s.AppendLine("  wrote " + file);
        }

        return s.ToString();
    }

    /// <summary>Up to ten rounds, evenly spaced, first and last included: "1: 25 %, 4: 69 %, ..., 30: 100 %".</summary>
    /// <param name="outcome">The tally.</param>
    /// <returns>The curve, or "none" before any round.</returns>
    public static string Curve(DemoOutcome outcome)
    {
        int rounds = outcome.Rounds;
        if (rounds == 0)
        {
            return "none";
        }

        var points = new List<string>();
        int shown = Math.Min(rounds, 10);
        for (int k = 0; k < shown; k++)
        {
            int round = shown == 1 ? 0 : (int)Math.Round(k * (rounds - 1) / (double)(shown - 1));
            points.Add(Invariant($"{round + 1}: {outcome.RoundAccuracy(round) * 100:0} %"));
        }

        return string.Join(", ", points);
    }

    private static string Percent(double fraction) => Invariant($"{fraction * 100:0.0} %");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
