using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NanoGate.Compilation;
using NanoGate.Metadata;
using NanoGate.Projects;
using NanoGate.Surface;

namespace NanoGate;

/// <summary>The gate's verdict on one project in one configuration.</summary>
public sealed record ProjectReport(NfProject Project, string Configuration, IReadOnlyList<CompileError> Errors, IReadOnlyList<Violation> Violations)
{
    public bool Passed => Errors.Count == 0 && Violations.Count == 0;

    public IEnumerable<string> Lines()
    {
        yield return $"{(Passed ? "PASS" : "FAIL")} {Project.AssemblyName} [{Configuration}] {Project.Path}";
        foreach (var e in Errors)
        {
            yield return "  " + e;
        }

        foreach (var v in Violations)
        {
            yield return "  " + v;
        }
    }
}

/// <summary>
/// Runs every .nfproj through the nanoFramework compile and the metadata check, in build order,
/// in the two configurations the project system defines (Debug: DEBUG;TRACE, unoptimized; Release: TRACE, optimized).
/// </summary>
public sealed class CompatibilityGate
{
    public static readonly IReadOnlyDictionary<string, string[]> Configurations = new Dictionary<string, string[]>
    {
        ["Debug"] = new[] { "DEBUG", "TRACE" },
        ["Release"] = new[] { "TRACE" },
    };

    private readonly NanoCompiler _compiler;

    public CompatibilityGate(ReferenceSurface surface) => _compiler = new NanoCompiler(surface);

    /// <summary>The surface shipped in the repository, tools/NanoSurface.</summary>
    public static CompatibilityGate ForRepository(string repoRoot) => new(new ReferenceSurface(Path.Combine(repoRoot, "tools", "NanoSurface")));

    public IReadOnlyList<ProjectReport> CheckAll(IReadOnlyList<NfProject> projects)
    {
        var reports = new List<ProjectReport>();
        foreach (var (configuration, defines) in Configurations)
        {
            var images = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
            foreach (var project in NfProject.InBuildOrder(projects))
            {
                var report = Check(project, configuration, defines, images);
                reports.Add(report);
            }
        }

        return reports;
    }

    /// <summary>Checks one project; <paramref name="images"/> holds already compiled referenced projects.</summary>
    public ProjectReport Check(NfProject project, string configuration, IEnumerable<string> defines, IDictionary<string, byte[]?> images)
    {
        var errors = new List<CompileError>();
        var sources = new List<(string, string)>();
        foreach (var file in project.CompileItems)
        {
            if (File.Exists(file))
            {
                sources.Add((file, File.ReadAllText(file)));
            }
            else
            {
                errors.Add(new CompileError("NANO002", $"{project.Path}: Compile item {file} does not exist"));
            }
        }

        var projectImages = new List<byte[]>();
        foreach (var reference in project.ProjectReferences)
        {
            if (images.TryGetValue(reference, out var image) && image is not null)
            {
                projectImages.Add(image);
            }
            else
            {
                errors.Add(new CompileError("NANO003", $"{project.Path}: referenced project {reference} did not compile"));
            }
        }

        var result = _compiler.Compile(project.AssemblyName, sources, project.References, projectImages,
            defines.Concat(project.DefineConstants), project.IsExe, project.LangVersion, optimize: configuration == "Release");
        errors.AddRange(result.Errors);
        images[project.Path] = errors.Count == 0 ? result.Image : null;
        var violations = result.Image is null ? Array.Empty<Violation>() : MetadataChecker.Check(result.Image, project.IntegerOnly);
        return new ProjectReport(project, configuration, errors, violations);
    }
}
