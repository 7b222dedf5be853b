// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Linq;
using TinTin.TestLauncher;
using Xunit;
using Xunit.Abstractions;

namespace TinTin.DeviceTests;

/// <summary>
/// The on-device tests of the deriving test assembly: one xunit case per device case and runner, named as
/// the device names it (Namespace.Class.Method.i), prefixed "[nanoCLR Release]" / "[nanoCLR Debug]" on the
/// real interpreter. On the host, listing the cases runs nothing; the first case of a class runs that whole
/// class once ([Setup], tests, rows, [Cleanup]) and the other cases read its cached results. On the
/// interpreter, the first case builds the .nfproj and runs every case once; the others read the result lines.
/// </summary>
public abstract class DeviceCaseTests
{
    private readonly ITestOutputHelper _output;

    protected DeviceCaseTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [DeviceCases]
    public void DeviceCase(string runner, string name)
    {
        var assembly = GetType().Assembly;
        var cases = DeviceSession.Of(assembly).Cases.ToList();
        if (runner == DeviceRunner.Host)
        {
            if (name == DeviceCaseDiscoverer.EveryCaseReportedOnce)
            {
                Assert.NotEmpty(cases);
                IReadOnlyList<string> problems = ResultCheck.FindProblems(cases, DeviceSession.Of(assembly).RunAll());
                Assert.True(problems.Count == 0, string.Join("\n", problems));
                return;
            }

            TestResult result = DeviceSession.Of(assembly).ResultOf(name);
            if (result.Output.Length > 0)
            {
                _output.WriteLine(result.Output);
            }

            _output.WriteLine(result.DeviceLine);
            Assert.True(result.Outcome == TestOutcome.Passed, result.Message + (result.Exception == null ? string.Empty : "\n\nHost exception:\n" + result.Exception));
            return;
        }

        var session = InterpreterSession.For(assembly, runner);
        Assert.True(session.BuildError == null, session.BuildError);
        if (name == DeviceCaseDiscoverer.EveryCaseReportedOnce)
        {
            // "Done." does not mean the launcher finished: only a result line for every case does.
            var problems = ResultCheck.FindProblems(cases, session.Results);
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(50)) + "\n\nInterpreter output (end):\n" + Tail(session.Output!.Output));
            return;
        }

        var lines = session.ResultsOf(name);
        foreach (var line in lines)
        {
            _output.WriteLine($"Test {line.Outcome},{line.Case},{line.Detail}");
        }

        Assert.True(lines.Count == 1, $"{lines.Count} result lines for {name} on the interpreter (expected 1)\n\nInterpreter output (end):\n{Tail(session.Output!.Output)}");
        Assert.True(lines[0].Outcome == "passed", $"on the nanoFramework interpreter ({runner}): {lines[0].Detail}");
    }

    private static string Tail(string output) => output.Length <= 4000 ? output : output.Substring(output.Length - 4000);
}
