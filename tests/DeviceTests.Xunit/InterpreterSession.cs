// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NanoGate.Interpreter;
using TinTin.TestLauncher;

namespace TinTin.DeviceTests;

/// <summary>
/// One run of a test assembly's .nfproj on the real nanoFramework interpreter in one configuration:
/// built with the real toolchain (C# 9, the metadata processor), run once with the upstream unit-test
/// launcher, its result lines kept for the cases to read. Skipped, with the reason, where the toolchain
/// is absent (a user's machine); a build that fails fails every case with the build's message.
/// </summary>
public sealed class InterpreterSession
{
    private static readonly ConcurrentDictionary<string, Lazy<InterpreterSession>> s_sessions = new();
    private readonly Dictionary<string, List<LauncherResult>> _byCase;

    private InterpreterSession(string? skipReason, string? buildError, InterpreterOutput? output)
    {
        SkipReason = skipReason;
        BuildError = buildError;
        Output = output;
        _byCase = (output?.Results ?? Array.Empty<LauncherResult>()).GroupBy(r => r.Case).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Why the interpreter cases are skipped (no toolchain), or null.</summary>
    public string? SkipReason { get; }

    /// <summary>Why the device build failed, or null.</summary>
    public string? BuildError { get; }

    /// <summary>What the interpreter printed, when it ran.</summary>
    public InterpreterOutput? Output { get; }

    /// <summary>The session of a test assembly in a configuration; built and run on first use.</summary>
    public static InterpreterSession For(Assembly testAssembly, string configuration) =>
        s_sessions.GetOrAdd(testAssembly.FullName + "|" + configuration,
            _ => new Lazy<InterpreterSession>(() => Start(testAssembly, configuration))).Value;

    /// <summary>The result lines printed for a case (exactly one when all is well).</summary>
    public IReadOnlyList<LauncherResult> ResultsOf(string caseName) =>
        _byCase.TryGetValue(caseName, out var results) ? results : (IReadOnlyList<LauncherResult>)Array.Empty<LauncherResult>();

    /// <summary>The interpreter's result lines as the host launcher's results, for <see cref="ResultCheck"/>.</summary>
    public IReadOnlyList<TestResult> Results =>
        (Output?.Results ?? Array.Empty<LauncherResult>())
            .Select(r => new TestResult(r.Case, r.Outcome == "passed" ? TestOutcome.Passed : r.Outcome == "skipped" ? TestOutcome.Skipped : TestOutcome.Failed, r.Detail))
            .ToList();

    private static InterpreterSession Start(Assembly testAssembly, string configuration)
    {
        string project = Metadata(testAssembly, "TinTin.DeviceTestProject");
        string root = Metadata(testAssembly, "TinTin.RepositoryRoot");
        var builder = DeviceBuilder.ForRepository(root, out var missing);
        if (builder is null)
        {
            return new InterpreterSession(missing, null, null);
        }

        DeviceAssembly built;
        try
        {
            built = builder.Build(project, configuration);
        }
        catch (DeviceBuildException e)
        {
            return new InterpreterSession(null, e.Message, null);
        }

        return new InterpreterSession(null, null, InterpreterRun.RunTests(builder.Toolchain, built, TimeSpan.FromMinutes(10)));
    }

    private static string Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no [AssemblyMetadata(\"{key}\")]: import tests/DeviceTests.Xunit/DeviceTests.props in its host project");
}
