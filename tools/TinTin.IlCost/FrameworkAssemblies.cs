// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;

namespace TinTin.IlCost;

/// <summary>The simple names of the assemblies of the running shared frameworks (Microsoft.NETCore.App and its siblings).</summary>
internal static class FrameworkAssemblies
{
    private static readonly HashSet<string> Names = Collect();

    /// <summary>Whether <paramref name="simpleName"/> is a framework assembly (to be shared through the default context).</summary>
    public static bool Contains(string simpleName) => Names.Contains(simpleName);

    private static HashSet<string> Collect()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string coreDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        DirectoryInfo? framework = Directory.GetParent(coreDirectory);

        // .../shared/Microsoft.NETCore.App/<version>/: every shared framework lives under .../shared/.
        // A self-contained app has none: only the folder of System.Private.CoreLib counts then.
        string root = framework is { Name: "Microsoft.NETCore.App", Parent: not null } ? framework.Parent.FullName : coreDirectory;
        root = root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (string path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Path.GetFullPath(path).StartsWith(root, StringComparison.OrdinalIgnoreCase))
            {
                names.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        foreach (string path in Directory.EnumerateFiles(coreDirectory, "*.dll"))
        {
            names.Add(Path.GetFileNameWithoutExtension(path));
        }

        return names;
    }
}
