// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Text.RegularExpressions;

namespace TinTin.Manifest;

/// <summary>Builds JSONPath-style locations for error messages: <c>$.targets.M5StickC</c>, <c>$.packages['nanoFramework.CoreLibrary']</c>.</summary>
public static partial class JsonPath
{
    /// <summary>The document root.</summary>
    public const string Root = "$";

    /// <summary>The path of a property of the object at <paramref name="parent"/>.</summary>
    /// <param name="parent">The object's path.</param>
    /// <param name="key">The property name.</param>
    /// <returns>Dot notation for plain identifiers, bracket notation otherwise (e.g. names with dots).</returns>
    public static string Property(string parent, string key) =>
        PlainIdentifier().IsMatch(key) ? $"{parent}.{key}" : $"{parent}['{key.Replace("'", "\\'")}']";

    /// <summary>The path of an element of the array at <paramref name="parent"/>.</summary>
    /// <param name="parent">The array's path.</param>
    /// <param name="index">Zero-based index.</param>
    /// <returns>The element path.</returns>
    public static string Element(string parent, int index) => $"{parent}[{index}]";

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    /// <param name="path">The path to test.</param>
    /// <param name="ancestor">The candidate ancestor.</param>
    /// <returns>Whether the path is at or under the ancestor.</returns>
    public static bool IsAtOrUnder(string path, string ancestor) =>
        path == ancestor || path.StartsWith(ancestor + ".", System.StringComparison.Ordinal) || path.StartsWith(ancestor + "[", System.StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainIdentifier();
}
