// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Text;

namespace TinTin.Monitor;

/// <summary>A one-line chart of a series in block characters (▁ lowest to █ highest).</summary>
public static class Sparkline
{
    private const string Levels = "▁▂▃▄▅▆▇█";

    // Below this spread (relative to the magnitude) a series is drawn flat: a 1 µJ rounding wobble on 43,790 µJ
    // would otherwise fill the line with full-height bars.
    private const double FlatFraction = 0.001;

    /// <summary>Draws a series scaled between its own minimum and maximum.</summary>
    /// <param name="values">The values, oldest first; NaN is drawn as a space.</param>
    /// <param name="width">The most characters: a longer series is averaged in equal buckets.</param>
    /// <returns>At most <paramref name="width"/> characters (as many as values when fewer).</returns>
    public static string Render(IReadOnlyList<double> values, int width)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        int count = Math.Min(width, values.Count);
        var buckets = new double[count];
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        for (int b = 0; b < count; b++)
        {
            // Bucket b averages values [start, end): every value lands in exactly one bucket.
            int start = (int)((long)b * values.Count / count);
            int end = (int)((long)(b + 1) * values.Count / count);
            double sum = 0;
            int n = 0;
            for (int i = start; i < end; i++)
            {
                if (double.IsFinite(values[i]))
                {
                    sum += values[i];
                    n++;
                }
            }

            buckets[b] = n == 0 ? double.NaN : sum / n;
            if (n > 0)
            {
                min = Math.Min(min, buckets[b]);
                max = Math.Max(max, buckets[b]);
            }
        }

        var line = new StringBuilder(count);
        foreach (double value in buckets)
        {
            if (double.IsNaN(value))
            {
                line.Append(' ');
            }
            else if (max - min <= FlatFraction * Math.Max(Math.Abs(max), Math.Abs(min)))
            {
                // A flat series sits in the middle, so it does not read as "all at the minimum".
                line.Append(Levels[Levels.Length / 2 - 1]);
            }
            else
            {
                int level = (int)Math.Round((value - min) / (max - min) * (Levels.Length - 1));
                line.Append(Levels[level]);
            }
        }

        return line.ToString();
    }
}
