// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TinTin.Manifest.Consistency;

/// <summary>
/// A .nfproj lists its sources explicitly, while the host build globs the folder: both must see the
/// same files. Every .cs file under the project folder (except host/, bin/, obj/ and folders of
/// other projects) must be a Compile item, and every Compile item must exist with that exact case.
/// </summary>
public static class SourceListCheck
{
    /// <summary>Top-level folders of a component that the .nfproj does not compile.</summary>
    public static readonly string[] ExcludedFolders = { "host", "bin", "obj" };

    /// <summary>Compares the Compile items with the .cs files on disk.</summary>
    /// <param name="project">The parsed project.</param>
    /// <param name="repoRoot">The repository root, for relative names in messages.</param>
    /// <returns>The problems found.</returns>
    public static IReadOnlyList<ConsistencyProblem> Check(NanoProjectFile project, string repoRoot)
    {
        var problems = new List<ConsistencyProblem>();
        string file = ExactPath.Relative(repoRoot, project.FullPath);

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (string item in project.CompileItems)
        {
            if (item.Contains('*') || item.Contains('?'))
            {
                problems.Add(new ConsistencyProblem(file, item, "wildcards are not allowed: list each .cs file as its own Compile item"));
                continue;
            }

            string relative = ExactPath.Relative(project.Directory, Path.GetFullPath(Path.Combine(project.Directory, ExactPath.FromItem(item))));
            if (!listed.Add(relative))
            {
                problems.Add(new ConsistencyProblem(file, item, "Compile item is listed twice"));
                continue;
            }

            if (!ExactPath.Exists(Path.Combine(project.Directory, ExactPath.FromItem(item))))
            {
                problems.Add(new ConsistencyProblem(file, item, "Compile item does not exist on disk (names are case-sensitive)"));
            }
        }

        foreach (string source in SourceFiles(project.Directory))
        {
            string relative = ExactPath.Relative(project.Directory, source);
            if (!listed.Contains(relative))
            {
                string include = relative.Replace('/', '\\');
                problems.Add(new ConsistencyProblem(file, include, $"source file is not a Compile item: add <Compile Include=\"{include}\" />"));
            }
        }

        return problems;
    }

    /// <summary>The .cs files the project is expected to compile.</summary>
    /// <param name="projectDirectory">The .nfproj's folder.</param>
    /// <returns>Full paths, sorted.</returns>
    public static IReadOnlyList<string> SourceFiles(string projectDirectory)
    {
        var files = new List<string>();
        Collect(projectDirectory, projectDirectory, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Collect(string projectDirectory, string directory, List<string> files)
    {
        files.AddRange(Directory.EnumerateFiles(directory, "*.cs").Where(f => f.EndsWith(".cs", StringComparison.Ordinal)));
        foreach (string child in Directory.EnumerateDirectories(directory))
        {
            bool topLevelExcluded = directory == projectDirectory && ExcludedFolders.Contains(Path.GetFileName(child));
            bool otherProject = Directory.EnumerateFiles(child, "*.nfproj").Any();
            if (!topLevelExcluded && !otherProject)
            {
                Collect(projectDirectory, child, files);
            }
        }
    }
}
