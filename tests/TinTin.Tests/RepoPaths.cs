using System;
using System.IO;

namespace TinTin.Tests;

/// <summary>Where the repository and the shared reference material (../shared) are.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TinTin.Nano.sln")) || File.Exists(Path.Combine(dir.FullName, "nanoFramework.json")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"repository root not found above {AppContext.BaseDirectory}");
    });

    public static string Root => s_root.Value;

    public static string Surface => Path.Combine(Root, "tools", "NanoSurface");

    /// <summary>../shared/nanoframework-api: present on CI and developer machines, absent on a user's machine.</summary>
    public static string ApiListings => Path.GetFullPath(Path.Combine(Root, "..", "shared", "nanoframework-api"));

    public static bool HasApiListings => Directory.Exists(ApiListings);
}

/// <summary>A fact that needs ../shared/nanoframework-api and is reported skipped, with the reason, where it is absent.</summary>
public sealed class RequiresApiListingsFactAttribute : FactAttribute
{
    public RequiresApiListingsFactAttribute()
    {
        if (!RepoPaths.HasApiListings)
        {
            Skip = $"skipped: the nanoFramework API listings are not at {RepoPaths.ApiListings} (they sit beside the repository on CI and developer machines)";
        }
    }
}

/// <summary>The theory form of <see cref="RequiresApiListingsFactAttribute"/>.</summary>
public sealed class RequiresApiListingsTheoryAttribute : TheoryAttribute
{
    public RequiresApiListingsTheoryAttribute()
    {
        if (!RepoPaths.HasApiListings)
        {
            Skip = $"skipped: the nanoFramework API listings are not at {RepoPaths.ApiListings} (they sit beside the repository on CI and developer machines)";
        }
    }
}

/// <summary>A theory that needs the nanoFramework interpreter toolchain (../shared/tools/nanoclr) and is reported skipped, with the reason, where it is absent.</summary>
public sealed class RequiresInterpreterTheoryAttribute : TheoryAttribute
{
    public RequiresInterpreterTheoryAttribute()
    {
        if (NanoGate.Interpreter.NanoClrToolchain.Find(RepoPaths.Root, out var missing) is null)
        {
            Skip = "skipped: " + missing;
        }
    }
}

/// <summary>The fact form of <see cref="RequiresInterpreterTheoryAttribute"/>.</summary>
public sealed class RequiresInterpreterFactAttribute : FactAttribute
{
    public RequiresInterpreterFactAttribute()
    {
        if (NanoGate.Interpreter.NanoClrToolchain.Find(RepoPaths.Root, out var missing) is null)
        {
            Skip = "skipped: " + missing;
        }
    }
}
