using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NanoGate.Surface;

/// <summary>One line of a nanoFramework API listing: a doc-comment ID and its C# declaration.</summary>
public sealed record ApiEntry(char Kind, string Id, string Signature)
{
    /// <summary>The ID without its kind prefix, e.g. <c>System.String.Substring(System.Int32)</c>.</summary>
    public string Body => Id.Substring(2);

    /// <summary>The ID without parameters or conversion return type: <c>System.String.Substring</c>.</summary>
    public string NameWithoutParameters
    {
        get
        {
            var body = Body;
            int paren = body.IndexOf('(');
            if (paren >= 0)
            {
                body = body.Substring(0, paren);
            }

            int tilde = body.IndexOf('~');
            return tilde >= 0 ? body.Substring(0, tilde) : body;
        }
    }

    /// <summary>The parameter list part of the ID, e.g. <c>(System.Int32)</c>, or empty.</summary>
    public string ParameterPart
    {
        get
        {
            var body = Body;
            int paren = body.IndexOf('(');
            if (paren < 0)
            {
                return "";
            }

            int tilde = body.IndexOf('~', paren);
            return tilde >= 0 ? body.Substring(paren, tilde - paren) : body.Substring(paren);
        }
    }
}

/// <summary>
/// A parsed <c>*.api.txt</c> listing (format: see ../shared/nanoframework-api/README.md):
/// the assembly it describes, the NuGet package and its dependencies, and every public entry.
/// </summary>
public sealed class ApiListing
{
    public required string AssemblyName { get; init; }
    public required string PackageId { get; init; }
    public required string ReleaseVersion { get; init; }
    public required IReadOnlyList<string> PackageDependencies { get; init; }
    public required IReadOnlyList<ApiEntry> Entries { get; init; }
    public required string SourceFile { get; init; }

    public static ApiListing Load(string path)
    {
        string? assembly = null, package = null, release = null;
        var dependencies = new List<string>();
        var entries = new List<ApiEntry>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                ParseHeader(line, ref assembly, ref package, ref release, dependencies);
                continue;
            }

            int tab = line.IndexOf('\t');
            if (tab < 3 || line[1] != ':' || "TMPFE".IndexOf(line[0]) < 0)
            {
                throw new FormatException($"{path}:{lineNumber}: not a listing line: '{line}'");
            }

            entries.Add(new ApiEntry(line[0], line.Substring(0, tab), line.Substring(tab + 1)));
        }

        return new ApiListing
        {
            AssemblyName = assembly ?? throw new FormatException($"{path}: no '# Assembly name:' header"),
            PackageId = package ?? throw new FormatException($"{path}: no '# NuGet package:' header"),
            ReleaseVersion = release ?? throw new FormatException($"{path}: no release version in the header"),
            PackageDependencies = dependencies,
            Entries = entries,
            SourceFile = path,
        };
    }

    /// <summary>Loads every listing in a folder, keyed by assembly name.</summary>
    public static Dictionary<string, ApiListing> LoadFolder(string folder)
    {
        var listings = Directory.GetFiles(folder, "*.api.txt")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(Load)
            .ToDictionary(l => l.AssemblyName, StringComparer.Ordinal);
        if (listings.Count == 0)
        {
            throw new FileNotFoundException($"no *.api.txt listings in {folder}");
        }

        return listings;
    }

    private static void ParseHeader(string line, ref string? assembly, ref string? package, ref string? release, List<string> dependencies)
    {
        const string AssemblyPrefix = "# Assembly name: ";
        const string PackagePrefix = "# NuGet package: ";
        const string ReleasePrefix = "# Release: ";
        if (line.StartsWith(AssemblyPrefix, StringComparison.Ordinal))
        {
            assembly = line.Substring(AssemblyPrefix.Length).Split(' ')[0];
        }
        else if (line.StartsWith(PackagePrefix, StringComparison.Ordinal))
        {
            var rest = line.Substring(PackagePrefix.Length);
            package = rest.Split(' ')[0];
            int open = rest.IndexOf("(nuspec dependencies:", StringComparison.Ordinal);
            if (open >= 0)
            {
                var list = rest.Substring(open + "(nuspec dependencies:".Length).TrimEnd(')').Trim();
                if (list != "none")
                {
                    foreach (var dep in list.Split(','))
                    {
                        dependencies.Add(dep.Trim().Split(' ')[0]);
                    }
                }
            }
        }
        else if (line.StartsWith(ReleasePrefix, StringComparison.Ordinal))
        {
            // "... -> NuGet 1.2.928, ..." (IoT packages) or "... v1.17.11 = commit ..." (tagged repos)
            int nuget = line.IndexOf("NuGet ", StringComparison.Ordinal);
            if (nuget >= 0)
            {
                release = line.Substring(nuget + 6).Split(',', ' ')[0];
            }
            else
            {
                int v = line.IndexOf(": v", StringComparison.Ordinal);
                if (v >= 0)
                {
                    release = line.Substring(v + 3).Split(' ')[0];
                }
            }
        }
    }
}
