using System;
using System.Collections.Generic;
using System.Linq;
using NanoGate.Compilation;
using NanoGate.Metadata;
using NanoGate.Surface;

namespace TinTin.Tests.Gate;

/// <summary>Compiles snippets the way the gate compiles a .nfproj (the surface is compiled once per run).</summary>
public static class GateFixture
{
    private static readonly Lazy<ReferenceSurface> s_surface = new(() => new ReferenceSurface(RepoPaths.Surface));

    public static ReferenceSurface Surface => s_surface.Value;

    public static CompileResult Compile(string source, params string[] references) =>
        new NanoCompiler(Surface).Compile("Planted", new[] { ("Planted.cs", source) }, new[] { "mscorlib" }.Concat(references));

    /// <summary>Compiles (which must succeed) and runs the metadata check.</summary>
    public static IReadOnlyList<Violation> Violations(string source, bool integerOnly, params string[] references)
    {
        var result = Compile(source, references);
        Assert.True(result.Success, "planted source should compile:\n" + string.Join("\n", result.Errors));
        return MetadataChecker.Check(result.Image!, integerOnly);
    }
}
