// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Globalization;
using System.Linq;

namespace TinTin.Manifest;

/// <summary>Purely numeric dotted versions as nanoFramework uses them (1.17.11, 1.12.4.289).</summary>
public static class VersionText
{
    /// <summary>True when <paramref name="text"/> is <paramref name="minParts"/> to <paramref name="maxParts"/> dot-separated non-negative integers.</summary>
    /// <param name="text">The candidate.</param>
    /// <param name="minParts">Fewest parts allowed.</param>
    /// <param name="maxParts">Most parts allowed.</param>
    /// <returns>Whether the text is such a version.</returns>
    public static bool IsNumeric(string text, int minParts, int maxParts)
    {
        string[] parts = text.Split('.');
        return parts.Length >= minParts
            && parts.Length <= maxParts
            && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit) && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }

    /// <summary>The four-part assembly version of a package version: 1.17.11 becomes 1.17.11.0.</summary>
    /// <param name="version">A numeric version of 1 to 4 parts.</param>
    /// <returns>The version with zeros appended up to four parts.</returns>
    public static string ToAssemblyVersion(string version)
    {
        string[] parts = version.Split('.');
        return string.Join('.', parts.Concat(Enumerable.Repeat("0", Math.Max(0, 4 - parts.Length))));
    }

    /// <summary>Compares two numeric versions part by part, missing parts counting as zero.</summary>
    /// <param name="left">A numeric version.</param>
    /// <param name="right">A numeric version.</param>
    /// <returns>Negative, zero or positive, as <paramref name="left"/> is lower, equal or higher.</returns>
    public static int Compare(string left, string right)
    {
        int[] a = Parse(left);
        int[] b = Parse(right);
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            int x = i < a.Length ? a[i] : 0;
            int y = i < b.Length ? b[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }

    private static int[] Parse(string version)
    {
        if (!IsNumeric(version, 1, 4))
        {
            throw new FormatException($"'{version}' is not a numeric version.");
        }

        return version.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
    }
}
