// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost;

/// <summary>
/// A collectible load context that runs instrumented copies of some assemblies. Resolution, by simple name:
/// <list type="number">
/// <item><c>TinTin.IlCost.Runtime</c>: the default context's copy, so <see cref="CostCounter.Total"/> is one static everywhere;</item>
/// <item>an assembly given to instrument: its instrumented copy (made once, see <see cref="DefaultCacheDirectory"/>);</item>
/// <item>a framework assembly: the default context's (so BCL types cross the boundary unchanged);</item>
/// <item>any other assembly found in a probing folder: loaded from that file into this context, so the
/// instrumented code and the code that uses it see the same types;</item>
/// <item>anything else: the default context.</item>
/// </list>
/// </summary>
public sealed class InstrumentedLoadContext : AssemblyLoadContext
{
    private readonly Dictionary<string, string> instrumented = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] probingDirectories;

    /// <summary>Instruments (or takes from the cache) every assembly in <paramref name="assemblyPaths"/>.</summary>
    /// <param name="assemblyPaths">The assemblies whose code is to be counted.</param>
    /// <param name="probingDirectories">
    /// Folders to load the other (non-framework) assemblies from, in order; the folders of
    /// <paramref name="assemblyPaths"/> are always searched after them.
    /// </param>
    /// <param name="cacheDirectory">Where instrumented copies are kept; <see cref="DefaultCacheDirectory"/> when null.</param>
    /// <param name="options">
    /// How to instrument them; <see cref="InstrumentationOptions.Default"/> when null
    /// (<see cref="InstrumentationOptions.Profiling"/> for a per-method <see cref="CostProfile"/>).
    /// </param>
    public InstrumentedLoadContext(
        IEnumerable<string> assemblyPaths,
        IEnumerable<string>? probingDirectories = null,
        string? cacheDirectory = null,
        InstrumentationOptions? options = null)
        : base("TinTin.IlCost.Instrumented", isCollectible: true)
    {
        Options = options ?? InstrumentationOptions.Default;
        string[] inputs = assemblyPaths.Select(Path.GetFullPath).ToArray();
        this.probingDirectories = (probingDirectories ?? [])
            .Select(Path.GetFullPath)
            .Concat(inputs.Select(p => Path.GetDirectoryName(p)!))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        string cache = cacheDirectory ?? DefaultCacheDirectory;
        foreach (string input in inputs)
        {
            string name = AssemblyName.GetAssemblyName(input).Name!;
            instrumented[name] = InstrumentationCache.GetOrCreate(input, cache, this.probingDirectories, Options);
        }
    }

    /// <summary>The default cache of instrumented copies: <c>TinTin.IlCost</c> in the temporary folder.</summary>
    public static string DefaultCacheDirectory => Path.Combine(Path.GetTempPath(), "TinTin.IlCost");

    /// <summary>How the assemblies of this context are instrumented.</summary>
    public InstrumentationOptions Options { get; }

    /// <summary>The instrumented copy of each assembly, by simple name.</summary>
    public IReadOnlyDictionary<string, string> InstrumentedPaths => instrumented;

    /// <summary>Loads an assembly into this context by simple name (see the class remarks for where it comes from).</summary>
    /// <param name="assemblyName">The simple name, e.g. <c>TinTin.Host</c>.</param>
    /// <returns>The assembly.</returns>
    public Assembly GetAssembly(string assemblyName) => LoadFromAssemblyName(new AssemblyName(assemblyName));

    /// <summary>
    /// Calls a static method of a type in this context and returns its result. Pass only arguments of
    /// framework types (primitives, arrays of them, strings): they are the same types on both sides.
    /// An exception thrown by the method is rethrown as it is, not wrapped.
    /// </summary>
    /// <param name="assemblyName">The simple name of the assembly that holds the type.</param>
    /// <param name="typeName">The type's full name (nested types with <c>+</c>).</param>
    /// <param name="methodName">A public or non-public static method with as many parameters as <paramref name="args"/>.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>What the method returned (boxed), or null for void.</returns>
    /// <exception cref="MissingMethodException">When no such method matches the arguments.</exception>
    public object? InvokeStatic(string assemblyName, string typeName, string methodName, params object?[] args)
    {
        Type type = GetAssembly(assemblyName).GetType(typeName, throwOnError: true)!;
        return StaticInvoker.Invoke(type, methodName, args);
    }

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? name = assemblyName.Name;
        if (name is null)
        {
            return null;
        }

        if (string.Equals(name, Instrumenter.RuntimeAssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            return typeof(CostCounter).Assembly;
        }

        if (instrumented.TryGetValue(name, out string? copy))
        {
            return LoadFromAssemblyPath(copy);
        }

        if (FrameworkAssemblies.Contains(name))
        {
            return null;
        }

        foreach (string directory in probingDirectories)
        {
            string candidate = Path.Combine(directory, name + ".dll");
            if (File.Exists(candidate))
            {
                return LoadFromAssemblyPath(candidate);
            }
        }

        return null;
    }
}
