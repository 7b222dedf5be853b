using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace NanoGate.Projects;

/// <summary>
/// What the gate needs from a nanoFramework project file (.nfproj): its assembly, the C# files it
/// compiles, the nanoFramework assemblies it references and the projects it depends on.
/// </summary>
public sealed class NfProject
{
    /// <summary>Custom property a .nfproj sets to declare its assembly integer-only (no floating point).</summary>
    public const string IntegerOnlyProperty = "TinTinIntegerOnly";

    private NfProject(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;
    public string AssemblyName { get; private init; } = "";
    public bool IsExe { get; private init; }
    public bool IntegerOnly { get; private init; }
    public string LangVersion { get; private init; } = "9.0";
    public IReadOnlyList<string> DefineConstants { get; private init; } = Array.Empty<string>();

    /// <summary>Full paths of the Compile items, in project order.</summary>
    public IReadOnlyList<string> CompileItems { get; private init; } = Array.Empty<string>();

    /// <summary>Simple names of referenced assemblies (from Reference Include="Name, Version=...").</summary>
    public IReadOnlyList<string> References { get; private init; } = Array.Empty<string>();

    /// <summary>Full paths of referenced .nfproj files.</summary>
    public IReadOnlyList<string> ProjectReferences { get; private init; } = Array.Empty<string>();

    public override string ToString() => $"{AssemblyName} ({Path})";

    public static NfProject Load(string path)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Load(path);
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException($"{path}: not a valid project file: {e.Message}", e);
        }

        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var elements = doc.Descendants().ToList();
        string? Property(string name) => elements.LastOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();
        IEnumerable<string> Includes(string item) => elements.Where(e => e.Name.LocalName == item)
            .Select(e => (string?)e.Attribute("Include")).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!);

        var assembly = Property("AssemblyName");
        if (string.IsNullOrEmpty(assembly))
        {
            throw new InvalidDataException($"{path}: no <AssemblyName>");
        }

        return new NfProject(path)
        {
            AssemblyName = assembly,
            IsExe = string.Equals(Property("OutputType"), "Exe", StringComparison.OrdinalIgnoreCase),
            IntegerOnly = string.Equals(Property(IntegerOnlyProperty), "true", StringComparison.OrdinalIgnoreCase),
            LangVersion = Property("LangVersion") is { Length: > 0 } lang ? lang : "9.0",
            DefineConstants = (Property("DefineConstants") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(d => !d.StartsWith("$(", StringComparison.Ordinal)).ToList(),
            CompileItems = Includes("Compile").Select(i => ResolvePath(dir, i)).ToList(),
            References = Includes("Reference").Select(i => i.Split(',')[0].Trim()).ToList(),
            ProjectReferences = Includes("ProjectReference").Select(i => ResolvePath(dir, i)).ToList(),
        };
    }

    /// <summary>Every .nfproj under a folder, skipping build output and restored packages.</summary>
    public static IReadOnlyList<NfProject> Discover(string root)
    {
        var skip = new[] { "bin", "obj", "packages", ".git" };
        return System.IO.Directory.EnumerateFiles(root, "*.nfproj", SearchOption.AllDirectories)
            .Where(p => !System.IO.Path.GetRelativePath(root, p).Split(System.IO.Path.DirectorySeparatorChar).Any(skip.Contains))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(Load)
            .ToList();
    }

    /// <summary>Projects ordered so each comes after the projects it references.</summary>
    public static IReadOnlyList<NfProject> InBuildOrder(IReadOnlyList<NfProject> projects)
    {
        var byPath = projects.ToDictionary(p => p.Path, StringComparer.Ordinal);
        var ordered = new List<NfProject>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(NfProject p)
        {
            if (state.TryGetValue(p.Path, out var s))
            {
                if (s == 1)
                {
                    throw new InvalidDataException($"{p.Path}: project references form a cycle");
                }

                return;
            }

            state[p.Path] = 1;
            foreach (var r in p.ProjectReferences)
            {
                if (!byPath.TryGetValue(r, out var dep))
                {
                    throw new InvalidDataException($"{p.Path}: ProjectReference {r} is not a known .nfproj");
                }

                Visit(dep);
            }

            state[p.Path] = 2;
            ordered.Add(p);
        }

        foreach (var p in projects)
        {
            Visit(p);
        }

        return ordered;
    }

    private static string ResolvePath(string dir, string include) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, include.Replace('\\', System.IO.Path.DirectorySeparatorChar)));
}
