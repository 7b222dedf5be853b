// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;

namespace TinTin.IlCost.Tests;

/// <summary>The count depends only on the code and its inputs.</summary>
[Collection(CostCounterCollection.Name)]
public class DeterminismTests
{
    [Theory]
    [InlineData("ControlFlow", "CatchEveryThird", 40)]
    [InlineData("ControlFlow", "FilteredCatch", 40)]
    [InlineData("Shapes", "TotalArea", 25)]
    [InlineData("Calls", "Fibonacci", 12)]
    public void TheSameRunTwiceCountsTheSame(string type, string method, int n)
    {
        Measured first = Fixture.Run(type, method, n);
        Measured again = Fixture.Run(type, method, n);

        Assert.True(first.Cost > 0);
        Assert.Equal(first, again);
    }

    [Fact]
    public void AFreshContextCountsTheSame()
    {
        int[] values = Enumerable.Range(0, 50).ToArray();
        long shared = Fixture.Cost("Calls", "ClampedSumWithHelper", values);

        var fresh = new InstrumentedLoadContext([Fixture.AssemblyPath], cacheDirectory: Fixture.CacheDirectory);
        try
        {
            Assert.Equal(shared, Fixture.Run(fresh, "Calls", "ClampedSumWithHelper", values).Cost);
        }
        finally
        {
            fresh.Unload();
        }
    }

    [Fact]
    public void AnInputIsInstrumentedOncePerVersion()
    {
        string folder = Path.Combine(Path.GetTempPath(), "TinTin.IlCost.Tests", Guid.NewGuid().ToString("N"));
        string input = Path.Combine(folder, "input", Fixture.AssemblyName + ".dll");
        string cache = Path.Combine(folder, "cache");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        File.Copy(Fixture.AssemblyPath, input);
        try
        {
            string first = Instrumented(input, cache);
            DateTime written = File.GetLastWriteTimeUtc(first);
            string again = Instrumented(input, cache);
            File.SetLastWriteTimeUtc(input, File.GetLastWriteTimeUtc(input).AddMinutes(1));
            string changed = Instrumented(input, cache);

            Assert.Equal(first, again);
            Assert.Equal(written, File.GetLastWriteTimeUtc(again));
            Assert.NotEqual(first, changed);
            Assert.Equal(2, Directory.GetDirectories(cache).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Instrumented(string input, string cache)
    {
        var context = new InstrumentedLoadContext([input], cacheDirectory: cache);
        string path = context.InstrumentedPaths[Fixture.AssemblyName];
        context.Unload();
        return path;
    }
}
