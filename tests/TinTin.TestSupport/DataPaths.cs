// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using TinTin.Data;

namespace TinTin.TestSupport;

/// <summary>
/// Where the real datasets are: <c>../shared/data</c> beside the repository root (the folder holding
/// TinTin.Nano.sln), found by walking up from the test assembly, independently of <c>$TINTIN_DATA</c>
/// (tests that change that variable must not move the data under the smoke runs). CI clones the
/// repository beside <c>shared</c>; a user's clone has no such folder and the tests that need it are skipped.
/// </summary>
public static class DataPaths
{
    private static readonly Lazy<string?> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TinTin.Nano.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    });

    /// <summary>The repository root, or null when the tests run outside the repository.</summary>
    public static string? RepoRoot => s_root.Value;

    /// <summary>The shared data folder (it may not exist).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot ?? AppContext.BaseDirectory, "..", "shared", "data"));

    /// <summary>The MNIST folder (it may not exist).</summary>
    public static string Mnist => Path.Combine(SharedData, "mnist");

    /// <summary>The CWRU folder (it may not exist).</summary>
    public static string Cwru => Path.Combine(SharedData, "cwru");

    /// <summary>Gets whether the four MNIST files are there.</summary>
    public static bool HasMnist =>
        File.Exists(Path.Combine(Mnist, MnistDataset.TrainImagesFile))
        && File.Exists(Path.Combine(Mnist, MnistDataset.TrainLabelsFile))
        && File.Exists(Path.Combine(Mnist, MnistDataset.TestImagesFile))
        && File.Exists(Path.Combine(Mnist, MnistDataset.TestLabelsFile));

    /// <summary>Gets whether the CWRU manifest is there.</summary>
    public static bool HasCwru => File.Exists(Path.Combine(Cwru, CwruManifest.FileName));

    /// <summary>The skip reason of a test that needs MNIST.</summary>
    public static string MissingMnist =>
        $"skipped: the MNIST files are not in {Mnist} (../shared/data sits beside the repository on CI and developer machines)";

    /// <summary>The skip reason of a test that needs CWRU.</summary>
    public static string MissingCwru =>
        $"skipped: the CWRU data (manifest.csv and the .mat files) is not in {Cwru} (../shared/data sits beside the repository on CI and developer machines)";
}
