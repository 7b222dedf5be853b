// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;

namespace TinTin.Manifest;

/// <summary>Finds the repository root: the nearest folder, walking up, that holds TinTin.Nano.sln or nanoFramework.json.</summary>
public static class RepoRoot
{
    /// <summary>The solution file's name.</summary>
    public const string SolutionFileName = "TinTin.Nano.sln";

    /// <summary>Walks up from <paramref name="startDirectory"/>.</summary>
    /// <param name="startDirectory">Where to start (itself included).</param>
    /// <returns>The root's full path, or null when no ancestor qualifies.</returns>
    public static string? TryFind(string startDirectory)
    {
        for (DirectoryInfo? dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)) || File.Exists(Path.Combine(dir.FullName, ManifestLoader.FileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Walks up from <paramref name="startDirectory"/>, failing when nothing qualifies.</summary>
    /// <param name="startDirectory">Where to start (itself included).</param>
    /// <returns>The root's full path.</returns>
    /// <exception cref="DirectoryNotFoundException">No ancestor holds either file.</exception>
    public static string Find(string startDirectory) =>
        TryFind(startDirectory)
        ?? throw new DirectoryNotFoundException(
            $"No repository root above {Path.GetFullPath(startDirectory)}: no folder on the way up holds {SolutionFileName} or {ManifestLoader.FileName}.");
}
