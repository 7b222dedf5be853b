// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Bench.Data;

/// <summary>One split of the CWRU task as raw windows of accelerometer counts (what a board's sensor delivers).</summary>
/// <param name="Windows">The windows, each <see cref="CwruWindows.WindowLength"/> counts.</param>
/// <param name="Labels">Each window's class.</param>
public sealed record RawWindowSet(int[][] Windows, int[] Labels)
{
    /// <summary>Gets the number of windows.</summary>
    public int Count => Windows.Length;

    /// <summary>The same even spread as <see cref="TaskLoader.Spread"/>: windows i * Count / count (all, when fewer).</summary>
    /// <param name="count">How many to keep.</param>
    /// <returns>The spread split.</returns>
    public RawWindowSet Spread(int count)
    {
        if (count >= Count)
        {
            return this;
        }

        var windows = new int[count][];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int k = (int)((long)i * Count / count);
            windows[i] = Windows[k];
            labels[i] = Labels[k];
        }

        return new RawWindowSet(windows, labels);
    }
}
