// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Mono.Cecil;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost;

/// <summary>
/// Rewrites a compiled assembly so that running it adds, to <see cref="CostCounter.Total"/>, the
/// estimated interpreter instructions (<see cref="InterpreterCostTable"/>) of every basic block it
/// enters; with <see cref="InstrumentationOptions.PerMethod"/>, also to the block's method's slot of
/// <see cref="CostCounter.PerMethod"/> (see <see cref="CostProfile"/>).
/// </summary>
public static class Instrumenter
{
    /// <summary>The simple name of the assembly that holds <see cref="CostCounter"/>.</summary>
    public static readonly string RuntimeAssemblyName = typeof(CostCounter).Assembly.GetName().Name!;

    /// <summary>The key of the <see cref="AssemblyMetadataAttribute"/> that marks an instrumented assembly.</summary>
    public const string MarkerKey = "TinTin.IlCost.Instrumented";

    /// <summary>
    /// The name of the class (global namespace, internal) that a module instrumented with
    /// <see cref="InstrumentationOptions.PerMethod"/> gets: its <c>static readonly int Base</c> is the id
    /// (<see cref="MethodRegistry"/>) of the module's first method, set when a probe first reads it, and its
    /// <c>const int Count</c> the number of the module's ids.
    /// </summary>
    public const string MethodIdsTypeName = "<TinTinIlCost>MethodIds";

    /// <summary>
    /// Instruments every method body of <paramref name="inputPath"/> and writes the result to
    /// <paramref name="outputPath"/>. The assembly keeps its name, version and public key, so it can
    /// stand in for the original in an isolated load context; the strong-name signature is dropped
    /// (.NET does not check it) and no symbols are written.
    /// </summary>
    /// <param name="inputPath">The assembly to instrument.</param>
    /// <param name="outputPath">Where to write the instrumented copy (its folder is created).</param>
    /// <param name="searchDirectories">
    /// Where to find referenced assemblies, besides the input's folder and the running framework
    /// (used to count the locals of callees in other assemblies).
    /// </param>
    /// <param name="options">What to count; <see cref="InstrumentationOptions.Default"/> when null.</param>
    /// <returns>The name of the assembly and how many methods and blocks received a probe.</returns>
    /// <exception cref="InvalidOperationException">When the input is already instrumented (see <see cref="MarkerKey"/>).</exception>
    public static InstrumentationResult Instrument(
        string inputPath, string outputPath, IEnumerable<string>? searchDirectories = null, InstrumentationOptions? options = null)
    {
        options ??= InstrumentationOptions.Default;
        string input = Path.GetFullPath(inputPath);
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(input)!);
        foreach (string directory in searchDirectories ?? [])
        {
            resolver.AddSearchDirectory(Path.GetFullPath(directory));
        }

        var reading = new ReaderParameters { AssemblyResolver = resolver, InMemory = true, ReadSymbols = false };
        using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(input, reading);
        if (IsInstrumented(assembly))
        {
            throw new InvalidOperationException($"{input} is instrumented already (it has the assembly metadata {MarkerKey}).");
        }

        int methods = 0;
        int probes = 0;
        foreach (ModuleDefinition module in assembly.Modules)
        {
            var runtime = new RuntimeReferences(module);
            MethodDefinition[] bodies = module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody).ToArray();
            FieldReference? ids = options.PerMethod && bodies.Length > 0
                ? MethodIdTable.Add(module, bodies.Select(MethodNames.Of).ToArray(), runtime.Register)
                : null;
            for (int i = 0; i < bodies.Length; i++)
            {
                BlockProbe probe = ids is null ? BlockProbe.TotalOnly(runtime) : BlockProbe.PerMethod(runtime, ids, i);
                int inserted = ProbeWriter.Instrument(bodies[i].Body, probe);
                methods += inserted > 0 ? 1 : 0;
                probes += inserted;
            }

            module.Attributes &= ~ModuleAttributes.StrongNameSigned;
        }

        Mark(assembly);
        string output = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        assembly.Write(output, new WriterParameters { WriteSymbols = false });
        return new InstrumentationResult(assembly.Name.Name, methods, probes);
    }

    private static bool IsInstrumented(AssemblyDefinition assembly) =>
        assembly.CustomAttributes.Any(a =>
            a.AttributeType.FullName == typeof(AssemblyMetadataAttribute).FullName
            && a.ConstructorArguments.Count == 2
            && Equals(a.ConstructorArguments[0].Value, MarkerKey));

    private static void Mark(AssemblyDefinition assembly)
    {
        ModuleDefinition module = assembly.MainModule;
        TypeReference text = module.TypeSystem.String;
        var attribute = new TypeReference("System.Reflection", nameof(AssemblyMetadataAttribute), module, module.TypeSystem.CoreLibrary);
        var constructor = new MethodReference(".ctor", module.TypeSystem.Void, attribute) { HasThis = true };
        constructor.Parameters.Add(new ParameterDefinition(text));
        constructor.Parameters.Add(new ParameterDefinition(text));
        var marker = new CustomAttribute(constructor);
        marker.ConstructorArguments.Add(new CustomAttributeArgument(text, MarkerKey));
        marker.ConstructorArguments.Add(new CustomAttributeArgument(text, "true"));
        assembly.CustomAttributes.Add(marker);
    }
}
