// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TinTin.Manifest.Consistency;

/// <summary>A solution filter (.slnf): the solution it filters and the projects it keeps.</summary>
public sealed class SolutionFilterFile
{
    private SolutionFilterFile(string path, string? solutionPath, IReadOnlyList<string> projects)
    {
        FullPath = path;
        SolutionPath = solutionPath;
        Projects = projects;
    }

    /// <summary>Full path of the .slnf.</summary>
    public string FullPath { get; }

    /// <summary><c>solution.path</c> as written (relative to the .slnf), or null when it is missing.</summary>
    public string? SolutionPath { get; }

    /// <summary><c>solution.projects</c> as written (relative to the solution, usually backslashes), in file order.</summary>
    public IReadOnlyList<string> Projects { get; }

    /// <summary>Reads a .slnf.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The parsed filter.</returns>
    /// <exception cref="JsonException">The file is not JSON, or <c>solution</c> or <c>projects</c> has the wrong shape.</exception>
    public static SolutionFilterFile Load(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("solution", out JsonElement solution)
            || solution.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("expected an object with a \"solution\" object");
        }

        string? solutionPath = solution.TryGetProperty("path", out JsonElement pathElement) && pathElement.ValueKind == JsonValueKind.String
            ? pathElement.GetString()
            : null;
        if (!solution.TryGetProperty("projects", out JsonElement projects) || projects.ValueKind != JsonValueKind.Array
            || projects.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
        {
            throw new JsonException("expected \"solution.projects\" to be an array of strings");
        }

        return new SolutionFilterFile(Path.GetFullPath(path), solutionPath, projects.EnumerateArray().Select(p => p.GetString()!).ToList());
    }
}
