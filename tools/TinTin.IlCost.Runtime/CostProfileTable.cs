// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace TinTin.IlCost.Runtime;

/// <summary>Renders <see cref="CostProfile.Format"/>: fixed-width columns, invariant culture.</summary>
internal static class CostProfileTable
{
    public static string Render(IReadOnlyList<CostProfileEntry> entries, long total, int top)
    {
        CostProfileEntry[] shown = entries.Take(top).ToArray();
        long rest = entries.Skip(top).Sum(e => e.Cost);
        var text = new StringBuilder();
        Line(text, "rank", "share %", "cost", "method");
        for (int i = 0; i < shown.Length; i++)
        {
            Line(text, (i + 1).ToString(CultureInfo.InvariantCulture), Share(shown[i].Cost, total), Count(shown[i].Cost), shown[i].Method);
        }

        int hidden = entries.Count - shown.Length;
        if (hidden > 0)
        {
            Line(text, string.Empty, Share(rest, total), Count(rest), $"({hidden} more method{(hidden == 1 ? string.Empty : "s")})");
        }

        Line(text, string.Empty, Share(total, total), Count(total), $"total ({entries.Count} method{(entries.Count == 1 ? string.Empty : "s")})");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string rank, string share, string cost, string method) =>
        text.Append(CultureInfo.InvariantCulture, $"{rank,4}  {share,7}  {cost,15}  {method}").Append('\n');

    private static string Share(long cost, long total) =>
        total == 0 ? "-" : (100.0 * cost / total).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Count(long cost) => cost.ToString("N0", CultureInfo.InvariantCulture);
}
