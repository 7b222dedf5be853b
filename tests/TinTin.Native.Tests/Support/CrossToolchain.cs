// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TinTin.Native.Tests.Support;

/// <summary>
/// The MCU cross compilers report.sh uses (Debian packages gcc-arm-none-eabi and
/// gcc-riscv64-unknown-elf, installed by .ci/run), and the kernels built with them once per run.
/// </summary>
public static class CrossToolchain
{
    private static readonly string[] s_tools =
    {
        "bash", "arm-none-eabi-gcc", "arm-none-eabi-objdump", "arm-none-eabi-nm", "arm-none-eabi-size",
        "riscv64-unknown-elf-gcc", "riscv64-unknown-elf-objdump", "riscv64-unknown-elf-nm", "riscv64-unknown-elf-size",
    };

    private static readonly Lazy<string> s_objects = new(() =>
    {
        string output = Directory.CreateTempSubdirectory("tintin-native-cross-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);
        Build(output, Repo.NativeSources);
        return output;
    });

    /// <summary>Why the cross-compiled checks cannot run here, or null when every tool is on the PATH.</summary>
    public static string? Missing
    {
        get
        {
            string[] missing = s_tools.Where(t => Tool.Find(t) is null).ToArray();
            return missing.Length == 0
                ? null
                : $"the MCU cross compilers are not installed ({string.Join(", ", missing)} not on the PATH; Debian: apt-get install gcc-arm-none-eabi gcc-riscv64-unknown-elf, which .ci/run does)";
        }
    }

    /// <summary>report.sh's targets: name, tool prefix, flags.</summary>
    public static IReadOnlyList<Target> Targets()
    {
        var result = Tool.Run("bash", $"\"{Repo.ReportScript}\" targets");
        Assert.True(result.ExitCode == 0, result.Describe("report.sh targets"));
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 3))
            .Select(p => new Target(p[0], p[1], p[2]))
            .ToArray();
    }

    /// <summary>The folder with OUT/&lt;target&gt;/*.o (and .su) of the repository's kernels, built on first use.</summary>
    public static string Objects => s_objects.Value;

    /// <summary>Runs report.sh build OUT SRC; fails the test with gcc's message when it does not compile.</summary>
    public static void Build(string output, string sources)
    {
        var result = Tool.Run("bash", $"\"{Repo.ReportScript}\" build \"{output}\" \"{sources}\"");
        Assert.True(result.ExitCode == 0, result.Describe("report.sh build"));
    }

    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public sealed record Target(string Name, string Prefix, string Flags)
    {
        public bool IsArm => Prefix.StartsWith("arm-", StringComparison.Ordinal);

        public string Objdump => Prefix + "objdump";

        public string Nm => Prefix + "nm";

        public string Gcc => Prefix + "gcc";
    }
}

/// <summary>A fact that needs the MCU cross compilers and is reported skipped, with the reason, where they are absent.</summary>
public sealed class RequiresCrossCompilersFactAttribute : FactAttribute
{
    public RequiresCrossCompilersFactAttribute()
    {
        string? missing = CrossToolchain.Missing;
        if (missing is not null)
        {
            Skip = "skipped: " + missing;
        }
    }
}
