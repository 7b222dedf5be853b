// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace TinTin.TestLauncher;

/// <summary>
/// The device launcher over one assembly, for a host test runner that asks for cases one at a time: discovery
/// happens once and runs nothing; the first question about a case runs that case's whole class (Setup, tests,
/// Cleanup, once) and caches the results. Classes run one at a time, as on the device.
/// </summary>
public sealed class LauncherSession
{
    private readonly object _runLock = new();
    private readonly Dictionary<string, Lazy<IReadOnlyList<TestResult>>> _runByCase = new();
    private readonly List<Lazy<IReadOnlyList<TestResult>>> _runs = new();

    /// <summary>Discovers the test classes of <paramref name="assembly"/>.</summary>
    public LauncherSession(Assembly assembly)
    {
        Plans = TestDiscovery.Discover(assembly);
        foreach (TestClassPlan plan in Plans)
        {
            var run = new Lazy<IReadOnlyList<TestResult>>(() => RunOneClassAtATime(plan));
            _runs.Add(run);
            foreach (TestCase testCase in plan.Cases)
            {
                _runByCase.TryAdd(testCase.Name, run);
            }
        }
    }

    /// <summary>The test classes, in discovery order.</summary>
    public IReadOnlyList<TestClassPlan> Plans { get; }

    /// <summary>Every case of every class, in device run order.</summary>
    public IEnumerable<TestCase> Cases => Plans.SelectMany(p => p.Cases);

    /// <summary>The result of one case; runs its class first if that has not happened yet.</summary>
    public TestResult ResultOf(string caseName)
    {
        if (!_runByCase.TryGetValue(caseName, out Lazy<IReadOnlyList<TestResult>>? run))
        {
            throw new ArgumentException($"No discovered case is named {caseName}.", nameof(caseName));
        }

        return run.Value.FirstOrDefault(r => r.Name == caseName)
            ?? new TestResult(caseName, TestOutcome.Failed, "The launcher produced no result for this case.");
    }

    /// <summary>Runs every class not run yet and returns all results in device order.</summary>
    public IReadOnlyList<TestResult> RunAll() => _runs.SelectMany(r => r.Value).ToList();

    private IReadOnlyList<TestResult> RunOneClassAtATime(TestClassPlan plan)
    {
        lock (_runLock)
        {
            return ClassRunner.Run(plan);
        }
    }
}
