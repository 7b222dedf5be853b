// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TinTin.Native.Tests.Support;

/// <summary>
/// What an object file's code needs: its instructions (objdump -d) and its undefined symbols (nm -u),
/// and the verdicts on them: floating-point instructions, calls into the soft-float library, and
/// anything else it needs from outside that is not an allowed integer helper of libgcc.
/// </summary>
public static class ObjectScan
{
    /// <summary>
    /// libgcc's integer routines for what a core has no instruction for, linked into every GCC-built
    /// firmware: on Cortex-M0 the 64-bit multiply and variable 64-bit shifts (__aeabi_lmul, __aeabi_llsl,
    /// __aeabi_llsr, __aeabi_lasr), 32-bit division (__aeabi_uidiv/idiv and their *mod forms: M0 has no
    /// divider) and Thumb-1 switch tables (__gnu_thumb1_case_*); on RV32 the 64-bit shifts and multiplies
    /// (__ashldi3, __ashrdi3, __lshrdi3, __muldi3). Nothing from a C library: no memcpy or memset (the
    /// kernels clear with loops, and report.sh builds with -fno-tree-loop-distribute-patterns so GCC does
    /// not turn those loops into memset calls), no malloc.
    /// </summary>
    public static readonly IReadOnlySet<string> AllowedHelpers = new HashSet<string>(StringComparer.Ordinal)
    {
        "__aeabi_lmul", "__aeabi_llsl", "__aeabi_llsr", "__aeabi_lasr",
        "__aeabi_uidiv", "__aeabi_uidivmod", "__aeabi_idiv", "__aeabi_idivmod",
        "__gnu_thumb1_case_uqi", "__gnu_thumb1_case_sqi", "__gnu_thumb1_case_uhi", "__gnu_thumb1_case_shi", "__gnu_thumb1_case_si",
        "__ashldi3", "__ashrdi3", "__lshrdi3", "__muldi3",
    };

    // Soft-float routines: the ARM EABI ones (__aeabi_fadd, __aeabi_dmul, __aeabi_i2f, __aeabi_f2iz, ...) and
    // libgcc's generic ones (__addsf3, __mulsf3, __floatsisf, __fixsfsi, __extendsfdf2, __truncdfsf2, __eqdf2, ...).
    private static readonly Regex s_softFloat = new(@"^__aeabi_([fd][a-z0-9]+|[a-z0-9]*2[fd]z?)$|^__[a-z0-9_]*?(sf|df|tf|hf|xf)[a-z0-9]*$", RegexOptions.CultureInvariant);

    private static readonly Regex s_instruction = new(@"^\s*[0-9a-f]+:\s+(?<mnemonic>[a-z][a-z0-9._]*)(\s+(?<operands>.*))?$", RegexOptions.CultureInvariant);

    public static bool IsSoftFloatHelper(string symbol) => s_softFloat.IsMatch(symbol);

    /// <summary>The instruction lines ("mnemonic operands") of an object's code sections.</summary>
    public static IReadOnlyList<string> Instructions(CrossToolchain.Target target, string objectFile)
    {
        var result = Tool.Run(target.Objdump, $"-d --no-show-raw-insn \"{objectFile}\"");
        Assert.True(result.ExitCode == 0, result.Describe(target.Objdump + " -d"));
        return result.Output.Split('\n')
            .Select(line => s_instruction.Match(line))
            .Where(m => m.Success)
            .Select(m => (m.Groups["mnemonic"].Value + " " + m.Groups["operands"].Value).Trim())
            .ToArray();
    }

    /// <summary>
    /// The floating-point instructions among them. Arm: every VFP/NEON mnemonic is v* (vadd.f32, vldr,
    /// vmov, vcvt, vpush, ...) and the pre-UAL ones f* (fmrx, fldmias, ...); and coprocessor access to
    /// the FPU's cp10/cp11. RISC-V: the F/D/Q/Zfh instructions are f* (fadd.s, flw, fmv.x.w, fcvt.w.s,
    /// fsd, frcsr, ...) except the integer fences, and the compressed c.f* forms.
    /// </summary>
    public static IReadOnlyList<string> FloatingPoint(CrossToolchain.Target target, IEnumerable<string> instructions)
    {
        return instructions.Where(i =>
        {
            string mnemonic = i.Split(' ')[0];
            if (target.IsArm)
            {
                return mnemonic.StartsWith('v') || mnemonic.StartsWith('f')
                    || (Regex.IsMatch(mnemonic, "^(mcr|mrc|mcrr|mrrc|cdp|ldc|stc)2?") && Regex.IsMatch(i, @"\bp1[01]\b"));
            }

            return (mnemonic.StartsWith('f') && !mnemonic.StartsWith("fence", StringComparison.Ordinal))
                || mnemonic.StartsWith("c.f", StringComparison.Ordinal)
                || Regex.IsMatch(i, @"\b(fcsr|frm|fflags)\b");
        }).ToArray();
    }

    /// <summary>The symbols an object needs from elsewhere (nm -u).</summary>
    public static IReadOnlyList<string> Undefined(CrossToolchain.Target target, string objectFile)
    {
        var result = Tool.Run(target.Nm, $"-u \"{objectFile}\"");
        Assert.True(result.ExitCode == 0, result.Describe(target.Nm + " -u"));
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split(' ').Last()).ToArray();
    }

    /// <summary>The global functions an object defines (nm --defined-only, type T).</summary>
    public static IReadOnlyList<string> Defined(CrossToolchain.Target target, string objectFile)
    {
        var result = Tool.Run(target.Nm, $"--defined-only \"{objectFile}\"");
        Assert.True(result.ExitCode == 0, result.Describe(target.Nm + " --defined-only"));
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim().Split(' '))
            .Where(p => p.Length == 3 && p[1] == "T")
            .Select(p => p[2])
            .ToArray();
    }

    /// <summary>Every finding over a folder of one target's objects: FP instructions, soft-float helpers, other outside symbols.</summary>
    public static Findings Scan(CrossToolchain.Target target, string folder)
    {
        var findings = new Findings();
        string[] objects = System.IO.Directory.GetFiles(folder, "*.o").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var defined = new HashSet<string>(objects.SelectMany(o => Defined(target, o)), StringComparer.Ordinal);
        foreach (string o in objects)
        {
            string name = System.IO.Path.GetFileName(o);
            IReadOnlyList<string> instructions = Instructions(target, o);
            findings.InstructionCount += instructions.Count;
            findings.FloatingPointInstructions.AddRange(FloatingPoint(target, instructions).Select(i => $"{target.Name} {name}: {i}"));
            foreach (string symbol in Undefined(target, o).Where(s => !defined.Contains(s)))
            {
                findings.External.Add(symbol);
                if (IsSoftFloatHelper(symbol))
                {
                    findings.SoftFloatCalls.Add($"{target.Name} {name}: {symbol}");
                }
                else if (!AllowedHelpers.Contains(symbol))
                {
                    findings.NotAllowed.Add($"{target.Name} {name}: {symbol}");
                }
            }
        }

        findings.ObjectCount = objects.Length;
        return findings;
    }

    public sealed class Findings
    {
        public int ObjectCount { get; set; }

        public int InstructionCount { get; set; }

        public List<string> FloatingPointInstructions { get; } = new();

        public List<string> SoftFloatCalls { get; } = new();

        public List<string> NotAllowed { get; } = new();

        public SortedSet<string> External { get; } = new(StringComparer.Ordinal);

        public string Describe() =>
            $"FP instructions: {string.Join("; ", FloatingPointInstructions)}{Environment.NewLine}soft-float calls: {string.Join("; ", SoftFloatCalls)}{Environment.NewLine}not allowed: {string.Join("; ", NotAllowed)}";
    }
}
