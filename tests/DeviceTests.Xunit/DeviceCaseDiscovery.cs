// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using TinTin.TestLauncher;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TinTin.DeviceTests;

/// <summary>The host launcher session over a test assembly's on-device tests; discovery only, until a case runs.</summary>
public static class DeviceSession
{
    private static readonly ConcurrentDictionary<Assembly, LauncherSession> s_sessions = new();

    /// <summary>The session of an assembly.</summary>
    public static LauncherSession Of(Assembly assembly) => s_sessions.GetOrAdd(assembly, a => new LauncherSession(a));
}

/// <summary>
/// Marks the xunit method that stands for every on-device case: it becomes one xunit case per device case
/// and runner (host, interpreter Release, interpreter Debug), plus one per runner that checks every case
/// reported exactly once. A [Theory] would do that too, but xunit 2.9 cuts long argument values out of the
/// display name and cannot skip at run time; <see cref="DeviceTestCase"/> does both.
/// </summary>
[XunitTestCaseDiscoverer("TinTin.DeviceTests.DeviceCaseDiscoverer", "TinTin.DeviceTests.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DeviceCasesAttribute : FactAttribute
{
}

/// <summary>Lists the device cases of the test assembly as xunit cases; lists, runs nothing.</summary>
public sealed class DeviceCaseDiscoverer : IXunitTestCaseDiscoverer
{
    /// <summary>The pseudo-case name of a runner's completeness check.</summary>
    public const string EveryCaseReportedOnce = "(every case reported exactly once)";

    private readonly IMessageSink _diagnostics;

    public DeviceCaseDiscoverer(IMessageSink diagnostics)
    {
        _diagnostics = diagnostics;
    }

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo attribute)
    {
        var assembly = testMethod.TestClass.Class.ToRuntimeType().Assembly;
        var names = DeviceSession.Of(assembly).Cases.Select(c => c.Name).Append(EveryCaseReportedOnce).ToList();
        return DeviceRunner.All.SelectMany(runner => names.Select(name =>
                (IXunitTestCase)new DeviceTestCase(_diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, runner, name)))
            .ToList();
    }
}

/// <summary>One device case on one runner: displayed by its device name, skipped when the device would skip it (or the interpreter is absent).</summary>
public sealed class DeviceTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public DeviceTestCase()
    {
    }

    public DeviceTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string runner, string caseName)
        : base(diagnostics, display, displayOptions, testMethod, new object[] { runner, caseName })
    {
    }

    private string Runner => (string)TestMethodArguments[0];

    private string CaseName => (string)TestMethodArguments[1];

    public override Task<RunSummary> RunAsync(IMessageSink diagnostics, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellation)
    {
        string? skipReason = null;
        var assembly = TestMethod.TestClass.Class.ToRuntimeType().Assembly;
        if (Runner == DeviceRunner.Host)
        {
            // Runs the case's class on first use; a device skip becomes an xunit skip with the device's message.
            if (CaseName != DeviceCaseDiscoverer.EveryCaseReportedOnce)
            {
                TestResult result = DeviceSession.Of(assembly).ResultOf(CaseName);
                skipReason = result.Outcome == TestOutcome.Skipped ? result.Message : null;
            }
        }
        else
        {
            var session = InterpreterSession.For(assembly, Runner);
            skipReason = session.SkipReason;
            if (skipReason == null && CaseName != DeviceCaseDiscoverer.EveryCaseReportedOnce && session.BuildError == null &&
                session.ResultsOf(CaseName) is { Count: 1 } lines && lines[0].Outcome == "skipped")
            {
                skipReason = lines[0].Detail;
            }
        }

        return new XunitTestCaseRunner(this, DisplayName, skipReason, constructorArguments, TestMethodArguments, messageBus, aggregator, cancellation).RunAsync();
    }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => DeviceRunner.DisplayPrefix(Runner) + CaseName;
}
