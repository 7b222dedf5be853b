// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;

namespace TinTin.TestLauncher.Tests;

/// <summary>Every discovered case must produce exactly one result (nanoframework.md §4.1 trap 3).</summary>
public class ResultCheckTests
{
    private const string TwoTests = """
        namespace P
        {
            [TestClass]
            public class Two
            {
                [TestMethod] public void A() { }
                [TestMethod, DataRow(1), DataRow(2)] public void B(int x) { }
            }
        }
        """;

    [Fact]
    public void CompleteRunHasNoProblems()
    {
        LauncherSession session = Planted.Session(TwoTests);

        Assert.Empty(ResultCheck.FindProblems(session.Cases, session.RunAll()));
    }

    [Fact]
    public void MissingRepeatedAndUnknownResultsAreReported()
    {
        LauncherSession session = Planted.Session(TwoTests);
        var results = session.RunAll().ToList();
        TestResult first = results[0];
        results.RemoveAt(1);                                           // P.Two.B.0 vanished
        results.Add(first);                                            // P.Two.A.0 twice
        results.Add(new TestResult("P.Two.Ghost.0", TestOutcome.Passed, ""));

        var problems = ResultCheck.FindProblems(session.Cases, results);

        Assert.Equal(
            new[] { "P.Two.A.0: 2 results", "P.Two.B.0: no result", "P.Two.Ghost.0: result for a case that was not discovered" },
            problems.OrderBy(p => p));
    }

    [Fact]
    public void SessionRunsAClassOnlyWhenAskedAndOnlyOnce()
    {
        LauncherSession session = Planted.Session("""
            namespace P
            {
                [TestClass]
                public class Counted
                {
                    public static string Log = "";
                    [Setup] public void Init() { Log += "S"; }
                    [TestMethod] public void A() { Log += "a"; }
                    [TestMethod] public void B() { Log += "b"; }
                }
                [TestClass]
                public class Untouched
                {
                    public static string Log = "";
                    [TestMethod] public void C() { Log += "c"; }
                }
            }
            """);

        Assert.Equal("", Planted.StaticString(session, "Counted", "Log"));
        Assert.Equal(TestOutcome.Passed, session.ResultOf("P.Counted.B.0").Outcome);
        Assert.Equal(TestOutcome.Passed, session.ResultOf("P.Counted.A.0").Outcome);
        Assert.Equal("Sab", Planted.StaticString(session, "Counted", "Log"));
        Assert.Equal("", Planted.StaticString(session, "Untouched", "Log"));
    }
}
