// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace TinTin.Manifest.Consistency;

/// <summary>One <c>&lt;package&gt;</c> entry of a packages.config.</summary>
/// <param name="Id">The package id.</param>
/// <param name="Version">The version attribute.</param>
/// <param name="TargetFramework">The targetFramework attribute, or null.</param>
/// <param name="DevelopmentDependency">True when developmentDependency="true".</param>
public sealed record PackageEntry(string Id, string Version, string? TargetFramework, bool DevelopmentDependency)
{
    /// <summary>The folder name nuget restore gives the package: <c>id.version</c>.</summary>
    public string FolderName => $"{Id}.{Version}";
}

/// <summary>A packages.config file.</summary>
public sealed class PackagesConfigFile
{
    private PackagesConfigFile(string path, IReadOnlyList<PackageEntry> entries)
    {
        FullPath = path;
        Entries = entries;
    }

    /// <summary>Full path of the file.</summary>
    public string FullPath { get; }

    /// <summary>Entries in file order (duplicates kept, so a check can report them).</summary>
    public IReadOnlyList<PackageEntry> Entries { get; }

    /// <summary>Reads a packages.config.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The parsed file.</returns>
    /// <exception cref="XmlException">The file is not well-formed XML.</exception>
    public static PackagesConfigFile Load(string path)
    {
        XDocument document = XDocument.Load(path);
        List<PackageEntry> entries = document.Descendants("package")
            .Select(e => new PackageEntry(
                e.Attribute("id")?.Value ?? string.Empty,
                e.Attribute("version")?.Value ?? string.Empty,
                e.Attribute("targetFramework")?.Value,
                string.Equals(e.Attribute("developmentDependency")?.Value, "true", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return new PackagesConfigFile(Path.GetFullPath(path), entries);
    }
}
