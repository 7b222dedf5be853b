// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TinTin.Manifest;

namespace TinTin.Tools.Tests.Consistency;

/// <summary>
/// Each device binding's README shows its compiled sample (samples/Program.cs, built by the compile gate) as the
/// usage snippet: the first C# block under "Usage" must be that file, so the README cannot drift from code that compiles.
/// </summary>
public sealed class DeviceSampleTests
{
    private static readonly string Root = RepoRoot.Find(AppContext.BaseDirectory);

    public static TheoryData<string> Devices()
    {
        var data = new TheoryData<string>();
        foreach (string folder in Directory.GetDirectories(Path.Combine(Root, "sensors", "Devices")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void The_readme_usage_is_the_compiled_sample(string device)
    {
        string folder = Path.Combine(Root, "sensors", "Devices", device);
        string sample = Path.Combine(folder, "samples", "Program.cs");
        Assert.True(File.Exists(sample), $"{device} has no samples/Program.cs");
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "samples"), "*.nfproj"));

        string usage = UsageSnippet(File.ReadAllText(Path.Combine(folder, "README.md")));
        Assert.Equal(Normalize(File.ReadAllText(sample)), Normalize(usage));
    }

    [Fact]
    public void A_readme_whose_snippet_differs_from_the_sample_is_caught()
    {
        string readme = "# X\n\n## Usage\n\n```csharp\nvar x = 1;\n```\n";
        Assert.NotEqual(Normalize("var x = 2;\n"), Normalize(UsageSnippet(readme)));
        Assert.Equal(Normalize("var x = 1;\n"), Normalize(UsageSnippet(readme)));
    }

    // The first ```csharp block after the "## Usage" heading.
    private static string UsageSnippet(string readme)
    {
        int usage = readme.IndexOf("\n## Usage", StringComparison.Ordinal);
        Assert.True(usage >= 0, "the README has no Usage section");
        Match block = Regex.Match(readme[usage..], "```csharp\r?\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "the Usage section has no C# block");
        return block.Groups[1].Value;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
