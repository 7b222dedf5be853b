// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace TinTin.Manifest.Consistency;

/// <summary>
/// Checks every nanoFramework project of the repository against the disk, its packages.config and
/// the manifest. Returns problems instead of throwing, so a test or the CLI can list them all.
/// </summary>
public static class ProjectConsistency
{
    /// <summary>The assembly name the on-device test launcher loads.</summary>
    public const string TestAssemblyName = "NFUnitTest";

    /// <summary>The run settings file of a nanoFramework test project.</summary>
    public const string RunSettingsFileName = "nano.runsettings";

    private static readonly string[] SkippedFolders = { "bin", "obj", "packages", ".git", ".vs", "TestResults" };

    /// <summary>Every .nfproj under <paramref name="repoRoot"/>, outside build output and restored packages.</summary>
    /// <param name="repoRoot">The repository root.</param>
    /// <returns>Full paths, sorted.</returns>
    public static IReadOnlyList<string> FindNanoProjects(string repoRoot) => FindProjectFiles(repoRoot, ".nfproj");

    /// <summary>Every project file with <paramref name="extension"/> under <paramref name="repoRoot"/>, outside build output and restored packages.</summary>
    /// <param name="repoRoot">The repository root.</param>
    /// <param name="extension">The file extension with its dot, e.g. <c>.csproj</c> (matched exactly, case included).</param>
    /// <returns>Full paths, sorted.</returns>
    public static IReadOnlyList<string> FindProjectFiles(string repoRoot, string extension)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(repoRoot));
        while (pending.Count > 0)
        {
            string directory = pending.Pop();
            found.AddRange(Directory.EnumerateFiles(directory, "*" + extension).Where(f => f.EndsWith(extension, StringComparison.Ordinal)));
            foreach (string child in Directory.EnumerateDirectories(directory).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
            {
                pending.Push(child);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>Checks all projects, and that every package the manifest pins is used somewhere.</summary>
    /// <param name="repoRoot">The repository root.</param>
    /// <param name="manifest">The validated manifest.</param>
    /// <returns>Every problem found, in project order.</returns>
    public static IReadOnlyList<ConsistencyProblem> CheckRepository(string repoRoot, NanoManifest manifest)
    {
        var problems = new List<ConsistencyProblem>();
        IReadOnlyList<string> projects = FindNanoProjects(repoRoot);
        if (projects.Count == 0)
        {
            problems.Add(new ConsistencyProblem(".", null, "no .nfproj found under the repository root"));
        }

        var usedPackages = new HashSet<string>(StringComparer.Ordinal);
        foreach (string project in projects)
        {
            problems.AddRange(CheckProject(project, repoRoot, manifest));
            PackagesConfigFile? config = TryLoadPackagesConfig(Path.GetDirectoryName(project)!, repoRoot, new List<ConsistencyProblem>());
            usedPackages.UnionWith(config?.Entries.Select(e => e.Id) ?? Enumerable.Empty<string>());
        }

        string manifestName = ExactPath.Relative(repoRoot, manifest.Sources.BaseFile);
        foreach (string id in manifest.Packages.Keys.Where(id => !usedPackages.Contains(id)))
        {
            problems.Add(new ConsistencyProblem(manifestName, id, "package is pinned but no packages.config uses it: remove the pin or use the package"));
        }

        return problems;
    }

    /// <summary>Checks one project: sources, packages and references, project references, assembly name, test settings.</summary>
    /// <param name="nfprojPath">The .nfproj.</param>
    /// <param name="repoRoot">The repository root.</param>
    /// <param name="manifest">The validated manifest.</param>
    /// <returns>The problems found.</returns>
    public static IReadOnlyList<ConsistencyProblem> CheckProject(string nfprojPath, string repoRoot, NanoManifest manifest)
    {
        var problems = new List<ConsistencyProblem>();
        string projectName = ExactPath.Relative(repoRoot, Path.GetFullPath(nfprojPath));
        NanoProjectFile project;
        try
        {
            project = NanoProjectFile.Load(nfprojPath);
        }
        catch (XmlException ex)
        {
            problems.Add(new ConsistencyProblem(projectName, null, $"not well-formed XML: {ex.Message}"));
            return problems;
        }

        problems.AddRange(SourceListCheck.Check(project, repoRoot));
        PackagesConfigFile? config = TryLoadPackagesConfig(project.Directory, repoRoot, problems);
        if (config is not null || !File.Exists(Path.Combine(project.Directory, "packages.config")))
        {
            problems.AddRange(PackageCheck.Check(project, config, manifest, repoRoot));
        }

        CheckProjectReferences(project, projectName, problems);
        CheckAssemblyName(project, projectName, problems);
        if (project.IsTestProject)
        {
            CheckTestProject(project, projectName, repoRoot, manifest, config, problems);
        }

        return problems;
    }

    private static PackagesConfigFile? TryLoadPackagesConfig(string projectDirectory, string repoRoot, List<ConsistencyProblem> problems)
    {
        string path = Path.Combine(projectDirectory, "packages.config");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return PackagesConfigFile.Load(path);
        }
        catch (XmlException ex)
        {
            problems.Add(new ConsistencyProblem(ExactPath.Relative(repoRoot, path), null, $"not well-formed XML: {ex.Message}"));
            return null;
        }
    }

    private static void CheckProjectReferences(NanoProjectFile project, string projectName, List<ConsistencyProblem> problems)
    {
        foreach (string reference in project.ProjectReferences)
        {
            if (!ExactPath.Exists(Path.Combine(project.Directory, ExactPath.FromItem(reference))))
            {
                problems.Add(new ConsistencyProblem(projectName, reference, "ProjectReference points at a file that does not exist (names are case-sensitive)"));
            }
        }
    }

    private static void CheckAssemblyName(NanoProjectFile project, string projectName, List<ConsistencyProblem> problems)
    {
        // Convention: the assembly is named after the project file (TinTin.Engine.nfproj -> TinTin.Engine).
        string expected = project.IsTestProject ? TestAssemblyName : Path.GetFileNameWithoutExtension(project.FullPath);
        if (project.AssemblyName is null)
        {
            problems.Add(new ConsistencyProblem(projectName, "AssemblyName", $"AssemblyName is missing (expected {expected})"));
        }
        else if (project.AssemblyName != expected)
        {
            string why = project.IsTestProject ? "the on-device test launcher loads the assembly NFUnitTest" : "it must match the project file's name";
            problems.Add(new ConsistencyProblem(projectName, "AssemblyName", $"AssemblyName is {project.AssemblyName}, expected {expected}: {why}"));
        }
    }

    private static void CheckTestProject(
        NanoProjectFile project,
        string projectName,
        string repoRoot,
        NanoManifest manifest,
        PackagesConfigFile? config,
        List<ConsistencyProblem> problems)
    {
        string? runSettings = project.RunSettingsFilePath;
        if (runSettings is null || !ExactPath.FromItem(runSettings).EndsWith(Path.DirectorySeparatorChar + RunSettingsFileName, StringComparison.Ordinal))
        {
            problems.Add(new ConsistencyProblem(projectName, "RunSettingsFilePath", $"test project must set RunSettingsFilePath to $(MSBuildProjectDirectory)\\{RunSettingsFileName}"));
        }

        string runSettingsFile = Path.Combine(project.Directory, RunSettingsFileName);
        if (ExactPath.Exists(runSettingsFile))
        {
            CheckRunSettings(runSettingsFile, ExactPath.Relative(repoRoot, runSettingsFile), problems);
        }
        else
        {
            problems.Add(new ConsistencyProblem(projectName, RunSettingsFileName, $"test project has no {RunSettingsFileName} beside it: the nanoFramework test adapter reads its settings there"));
        }

        bool hasTestFramework = config is not null && config.Entries.Any(e =>
            manifest.Packages.TryGetValue(e.Id, out PackagePin? pin) && pin.DevelopmentDependency && e.DevelopmentDependency);
        if (!hasTestFramework)
        {
            string configName = ExactPath.Relative(repoRoot, Path.Combine(project.Directory, "packages.config"));
            problems.Add(new ConsistencyProblem(configName, "nanoFramework.TestFramework", "test project must list the TestFramework package with developmentDependency=\"true\""));
        }
    }

    private static void CheckRunSettings(string path, string name, List<ConsistencyProblem> problems)
    {
        try
        {
            XElement root = XDocument.Load(path).Root!;
            if (root.Name.LocalName != "RunSettings")
            {
                problems.Add(new ConsistencyProblem(name, null, $"root element is <{root.Name.LocalName}>, expected <RunSettings>"));
            }
            else if (root.Element("nanoFrameworkAdapter") is null)
            {
                problems.Add(new ConsistencyProblem(name, null, "has no <nanoFrameworkAdapter> section: the nanoFramework test adapter reads its settings there"));
            }
        }
        catch (XmlException ex)
        {
            problems.Add(new ConsistencyProblem(name, null, $"not well-formed XML: {ex.Message}"));
        }
    }
}
