// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using TinTin.Manifest;

namespace TinTin.Tools.Tests.Consistency;

/// <summary>
/// lib-tintin's README shows the usage snippet that tests/NFUnitTestModel/ReadmeUsageTests.cs compiles and runs on
/// the host and on nanoCLR: its first C# block must be the lines between that test's README markers, so the
/// README cannot drift from code that works.
/// </summary>
public sealed class ReadmeSnippetTests
{
    private static readonly string Root = RepoRoot.Find(AppContext.BaseDirectory);

    [Fact]
    public void TheLibraryReadmeShowsTheCompiledSnippet()
    {
        string[] test = File.ReadAllLines(Path.Combine(Root, "tests", "NFUnitTestModel", "ReadmeUsageTests.cs"));
        int begin = Array.FindIndex(test, l => l.Trim() == "// README: begin");
        int end = Array.FindIndex(test, l => l.Trim() == "// README: end");
        Assert.True(begin >= 0 && end > begin, "ReadmeUsageTests.cs has no README markers");
        string[] compiled = test[(begin + 1)..end];
        int indent = compiled.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        string expected = string.Join("\n", compiled.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim()));

        string[] readme = File.ReadAllLines(Path.Combine(Root, "lib-tintin", "README.md"));
        int open = Array.FindIndex(readme, l => l.Trim() == "```csharp");
        Assert.True(open >= 0, "lib-tintin/README.md has no C# block");
        int close = Array.FindIndex(readme, open + 1, l => l.Trim() == "```");
        string shown = string.Join("\n", readme[(open + 1)..close].Select(l => l.TrimEnd()));

        Assert.Equal(expected, shown);
    }
}
