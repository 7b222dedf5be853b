// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using SkiaSharp;
using TinTin.Firmware.Core.Link;
using TinTin.Monitor;

namespace TinTin.Link.Tests;

/// <summary>The monitor's plot: a real PNG and a real SVG holding the four series.</summary>
public sealed class CounterPlotTests : IDisposable
{
    // ScottPlot's first palette colour: every series line is drawn in it (one series per chart).
    private static readonly SKColor LineColour = SKColor.Parse("#1F77B4");

    private readonly string _folder = Directory.CreateTempSubdirectory("tintin-plot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Png_has_the_signature_decodes_at_the_asked_size_and_shows_the_lines()
    {
        string path = Path.Combine(_folder, "run.png");

        Assert.Equal([path], CounterPlot.Write(LongHistory(), path, 900, 700));

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        using SKBitmap bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal(900, bitmap.Width);
        Assert.Equal(700, bitmap.Height);

        // The series lines are drawn in every quarter of the height (four stacked charts).
        for (int quarter = 0; quarter < 4; quarter++)
        {
            int linePixels = 0;
            for (int y = quarter * 175; y < (quarter + 1) * 175; y++)
            {
                for (int x = 0; x < bitmap.Width; x++)
                {
                    linePixels += Near(bitmap.GetPixel(x, y), LineColour) ? 1 : 0;
                }
            }

            Assert.True(linePixels > 200, $"chart {quarter}: {linePixels} line pixels");
        }

        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Svg_is_xml_with_the_four_series_and_the_time_axis()
    {
        string path = Path.Combine(_folder, "run.svg");
        CounterPlot.Write(LongHistory(), path);

        XDocument svg = XDocument.Load(path);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal("1000", svg.Root.Attribute("width")!.Value);
        string[] texts = svg.Descendants(ns + "text").Select(t => t.Value.Trim()).ToArray();
        foreach (string title in CounterPlot.SeriesTitles)
        {
            Assert.Contains(title, texts);
        }

        Assert.Contains("device time (s)", texts);
        // One long polyline per series (the thinned run has over 2,000 points); the legend's samples are short.
        int[] segments = svg.Descendants(ns + "path")
            .Where(p => string.Equals((string?)p.Attribute("stroke"), "#1F77B4", StringComparison.OrdinalIgnoreCase))
            .Select(p => ((string?)p.Attribute("d") ?? string.Empty).Count(c => c == 'L'))
            .ToArray();
        Assert.True(segments.Count(n => n >= 2000) == 4, "segments per blue path: " + string.Join(", ", segments));
    }

    [Fact]
    public void A_name_without_extension_writes_both_and_other_extensions_are_refused()
    {
        string stem = Path.Combine(_folder, "both");
        Assert.Equal([stem + ".png", stem + ".svg"], CounterPlot.Write(LongHistory(), stem));
        Assert.True(new FileInfo(stem + ".png").Length > 1000);
        XDocument.Load(stem + ".svg");

        Assert.Throws<ArgumentException>(() => CounterPlot.Write(new CounterHistory(), Path.Combine(_folder, "plot.pdf")));
        Assert.False(File.Exists(Path.Combine(_folder, "plot.pdf")));
    }

    [Fact]
    public void A_counter_the_board_never_sent_is_said_missing_instead_of_an_empty_chart()
    {
        var history = new CounterHistory();
        var counters = new CountersMessage();
        counters.Set(CounterId.PrequentialAccuracyPermille, 500);
        history.Add(1_000_000, counters);
        history.Add(2_000_000, counters);
        string path = Path.Combine(_folder, "partial.svg");

        CounterPlot.Write(history, path);

        string[] texts = XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value.Trim()).ToArray();
        Assert.Contains("no energy per step (µJ) in the counters yet", texts);
        Assert.Contains("no step time (ms) in the counters yet", texts);
        Assert.DoesNotContain("no accuracy (%) in the counters yet", texts);
    }

    [Fact]
    public void A_plot_asked_for_before_any_frame_is_still_an_image()
    {
        string path = Path.Combine(_folder, "empty.png");
        CounterPlot.Write(new CounterHistory(), path, 400, 400);
        using SKBitmap bitmap = SKBitmap.Decode(path);
        Assert.Equal(400, bitmap.Width);
    }

    // 200,000 frames: the plot gets the thinned run, not 200,000 points.
    private static CounterHistory LongHistory()
    {
        var history = new CounterHistory();
        var counters = new CountersMessage();
        for (int i = 0; i < 200_000; i++)
        {
            counters.Set(CounterId.PrequentialAccuracyPermille, Math.Min(1000, 200 + i / 250));
            counters.Set(CounterId.ManagedFreeBytes, 60_000 - (i % 5000));
            counters.Set(CounterId.EnergyPerTrainStepUj, 1500 + (i % 700));
            counters.Set(CounterId.TrainStepUs, 12_000 + (i % 3000));
            history.Add(500_000L * i, counters);
        }

        return history;
    }

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) < 40 && Math.Abs(a.Green - b.Green) < 40 && Math.Abs(a.Blue - b.Blue) < 40;
}
