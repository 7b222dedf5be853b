// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace TinTin.Manifest.Consistency;

/// <summary>A <c>Project(...)</c> entry of a .sln.</summary>
/// <param name="TypeGuid">The project type GUID as written, e.g. <c>{9A19103F-...}</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Path">The path as written, relative to the .sln (backslashes).</param>
/// <param name="Guid">The project's own GUID as written.</param>
public sealed record SolutionProject(string TypeGuid, string Name, string Path, string Guid)
{
    /// <summary>The type GUID of a solution folder, which is not a project file.</summary>
    public const string FolderType = "{2150E333-8FDC-42A3-9474-1A3956D46DE8}";

    /// <summary>True for a solution folder.</summary>
    public bool IsFolder => string.Equals(TypeGuid, FolderType, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The parts of a Visual Studio solution (.sln, format 12) that the solution checks read.</summary>
public sealed partial class SolutionFile
{
    private readonly Dictionary<string, string> _projectConfigurations;

    private SolutionFile(string path, List<SolutionProject> projects, HashSet<string> configurations, Dictionary<string, string> projectConfigurations)
    {
        FullPath = path;
        Projects = projects;
        SolutionConfigurations = configurations;
        _projectConfigurations = projectConfigurations;
    }

    /// <summary>Full path of the .sln.</summary>
    public string FullPath { get; }

    /// <summary>Every Project entry in file order, solution folders included.</summary>
    public IReadOnlyList<SolutionProject> Projects { get; }

    /// <summary>The names in GlobalSection(SolutionConfigurationPlatforms), e.g. <c>Debug|Any CPU</c>.</summary>
    public IReadOnlySet<string> SolutionConfigurations { get; }

    /// <summary>Reads a .sln.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The parsed solution.</returns>
    public static SolutionFile Load(string path)
    {
        var projects = new List<SolutionProject>();
        var configurations = new HashSet<string>(StringComparer.Ordinal);
        var projectConfigurations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? section = null;
        foreach (string rawLine in File.ReadLines(path))
        {
            string line = rawLine.Trim();
            Match match;
            if ((match = ProjectLine().Match(line)).Success)
            {
                projects.Add(new SolutionProject(match.Groups["type"].Value, match.Groups["name"].Value, match.Groups["path"].Value, match.Groups["guid"].Value));
            }
            else if ((match = SectionStart().Match(line)).Success)
            {
                section = match.Groups["name"].Value;
            }
            else if (line == "EndGlobalSection")
            {
                section = null;
            }
            else if ((match = Assignment().Match(line)).Success)
            {
                if (section == "SolutionConfigurationPlatforms")
                {
                    configurations.Add(match.Groups["key"].Value);
                }
                else if (section == "ProjectConfigurationPlatforms")
                {
                    projectConfigurations[match.Groups["key"].Value] = match.Groups["value"].Value;
                }
            }
        }

        return new SolutionFile(Path.GetFullPath(path), projects, configurations, projectConfigurations);
    }

    /// <summary>The value of one ProjectConfigurationPlatforms entry, e.g. <c>{GUID}.Debug|Any CPU.Build.0</c>.</summary>
    /// <param name="projectGuid">The project's GUID as written in its Project entry (compared case-insensitively).</param>
    /// <param name="entry">The rest of the key, e.g. <c>Debug|Any CPU.Build.0</c>.</param>
    /// <returns>The right-hand side, e.g. <c>Debug|Any CPU</c>, or null when the entry is missing.</returns>
    public string? ProjectConfiguration(string projectGuid, string entry) =>
        _projectConfigurations.TryGetValue($"{projectGuid}.{entry}", out string? value) ? value : null;

    [GeneratedRegex("""^Project\("(?<type>[^"]*)"\)\s*=\s*"(?<name>[^"]*)"\s*,\s*"(?<path>[^"]*)"\s*,\s*"(?<guid>[^"]*)"\s*$""")]
    private static partial Regex ProjectLine();

    [GeneratedRegex(@"^GlobalSection\((?<name>[^)]*)\)")]
    private static partial Regex SectionStart();

    [GeneratedRegex(@"^(?<key>[^=]+?)\s*=\s*(?<value>.*)$")]
    private static partial Regex Assignment();
}
