// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using nanoFramework.TestFramework;
using TestFrameworkShared;

namespace TinTin.TestLauncher;

/// <summary>
/// Runs one test class like the device launcher: its [Setup]s (a SkipTestException there skips the rest of the
/// class), then its test methods, its data rows and its [Cleanup]s, each once, with a null <c>this</c>.
/// A failing [Setup] does not stop the class, as on the device. Every case yields exactly one result.
/// </summary>
public static class ClassRunner
{
    // Console redirection is process-wide: one case at a time, as on the device.
    private static readonly object s_consoleLock = new();

    /// <summary>Runs the class and returns one result per case, in run order.</summary>
    public static IReadOnlyList<TestResult> Run(TestClassPlan plan)
    {
        if (plan.Rejection != null)
        {
            return plan.Cases.Select(c => new TestResult(c.Name, TestOutcome.Failed, plan.Rejection)).ToList();
        }

        string? staticInitFailure = RunStaticConstructors(plan.Type);
        if (staticInitFailure != null)
        {
            return plan.Cases.Select(c => new TestResult(c.Name, TestOutcome.Failed, staticInitFailure)).ToList();
        }

        var results = new List<TestResult>();
        TestResult? skippedSetup = null;
        foreach (TestCase testCase in plan.Cases)
        {
            if (skippedSetup != null)
            {
                // The device prints nothing for these; the adapter then lists them as not run.
                results.Add(new TestResult(
                    testCase.Name,
                    TestOutcome.Skipped,
                    $"Not run: [Setup] {skippedSetup.Name} skipped the class ({skippedSetup.Message})."));
                continue;
            }

            TestResult result = testCase.Rejection != null
                ? new TestResult(testCase.Name, TestOutcome.Failed, testCase.Rejection)
                : RunCase(testCase);
            results.Add(result);

            if (testCase.Kind == CaseKind.Setup && result.Outcome == TestOutcome.Skipped)
            {
                skippedSetup = result;
            }
        }

        return results;
    }

    // nanoCLR runs static constructors when it loads the assembly. .NET runs them on first static access, and
    // assumes an instance method never needs to, since an instance exists: with a null this it never would.
    private static string? RunStaticConstructors(Type type)
    {
        for (Type? t = type; t != null && t != typeof(object); t = t.BaseType)
        {
            try
            {
                RuntimeHelpers.RunClassConstructor(t.TypeHandle);
            }
            catch (TypeInitializationException ex)
            {
                Exception cause = ex.InnerException ?? ex;
                return $"The static constructor of {t.FullName} threw {cause.GetType().FullName}: {cause.Message}";
            }
        }

        return null;
    }

    private static TestResult RunCase(TestCase testCase)
    {
        lock (s_consoleLock)
        {
            TextWriter console = Console.Out;
            using var output = new StringWriter();
            Console.SetOut(output);
            try
            {
                return Invoke(testCase, output);
            }
            finally
            {
                Console.SetOut(console);
            }
        }
    }

    private static TestResult Invoke(TestCase testCase, StringWriter output)
    {
        Action<object?[]?> call = NullThisInvoker.Create(testCase.Method);
        AssertMessageAudit.Take(); // forget anything noted outside a test
        var clock = Stopwatch.StartNew();
        try
        {
            call(testCase.Arguments);
            clock.Stop();
            string? commaMessage = AssertMessageAudit.Take();
            return commaMessage == null
                ? new TestResult(testCase.Name, TestOutcome.Passed, string.Empty, clock.Elapsed.Ticks, output.ToString())
                : Failed(testCase, CommaAdvice($"assert message \"{commaMessage}\""), output, null);
        }
        catch (Exception ex)
        {
            AssertMessageAudit.Take();
            return Classify(testCase, ex, output);
        }
    }

    private static TestResult Classify(TestCase testCase, Exception ex, StringWriter output)
    {
        string message = ex.Message;

        // The device compares the exact type: a subclass of SkipTestException counts as a failure.
        if (ex.GetType() == typeof(SkipTestException))
        {
            return message.Contains(',')
                ? Failed(testCase, CommaAdvice($"skip message \"{message}\""), output, ex)
                : new TestResult(testCase.Name, TestOutcome.Skipped, message, 0, output.ToString(), ex);
        }

        if (ex is AssertFailedException)
        {
            return Failed(testCase, message.Contains(',') ? CommaAdvice($"failure message \"{message}\"") : message, output, ex);
        }

        // Not an assertion: the device prints only ex.Message, and nano's messages differ from .NET's.
        return Failed(testCase, $"{ex.GetType().FullName}: {message}", output, ex);
    }

    private static TestResult Failed(TestCase testCase, string message, StringWriter output, Exception? ex) =>
        new(testCase.Name, TestOutcome.Failed, message, 0, output.ToString(), ex);

    private static string CommaAdvice(string what) =>
        $"The {what} contains a comma. On the device the test adapter splits result lines on commas and would "
        + "show this test as not run instead of failed. Pass an explicit comma-free message "
        + "(the default message is the argument expression).";
}
