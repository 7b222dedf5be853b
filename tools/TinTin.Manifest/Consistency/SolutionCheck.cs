// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml;

namespace TinTin.Manifest.Consistency;

/// <summary>
/// TinTin.Nano.sln holds every project (Visual Studio builds the .nfproj files from it) and
/// TinTin.Host.slnf picks the .csproj files out of it (the dotnet CLI cannot build a .nfproj). A
/// project missing from either builds nowhere or is never tested, so: every .nfproj and .csproj is
/// in the .sln with the right project type, GUID and Debug/Release entries, and the .slnf lists
/// exactly the .csproj files.
/// </summary>
public static class SolutionCheck
{
    /// <summary>The solution filter the README's <c>dotnet test</c> uses.</summary>
    public const string FilterFileName = "TinTin.Host.slnf";

    /// <summary>The project type GUID of a nanoFramework project (.nfproj).</summary>
    public const string NanoProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";

    /// <summary>The project type GUID of an SDK-style C# project (.csproj).</summary>
    public const string CSharpProjectType = "{9A19103F-16F7-4668-BE54-9A1E7A4F7556}";

    /// <summary>The solution configurations every project must build in, all on platform Any CPU.</summary>
    public static readonly string[] Configurations = { "Debug", "Release" };

    private const string Platform = "Any CPU";

    /// <summary>Checks the solution and the solution filter at <paramref name="repoRoot"/> against the project files on disk.</summary>
    /// <param name="repoRoot">The repository root, holding TinTin.Nano.sln and TinTin.Host.slnf.</param>
    /// <returns>Every problem found.</returns>
    public static IReadOnlyList<ConsistencyProblem> Check(string repoRoot)
    {
        var problems = new List<ConsistencyProblem>();
        string root = Path.GetFullPath(repoRoot);
        string solutionPath = Path.Combine(root, RepoRoot.SolutionFileName);
        if (!File.Exists(solutionPath))
        {
            problems.Add(new ConsistencyProblem(RepoRoot.SolutionFileName, null, "solution file is missing"));
            return problems;
        }

        SolutionFile solution = SolutionFile.Load(solutionPath);
        Dictionary<string, SolutionProject> listed = CheckSolution(root, solution, problems);

        IReadOnlyList<string> onDisk = ProjectConsistency.FindProjectFiles(root, ".nfproj")
            .Concat(ProjectConsistency.FindProjectFiles(root, ".csproj"))
            .Select(p => ExactPath.Relative(root, p))
            .ToList();
        foreach (string project in onDisk.Where(p => !listed.ContainsKey(p)))
        {
            problems.Add(new ConsistencyProblem(RepoRoot.SolutionFileName, project, NotInSolutionAdvice(project)));
        }

        CheckFilter(root, solution, listed, onDisk.Where(IsCSharp).ToList(), problems);
        return problems;
    }

    private static Dictionary<string, SolutionProject> CheckSolution(string root, SolutionFile solution, List<ConsistencyProblem> problems)
    {
        string sln = RepoRoot.SolutionFileName;
        foreach (string configuration in Configurations.Select(c => $"{c}|{Platform}").Where(c => !solution.SolutionConfigurations.Contains(c)))
        {
            problems.Add(new ConsistencyProblem(sln, configuration, $"solution configuration is missing: add `{configuration} = {configuration}` to GlobalSection(SolutionConfigurationPlatforms)"));
        }

        foreach (IGrouping<string, SolutionProject> shared in solution.Projects.GroupBy(p => p.Guid, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new ConsistencyProblem(sln, shared.Key, $"GUID is used by more than one entry ({string.Join(", ", shared.Select(p => p.Name))}): give each its own"));
        }

        var listed = new Dictionary<string, SolutionProject>(StringComparer.Ordinal);
        foreach (SolutionProject project in solution.Projects.Where(p => !p.IsFolder))
        {
            string full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(solution.FullPath)!, ExactPath.FromItem(project.Path)));
            string relative = ExactPath.Relative(root, full);
            if (!listed.TryAdd(relative, project))
            {
                problems.Add(new ConsistencyProblem(sln, relative, "project is listed twice: remove one entry"));
                continue;
            }

            if (!ExactPath.Exists(full))
            {
                problems.Add(new ConsistencyProblem(sln, relative, $"project file does not exist (names are case-sensitive): fix the path or run `dotnet sln {sln} remove {project.Path.Replace('\\', '/')}`"));
                continue;
            }

            CheckProjectType(project, relative, problems);
            CheckProjectConfigurations(solution, project, relative, problems);
            if (IsNano(relative))
            {
                CheckProjectGuid(full, project, relative, problems);
            }
        }

        return listed;
    }

    private static void CheckProjectType(SolutionProject project, string relative, List<ConsistencyProblem> problems)
    {
        (string? expected, string kind) = IsNano(relative) ? (NanoProjectType, "nanoFramework")
            : IsCSharp(relative) ? (CSharpProjectType, "SDK-style C#")
            : ((string?)null, string.Empty);
        if (expected is not null && !string.Equals(project.TypeGuid, expected, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new ConsistencyProblem(RepoRoot.SolutionFileName, relative, $"project type is {project.TypeGuid}, expected {expected} ({kind} project): change the first GUID of its Project line"));
        }
    }

    private static void CheckProjectConfigurations(SolutionFile solution, SolutionProject project, string relative, List<ConsistencyProblem> problems)
    {
        // Build.0 makes "Build Solution" build the project; Deploy.0 makes F5 deploy a nanoFramework project to the board.
        string[] entries = IsNano(relative) ? new[] { "ActiveCfg", "Build.0", "Deploy.0" } : new[] { "ActiveCfg", "Build.0" };
        foreach (string configuration in Configurations)
        {
            string expected = $"{configuration}|{Platform}";
            foreach (string entry in entries)
            {
                string key = $"{expected}.{entry}";
                string? value = solution.ProjectConfiguration(project.Guid, key);
                if (value is null)
                {
                    problems.Add(new ConsistencyProblem(RepoRoot.SolutionFileName, relative, $"add `{project.Guid}.{key} = {expected}` to GlobalSection(ProjectConfigurationPlatforms)"));
                }
                else if (value != expected)
                {
                    problems.Add(new ConsistencyProblem(RepoRoot.SolutionFileName, relative, $"`{project.Guid}.{key}` is `{value}`, expected `{expected}`"));
                }
            }
        }
    }

    private static void CheckProjectGuid(string full, SolutionProject project, string relative, List<ConsistencyProblem> problems)
    {
        string? guid;
        try
        {
            guid = NanoProjectFile.Load(full).ProjectGuid;
        }
        catch (XmlException)
        {
            return; // ProjectConsistency reports the broken file.
        }

        if (guid is null)
        {
            problems.Add(new ConsistencyProblem(relative, "ProjectGuid", $"<ProjectGuid> is missing: add <ProjectGuid>{project.Guid}</ProjectGuid> (its GUID in {RepoRoot.SolutionFileName})"));
        }
        else if (!string.Equals(guid, project.Guid, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new ConsistencyProblem(relative, "ProjectGuid", $"<ProjectGuid> is {guid} but {RepoRoot.SolutionFileName} gives the project {project.Guid}: make them the same"));
        }
    }

    private static void CheckFilter(string root, SolutionFile solution, Dictionary<string, SolutionProject> listed, IReadOnlyList<string> csharpOnDisk, List<ConsistencyProblem> problems)
    {
        string slnf = FilterFileName;
        string filterPath = Path.Combine(root, slnf);
        if (!File.Exists(filterPath))
        {
            problems.Add(new ConsistencyProblem(slnf, null, $"solution filter is missing: `dotnet test {slnf}` builds and tests the host projects from it"));
            return;
        }

        SolutionFilterFile filter;
        try
        {
            filter = SolutionFilterFile.Load(filterPath);
        }
        catch (JsonException ex)
        {
            problems.Add(new ConsistencyProblem(slnf, null, $"not a valid solution filter: {ex.Message}"));
            return;
        }

        string? pointsAt = filter.SolutionPath is null ? null : Path.GetFullPath(Path.Combine(root, ExactPath.FromItem(filter.SolutionPath)));
        if (pointsAt != solution.FullPath)
        {
            string actual = filter.SolutionPath is null ? "missing" : $"'{filter.SolutionPath}'";
            problems.Add(new ConsistencyProblem(slnf, "solution.path", $"solution.path is {actual}, expected '{RepoRoot.SolutionFileName}'"));
        }

        // Filter entries are relative to the solution's folder.
        string solutionFolder = Path.GetDirectoryName(solution.FullPath)!;
        var inFilter = new HashSet<string>(StringComparer.Ordinal);
        foreach (string entry in filter.Projects)
        {
            string full = Path.GetFullPath(Path.Combine(solutionFolder, ExactPath.FromItem(entry)));
            string relative = ExactPath.Relative(root, full);
            if (!inFilter.Add(relative))
            {
                problems.Add(new ConsistencyProblem(slnf, relative, "project is listed twice: remove one entry"));
            }
            else if (IsNano(relative))
            {
                problems.Add(new ConsistencyProblem(slnf, relative, $"the dotnet CLI cannot build a .nfproj: remove it from {slnf} (Visual Studio builds it from {RepoRoot.SolutionFileName})"));
            }
            else if (!ExactPath.Exists(full))
            {
                problems.Add(new ConsistencyProblem(slnf, relative, "project file does not exist (names are case-sensitive): fix or remove the entry"));
            }
            else if (!listed.ContainsKey(relative))
            {
                problems.Add(new ConsistencyProblem(slnf, relative, $"project is not in {RepoRoot.SolutionFileName}, so the filter cannot load it: run `dotnet sln {RepoRoot.SolutionFileName} add {relative}`"));
            }
        }

        foreach (string project in csharpOnDisk.Where(p => !inFilter.Contains(p)))
        {
            string entry = project.Replace("/", "\\\\");
            problems.Add(new ConsistencyProblem(slnf, project, $"project is not in {slnf}, so `dotnet test {slnf}` leaves it out: add \"{entry}\" to solution.projects"));
        }
    }

    private static string NotInSolutionAdvice(string project) =>
        IsNano(project)
            ? $"project is not in {RepoRoot.SolutionFileName}: run `dotnet sln {RepoRoot.SolutionFileName} add {project}`, then change the project type it writes to {NanoProjectType} and add its Debug|{Platform}.Deploy.0 and Release|{Platform}.Deploy.0 entries (Visual Studio with the nanoFramework extension does all of this); do not add it to {FilterFileName}"
            : $"project is not in {RepoRoot.SolutionFileName}: run `dotnet sln {RepoRoot.SolutionFileName} add {project}` and add it to {FilterFileName}";

    private static bool IsNano(string path) => path.EndsWith(".nfproj", StringComparison.Ordinal);

    private static bool IsCSharp(string path) => path.EndsWith(".csproj", StringComparison.Ordinal);
}
