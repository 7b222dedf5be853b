// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;

namespace TinTin.TestLauncher.Tests;

/// <summary>What passes on .NET but breaks or is misreported on the device must fail here (nanoframework.md §4.1).</summary>
public class LauncherDeviceRuleTests
{
    [Fact]
    public void InstanceFieldRejectsTheWholeClassWithoutRunningIt()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class Stateful
                {
                    public static string Log = "";
                    private int _count;
                    [Setup] public void Init() { Log += "S"; }
                    [TestMethod] public void Counts() { Log += "T"; }
                }
            }
            """, out LauncherSession session);

        Assert.Equal("", Planted.StaticString(session, "Stateful", "Log"));
        Assert.All(results.Values, r => Assert.Equal(TestOutcome.Failed, r.Outcome));
        Assert.Contains("instance fields (_count)", results["P.Stateful.Counts.0"].Message);
    }

    [Fact]
    public void AutoPropertyIsInstanceStateToo()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class WithProperty
                {
                    public int Value { get; set; }
                    [TestMethod] public void Uses() { }
                }
            }
            """, out _);

        Assert.Equal(TestOutcome.Failed, results["P.WithProperty.Uses.0"].Outcome);
        Assert.Contains("instance fields", results["P.WithProperty.Uses.0"].Message);
    }

    [Fact]
    public void ConstructorThatDoesWorkRejectsTheClass()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class Constructed
                {
                    public static int Seed;
                    public Constructed() { Seed = 42; }
                    [TestMethod] public void UsesSeed() { Assert.AreEqual(42, Seed); }
                }
            }
            """, out _);

        TestResult result = results["P.Constructed.UsesSeed.0"];
        Assert.Equal(TestOutcome.Failed, result.Outcome);
        Assert.Contains("declares a constructor", result.Message);
    }

    [Fact]
    public void ConstructorWithParametersRejectsTheClass()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class Injected
                {
                    public Injected(int unused) { }
                    [TestMethod] public void Works() { }
                }
            }
            """, out _);

        Assert.Contains("declares a constructor", results["P.Injected.Works.0"].Message);
    }

    [Fact]
    public void StaticConstructorAndEmptyConstructorAreFine()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class StaticInit
                {
                    public static int Seed;
                    static StaticInit() { Seed = 7; }
                    [TestMethod] public void SeesSeed() { Assert.AreEqual(7, Seed); }
                }

                [TestClass]
                public class EmptyCtor
                {
                    private EmptyCtor() { }
                    [TestMethod] public void Works() { }
                }
            }
            """, out _);

        Assert.Equal("", results["P.StaticInit.SeesSeed.0"].Message);
        Assert.Equal(TestOutcome.Passed, results["P.StaticInit.SeesSeed.0"].Outcome);
        Assert.Equal(TestOutcome.Passed, results["P.EmptyCtor.Works.0"].Outcome);
    }

    [Fact]
    public void StaticConstructorThatThrowsFailsEveryCaseOfTheClass()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class BadInit
                {
                    public static int Seed;
                    static BadInit() { Seed = int.Parse("x"); }
                    [TestMethod] public void A() { }
                }
            }
            """, out _);

        Assert.Equal(TestOutcome.Failed, results["P.BadInit.A.0"].Outcome);
        Assert.Contains("static constructor of P.BadInit threw System.FormatException", results["P.BadInit.A.0"].Message);
    }

    [Fact]
    public void ExtraAttributeOnATestMethodRejectsOnlyThatMethod()
    {
        var results = Planted.Run("""
            namespace P
            {
                public class NoteAttribute : Attribute { }

                [TestClass]
                public class Annotated
                {
                    [TestMethod, Note] public void Marked() { }
                    [TestMethod] public void Plain() { }
                }
            }
            """, out _);

        TestResult marked = results["P.Annotated.Marked.0"];
        Assert.Equal(TestOutcome.Failed, marked.Outcome);
        Assert.Contains("[NoteAttribute]", marked.Message);
        Assert.Equal(TestOutcome.Passed, results["P.Annotated.Plain.0"].Outcome);
    }

    [Fact]
    public void CharInADataRowIsRejected()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class Chars
                {
                    [TestMethod, DataRow('a', 1), DataRow("a", 1)]
                    public void Takes(object c, int n) { }
                }
            }
            """, out _);

        Assert.Equal(TestOutcome.Failed, results["P.Chars.Takes.0"].Outcome);
        Assert.Contains("is a char", results["P.Chars.Takes.0"].Message);
        Assert.Equal(TestOutcome.Passed, results["P.Chars.Takes.1"].Outcome);
    }

    [Fact]
    public void DataRowValueOfAnotherTypeThanTheParameterIsRejected()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class Widening
                {
                    [DataRow(1), DataRow(1L)]
                    public void TakesLong(long x) { }
                }
            }
            """, out _);

        Assert.Equal(TestOutcome.Failed, results["P.Widening.TakesLong.0"].Outcome);
        Assert.Contains("is a Int32 but parameter 'x' is a Int64", results["P.Widening.TakesLong.0"].Message);
        Assert.Equal(TestOutcome.Passed, results["P.Widening.TakesLong.1"].Outcome);
    }

    [Fact]
    public void FailureMessageWithACommaIsReportedWithAdvice()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class Commas
                {
                    [TestMethod] public void FailsWithComma() { Assert.IsTrue(false, "x, y"); }
                    [TestMethod] public void FailsWithoutComma() { Assert.IsTrue(false, "x and y"); }
                }
            }
            """, out _);

        TestResult withComma = results["P.Commas.FailsWithComma.0"];
        Assert.Equal(TestOutcome.Failed, withComma.Outcome);
        Assert.Contains("contains a comma", withComma.Message);
        Assert.Contains("comma-free message", withComma.Message);
        Assert.Equal("Assert.IsTrue failed. x and y", results["P.Commas.FailsWithoutComma.0"].Message);
    }

    [Fact]
    public void PassingAssertWhoseDefaultMessageHasACommaFailsBecauseItWouldBeMisreportedOnTheBoard()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class DefaultMessages
                {
                    private static int Add(int a, int b) { return a + b; }
                    [TestMethod] public void ImplicitMessage() { Assert.AreEqual(3, Add(1, 2)); }
                    [TestMethod] public void ExplicitMessage() { Assert.AreEqual(3, Add(1, 2), "one plus two"); }
                }
            }
            """, out _);

        TestResult implicitMessage = results["P.DefaultMessages.ImplicitMessage.0"];
        Assert.Equal(TestOutcome.Failed, implicitMessage.Outcome);
        Assert.Contains("\"Add(1, 2)\"", implicitMessage.Message);
        Assert.Equal(TestOutcome.Passed, results["P.DefaultMessages.ExplicitMessage.0"].Outcome);
    }

    [Fact]
    public void SkipMessageWithACommaIsReported()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class SkipComma { [TestMethod] public void Skips() { Assert.SkipTest("no board, no test"); } }
            }
            """, out _);

        Assert.Equal(TestOutcome.Failed, results["P.SkipComma.Skips.0"].Outcome);
        Assert.Contains("contains a comma", results["P.SkipComma.Skips.0"].Message);
    }

    [Fact]
    public void InstanceMethodRunsWithNullThisAndFailsOnlyWhenItTouchesThis()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class Instance
                {
                    [TestMethod] public void DoesNotTouchThis() { Assert.AreEqual(2, 1 + 1, "sum"); }
                    [TestMethod] public void TouchesThis() { Assert.AreNotEqual(0, GetHashCode(), "hash"); }
                    [TestMethod] public void CallsVirtualOnThis() { Assert.IsNotNull(ToString(), "text"); }
                }
            }
            """, out _);

        Assert.Equal(TestOutcome.Passed, results["P.Instance.DoesNotTouchThis.0"].Outcome);
        Assert.Equal(TestOutcome.Failed, results["P.Instance.TouchesThis.0"].Outcome);
        Assert.StartsWith("System.NullReferenceException", results["P.Instance.TouchesThis.0"].Message);
        Assert.StartsWith("System.NullReferenceException", results["P.Instance.CallsVirtualOnThis.0"].Message);
    }

    [Fact]
    public void NonPublicTestMethodIsReportedBecauseTheDeviceNeverRunsIt()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class Hidden { [TestMethod] private void Secret() { } }
            }
            """, out _);

        Assert.Contains("not public", results["P.Hidden.Secret.0"].Message);
    }

    [Fact]
    public void ParametersWithoutDataRowAreRejected()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class NoRows { [TestMethod] public void Takes(int x) { } }
            }
            """, out _);

        Assert.Contains("no [DataRow]", results["P.NoRows.Takes.0"].Message);
    }

    [Fact]
    public void OverloadsWithTheSameCaseNameAreRejected()
    {
        LauncherSession session = Planted.Session("""
            namespace P
            {
                [TestClass]
                public class Overloads
                {
                    [TestMethod] public void Check() { }
                    [DataRow(1)] public void Check(int x) { }
                }
            }
            """);

        TestCase[] cases = session.Cases.Where(c => c.Name == "P.Overloads.Check.0").ToArray();
        Assert.Equal(2, cases.Length);
        Assert.All(cases, c => Assert.Contains("Several methods", c.Rejection));
    }

    [Fact]
    public void AttributeThatThrowsWhenReadIsReportedInsteadOfAbortingTheRun()
    {
        var results = Planted.Run("""
            namespace P
            {
                [TestClass]
                public class BadRow
                {
                    [DataRow(null)] public void Null(object[] x) { }
                    [TestMethod] public void Fine() { }
                }
            }
            """, out _);

        Assert.Contains("Reading the attributes", results["P.BadRow.Null.0"].Message);
        Assert.Equal(TestOutcome.Passed, results["P.BadRow.Fine.0"].Outcome);
    }
}
