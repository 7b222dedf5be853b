// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;

namespace TinTin.Native.Tests.Support;

/// <summary>Where the repository and the native kernels' sources are.</summary>
public static class Repo
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TinTin.Nano.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"repository root (TinTin.Nano.sln) not found above {AppContext.BaseDirectory}");
    });

    public static string Root => s_root.Value;

    /// <summary>lib-tintin/native: the C sources and headers, and report.sh.</summary>
    public static string NativeSources => Path.Combine(Root, "lib-tintin", "native");

    public static string ReportScript => Path.Combine(NativeSources, "report.sh");
}
