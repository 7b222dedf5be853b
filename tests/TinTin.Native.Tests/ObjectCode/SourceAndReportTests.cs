// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TinTin.Native.Tests.Support;

namespace TinTin.Native.Tests.ObjectCode;

/// <summary>
/// The rules of lib-tintin/native read from its sources (C99, no floating-point type, nothing included
/// beyond stdint.h and stddef.h, no C# file where the host build's glob would compile it), and the cost
/// report and docs/native-kernels.md covering every kernel.
/// </summary>
public sealed class SourceAndReportTests
{
    [Fact]
    public void TheSourcesIncludeOnlyStdintStddefAndEachOther()
    {
        string[] files = Directory.GetFiles(Repo.NativeSources).Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal)).ToArray();
        Assert.True(files.Length >= 20, $"only {files.Length} C files in {Repo.NativeSources}");
        var own = files.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (string file in files)
        {
            foreach (Match include in Regex.Matches(File.ReadAllText(file), @"^\s*#\s*include\s*(?<what>\S+)", RegexOptions.Multiline))
            {
                string what = include.Groups["what"].Value;
                bool allowed = what is "<stdint.h>" or "<stddef.h>" || (what.StartsWith('"') && own.Contains(what.Trim('"')));
                Assert.True(allowed, $"{Path.GetFileName(file)} includes {what}");
            }
        }
    }

    [Fact]
    public void TheSourcesNameNoFloatingPointTypeAndNoHeapOrLibraryCall()
    {
        foreach (string file in Directory.GetFiles(Repo.NativeSources).Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal)))
        {
            string code = Regex.Replace(File.ReadAllText(file), @"/\*.*?\*/|//[^\n]*", " ", RegexOptions.Singleline);
            foreach (string word in new[] { "float", "double", "_Complex", "malloc", "calloc", "realloc", "free", "memcpy", "memset", "memmove", "printf", "abort" })
            {
                Assert.False(Regex.IsMatch(code, $@"\b{word}\b"), $"{Path.GetFileName(file)} uses {word}");
            }

            Assert.False(Regex.IsMatch(code, @"\b\d+\.\d*([eE][-+]?\d+)?[fFlL]?\b|\b\d+[eE][-+]?\d+\b"), $"{Path.GetFileName(file)} has a floating-point literal");
        }
    }

    [Fact]
    public void TheNativeFolderHoldsNoCSharpForTheHostBuildsGlob()
    {
        // Directory.Build.props compiles lib-tintin/**/*.cs into the host engine: a .cs file here would join it.
        Assert.Empty(Directory.GetFiles(Repo.NativeSources, "*.cs", SearchOption.AllDirectories));
    }

    [Fact]
    public void TheDocumentationCoversEveryKernel()
    {
        string doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "native-kernels.md"));
        string[] names = Exports.Names();
        Assert.True(names.Length >= 25, $"only {names.Length} exported kernels found");
        foreach (string name in names)
        {
            Assert.True(doc.Contains("`" + name + "`", StringComparison.Ordinal), $"docs/native-kernels.md does not mention `{name}`");
        }
    }

    [RequiresCrossCompilersFact]
    public void TheCostReportGivesStackAndCodeOfEveryKernelOnEveryTarget()
    {
        var result = Tool.Run("bash", $"\"{Repo.ReportScript}\" table \"{CrossToolchain.Objects}\"");
        Assert.True(result.ExitCode == 0, result.Describe("report.sh table"));
        var targets = CrossToolchain.Targets();
        foreach (string name in Exports.Names())
        {
            string? row = result.Output.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{name}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"report.sh lists no row for {name}:{Environment.NewLine}{result.Output}");
            string[] cells = row!.Split('|', StringSplitOptions.TrimEntries).Where(c => c.Length > 0).Skip(1).ToArray();
            Assert.True(cells.Length == 2 * targets.Count, $"{name}: {cells.Length} cells in {row}");
            Assert.All(cells, c => Assert.Matches(@"^\d+( \(\d+ with callees\))?$", c));
            Assert.All(cells.Skip(targets.Count), c => Assert.True(int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) > 0, $"{name}: no code in {row}"));
        }
    }
}
