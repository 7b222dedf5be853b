// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using TinTin.Native.Tests.Support;

namespace TinTin.Native.Tests.Interop;

/// <summary>
/// The interop glue's C++ (lib-tintin/native/interop) compiled with the machine's g++:
/// <list type="bullet">
/// <item>against the stand-in nanoCLR headers in Interop/StandIn (a minimal heap block, array and stack
/// frame with nf-interpreter's member names), with -Wall -Wextra -Werror -pedantic, linked with the C
/// kernels and run: every native method is called through the generated lookup table and compared with
/// the C kernel called directly, and bad ranges, null arrays and bad sizes must be rejected with the
/// documented HRESULT without writing anything;</item>
/// <item>against nf-interpreter's real headers (src/CLR/Include etc., posix target configuration) when
/// $TINTIN_NF_INTERPRETER points at an nf-interpreter checkout: compiled to object code, not linked
/// or run (that needs a nanoCLR built with the interop assembly).</item>
/// <item>the CMake module (FindINTEROP-TinTin.Engine.Native.cmake) found as nf-interpreter finds it, listing the glue and every kernel.</item>
/// </list>
/// </summary>
public sealed class InteropGlueTests
{
    private static string StandIn => Path.Combine(Repo.Root, "tests", "TinTin.Native.Tests", "Interop", "StandIn");

    private static string[] GlueSources => Directory.GetFiles(InteropSkeleton.GlueFolder, "*.cpp").OrderBy(f => f, StringComparer.Ordinal).ToArray();

    [RequiresGppFact]
    public void The_glue_calls_every_kernel_with_its_arguments_and_rejects_bad_ranges()
    {
        string work = Path.Combine(Path.GetTempPath(), $"tintin-glue-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            string[] kernels = Directory.GetFiles(Repo.NativeSources, "tt_*.c").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            foreach (string kernel in kernels)
            {
                string obj = Path.Combine(work, Path.GetFileNameWithoutExtension(kernel) + ".o");
                var c = Tool.Run("gcc", $"-std=c99 -O1 -Wall -Werror -c -o \"{obj}\" \"{kernel}\"");
                Assert.True(c.ExitCode == 0, c.Describe("gcc " + kernel));
            }

            string driver = Path.Combine(work, "glue_driver");
            string sources = string.Join(" ", GlueSources.Append(Path.Combine(StandIn, "glue_driver.cpp")).Select(s => $"\"{s}\""));
            string objects = string.Join(" ", Directory.GetFiles(work, "*.o").Select(o => $"\"{o}\""));
            var built = Tool.Run("g++", $"-std=c++11 -O1 -Wall -Wextra -Werror -pedantic -I\"{StandIn}\" -I\"{Repo.NativeSources}\" -I\"{InteropSkeleton.GlueFolder}\" {sources} {objects} -o \"{driver}\"");
            Assert.True(built.ExitCode == 0, built.Describe("g++ (glue against the stand-in headers)"));

            var run = Tool.Run(driver, "");
            Assert.True(run.ExitCode == 0, run.Describe("glue_driver"));
            Assert.Matches(@"glue: \d+ checks, 0 failed", run.Output);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [RequiresCmakeFact]
    public void The_cmake_module_gives_nf_interpreter_the_glue_and_every_kernel()
    {
        string work = Path.Combine(Path.GetTempPath(), $"tintin-cmake-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            // What nf-interpreter's FindNF_NativeAssemblies.cmake does for an NF_INTEROP_ASSEMBLIES entry: find_package("INTEROP-<name>").
            File.WriteAllText(Path.Combine(work, "CMakeLists.txt"),
                "cmake_minimum_required(VERSION 3.16)\nproject(probe NONE)\nlist(APPEND CMAKE_MODULE_PATH ${MODULE_DIR})\n"
                + "find_package(\"INTEROP-TinTin.Engine.Native\" REQUIRED QUIET)\n"
                + "foreach(s ${TinTin.Engine.Native_SOURCES})\n  message(STATUS \"SOURCE ${s}\")\nendforeach()\n");
            var configured = Tool.Run("cmake", $"-S \"{work}\" -B \"{Path.Combine(work, "b")}\" -DMODULE_DIR=\"{InteropSkeleton.GlueFolder}\" -DTINTIN_INTEROP_DIR=\"{InteropSkeleton.GlueFolder}\"");
            Assert.True(configured.ExitCode == 0, configured.Describe("cmake"));
            string[] sources = configured.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("-- SOURCE ", StringComparison.Ordinal))
                .Select(l => Path.GetFullPath(l["-- SOURCE ".Length..])).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            string[] expected = GlueSources.Concat(Directory.GetFiles(Repo.NativeSources, "tt_*.c")).Select(Path.GetFullPath).OrderBy(f => f, StringComparer.Ordinal).ToArray();

            Assert.Equal(expected, sources);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [RequiresNfInterpreterFact]
    public void The_glue_compiles_against_nf_interpreter_headers()
    {
        string p = Environment.GetEnvironmentVariable(RequiresNfInterpreterFactAttribute.Variable)!;
        string work = Path.Combine(Path.GetTempPath(), $"tintin-glue-nf-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            string defines = "-DPLATFORM_POSIX_HOST=1 -DNANOCLR_HOST_POSIX=1 -DNANOCLR_HOST_LINUX=1 -DNANOCLR_HOST_APPLE=0 -DNANOCLR_HOST_WINDOWS=0 "
                + "-DNANOCLR_POSIX_VERSION_STRING='\"0.1.0\"' -DNANOCLR_PLATFORM_NAME='\"Linux\"'";
            string includes = string.Join(" ", new[] { "targets/posix/Include", "src/CLR/Include", "src/HAL/Include", "src/PAL/Include", "src/CLR/Core" }
                .Select(d => $"-I\"{Path.Combine(p, d)}\"")) + $" -I\"{Repo.NativeSources}\" -I\"{InteropSkeleton.GlueFolder}\"";
            foreach (string source in GlueSources)
            {
                string obj = Path.Combine(work, Path.GetFileNameWithoutExtension(source) + ".o");
                var compiled = Tool.Run("bash", $"-c \"g++ -std=c++20 -Wall -Werror -c -o '{obj}' {defines.Replace("\"", "\\\"")} {includes.Replace("\"", "'")} '{source}'\"");
                Assert.True(compiled.ExitCode == 0, compiled.Describe("g++ (glue against nf-interpreter's headers) " + source));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

/// <summary>A fact that needs cmake on the PATH.</summary>
public sealed class RequiresCmakeFactAttribute : FactAttribute
{
    public RequiresCmakeFactAttribute()
    {
        if (Tool.Find("cmake") is null)
        {
            Skip = "skipped: cmake is needed on the PATH (Debian: apt-get install cmake)";
        }
    }
}

/// <summary>A fact that needs gcc and g++ on the PATH.</summary>
public sealed class RequiresGppFactAttribute : FactAttribute
{
    public RequiresGppFactAttribute()
    {
        if (Tool.Find("g++") is null || Tool.Find("gcc") is null)
        {
            Skip = "skipped: gcc and g++ are needed on the PATH (Debian: apt-get install g++)";
        }
    }
}

/// <summary>A fact that needs an nf-interpreter checkout ($TINTIN_NF_INTERPRETER) and g++.</summary>
public sealed class RequiresNfInterpreterFactAttribute : FactAttribute
{
    public const string Variable = "TINTIN_NF_INTERPRETER";

    public RequiresNfInterpreterFactAttribute()
    {
        string? p = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(p) || !File.Exists(Path.Combine(p, "src", "CLR", "Include", "nanoCLR_Interop.h")) || !Directory.Exists(Path.Combine(p, "targets", "posix", "Include")))
        {
            Skip = $"skipped: set ${Variable} to an nf-interpreter checkout (git clone https://github.com/nanoframework/nf-interpreter) to compile the glue against its headers";
        }
        else if (Tool.Find("g++") is null)
        {
            Skip = "skipped: g++ is needed on the PATH";
        }
    }
}
