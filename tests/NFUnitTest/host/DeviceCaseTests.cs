// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using TinTin.TestLauncher;
using Xunit;
using Xunit.Abstractions;

namespace NFUnitTest.Host
{
    /// <summary>
    /// The on-device tests of this assembly, run by the host copy of the device launcher: one xunit case per
    /// device case, named as the device names it (Namespace.Class.Method.i). Listing the cases runs nothing;
    /// the first case of a class runs that whole class once ([Setup], tests, rows, [Cleanup]) and the other
    /// cases read its cached results. C# 9 and no nullable, like the rest of this assembly.
    /// </summary>
    public class DeviceCaseTests
    {
        private readonly ITestOutputHelper _output;

        public DeviceCaseTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [DeviceCases]
        public void DeviceCase(string name)
        {
            TestResult result = DeviceSession.Instance.ResultOf(name);
            if (result.Output.Length > 0)
            {
                _output.WriteLine(result.Output);
            }

            _output.WriteLine(result.DeviceLine);
            Assert.True(result.Outcome == TestOutcome.Passed, result.Message + HostException(result));
        }

        [Fact]
        public void EveryDiscoveredCaseProducedExactlyOneResult()
        {
            Assert.NotEmpty(DeviceSession.Instance.Cases);
            IReadOnlyList<string> problems = ResultCheck.FindProblems(DeviceSession.Instance.Cases, DeviceSession.Instance.RunAll());

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        private static string HostException(TestResult result) =>
            result.Exception == null ? string.Empty : "\n\nHost exception:\n" + result.Exception;
    }
}
