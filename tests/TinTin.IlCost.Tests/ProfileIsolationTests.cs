// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Linq;
using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost.Tests;

/// <summary>
/// Method ids are unique across the instrumented assemblies of a process; the plain instrumentation
/// has no per-method code at all; the option is part of the cache key.
/// </summary>
[Collection(CostCounterCollection.Name)]
public class ProfileIsolationTests
{
    private const BindingFlags Static = BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public;

    [Fact]
    public void TwoAssembliesInOneContextGetDistinctIds()
    {
        var context = new InstrumentedLoadContext(
            [Fixture.AssemblyPath, RenamedFixture.Location], cacheDirectory: Fixture.CacheDirectory, options: InstrumentationOptions.Profiling);
        try
        {
            (int first, int count) = Ids(context, Fixture.AssemblyName);
            (int second, int secondCount) = Ids(context, RenamedFixture.AssemblyName);

            Assert.Equal(count, secondCount);
            Assert.True(first + count <= second || second + secondCount <= first, $"[{first}, +{count}) overlaps [{second}, +{secondCount})");
            Assert.True(CostCounter.PerMethod.Length >= MethodRegistry.Count);
            int fibonacci = Enumerable.Range(0, count).Single(i => MethodRegistry.NameOf(first + i) == Fixture.Name("Calls", "Fibonacci"));
            Assert.Equal(Fixture.Name("Calls", "Fibonacci"), MethodRegistry.NameOf(second + fibonacci));

            long cost = Run(context, Fixture.AssemblyName, 10);
            Assert.Equal(cost, CostCounter.PerMethod[first + fibonacci]);
            Assert.Equal(0, CostCounter.PerMethod[second + fibonacci]);

            long renamedCost = Run(context, RenamedFixture.AssemblyName, 10);
            Assert.Equal(cost, renamedCost);
            Assert.Equal(0, CostCounter.PerMethod[first + fibonacci]);
            Assert.Equal(renamedCost, CostCounter.PerMethod[second + fibonacci]);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void ThePlainCopyHasNoPerMethodCode()
    {
        string plain = Fixture.Context.InstrumentedPaths[Fixture.AssemblyName];
        string profiled = Fixture.ProfilingContext.InstrumentedPaths[Fixture.AssemblyName];

        Assert.NotEqual(plain, profiled);
        Assert.Equal(0, Calls(plain, nameof(CostCounter.Charge)));
        Assert.Null(Module(plain).GetType(Instrumenter.MethodIdsTypeName));
        Assert.True(Calls(profiled, nameof(CostCounter.Charge)) > 0);
        Assert.NotNull(Module(profiled).GetType(Instrumenter.MethodIdsTypeName));
    }

    [Fact]
    public void RunningThePlainCopyChargesNoMethod()
    {
        Fixture.Profile("Calls", "Fibonacci", 3); // registers the profiled copy's methods

        Measured run = Fixture.Run("Calls", "Fibonacci", 12);

        Assert.True(run.Cost > 0);
        Assert.Empty(CostProfile.Snapshot().Entries);
        Assert.All(CostCounter.PerMethod, c => Assert.Equal(0, c));
    }

    private static (int First, int Count) Ids(InstrumentedLoadContext context, string assembly)
    {
        Type table = context.GetAssembly(assembly).GetType(Instrumenter.MethodIdsTypeName, throwOnError: true)!;
        var first = (int)table.GetField("Base", Static)!.GetValue(null)!; // runs the registration
        var count = (int)table.GetField("Count", Static)!.GetRawConstantValue()!;
        return (first, count);
    }

    private static long Run(InstrumentedLoadContext context, string assembly, int n)
    {
        CostCounter.Reset();
        context.InvokeStatic(assembly, "TinTin.IlCost.Fixture.Calls", "Fibonacci", n);
        return CostCounter.Total;
    }

    private static ModuleDefinition Module(string path) => ModuleDefinition.ReadModule(path, new ReaderParameters { InMemory = true });

    private static int Calls(string path, string method) =>
        Module(path).GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Count(i => i.OpCode == OpCodes.Call && i.Operand is MethodReference called && called.Name == method
                && called.DeclaringType.FullName == typeof(CostCounter).FullName);
}
