using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NanoGate.Surface;

namespace NanoGate.Compilation;

/// <summary>The outcome of compiling sources as nanoFramework would.</summary>
public sealed record CompileResult(string AssemblyName, IReadOnlyList<CompileError> Errors, byte[]? Image)
{
    public bool Success => Errors.Count == 0 && Image is not null;
}

/// <summary>A compile error: the compiler's id (CS0117, ...) and its full text with file and line.</summary>
public sealed record CompileError(string Id, string Text)
{
    public static CompileError From(Diagnostic d) => new(d.Id, d.ToString());

    public override string ToString() => Text;
}

/// <summary>
/// Compiles C# the way a .nfproj does: C# 9 (the nanoFramework project system's default), no
/// standard library, and only the nanoFramework assemblies the project references, here as
/// declarations-only stubs. An API missing on nanoFramework is a compile error.
/// </summary>
public sealed class NanoCompiler
{
    /// <summary>References that are tools, not APIs code compiles against (the on-device test launcher).</summary>
    public static readonly IReadOnlySet<string> ToolReferences = new HashSet<string>(StringComparer.Ordinal) { "nanoFramework.UnitTestLauncher" };

    private readonly ReferenceSurface _surface;

    public NanoCompiler(ReferenceSurface surface) => _surface = surface;

    /// <param name="assemblyName">Name of the assembly to produce.</param>
    /// <param name="sources">(path, text) of every source file.</param>
    /// <param name="references">Simple names of referenced nanoFramework assemblies, as a .nfproj lists them.</param>
    /// <param name="projectReferences">Images of referenced projects compiled by the gate.</param>
    /// <param name="defines">Preprocessor symbols (DEBUG, TRACE, ...).</param>
    /// <param name="exe">Whether this is an application (needs a Main).</param>
    /// <param name="langVersion">C# version, "9.0" unless the project says otherwise.</param>
    /// <param name="optimize">Whether to optimize, as a Release build does (Roslyn then keeps locals on the stack and uses dup).</param>
    public CompileResult Compile(
        string assemblyName,
        IEnumerable<(string Path, string Text)> sources,
        IEnumerable<string> references,
        IEnumerable<byte[]>? projectReferences = null,
        IEnumerable<string>? defines = null,
        bool exe = false,
        string langVersion = "9.0",
        bool optimize = false)
    {
        var errors = new List<CompileError>();
        var metadata = new List<MetadataReference>();
        foreach (var name in references.Distinct())
        {
            if (ToolReferences.Contains(name))
            {
                continue;
            }

            if (!_surface.Has(name))
            {
                errors.Add(new CompileError("NANO001", $"{assemblyName}: references '{name}', for which the gate has no nanoFramework API surface (add its listing to ../shared/nanoframework-api and run `nanogate surface generate`)"));
                continue;
            }

            metadata.Add(_surface.Reference(name));
        }

        metadata.AddRange((projectReferences ?? Array.Empty<byte[]>()).Select(image => MetadataReference.CreateFromImage(image)));

        var compilation = CreateCompilation(assemblyName, sources, metadata, defines, exe, langVersion, optimize);

        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe);
        errors.AddRange(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(CompileError.From));
        errors.AddRange(MathOverloadCheck.Find(compilation));
        return new CompileResult(assemblyName, errors, emit.Success && errors.Count == 0 ? pe.ToArray() : null);
    }

    /// <summary>
    /// The compilation a .nfproj makes, whatever it references: C# at the project's version, its
    /// preprocessor symbols, no nullable context, deterministic, optimised for Release. The gate
    /// (against the API stubs) and the device builder (against the real assemblies) both use it.
    /// </summary>
    /// <param name="assemblyName">Name of the assembly to produce.</param>
    /// <param name="sources">(path, text) of every source file.</param>
    /// <param name="references">The assemblies compiled against.</param>
    /// <param name="defines">Preprocessor symbols.</param>
    /// <param name="exe">Whether this is an application (needs a Main).</param>
    /// <param name="langVersion">C# version, e.g. "9.0".</param>
    /// <param name="optimize">Whether to optimize, as a Release build does.</param>
    /// <returns>The compilation, not yet emitted.</returns>
    /// <exception cref="InvalidDataException">The language version is unknown.</exception>
    public static CSharpCompilation CreateCompilation(
        string assemblyName,
        IEnumerable<(string Path, string Text)> sources,
        IEnumerable<MetadataReference> references,
        IEnumerable<string>? defines,
        bool exe,
        string langVersion,
        bool optimize)
    {
        if (!LanguageVersionFacts.TryParse(langVersion, out var version))
        {
            throw new InvalidDataException($"{assemblyName}: unknown LangVersion '{langVersion}'");
        }

        var parse = new CSharpParseOptions(version, preprocessorSymbols: defines ?? Array.Empty<string>());
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)).ToList();
        var options = new CSharpCompilationOptions(
            exe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Disable,
            optimizationLevel: optimize ? OptimizationLevel.Release : OptimizationLevel.Debug,
            deterministic: true);
        return CSharpCompilation.Create(assemblyName, trees, references, options);
    }
}
