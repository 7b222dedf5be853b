// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TinTin.TestLauncher.Tests;

/// <summary>
/// Compiles planted on-device test sources into their own in-memory assembly, the way the tests/NFUnitTest* projects are
/// built for the host: C# 9, nullable off, against the shim (nanoFramework.TestFramework).
/// </summary>
internal static class Planted
{
    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Append(typeof(nanoFramework.TestFramework.Assert).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private const string Usings = "using System;\nusing nanoFramework.TestFramework;\n";

    /// <summary>Compiles <paramref name="source"/> (usings for System and the test framework are added).</summary>
    public static Assembly Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Planted" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.CSharp9)) },
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        IEnumerable<Diagnostic> errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("Planted source does not compile:\n" + string.Join("\n", errors));
        }

        return Assembly.Load(image.ToArray());
    }

    /// <summary>Compiles and discovers; the launcher session over the planted assembly.</summary>
    public static LauncherSession Session(string source) => new(Compile(source));

    /// <summary>Compiles, runs every class, and returns the results by case name.</summary>
    public static Dictionary<string, TestResult> Run(string source, out LauncherSession session)
    {
        session = Session(source);
        return session.RunAll().ToDictionary(r => r.Name);
    }

    /// <summary>Reads a public static string field of a planted type (the planted tests' call log).</summary>
    public static string? StaticString(LauncherSession session, string typeName, string field) =>
        (string?)session.Plans.Single(p => p.Type.Name == typeName).Type.GetField(field)!.GetValue(null);
}
