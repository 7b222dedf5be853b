// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost.Tests;

/// <summary>Which context each assembly comes from.</summary>
[Collection(CostCounterCollection.Name)]
public class LoadContextTests
{
    [Fact]
    public void TheInstrumentedCopyIsLoadedInTheContextUnderItsOwnName()
    {
        Assembly instrumented = Fixture.Context.GetAssembly(Fixture.AssemblyName);

        Assert.Same(Fixture.Context, AssemblyLoadContext.GetLoadContext(instrumented));
        Assert.Equal(Fixture.Context.InstrumentedPaths[Fixture.AssemblyName], instrumented.Location);
        Assert.Equal(typeof(TinTin.IlCost.Fixture.Loops).Assembly.GetName().FullName, instrumented.GetName().FullName);
        Assert.NotSame(typeof(TinTin.IlCost.Fixture.Loops).Assembly, instrumented);
        Assert.Contains(instrumented.GetCustomAttributes<AssemblyMetadataAttribute>(), a => a.Key == Instrumenter.MarkerKey);
        Assert.DoesNotContain(typeof(TinTin.IlCost.Fixture.Loops).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>(), a => a.Key == Instrumenter.MarkerKey);
    }

    [Fact]
    public void TheCounterAndTheFrameworkAreShared()
    {
        Assert.Same(typeof(CostCounter).Assembly, Fixture.Context.GetAssembly(Instrumenter.RuntimeAssemblyName));
        Assert.Same(typeof(object).Assembly, Fixture.Context.LoadFromAssemblyName(typeof(object).Assembly.GetName()));
        Assert.Same(typeof(Console).Assembly, Fixture.Context.GetAssembly(typeof(Console).Assembly.GetName().Name!));
    }

    [Fact]
    public void OtherAssembliesOfTheProbingFoldersLoadIntoTheContext()
    {
        // This test assembly sits next to the fixture, in the folder that is probed.
        Assembly tests = Fixture.Context.GetAssembly(typeof(LoadContextTests).Assembly.GetName().Name!);

        Assert.Same(Fixture.Context, AssemblyLoadContext.GetLoadContext(tests));
        Assert.NotSame(typeof(LoadContextTests).Assembly, tests);
    }

    [Fact]
    public void AnInstrumentedAssemblyIsNotInstrumentedTwice()
    {
        string output = Path.Combine(Path.GetTempPath(), "TinTin.IlCost.Tests", Guid.NewGuid().ToString("N") + ".dll");

        Assert.Throws<InvalidOperationException>(() => Instrumenter.Instrument(Fixture.Context.InstrumentedPaths[Fixture.AssemblyName], output));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void InvokeStaticNamesAMissingMethod()
    {
        Assert.Throws<MissingMethodException>(() => Fixture.Context.InvokeStatic(Fixture.AssemblyName, "TinTin.IlCost.Fixture.Loops", "IntSum", "not an int"));
    }
}
