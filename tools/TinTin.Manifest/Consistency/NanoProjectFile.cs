// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace TinTin.Manifest.Consistency;

/// <summary>A <c>&lt;Reference&gt;</c> item of a .nfproj.</summary>
/// <param name="Include">The Include attribute, e.g. <c>mscorlib, Version=1.17.11.0, Culture=neutral, ...</c>.</param>
/// <param name="HintPath">The HintPath metadata as written (backslashes), or null.</param>
public sealed record NanoReference(string Include, string? HintPath)
{
    /// <summary>The simple assembly name: the Include text before the first comma.</summary>
    public string Name => Include.Split(',')[0].Trim();

    /// <summary>The Version= part of the Include text, or null.</summary>
    public string? Version =>
        Include.Split(',').Skip(1).Select(p => p.Trim())
            .Where(p => p.StartsWith("Version=", StringComparison.Ordinal))
            .Select(p => p["Version=".Length..])
            .FirstOrDefault();
}

/// <summary>The parts of an old-style nanoFramework project file that the consistency checks read.</summary>
public sealed class NanoProjectFile
{
    private NanoProjectFile(string path, XDocument document)
    {
        FullPath = path;
        IEnumerable<XElement> all = document.Descendants().ToList();

        AssemblyName = Property(all, "AssemblyName");
        ProjectGuid = Property(all, "ProjectGuid");
        RunSettingsFilePath = Property(all, "RunSettingsFilePath");
        IsTestProject = string.Equals(Property(all, "IsTestProject"), "true", StringComparison.OrdinalIgnoreCase)
            || Items(all, "ProjectCapability").Any(i => i == "TestContainer");
        CompileItems = Items(all, "Compile").ToList();
        ProjectReferences = Items(all, "ProjectReference").ToList();
        References = all.Where(e => e.Name.LocalName == "Reference" && e.Attribute("Include") is not null)
            .Select(e => new NanoReference(
                e.Attribute("Include")!.Value,
                e.Elements().FirstOrDefault(m => m.Name.LocalName == "HintPath")?.Value.Trim()))
            .ToList();
    }

    /// <summary>Full path of the .nfproj.</summary>
    public string FullPath { get; }

    /// <summary>The project's folder.</summary>
    public string Directory => Path.GetDirectoryName(FullPath)!;

    /// <summary>The AssemblyName property, or null.</summary>
    public string? AssemblyName { get; }

    /// <summary>The ProjectGuid property as written (e.g. <c>{D552DC3B-...}</c>), or null.</summary>
    public string? ProjectGuid { get; }

    /// <summary>The RunSettingsFilePath property, or null.</summary>
    public string? RunSettingsFilePath { get; }

    /// <summary>True for a unit-test project (IsTestProject or the TestContainer capability).</summary>
    public bool IsTestProject { get; }

    /// <summary>Compile Include values as written (backslash paths).</summary>
    public IReadOnlyList<string> CompileItems { get; }

    /// <summary>ProjectReference Include values as written.</summary>
    public IReadOnlyList<string> ProjectReferences { get; }

    /// <summary>Reference items.</summary>
    public IReadOnlyList<NanoReference> References { get; }

    /// <summary>Reads a .nfproj.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The parsed project.</returns>
    /// <exception cref="XmlException">The file is not well-formed XML.</exception>
    public static NanoProjectFile Load(string path) => new(Path.GetFullPath(path), XDocument.Load(path));

    private static string? Property(IEnumerable<XElement> all, string name) =>
        all.Where(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")
            .Select(e => e.Value.Trim())
            .FirstOrDefault();

    private static IEnumerable<string> Items(IEnumerable<XElement> all, string itemType) =>
        all.Where(e => e.Name.LocalName == itemType && e.Parent?.Name.LocalName == "ItemGroup")
            .Select(e => e.Attribute("Include")?.Value)
            .Where(v => v is not null)
            .Select(v => v!);
}
