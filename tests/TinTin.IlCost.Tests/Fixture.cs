// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using Mono.Cecil;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost.Tests;

/// <summary>The fixture assembly (built next to this one), its instrumented copy and its original IL.</summary>
internal static class Fixture
{
    public const string AssemblyName = "TinTin.IlCost.Fixture";

    public static readonly string AssemblyPath = Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll");

    /// <summary>Instrumented copies of this test run (bin/ is not under version control).</summary>
    public static readonly string CacheDirectory = Path.Combine(AppContext.BaseDirectory, "ilcost-cache");

    private static readonly Lazy<InstrumentedLoadContext> SharedContext = new(() => new InstrumentedLoadContext([AssemblyPath], cacheDirectory: CacheDirectory));

    private static readonly Lazy<InstrumentedLoadContext> SharedProfilingContext = new(() =>
        new InstrumentedLoadContext([AssemblyPath], cacheDirectory: CacheDirectory, options: InstrumentationOptions.Profiling));

    private static readonly Lazy<ModuleDefinition> OriginalModule = new(() =>
        ModuleDefinition.ReadModule(AssemblyPath, new ReaderParameters { InMemory = true }));

    /// <summary>One context for the tests that only measure.</summary>
    public static InstrumentedLoadContext Context => SharedContext.Value;

    /// <summary>One context instrumented for a per-method profile.</summary>
    public static InstrumentedLoadContext ProfilingContext => SharedProfilingContext.Value;

    /// <summary>Calls the method instrumented for a per-method profile; returns the run and its profile.</summary>
    public static (Measured Run, CostProfile Profile) Profile(string type, string method, params object?[] args)
    {
        Measured run = Run(ProfilingContext, type, method, args);
        return (run, CostProfile.Snapshot());
    }

    /// <summary>The profile name of a fixture method (see <see cref="MethodNames"/>).</summary>
    public static string Name(string type, string method) => $"{AssemblyName}.{type}::{method}";

    /// <summary>Calls TinTin.IlCost.Fixture.<paramref name="type"/>.<paramref name="method"/> instrumented.</summary>
    public static Measured Run(string type, string method, params object?[] args) => Run(Context, type, method, args);

    /// <summary>Calls the method in <paramref name="context"/> and reads the counter around it.</summary>
    public static Measured Run(InstrumentedLoadContext context, string type, string method, params object?[] args)
    {
        CostCounter.Reset();
        object? result = context.InvokeStatic(AssemblyName, $"{AssemblyName}.{type}", method, args);
        return new Measured(result, CostCounter.Total);
    }

    /// <summary>The cost of a call (see <see cref="Run(string, string, object[])"/>).</summary>
    public static long Cost(string type, string method, params object?[] args) => Run(type, method, args).Cost;

    /// <summary>The original (uninstrumented) definition of a fixture method.</summary>
    public static MethodDefinition Original(string type, string method) =>
        OriginalModule.Value.GetType($"{AssemblyName}.{type}").Methods.Single(m => m.Name == method);
}
