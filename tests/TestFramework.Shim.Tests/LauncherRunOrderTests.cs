// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;

namespace TinTin.TestLauncher.Tests;

/// <summary>Run order, case naming and outcomes, as the device launcher produces them.</summary>
public class LauncherRunOrderTests
{
    private const string LoggingClass = """
        namespace P
        {
            [TestClass]
            public class Logged
            {
                public static string Log = "";

                [Setup] public void Init() { Log += "S"; }
                [TestMethod] public void First() { Log += "1"; }
                [TestMethod, DataRow(10), DataRow(20)] public void Rows(int x) { Log += "r" + x; }
                [DataRow(7)] public void RowOnly(int x) { Log += "o" + x; }
                [TestMethod] public static void Second() { Log += "2"; }
                [Cleanup] public void Done() { Log += "C"; }
            }
        }
        """;

    [Fact]
    public void SetupRunsOnceFirstThenTestsThenRowsThenCleanupOnce()
    {
        var results = Planted.Run(LoggingClass, out LauncherSession session);

        Assert.Equal("S12r10r20o7C", Planted.StaticString(session, "Logged", "Log"));
        Assert.All(results.Values, r => Assert.Equal(TestOutcome.Passed, r.Outcome));
        Assert.Equal(
            new[] { "P.Logged.Init.0", "P.Logged.First.0", "P.Logged.Second.0", "P.Logged.Rows.0", "P.Logged.Rows.1", "P.Logged.RowOnly.0", "P.Logged.Done.0" },
            session.RunAll().Select(r => r.Name));
    }

    [Fact]
    public void EachDataRowIsItsOwnCaseNumberedInDeclarationOrder()
    {
        LauncherSession session = Planted.Session("""
            namespace P
            {
                [TestClass]
                public class Rows
                {
                    [TestMethod]
                    [DataRow(1, 1)]
                    [DataRow(2, 3)]
                    [DataRow(3, 3)]
                    public void Same(int a, int b) { Assert.AreEqual(a, b, "a differs from b"); }
                }
            }
            """);

        TestCase[] cases = session.Cases.ToArray();
        Assert.Equal(new[] { "P.Rows.Same.0", "P.Rows.Same.1", "P.Rows.Same.2" }, cases.Select(c => c.Name));
        Assert.Equal(new object[] { 2, 3 }, cases[1].Arguments);

        Assert.Equal(TestOutcome.Passed, session.ResultOf("P.Rows.Same.0").Outcome);
        TestResult failed = session.ResultOf("P.Rows.Same.1");
        Assert.Equal(TestOutcome.Failed, failed.Outcome);
        Assert.Equal("Assert.AreEqual failed. Expected:<2>. Actual:<3>. a differs from b", failed.Message);
        Assert.Equal("Test failed,P.Rows.Same.1,Assert.AreEqual failed. Expected:<2>. Actual:<3>. a differs from b", failed.DeviceLine);
        Assert.Equal(TestOutcome.Passed, session.ResultOf("P.Rows.Same.2").Outcome);
    }

    [Fact]
    public void SkipTestExceptionInSetupSkipsTheWholeClass()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class NeedsBoard
                {
                    public static string Log = "";
                    [Setup] public void Init() { Log += "S"; Assert.SkipTest("no sensor attached"); }
                    [TestMethod] public void Reads() { Log += "T"; }
                    [Cleanup] public void Done() { Log += "C"; }
                }
            }
            """, out LauncherSession session);

        Assert.Equal("S", Planted.StaticString(session, "NeedsBoard", "Log"));
        Assert.Equal(TestOutcome.Skipped, results["P.NeedsBoard.Init.0"].Outcome);
        Assert.Equal("Test skipped,P.NeedsBoard.Init.0,no sensor attached", results["P.NeedsBoard.Init.0"].DeviceLine);
        Assert.Equal(TestOutcome.Skipped, results["P.NeedsBoard.Reads.0"].Outcome);
        Assert.Equal(TestOutcome.Skipped, results["P.NeedsBoard.Done.0"].Outcome);
        Assert.Contains("Not run", results["P.NeedsBoard.Reads.0"].Message);
    }

    [Fact]
    public void FailingSetupDoesNotStopTheClassAsOnTheDevice()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class BrokenSetup
                {
                    [Setup] public void Init() { Assert.IsTrue(false, "setup broke"); }
                    [TestMethod] public void StillRuns() { }
                }
            }
            """, out _);

        Assert.Equal(TestOutcome.Failed, results["P.BrokenSetup.Init.0"].Outcome);
        Assert.Equal(TestOutcome.Passed, results["P.BrokenSetup.StillRuns.0"].Outcome);
    }

    [Fact]
    public void SkipTestInATestSkipsOnlyThatTest()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class Partly
                {
                    [TestMethod] public void Skips() { Assert.SkipTest("needs the ADXL343"); }
                    [TestMethod] public void Runs() { }
                }
            }
            """, out _);

        Assert.Equal(TestOutcome.Skipped, results["P.Partly.Skips.0"].Outcome);
        Assert.Equal("needs the ADXL343", results["P.Partly.Skips.0"].Message);
        Assert.Equal(TestOutcome.Passed, results["P.Partly.Runs.0"].Outcome);
    }

    [Fact]
    public void TestOutputIsCapturedPerCase()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class Talks
                {
                    [TestMethod] public void Says() { OutputHelper.WriteLine("hello from the test"); }
                }
            }
            """, out _);

        Assert.Contains("hello from the test", results["P.Talks.Says.0"].Output);
    }

    [Fact]
    public void ClassesWithoutTestClassAttributeAreIgnored()
    {
        LauncherSession session = Planted.Session("""
            namespace P
            {
                public class NotATestClass { [TestMethod] public void Ignored() { } }
                [TestClass] public class Real { [TestMethod] public void Counted() { } }
            }
            """);

        Assert.Equal(new[] { "P.Real.Counted.0" }, session.Cases.Select(c => c.Name));
    }
}
