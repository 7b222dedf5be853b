// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;

namespace TinTin.Data;

/// <summary>
/// The evaluation's 10 CWRU classes (docs/evaluation.md): normal, then inner race, ball and outer race
/// (centred @6:00) faults at 0.007, 0.014 and 0.021 in. The label of a class is its index here, fixed
/// so that labels, confusion matrices and saved models agree across runs.
/// </summary>
public static class CwruClasses
{
    /// <summary>The class names; a class's label is its index.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["Normal", "IR007", "IR014", "IR021", "B007", "B014", "B021", "OR007", "OR014", "OR021"];

    /// <summary>The 10-class name of a manifest row, or null when the row is not one of the 10 (e.g. an outer-race fault at 3:00).</summary>
    /// <param name="entry">The row.</param>
    /// <returns>"Normal", "IR007", ..., or null.</returns>
    public static string? NameOf(CwruManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string? prefix = entry.Condition switch
        {
            "Normal" => string.Empty,
            "Inner race" => "IR",
            "Ball" => "B",

            // Only the centred (@6:00) outer-race position is one of the 10 classes.
            "Outer race" when entry.OrPosition is not null && entry.OrPosition.Contains("@6", StringComparison.Ordinal) => "OR",
            _ => null,
        };
        if (prefix is null)
        {
            return null;
        }

        if (prefix.Length == 0)
        {
            return "Normal";
        }

        // 0.007 in -> "007": thousandths of an inch, as CWRU names its faults.
        int mils = (int)Math.Round(entry.DiameterIn * 1000);
        string name = $"{prefix}{mils:D3}";
        return Names.Contains(name) ? name : null;
    }
}
