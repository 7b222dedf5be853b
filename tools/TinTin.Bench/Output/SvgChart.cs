// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;

namespace TinTin.Bench.Output;

/// <summary>
/// The two pictures of the results page, as plain SVG: test accuracy per epoch (one line per mode)
/// and a confusion matrix. No plotting library on our package mirror renders SVG (ScottPlot and
/// OxyPlot are not there), so this is kept to the two charts we need, written by hand and tested.
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int Height = 400;
    private const int Left = 60;
    private const int Right = 130;
    private const int Top = 40;
    private const int Bottom = 50;
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

    /// <summary>A named series of y values at x = 1, 2, ...</summary>
    /// <param name="Name">The legend text.</param>
    /// <param name="Values">The values, as fractions (plotted as percent).</param>
    public sealed record Series(string Name, IReadOnlyList<double> Values);

    /// <summary>A line chart of accuracy (percent) per epoch.</summary>
    /// <param name="title">The title.</param>
    /// <param name="series">One series per mode.</param>
    /// <returns>The SVG document.</returns>
    public static string AccuracyPerEpoch(string title, IReadOnlyList<Series> series)
    {
        if (series.Count == 0 || series.All(s => s.Values.Count == 0))
        {
            throw new ArgumentException("nothing to plot", nameof(series));
        }

        int epochs = series.Max(s => s.Values.Count);
        double min = series.SelectMany(s => s.Values).Min() * 100;
        double low = Math.Max(0, Math.Floor((min - 1) / 5) * 5);
        const double High = 100;
        double plotW = Width - Left - Right;
        double plotH = Height - Top - Bottom;
        double X(int epoch) => Left + (epochs == 1 ? plotW / 2 : (epoch - 1) * plotW / (epochs - 1));
        double Y(double percent) => Top + ((High - percent) * plotH / (High - low));

        var svg = Begin(Width, Height, title);
        for (double p = low; p <= High + 1e-9; p += GridStep(High - low))
        {
            svg.Append(Line(Left, Y(p), Width - Right, Y(p), "#dddddd"));
            svg.Append(Label(Left - 6, Y(p) + 4, F(p, 0) + " %", "end"));
        }

        for (int e = 1; e <= epochs; e++)
        {
            svg.Append(Label(X(e), Height - Bottom + 18, e.ToString(CultureInfo.InvariantCulture), "middle"));
        }

        svg.Append(Label(Left + (plotW / 2), Height - 12, "epoch", "middle"));
        svg.Append(Line(Left, Top, Left, Height - Bottom, "#000000"));
        svg.Append(Line(Left, Height - Bottom, Width - Right, Height - Bottom, "#000000"));
        for (int s = 0; s < series.Count; s++)
        {
            string color = Colors[s % Colors.Length];
            var points = series[s].Values.Select((v, i) => $"{F(X(i + 1), 1)},{F(Y(v * 100), 1)}");
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>\n");
            for (int i = 0; i < series[s].Values.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i + 1), 1)}\" cy=\"{F(Y(series[s].Values[i] * 100), 1)}\" r=\"3\" fill=\"{color}\"/>\n");
            }

            double legendY = Top + 10 + (s * 20);
            svg.Append(Line(Width - Right + 10, legendY, Width - Right + 30, legendY, color));
            double last = series[s].Values.Count > 0 ? series[s].Values[^1] * 100 : 0;
            svg.Append(Label(Width - Right + 35, legendY + 4, $"{series[s].Name} {F(last, 2)} %", "start"));
        }

        return End(svg);
    }

    /// <summary>A confusion matrix: rows are true classes, columns predictions, shade by row fraction.</summary>
    /// <param name="title">The title.</param>
    /// <param name="classes">The class names.</param>
    /// <param name="counts">[true][predicted] counts.</param>
    /// <returns>The SVG document.</returns>
    public static string ConfusionMatrix(string title, IReadOnlyList<string> classes, int[][] counts)
    {
        int n = classes.Count;
        if (counts.Length != n || counts.Any(row => row.Length != n))
        {
            throw new ArgumentException("the matrix must be classes x classes", nameof(counts));
        }

        const int Cell = 44;
        const int Margin = 110;
        int size = Margin + (n * Cell) + 20;
        var svg = Begin(size, size + 30, title);
        for (int t = 0; t < n; t++)
        {
            int rowTotal = counts[t].Sum();
            svg.Append(Label(Margin - 6, Margin + (t * Cell) + (Cell / 2) + 4, classes[t], "end"));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin + (t * Cell) + (Cell / 2)}\" y=\"{Margin - 6}\" font-size=\"11\" text-anchor=\"start\" transform=\"rotate(-45 {Margin + (t * Cell) + (Cell / 2)} {Margin - 6})\">{Escape(classes[t])}</text>\n");
            for (int p = 0; p < n; p++)
            {
                double fraction = rowTotal == 0 ? 0 : counts[t][p] / (double)rowTotal;
                int shade = (int)Math.Round(255 - (fraction * 200));
                string fill = t == p
                    ? $"rgb({shade},{shade},255)"
                    : $"rgb(255,{shade},{shade})";
                int x = Margin + (p * Cell);
                int y = Margin + (t * Cell);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{Cell}\" height=\"{Cell}\" fill=\"{fill}\" stroke=\"#ffffff\"/>\n");
                svg.Append(Label(x + (Cell / 2), y + (Cell / 2) + 4, counts[t][p].ToString(CultureInfo.InvariantCulture), "middle"));
            }
        }

        svg.Append(Label(Margin + (n * Cell / 2), size + 20, "predicted class (columns) / true class (rows)", "middle"));
        return End(svg);
    }

    private static double GridStep(double span) => span > 40 ? 10 : span > 10 ? 5 : 1;

    private static StringBuilder Begin(int width, int height, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append(Label(width / 2.0, 22, title, "middle", 15));
        return svg;
    }

    private static string End(StringBuilder svg) => svg.Append("</svg>\n").ToString();

    private static string Line(double x1, double y1, double x2, double y2, string color) =>
        $"<line x1=\"{F(x1, 1)}\" y1=\"{F(y1, 1)}\" x2=\"{F(x2, 1)}\" y2=\"{F(y2, 1)}\" stroke=\"{color}\" stroke-width=\"1\"/>\n";

    private static string Label(double x, double y, string text, string anchor, int size = 11) =>
        $"<text x=\"{F(x, 1)}\" y=\"{F(y, 1)}\" font-size=\"{size}\" text-anchor=\"{anchor}\">{Escape(text)}</text>\n";

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
