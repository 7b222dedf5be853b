// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;

namespace TinTin.TestLauncher.Tests;

/// <summary>Finds the read-only reference folder <c>shared/</c>, which sits beside the repository.</summary>
internal static class SharedReference
{
    /// <summary>The path of a file under shared/, or null when the repository or shared/ is not there.</summary>
    public static string? Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            bool isRepoRoot = File.Exists(Path.Combine(dir.FullName, "TinTin.Nano.sln"))
                || Directory.Exists(Path.Combine(dir.FullName, ".git"))
                || File.Exists(Path.Combine(dir.FullName, ".git")); // a worktree's .git is a file
            if (isRepoRoot)
            {
                string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", relativePath));
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
