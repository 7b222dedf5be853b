// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using TinTin.Native.Tests.Support;

namespace TinTin.Native.Tests.ObjectCode;

/// <summary>
/// The kernels cross-compiled for Cortex-M0, Cortex-M3 and RV32IMC (report.sh's flags, -Os, soft-float
/// ABI) hold no floating-point instruction, call no soft-float routine and need nothing from outside
/// but libgcc's integer helpers; and planted floating point, in each form, is caught.
/// </summary>
public sealed class NoFloatingPointTests
{
    [RequiresCrossCompilersFact]
    public void TheKernelsHaveNoFloatingPointOnAnyTarget()
    {
        int sources = Directory.GetFiles(Repo.NativeSources, "*.c").Length;
        foreach (var target in CrossToolchain.Targets())
        {
            var findings = ObjectScan.Scan(target, Path.Combine(CrossToolchain.Objects, target.Name));

            Assert.True(findings.ObjectCount == sources, $"{target.Name}: {findings.ObjectCount} objects for {sources} sources");
            Assert.True(findings.InstructionCount > 1000, $"{target.Name}: only {findings.InstructionCount} instructions disassembled");
            Assert.True(findings.FloatingPointInstructions.Count == 0 && findings.SoftFloatCalls.Count == 0 && findings.NotAllowed.Count == 0, $"{target.Name}:{Environment.NewLine}{findings.Describe()}");
        }
    }

    [RequiresCrossCompilersFact]
    public void PlantedSoftFloatAndLibraryCallsAreCaughtOnEveryTarget()
    {
        string sources = PlantedSources(
            "float tt_planted_float(float a, float b) { return a * b + 1.0f; }\n"
            + "double tt_planted_double(int a) { return (double)a / 3.0; }\n"
            + "int tt_planted_convert(float a) { return (int)a; }\n"
            + "void *memset(void *p, int c, unsigned long n);\n"
            + "void tt_planted_clear(char *p) { memset(p, 0, 100); }\n");
        string output = Directory.CreateTempSubdirectory("tintin-native-planted-").FullName;
        try
        {
            CrossToolchain.Build(output, sources);
            foreach (var target in CrossToolchain.Targets())
            {
                var findings = ObjectScan.Scan(target, Path.Combine(output, target.Name));
                string described = findings.Describe();

                Assert.True(findings.SoftFloatCalls.Count >= 3 && findings.SoftFloatCalls.All(c => c.Contains("planted.o", StringComparison.Ordinal)), $"{target.Name}: the planted float code must show as soft-float calls in planted.o{Environment.NewLine}{described}");
                Assert.True(findings.NotAllowed.Count == 1 && findings.NotAllowed[0].EndsWith("planted.o: memset", StringComparison.Ordinal), $"{target.Name}: memset must be refused{Environment.NewLine}{described}");
            }
        }
        finally
        {
            CrossToolchain.TryDelete(output);
            CrossToolchain.TryDelete(sources);
        }
    }

    [RequiresCrossCompilersFact]
    public void PlantedHardwareFloatingPointInstructionsAreCaught()
    {
        string folder = Directory.CreateTempSubdirectory("tintin-native-hardfp-").FullName;
        try
        {
            string source = Path.Combine(folder, "planted.c");
            File.WriteAllText(source, "float tt_planted(float a, float b, int c) { return a * b + (float)c; }\n");
            foreach (var target in CrossToolchain.Targets())
            {
                // The same scanner, on code built for a core with an FPU: Cortex-M4F, RV32IMFC.
                string flags = target.IsArm ? "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16" : "-march=rv32imfc -mabi=ilp32f";
                string obj = Path.Combine(folder, target.Name + ".o");
                var result = Tool.Run(target.Gcc, $"-std=c99 -Os -ffreestanding {flags} -c \"{source}\" -o \"{obj}\"");
                Assert.True(result.ExitCode == 0, result.Describe(target.Gcc));

                var fp = ObjectScan.FloatingPoint(target, ObjectScan.Instructions(target, obj));
                string[] multiplies = target.IsArm ? new[] { "vmul.f32", "vmla.f32", "vfma.f32" } : new[] { "fmul.s", "fmadd.s" };
                Assert.True(fp.Count >= 2 && fp.Any(i => multiplies.Any(m => i.StartsWith(m + " ", StringComparison.Ordinal))), $"{target.Name}: no float multiply among [{string.Join("; ", fp)}]");
            }
        }
        finally
        {
            CrossToolchain.TryDelete(folder);
        }
    }

    [Fact]
    public void TheHelperClassificationSeparatesFloatFromInteger()
    {
        foreach (string name in new[] { "__aeabi_fadd", "__aeabi_fmul", "__aeabi_dmul", "__aeabi_i2f", "__aeabi_ui2d", "__aeabi_f2iz", "__aeabi_d2f", "__aeabi_fcmplt", "__addsf3", "__mulsf3", "__floatsisf", "__fixsfsi", "__extendsfdf2", "__truncdfsf2", "__eqdf2", "__floatunsidf", "__divdf3" })
        {
            Assert.True(ObjectScan.IsSoftFloatHelper(name), name + " is a soft-float routine");
        }

        foreach (string name in ObjectScan.AllowedHelpers.Concat(new[] { "memset", "memcpy", "tt_dense_forward", "__udivdi3" }))
        {
            Assert.False(ObjectScan.IsSoftFloatHelper(name), name + " is not a soft-float routine");
        }
    }

    // A copy of lib-tintin/native with one more source file.
    private static string PlantedSources(string planted)
    {
        string folder = Directory.CreateTempSubdirectory("tintin-native-src-").FullName;
        foreach (string file in Directory.GetFiles(Repo.NativeSources).Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(folder, "planted.c"), planted);
        return folder;
    }
}
