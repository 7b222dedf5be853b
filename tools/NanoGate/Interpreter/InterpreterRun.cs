using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace NanoGate.Interpreter;

/// <summary>One result line of the nanoFramework unit-test launcher: <c>Test passed,&lt;case&gt;,&lt;ticks or message&gt;</c>.</summary>
public sealed record LauncherResult(string Outcome, string Case, string Detail);

/// <summary>What the interpreter printed for one run, and what that means.</summary>
/// <param name="Status">The host process's exit status (0 even when tests fail; -1 when it timed out).</param>
/// <param name="Output">Everything it printed, CR removed.</param>
public sealed record InterpreterOutput(int Status, string Output)
{
    /// <summary>The lines the program printed itself: between the interpreter's <c>Ready.</c> and <c>Done.</c>.</summary>
    public IReadOnlyList<string> ProgramLines
    {
        get
        {
            var lines = Output.Split('\n');
            int ready = Array.IndexOf(lines, "Ready.");
            int done = Array.LastIndexOf(lines, "Done.");
            return ready < 0 ? Array.Empty<string>() : lines.Skip(ready + 1).Take((done > ready ? done : lines.Length) - ready - 1).ToList();
        }
    }

    /// <summary>The launcher's result lines, in the order printed.</summary>
    public IReadOnlyList<LauncherResult> Results =>
        Output.Split('\n').Where(l => l.StartsWith("Test passed,", StringComparison.Ordinal) || l.StartsWith("Test failed,", StringComparison.Ordinal) ||
                                      l.StartsWith("Test skipped,", StringComparison.Ordinal))
            .Select(l =>
            {
                var first = l.IndexOf(',');
                var second = l.IndexOf(',', first + 1);
                return new LauncherResult(l.Substring(5, first - 5), second < 0 ? l.Substring(first + 1) : l.Substring(first + 1, second - first - 1),
                    second < 0 ? "" : l.Substring(second + 1));
            }).ToList();
}

/// <summary>Runs device assemblies on the real interpreter (nanoclr-run).</summary>
public static class InterpreterRun
{
    /// <summary>Runs the tests of an NFUnitTest assembly with the upstream unit-test launcher.</summary>
    public static InterpreterOutput RunTests(NanoClrToolchain toolchain, DeviceAssembly tests, TimeSpan limit)
    {
        if (tests.Name != "NFUnitTest")
        {
            // The launcher loads the assembly by this name; under any other name no test runs and the output still ends "Done.".
            throw new ArgumentException($"the launcher only runs an assembly named NFUnitTest, not '{tests.Name}'", nameof(tests));
        }

        return Run(toolchain, tests, new[] { toolchain.UnitTestLauncherPe }, limit);
    }

    /// <summary>Runs a program (an assembly with <c>Main</c>).</summary>
    public static InterpreterOutput RunProgram(NanoClrToolchain toolchain, DeviceAssembly program, TimeSpan limit) =>
        Run(toolchain, program, Array.Empty<string>(), limit);

    private static InterpreterOutput Run(NanoClrToolchain toolchain, DeviceAssembly main, IEnumerable<string> after, TimeSpan limit)
    {
        if (!main.Runnable)
        {
            throw new InvalidOperationException($"{main.Name} needs assemblies the interpreter toolchain does not have: " +
                string.Join(", ", main.MissingPackages.Concat(main.Projects.SelectMany(p => p.MissingPackages)).Distinct()));
        }

        var start = new ProcessStartInfo(toolchain.Runner);
        foreach (var package in main.Packages)
        {
            start.ArgumentList.Add(toolchain.PeImage(package)!);
        }

        foreach (var pe in main.Projects.Select(p => p.Pe).Append(main.Pe).Concat(after))
        {
            start.ArgumentList.Add(pe);
        }

        start.WorkingDirectory = Path.GetDirectoryName(main.Pe)!;
        var (status, output) = ProcessRunner.Run(start, limit);
        return new InterpreterOutput(status, output);
    }
}
