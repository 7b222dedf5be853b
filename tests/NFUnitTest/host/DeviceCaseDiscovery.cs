// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TinTin.TestLauncher;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NFUnitTest.Host
{
    /// <summary>The launcher session over this assembly's on-device tests; discovery only, until a case runs.</summary>
    internal static class DeviceSession
    {
        internal static readonly LauncherSession Instance = new LauncherSession(typeof(DeviceSession).Assembly);
    }

    /// <summary>
    /// Marks the xunit method that stands for every on-device case: it becomes one xunit case per device case.
    /// A [Theory] would do that too, but xunit 2.9 cuts long argument values out of the display name and
    /// cannot skip at run time; <see cref="DeviceTestCase"/> does both.
    /// </summary>
    [XunitTestCaseDiscoverer("NFUnitTest.Host.DeviceCaseDiscoverer", "NFUnitTest")]
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class DeviceCasesAttribute : FactAttribute
    {
    }

    /// <summary>Lists the device cases of the session as xunit cases; lists, runs nothing.</summary>
    public sealed class DeviceCaseDiscoverer : IXunitTestCaseDiscoverer
    {
        private readonly IMessageSink _diagnostics;

        public DeviceCaseDiscoverer(IMessageSink diagnostics)
        {
            _diagnostics = diagnostics;
        }

        public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo attribute)
        {
            return DeviceSession.Instance.Cases
                .Select(c => new DeviceTestCase(_diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, c.Name))
                .ToList();
        }
    }

    /// <summary>One device case: displayed by its device name, skipped when the device would skip it.</summary>
    public sealed class DeviceTestCase : XunitTestCase
    {
        [EditorBrowsable(EditorBrowsableState.Never)]
        [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
        public DeviceTestCase()
        {
        }

        public DeviceTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string caseName)
            : base(diagnostics, display, displayOptions, testMethod, new object[] { caseName })
        {
        }

        private string CaseName => (string)TestMethodArguments[0];

        public override Task<RunSummary> RunAsync(IMessageSink diagnostics, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellation)
        {
            // Runs the case's class on first use; a device skip becomes an xunit skip with the device's message.
            TestResult result = DeviceSession.Instance.ResultOf(CaseName);
            string skipReason = result.Outcome == TestOutcome.Skipped ? result.Message : null;
            return new XunitTestCaseRunner(this, DisplayName, skipReason, constructorArguments, TestMethodArguments, messageBus, aggregator, cancellation).RunAsync();
        }

        protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => CaseName;
    }
}
