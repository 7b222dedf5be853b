// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TinTin.Native.Tests.Support;

namespace TinTin.Native.Tests.Interop;

/// <summary>
/// The nanoFramework interop of the native kernels (issue 14 item 3): the generated skeleton in
/// lib-tintin/native/interop must match the managed declarations (lib-tintin/interop) as they are
/// now, the assembly's native checksum included, so a changed signature that was not regenerated
/// fails here. To regenerate after changing NativeKernels.cs: TINTIN_REGENERATE_INTEROP=1 dotnet test
/// tests/TinTin.Native.Tests --filter InteropSkeleton, then update the hand-written bodies.
/// </summary>
public sealed class InteropSkeletonTests
{
    private static readonly Lazy<InteropSkeleton.Build> s_build = new(() =>
    {
        string toolchain = InteropSkeleton.Toolchain(out _) ?? throw new InvalidOperationException("no toolchain");
        string work = Path.Combine(Path.GetTempPath(), "tintin-interop-" + Environment.ProcessId);
        return InteropSkeleton.Compile(toolchain, work);
    });

    private static string HeaderPath => Path.Combine(InteropSkeleton.GlueFolder, InteropSkeleton.SafeName + ".h");

    private static string LookupPath => Path.Combine(InteropSkeleton.GlueFolder, InteropSkeleton.SafeName + ".cpp");

    private static string GluePath => Path.Combine(InteropSkeleton.GlueFolder, InteropSkeleton.SafeName + "_TinTin_Native_NativeKernels.cpp");

    [RequiresNanoToolchainFact]
    public void The_committed_skeleton_matches_the_managed_declarations()
    {
        InteropSkeleton.Build build = RequireBuild();
        string header = InteropSkeleton.RenderHeader(build.Methods);
        string lookup = InteropSkeleton.RenderLookup(build.Methods, build.NativeChecksum, build.Version);
        if (Environment.GetEnvironmentVariable("TINTIN_REGENERATE_INTEROP") == "1")
        {
            File.WriteAllText(HeaderPath, header);
            File.WriteAllText(LookupPath, lookup);
        }

        Assert.True(File.ReadAllText(HeaderPath).ReplaceLineEndings("\n") == header,
            $"{HeaderPath} does not match lib-tintin/interop's declarations: regenerate it (TINTIN_REGENERATE_INTEROP=1, see this test's summary) and update the bodies");
        Assert.True(File.ReadAllText(LookupPath).ReplaceLineEndings("\n") == lookup,
            $"{LookupPath} does not match lib-tintin/interop's declarations or native checksum 0x{build.NativeChecksum:X8}: regenerate it");
    }

    [RequiresNanoToolchainFact]
    public void The_declarations_are_the_kernels_entry_points()
    {
        InteropSkeleton.Build build = RequireBuild();
        var natives = build.Methods.Where(m => m.Declaration.Length > 0).ToList();
        string[] names = natives.Select(m => m.Declaration[..m.Declaration.IndexOf("___", StringComparison.Ordinal)]).ToArray();

        Assert.Equal(new[] { "DenseForward", "NonzeroInputs", "DenseForwardNonzero", "RowUpdateTinTin", "RowUpdateTinTinPropagating", "RowUpdateNiti", "ConvForward", "ConvForwardRange", "ConvGradient", "Requantize", "SoftmaxCrossEntropy" }, names);
        Assert.All(natives, m => Assert.Equal("TinTin_Native_NativeKernels", m.ClassName));

        // The native methods come first (method_lookup indices 0-9, as the glue driver calls them); then the
        // managed NativeTrainingKernels (the kernel seam over them), NULL entries in the table.
        Assert.Equal(natives, build.Methods.Take(natives.Count));
        Assert.Contains(build.Methods, m => m.ClassName == "TinTin_Native_NativeTrainingKernels");
        Assert.NotEqual(0u, build.NativeChecksum);
        Assert.Equal("0, 7, 0, 0", build.Version);
    }

    [RequiresNanoToolchainFact]
    public void The_glue_defines_every_declared_native_method_once()
    {
        InteropSkeleton.Build build = RequireBuild();
        string glue = File.ReadAllText(GluePath);
        var defined = Regex.Matches(glue, @"HRESULT\s+Library_TinTin_Engine_Native_(\w+)::\s*(\w+)\s*\(\s*CLR_RT_StackFrame\s*&\s*stack\s*\)")
            .Select(m => m.Groups[1].Value + "::" + m.Groups[2].Value).ToList();

        Assert.Equal(build.Methods.Where(m => m.Declaration.Length > 0).Select(m => m.ClassName + "::" + m.Declaration).OrderBy(s => s, StringComparer.Ordinal),
            defined.OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void The_cmake_module_lists_the_generated_and_glue_sources()
    {
        string module = File.ReadAllText(Path.Combine(InteropSkeleton.GlueFolder, "FindINTEROP-TinTin.Engine.Native.cmake"));

        Assert.Contains("TinTin_Engine_Native.cpp", module);
        Assert.Contains("TinTin_Engine_Native_TinTin_Native_NativeKernels.cpp", module);
        Assert.Contains("TinTin.Engine.Native_SOURCES", module);
        Assert.Contains("TinTin.Engine.Native_INCLUDE_DIRS", module);
    }

    private static InteropSkeleton.Build RequireBuild() => s_build.Value;
}

/// <summary>A fact that needs the nanoFramework toolchain (Roslyn's csc from the SDK and the metadata processor), reported skipped, with the reason, where it is absent.</summary>
public sealed class RequiresNanoToolchainFactAttribute : FactAttribute
{
    public RequiresNanoToolchainFactAttribute()
    {
        if (InteropSkeleton.Toolchain(out string missing) is null)
        {
            Skip = $"skipped: the nanoFramework toolchain is not installed: {missing} is missing (../shared/tools/nanoclr beside the repository, or $TINTIN_NANOCLR)";
        }
    }
}
