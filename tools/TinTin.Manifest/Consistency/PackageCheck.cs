// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TinTin.Manifest.Consistency;

/// <summary>
/// packages.config against the manifest, and the .nfproj's Reference items against packages.config:
/// versions agree with nanoFramework.json; each HintPath points at <c>packages\id.version\lib\Assembly.dll</c>
/// of a listed package, with the package's assembly version; and each listed package is either
/// referenced or a (transitive) nuspec dependency of a referenced one, with every dependency listed.
/// </summary>
public static partial class PackageCheck
{
    /// <summary>The target framework moniker nanoFramework packages.config entries carry.</summary>
    public const string NanoTargetFramework = "netnano1.0";

    /// <summary>Checks one project's packages.config and Reference items.</summary>
    /// <param name="project">The parsed project.</param>
    /// <param name="config">Its packages.config, or null when the file is missing.</param>
    /// <param name="manifest">The validated manifest.</param>
    /// <param name="repoRoot">The repository root (HintPaths must lead to its packages folder).</param>
    /// <returns>The problems found.</returns>
    public static IReadOnlyList<ConsistencyProblem> Check(NanoProjectFile project, PackagesConfigFile? config, NanoManifest manifest, string repoRoot)
    {
        var problems = new List<ConsistencyProblem>();
        string projectName = ExactPath.Relative(repoRoot, project.FullPath);
        string configName = ExactPath.Relative(repoRoot, Path.Combine(project.Directory, "packages.config"));
        if (config is null)
        {
            problems.Add(new ConsistencyProblem(configName, null, "packages.config is missing: every nanoFramework project needs at least nanoFramework.CoreLibrary"));
            return problems;
        }

        Dictionary<string, PackageEntry> entries = CheckEntries(config, manifest, configName, problems);
        HashSet<string> referenced = CheckReferences(project, entries, manifest, repoRoot, projectName, problems);
        CheckDependencies(entries, referenced, manifest, configName, problems);
        return problems;
    }

    private static Dictionary<string, PackageEntry> CheckEntries(PackagesConfigFile config, NanoManifest manifest, string configName, List<ConsistencyProblem> problems)
    {
        var entries = new Dictionary<string, PackageEntry>(StringComparer.Ordinal);
        foreach (PackageEntry entry in config.Entries)
        {
            if (!entries.TryAdd(entry.Id, entry))
            {
                problems.Add(new ConsistencyProblem(configName, entry.Id, "package is listed twice"));
                continue;
            }

            if (entry.TargetFramework != NanoTargetFramework)
            {
                problems.Add(new ConsistencyProblem(configName, entry.Id, $"targetFramework is '{entry.TargetFramework}', expected '{NanoTargetFramework}'"));
            }

            if (!manifest.Packages.TryGetValue(entry.Id, out PackagePin? pin))
            {
                problems.Add(new ConsistencyProblem(configName, entry.Id, $"package is not pinned in {ManifestLoader.FileName}: add it to packages there"));
                continue;
            }

            if (entry.Version != pin.Version)
            {
                problems.Add(new ConsistencyProblem(configName, entry.Id, $"version {entry.Version} disagrees with {ManifestLoader.FileName}, which pins {pin.Version}"));
            }

            if (entry.DevelopmentDependency != pin.DevelopmentDependency)
            {
                string expected = pin.DevelopmentDependency ? "must be marked developmentDependency=\"true\"" : "must not be marked developmentDependency";
                problems.Add(new ConsistencyProblem(configName, entry.Id, $"{expected} (as in {ManifestLoader.FileName})"));
            }
        }

        return entries;
    }

    private static HashSet<string> CheckReferences(
        NanoProjectFile project,
        Dictionary<string, PackageEntry> entries,
        NanoManifest manifest,
        string repoRoot,
        string projectName,
        List<ConsistencyProblem> problems)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        string packagesFolder = Path.GetFullPath(Path.Combine(repoRoot, "packages"));
        foreach (NanoReference reference in project.References)
        {
            string item = reference.Name;
            if (reference.HintPath is null)
            {
                problems.Add(new ConsistencyProblem(projectName, item, "Reference has no HintPath: nanoFramework references point into packages\\<id>.<version>\\lib"));
                continue;
            }

            Match match = HintPathShape().Match(reference.HintPath.Replace('\\', '/'));
            if (!match.Success)
            {
                problems.Add(new ConsistencyProblem(projectName, item, $"HintPath '{reference.HintPath}' is not of the form ..\\packages\\<id>.<version>\\lib\\<assembly>.dll"));
                continue;
            }

            string hintPackages = Path.GetFullPath(Path.Combine(project.Directory, ExactPath.FromItem(match.Groups["up"].Value + "packages")));
            if (hintPackages != packagesFolder)
            {
                problems.Add(new ConsistencyProblem(projectName, item, $"HintPath '{reference.HintPath}' leads to {hintPackages}, not to the repository's packages folder {packagesFolder}"));
            }

            string folder = match.Groups["folder"].Value;
            PackageEntry? entry = entries.Values.FirstOrDefault(e => e.FolderName == folder);
            if (entry is null)
            {
                PackageEntry? sameId = entries.Values.FirstOrDefault(e => folder.StartsWith(e.Id + ".", StringComparison.Ordinal) && VersionText.IsNumeric(folder[(e.Id.Length + 1)..], 1, 4));
                string message = sameId is null
                    ? $"HintPath package folder '{folder}' matches no packages.config entry (<id>.<version>)"
                    : $"HintPath uses {sameId.Id} version {folder[(sameId.Id.Length + 1)..]} but packages.config has {sameId.Version}";
                problems.Add(new ConsistencyProblem(projectName, item, message));
                continue;
            }

            referenced.Add(entry.Id);
            string file = match.Groups["file"].Value;
            string fileStem = Path.GetFileNameWithoutExtension(file);
            if (fileStem != reference.Name)
            {
                problems.Add(new ConsistencyProblem(projectName, item, $"Reference name '{reference.Name}' does not match the HintPath file '{file}'"));
            }

            if (!manifest.Packages.TryGetValue(entry.Id, out PackagePin? pin))
            {
                continue; // reported against packages.config already
            }

            if (!pin.Assemblies.Contains(reference.Name))
            {
                problems.Add(new ConsistencyProblem(projectName, item, $"{entry.Id} ships no assembly '{reference.Name}' (per {ManifestLoader.FileName}: {string.Join(", ", pin.Assemblies)})"));
            }

            string expectedVersion = VersionText.ToAssemblyVersion(entry.Version);
            if (reference.Version is null)
            {
                problems.Add(new ConsistencyProblem(projectName, item, $"Reference has no Version= (expected Version={expectedVersion})"));
            }
            else if (reference.Version != expectedVersion)
            {
                problems.Add(new ConsistencyProblem(projectName, item, $"Reference Version={reference.Version} but {entry.Id} {entry.Version} ships assembly version {expectedVersion}"));
            }
        }

        return referenced;
    }

    private static void CheckDependencies(
        Dictionary<string, PackageEntry> entries,
        HashSet<string> referenced,
        NanoManifest manifest,
        string configName,
        List<ConsistencyProblem> problems)
    {
        foreach (PackageEntry entry in entries.Values)
        {
            if (!manifest.Packages.TryGetValue(entry.Id, out PackagePin? pin))
            {
                continue;
            }

            foreach ((string dependencyId, string minimum) in pin.Dependencies)
            {
                if (!entries.TryGetValue(dependencyId, out PackageEntry? dependency))
                {
                    problems.Add(new ConsistencyProblem(configName, entry.Id, $"depends on {dependencyId} >= {minimum}, which packages.config does not list"));
                }
                else if (VersionText.IsNumeric(dependency.Version, 1, 4) && VersionText.Compare(dependency.Version, minimum) < 0)
                {
                    problems.Add(new ConsistencyProblem(configName, entry.Id, $"depends on {dependencyId} >= {minimum}, but packages.config has {dependency.Version}"));
                }
            }
        }

        HashSet<string> needed = DependencyClosure(referenced, manifest);
        foreach (PackageEntry entry in entries.Values.Where(e => !needed.Contains(e.Id)))
        {
            problems.Add(new ConsistencyProblem(configName, entry.Id, "package is neither referenced by a <Reference> HintPath nor a dependency of a referenced package: remove it or reference it"));
        }
    }

    private static HashSet<string> DependencyClosure(IEnumerable<string> roots, NanoManifest manifest)
    {
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.Count > 0)
        {
            string id = pending.Pop();
            if (closure.Add(id) && manifest.Packages.TryGetValue(id, out PackagePin? pin))
            {
                foreach (string dependency in pin.Dependencies.Keys)
                {
                    pending.Push(dependency);
                }
            }
        }

        return closure;
    }

    [GeneratedRegex("^(?<up>(\\.\\./)*)packages/(?<folder>[^/]+)/lib/(?<file>[^/]+\\.(dll|exe))$")]
    private static partial Regex HintPathShape();
}
