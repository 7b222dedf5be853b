using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using NanoGate.Compilation;
using NanoGate.Projects;
using NanoGate.Surface;

namespace NanoGate.Interpreter;

/// <summary>One device assembly built for nanoFramework: its IL, its PE image and its table sizes.</summary>
/// <param name="Name">Assembly name.</param>
/// <param name="Configuration">Debug or Release.</param>
/// <param name="Dll">The IL assembly.</param>
/// <param name="Pe">The nanoFramework PE image the interpreter loads.</param>
/// <param name="Sizes">Byte code, string and signature table sizes of the PE image.</param>
/// <param name="Packages">Upstream nanoFramework assemblies it needs at run time (transitively), in load order.</param>
/// <param name="Projects">Device assemblies of this repository it needs (transitively), in load order.</param>
/// <param name="MissingPackages">Referenced assemblies the toolchain has no PE for: compiled against the gate's stubs, so the image is measured but cannot run.</param>
public sealed record DeviceAssembly(
    string Name,
    string Configuration,
    string Dll,
    string Pe,
    PeTableSizes Sizes,
    IReadOnlyList<string> Packages,
    IReadOnlyList<DeviceAssembly> Projects,
    IReadOnlyList<string> MissingPackages)
{
    public bool Runnable => MissingPackages.Count == 0 && Projects.All(p => p.Runnable);
}

/// <summary>A device project that did not build: the compiler's or the metadata processor's messages.</summary>
public sealed class DeviceBuildException : Exception
{
    public DeviceBuildException(string message) : base(message)
    {
    }
}

/// <summary>
/// Builds a .nfproj the way Visual Studio does for a board, with the real toolchain: C# 9 through
/// Roslyn against the upstream nanoFramework assemblies (optimised in Release, DEBUG;TRACE and no
/// optimisation in Debug), then the metadata processor to a PE image. Referenced .nfproj are built
/// first. Results are cached by content (sources, references, configuration) in the temporary
/// folder, so test processes running side by side share one build.
/// </summary>
public sealed class DeviceBuilder
{
    private readonly NanoClrToolchain _toolchain;
    private readonly ReferenceSurface _surface;
    private readonly string _cacheRoot;
    private readonly Dictionary<string, DeviceAssembly> _built = new(StringComparer.Ordinal);

    public DeviceBuilder(NanoClrToolchain toolchain, ReferenceSurface surface, string? cacheRoot = null)
    {
        _toolchain = toolchain;
        _surface = surface;
        _cacheRoot = cacheRoot ?? Path.Combine(Path.GetTempPath(), "tintin-nanoclr-build");
    }

    /// <summary>The repository's builder: the toolchain beside it and the gate's surface for packages the toolchain lacks.</summary>
    public static DeviceBuilder? ForRepository(string repoRoot, out string missing)
    {
        var toolchain = NanoClrToolchain.Find(repoRoot, out missing);
        return toolchain is null ? null : new DeviceBuilder(toolchain, new ReferenceSurface(Path.Combine(repoRoot, "tools", "NanoSurface")));
    }

    public NanoClrToolchain Toolchain => _toolchain;

    /// <summary>Builds a project (and what it references) in one configuration.</summary>
    public DeviceAssembly Build(string nfprojPath, string configuration) =>
        Build(nfprojPath, configuration, NeedsStubs(NfProject.Load(nfprojPath)));

    // A project that needs an assembly the toolchain lacks is compiled, with everything it references,
    // against the gate's stubs (which reference each other, not the real mscorlib): measured, not run.
    private DeviceAssembly Build(string nfprojPath, string configuration, bool stubs)
    {
        if (!CompatibilityGate.Configurations.TryGetValue(configuration, out var defines))
        {
            throw new ArgumentException($"unknown configuration '{configuration}' (Debug or Release)", nameof(configuration));
        }

        var key = Path.GetFullPath(nfprojPath) + "|" + configuration + "|" + stubs;
        lock (_built)
        {
            if (_built.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var project = NfProject.Load(nfprojPath);
        var projects = project.ProjectReferences.Select(r => Build(r, configuration, stubs)).ToList();
        var result = BuildOne(project, configuration, defines, projects, stubs);
        lock (_built)
        {
            _built[key] = result;
        }

        return result;
    }

    private bool NeedsStubs(NfProject project) =>
        project.References.Any(r => !NanoCompiler.ToolReferences.Contains(r) && (_toolchain.PeImage(r) is null || _toolchain.ReferenceAssembly(r) is null)) ||
        project.ProjectReferences.Any(r => NeedsStubs(NfProject.Load(r)));

    private DeviceAssembly BuildOne(NfProject project, string configuration, string[] defines, IReadOnlyList<DeviceAssembly> projects, bool stubs)
    {
        // Upstream assemblies: the real ones where the toolchain has them, the gate's stubs otherwise.
        var upstream = new List<string>();
        foreach (var name in project.References.Concat(projects.SelectMany(p => p.Packages)).Distinct(StringComparer.Ordinal))
        {
            foreach (var dependency in _surface.Has(name) ? _surface.Closure(name) : new[] { name })
            {
                if (!upstream.Contains(dependency))
                {
                    upstream.Add(dependency);
                }
            }
        }

        upstream = LoadOrder(upstream);
        var missing = upstream.Where(n => _toolchain.PeImage(n) is null && !NanoCompiler.ToolReferences.Contains(n)).ToList();
        var sources = project.CompileItems.Select(f => File.Exists(f) ? (Path: f, Text: File.ReadAllText(f))
            : throw new DeviceBuildException($"{project.Path}: Compile item {f} does not exist")).ToList();

        var hash = new StringBuilder().Append(project.AssemblyName).Append('|').Append(configuration).Append('|').Append(project.IsExe)
            .Append('|').Append(string.Join(";", defines.Concat(project.DefineConstants)));
        foreach (var (path, text) in sources)
        {
            hash.Append('|').Append(Path.GetFileName(path)).Append('|').Append(text);
        }

        foreach (var p in projects)
        {
            hash.Append('|').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p.Dll))));
        }

        hash.Append('|').Append(string.Join(";", upstream)).Append('|').Append(string.Join(";", missing)).Append('|').Append(stubs).Append('|').Append(_toolchain.Root);
        var dir = Path.Combine(_cacheRoot, project.AssemblyName + "-" + configuration + "-" +
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString()))).Substring(0, 16));
        var dll = Path.Combine(dir, project.AssemblyName + (project.IsExe ? ".exe" : ".dll"));
        var pe = Path.Combine(dir, project.AssemblyName + ".pe");
        if (!File.Exists(pe))
        {
            var staging = dir + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Directory.CreateDirectory(staging);
            try
            {
                var hints = new List<(string Name, string Path)>();
                foreach (var name in upstream)
                {
                    var real = stubs ? null : _toolchain.ReferenceAssembly(name);
                    if (real is null)
                    {
                        real = Path.Combine(staging, "stubs", name + ".dll");
                        Directory.CreateDirectory(Path.GetDirectoryName(real)!);
                        File.WriteAllBytes(real, _surface.Image(name));
                    }

                    hints.Add((name, real));
                }

                hints.AddRange(AllProjects(projects).Select(p => (p.Name, p.Dll)));
                var stagedDll = Path.Combine(staging, Path.GetFileName(dll));
                Compile(project, configuration, defines, sources, hints, stagedDll);
                ConvertToPe(hints, stagedDll, Path.Combine(staging, Path.GetFileName(pe)));
                try
                {
                    Directory.Move(staging, dir);
                }
                catch (IOException) when (File.Exists(pe))
                {
                    // Another process built the same content first: use its copy.
                }
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }

        // Built against stubs, an image cannot run even if its own packages are all in the toolchain.
        var notRunnable = stubs && missing.Count == 0 ? new List<string> { "(built against the gate's stubs)" } : missing;
        return new DeviceAssembly(project.AssemblyName, configuration, dll, pe, PeTableSizes.Read(pe),
            upstream.Where(n => !NanoCompiler.ToolReferences.Contains(n)).ToList(), AllProjects(projects), notRunnable);
    }

    private static void Compile(NfProject project, string configuration, string[] defines, List<(string Path, string Text)> sources,
        List<(string Name, string Path)> references, string output)
    {
        var compilation = NanoCompiler.CreateCompilation(project.AssemblyName, sources,
            references.Where(r => !NanoCompiler.ToolReferences.Contains(r.Name)).Select(r => MetadataReference.CreateFromFile(r.Path)),
            defines.Concat(project.DefineConstants), project.IsExe, project.LangVersion, configuration == "Release");
        using var stream = File.Create(output);
        var emit = compilation.Emit(stream, options: new EmitOptions(runtimeMetadataVersion: "v4.0.30319"));
        if (!emit.Success)
        {
            throw new DeviceBuildException($"{project.AssemblyName} [{configuration}] does not compile against the nanoFramework assemblies:\n  " +
                string.Join("\n  ", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }
    }

    private void ConvertToPe(List<(string Name, string Path)> hints, string dll, string pe)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_toolchain.MetadataProcessor);
        foreach (var (name, path) in hints)
        {
            start.ArgumentList.Add("-loadHints");
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(path);
        }

        foreach (var a in new[] { "-parse", dll, "-compile", pe, "false" })
        {
            start.ArgumentList.Add(a);
        }

        var (status, output) = ProcessRunner.Run(start, TimeSpan.FromMinutes(3));
        // The processor prints a banner; a problem shows as a non-zero status or as one of these words.
        var lines = output.Split('\n');
        var problem = lines.FirstOrDefault(l => l.Contains("overflow", StringComparison.OrdinalIgnoreCase)) ?? lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) ||
            l.Contains("exception", StringComparison.OrdinalIgnoreCase) || l.Contains("unable", StringComparison.OrdinalIgnoreCase) ||
            l.Contains("overflow", StringComparison.OrdinalIgnoreCase));
        if (status != 0 || problem is not null || !File.Exists(pe))
        {
            throw new DeviceBuildException($"{Path.GetFileName(dll)}: the metadata processor failed (exit {status}): {problem?.Trim() ?? output.Trim()}");
        }
    }

    private static List<DeviceAssembly> AllProjects(IEnumerable<DeviceAssembly> projects)
    {
        var result = new List<DeviceAssembly>();
        foreach (var p in projects)
        {
            foreach (var inner in p.Projects.Append(p))
            {
                if (!result.Any(r => r.Name == inner.Name))
                {
                    result.Add(inner);
                }
            }
        }

        return result;
    }

    /// <summary>Upstream assemblies in the order the interpreter must load them: each after what it references.</summary>
    private List<string> LoadOrder(List<string> names)
    {
        var ordered = new List<string>();
        void Visit(string name)
        {
            if (ordered.Contains(name))
            {
                return;
            }

            if (_surface.Has(name))
            {
                foreach (var r in _surface.Manifest.Find(name)!.References.Where(names.Contains))
                {
                    Visit(r);
                }
            }

            ordered.Add(name);
        }

        foreach (var n in names.OrderBy(n => n == "mscorlib" ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal))
        {
            Visit(n);
        }

        return ordered;
    }
}
