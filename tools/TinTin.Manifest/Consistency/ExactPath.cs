// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;

namespace TinTin.Manifest.Consistency;

/// <summary>
/// Path helpers that behave the same on every OS: project items use backslashes, and a name that
/// differs only in case from the file on disk must count as missing (it breaks on Linux builds).
/// </summary>
public static class ExactPath
{
    /// <summary>Turns an MSBuild item path into the OS's separators.</summary>
    /// <param name="itemPath">A path as written in a project file.</param>
    /// <returns>The same path with the platform's separator.</returns>
    public static string FromItem(string itemPath) =>
        itemPath.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);

    /// <summary>A path relative to <paramref name="root"/>, with forward slashes, for messages and comparisons.</summary>
    /// <param name="root">The base folder.</param>
    /// <param name="fullPath">A path under it.</param>
    /// <returns>The relative path with '/' separators.</returns>
    public static string Relative(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>True when the file or folder exists with exactly this spelling, case included, at every level.</summary>
    /// <param name="fullPath">An absolute path.</param>
    /// <returns>Whether every segment exists with the same case.</returns>
    public static bool Exists(string fullPath)
    {
        string path = Path.GetFullPath(fullPath);
        string? root = Path.GetPathRoot(path);
        if (root is null || !(File.Exists(path) || Directory.Exists(path)))
        {
            return false;
        }

        string current = root;
        foreach (string segment in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            bool found = Directory.EnumerateFileSystemEntries(current)
                .Any(entry => string.Equals(Path.GetFileName(entry), segment, StringComparison.Ordinal));
            if (!found)
            {
                return false;
            }

            current = Path.Combine(current, segment);
        }

        return true;
    }
}
