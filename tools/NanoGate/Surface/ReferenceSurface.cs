using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NanoGate.Surface;

/// <summary>
/// The declarations-only reference assemblies of the nanoFramework API, compiled on demand from
/// tools/NanoSurface with Roslyn (no standard library: the mscorlib stub is the core library).
/// </summary>
public sealed class ReferenceSurface
{
    private readonly ConcurrentDictionary<string, Lazy<(CSharpCompilation Compilation, MetadataReference Reference, byte[] Image)>> _compiled = new(StringComparer.Ordinal);

    public ReferenceSurface(string surfaceDir)
    {
        Directory = Path.GetFullPath(surfaceDir);
        Manifest = SurfaceManifest.Load(Directory);
    }

    public string Directory { get; }

    public SurfaceManifest Manifest { get; }

    /// <summary>True if a stub exists for this assembly name.</summary>
    public bool Has(string assemblyName) => Manifest.Find(assemblyName) is not null;

    /// <summary>The compiled stub as a metadata reference.</summary>
    public MetadataReference Reference(string assemblyName) => Compile(assemblyName).Reference;

    /// <summary>The compiled stub's image (metadata only), e.g. to give the metadata processor as a load hint.</summary>
    public byte[] Image(string assemblyName) => Compile(assemblyName).Image;

    /// <summary>The Roslyn compilation of a stub (for symbol-level checks).</summary>
    public CSharpCompilation Compilation(string assemblyName) => Compile(assemblyName).Compilation;

    /// <summary>The stub and every stub it references, transitively, mscorlib included.</summary>
    public IReadOnlyList<string> Closure(string assemblyName)
    {
        var result = new List<string>();
        void Visit(string name)
        {
            if (result.Contains(name))
            {
                return;
            }

            var entry = Manifest.Find(name) ?? throw new InvalidOperationException($"no nanoFramework surface for assembly '{name}'");
            result.Add(name);
            foreach (var r in entry.References)
            {
                Visit(r);
            }
        }

        Visit(assemblyName);
        return result;
    }

    private (CSharpCompilation Compilation, MetadataReference Reference, byte[] Image) Compile(string assemblyName) =>
        _compiled.GetOrAdd(assemblyName, name => new Lazy<(CSharpCompilation, MetadataReference, byte[])>(() => Build(name))).Value;

    private (CSharpCompilation, MetadataReference, byte[]) Build(string assemblyName)
    {
        var entry = Manifest.Find(assemblyName) ?? throw new InvalidOperationException($"no nanoFramework surface for assembly '{assemblyName}'");
        var path = Path.Combine(Directory, entry.Source);
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.CSharp9), path);
        var references = entry.References.Select(Reference).ToList();
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { tree },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable)
                .WithAllowUnsafe(true));

        using var pe = new MemoryStream();
        var result = compilation.Emit(pe, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(metadataOnly: true));
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(30).Select(d => d.ToString());
            throw new InvalidOperationException($"the reference surface of {assemblyName} does not compile:\n  " + string.Join("\n  ", errors));
        }

        var image = pe.ToArray();
        return (compilation, MetadataReference.CreateFromImage(image), image);
    }
}
