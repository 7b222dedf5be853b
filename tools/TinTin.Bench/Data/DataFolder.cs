// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using TinTin.Data;

namespace TinTin.Bench.Data;

/// <summary>
/// Where the datasets are: the folder given on the command line, else <c>$TINTIN_DATA</c>, else
/// <c>../shared/data</c> beside the repository (developer and CI machines). A user's machine has
/// none of these until they download the originals, so a miss is a clear message, not a crash.
/// </summary>
public static class DataFolder
{
    /// <summary>The environment variable that names the data folder.</summary>
    public const string EnvironmentVariable = "TINTIN_DATA";

    /// <summary>Finds the data folder.</summary>
    /// <param name="given">The folder from the command line, or null.</param>
    /// <returns>The folder holding <c>mnist/</c> and <c>cwru/</c>.</returns>
    /// <exception cref="DataUnavailableException">No folder is given and none is found.</exception>
    public static string Resolve(string? given)
    {
        if (!string.IsNullOrEmpty(given))
        {
            return Existing(given, "--data");
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Existing(fromEnvironment, "$" + EnvironmentVariable);
        }

        string? shared = BesideRepository();
        if (shared != null)
        {
            return shared;
        }

        throw new DataUnavailableException(
            $"no data folder: pass --data DIR (a folder holding mnist/ and cwru/) or set ${EnvironmentVariable}. " +
            $"MNIST: {MnistDataset.DownloadHint}. CWRU: {CwruSources.DownloadHint}");
    }

    /// <summary>The repository's sibling <c>shared/data</c>, searched upwards from the working directory and the program.</summary>
    /// <returns>The folder, or null.</returns>
    public static string? BesideRepository()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TinTin.Nano.sln")))
                {
                    string data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                    return Directory.Exists(data) ? data : null;
                }
            }
        }

        return null;
    }

    private static string Existing(string folder, string origin)
    {
        string full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new DataUnavailableException($"the data folder {full} (from {origin}) does not exist");
        }

        return full;
    }
}
