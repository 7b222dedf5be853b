// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace TinTin.Monitor;

/// <summary>
/// The monitor's plot (ScottPlot 5): four stacked charts sharing the device-time axis: prequential accuracy, managed
/// heap free, energy per training step and time per training step. A counter missing from a frame leaves a gap in
/// its line. A history is plotted from its whole run, which it keeps thinned to at most a few thousand evenly spaced
/// frames (every 2^k-th frame, see <see cref="DecimatingBuffer{T}"/>), so a plot of a week-long run is as quick as
/// one of a minute.
/// </summary>
public static class CounterPlot
{
    /// <summary>The default image width, pixels.</summary>
    public const int DefaultWidth = 1000;

    /// <summary>The default image height, pixels.</summary>
    public const int DefaultHeight = 1000;

    /// <summary>The charts' titles (y-axis labels), top to bottom.</summary>
    public static readonly IReadOnlyList<string> SeriesTitles = ["accuracy (%)", "managed heap free (KiB)", "energy per step (µJ)", "step time (ms)"];

    /// <summary>Writes the plot of a history's whole run (<see cref="CounterHistory.Run"/>).</summary>
    /// <param name="history">The history.</param>
    /// <param name="path">A .png or .svg file; without an extension both <c>path.png</c> and <c>path.svg</c>.</param>
    /// <param name="width">Width, pixels.</param>
    /// <param name="height">Height, pixels.</param>
    /// <returns>The files written.</returns>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static IReadOnlyList<string> Write(CounterHistory history, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(history);
        CounterPoint[] run = history.Run();
        string title = $"tintin monitor: {history.Count} counters frames" + (run.Length < history.Count ? $", {run.Length} plotted" : string.Empty);
        return Write(run, path, width, height, title);
    }

    /// <summary>Writes the plot of some points.</summary>
    /// <param name="points">The points, in time order.</param>
    /// <param name="path">A .png or .svg file; without an extension both <c>path.png</c> and <c>path.svg</c>.</param>
    /// <param name="width">Width, pixels.</param>
    /// <param name="height">Height, pixels.</param>
    /// <returns>The files written.</returns>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static IReadOnlyList<string> Write(IReadOnlyList<CounterPoint> points, string path, int width = DefaultWidth, int height = DefaultHeight) =>
        Write(points, path, width, height, $"tintin monitor: {points?.Count} points");

    private static IReadOnlyList<string> Write(IReadOnlyList<CounterPoint> points, string path, int width, int height, string title)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        string[] targets = extension switch
        {
            ".png" or ".svg" => [path],
            "" => [path + ".png", path + ".svg"],
            _ => throw new ArgumentException($"{path}: the plot is written as .png or .svg", nameof(path)),
        };

        Multiplot plot = Build(points, title);
        foreach (string target in targets)
        {
            byte[] bytes = target.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? Svg(plot, width, height) : Png(plot, width, height);

            // Whole files only: a viewer watching the path never sees a half-written image.
            string full = Path.GetFullPath(target);
            File.WriteAllBytes(full + ".tmp", bytes);
            File.Move(full + ".tmp", full, overwrite: true);
        }

        return targets;
    }

    private static Multiplot Build(IReadOnlyList<CounterPoint> points, string title)
    {
        double[] x = points.Select(p => p.TimeSeconds).ToArray();
        double[][] series =
        [
            points.Select(p => p.AccuracyPercent).ToArray(),
            points.Select(p => p.HeapFreeBytes / 1024).ToArray(),
            points.Select(p => p.EnergyPerStepUj).ToArray(),
            points.Select(p => p.StepUs / 1000).ToArray(),
        ];

        var multiplot = new Multiplot { Layout = new ScottPlot.MultiplotLayouts.Rows() };
        multiplot.AddPlots(series.Length);
        Plot[] plots = multiplot.GetPlots();
        for (int i = 0; i < series.Length; i++)
        {
            Plot plot = plots[i];
            if (series[i].Any(double.IsFinite))
            {
                // No legend: the y-axis label already names the one series of each chart.
                plot.Add.ScatterLine(x, series[i]).LineWidth = 1.5f;
                KeepFlatSeriesReadable(plot, series[i]);
                if (i == 0)
                {
                    // Accuracy always on its full scale, so runs can be compared by eye.
                    plot.Axes.SetLimitsY(-2, 102);
                }
            }
            else
            {
                // ScottPlot cannot scale an axis without data: say so instead of drawing an empty frame.
                plot.Add.Annotation($"no {SeriesTitles[i]} in the counters yet");
            }

            plot.YLabel(SeriesTitles[i]);
        }

        plots[0].Title(title);
        plots[^1].XLabel("device time (s)");

        // The same time range on every chart, also one whose counter never arrived.
        if (x.Length > 1 && x[^1] > x[0])
        {
            foreach (Plot plot in plots)
            {
                plot.Axes.SetLimitsX(x[0], x[^1]);
            }
        }

        return multiplot;
    }

    // A constant counter (the heap often is) would get a near-zero axis span whose tick labels all round to the
    // same number: give it a span of ±5 % (at least ±1) around its value instead.
    private static void KeepFlatSeriesReadable(Plot plot, double[] values)
    {
        double min = values.Where(double.IsFinite).Min();
        double max = values.Where(double.IsFinite).Max();
        if (max - min <= Math.Abs(max) * 1e-3)
        {
            double middle = (min + max) / 2;
            double pad = Math.Max(1, Math.Abs(middle) * 0.05);
            plot.Axes.SetLimitsY(middle - pad, middle + pad);
        }
    }

    private static byte[] Png(Multiplot plot, int width, int height)
    {
        using SKSurface surface = SKSurface.Create(new SKImageInfo(width, height));
        Render(plot, surface.Canvas, width, height);
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] Svg(Multiplot plot, int width, int height)
    {
        // ScottPlot's first render of a plot lays out the axes and then draws it all again: on an SVG canvas that
        // would leave every line in the file twice. Render once off-screen first, as ScottPlot's own SaveSvg does.
        using (plot.Render(width, height))
        {
        }

        using var stream = new MemoryStream();
        using (SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            Render(plot, canvas, width, height);
        }

        return stream.ToArray();
    }

    private static void Render(Multiplot plot, SKCanvas canvas, int width, int height)
    {
        canvas.Clear(SKColors.White);
        plot.Render(canvas, new PixelRect(0, width, height, 0));
    }
}
