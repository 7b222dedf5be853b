// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;

namespace TinTin.TestLauncher;

/// <summary>
/// Finds the test cases of an assembly the way the device launcher and the nanoFramework test adapter do
/// (UnitTestLauncher/Program.cs, TestAdapter/Discover.cs of nanoFramework.TestFramework 3.0.x), without running
/// anything, and marks the cases that break the device rules.
/// </summary>
public static class TestDiscovery
{
    private static readonly Type[] LauncherAttributes =
    {
        typeof(SetupAttribute), typeof(TestMethodAttribute), typeof(DataRowAttribute), typeof(CleanupAttribute),
    };

    /// <summary>Every class whose attributes include exactly <see cref="TestClassAttribute"/>, in type order.</summary>
    public static IReadOnlyList<TestClassPlan> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsClass && t.GetCustomAttributes(true).Any(a => a.GetType() == typeof(TestClassAttribute)))
            .Select(DiscoverClass)
            .ToList();

    /// <summary>The cases of one test class, in the order the device runs them.</summary>
    public static TestClassPlan DiscoverClass(Type type)
    {
        var cases = new List<TestCase>();

        // The device launcher calls type.GetMethods(): public methods only, inherited ones included.
        foreach (MethodInfo method in type.GetMethods())
        {
            AddCases(method, cases);
        }

        // Non-public methods with launcher attributes never run on the device: report them rather than hide them.
        const BindingFlags NonPublic = BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        foreach (MethodInfo method in type.GetMethods(NonPublic).Where(m => m.DeclaringType == type))
        {
            AddCases(method, cases);
        }

        RejectDuplicateNames(cases);

        // The launcher runs all [Setup]s, then all [TestMethod]s, then all [DataRow]s, then all [Cleanup]s.
        List<TestCase> ordered = cases.OrderBy(c => c.Kind).ToList(); // OrderBy is stable: method order is kept
        return new TestClassPlan(type, ordered, DeviceRules.CheckClass(type));
    }

    private static void AddCases(MethodInfo method, List<TestCase> cases)
    {
        string prefix = $"{method.DeclaringType!.FullName}.{method.Name}";
        object[] attributes;
        try
        {
            attributes = method.GetCustomAttributes(true);
        }
        catch (Exception ex)
        {
            // On the device this aborts the rest of the run silently (nanoframework.md §4.1 trap 3).
            string reason = (ex as TargetInvocationException)?.InnerException?.Message ?? ex.Message;
            cases.Add(new TestCase(
                $"{prefix}.0",
                method,
                CaseKind.TestMethod,
                null,
                $"Reading the attributes of {prefix} threw ({reason}): on the device this silently ends the whole run."));
            return;
        }

        attributes = Helper.RemoveTestMethodIfDataRowExists(attributes);
        object[] launcher = attributes.Where(IsLauncherAttribute).ToArray();
        if (launcher.Length == 0)
        {
            return;
        }

        string? methodRejection = DeviceRules.CheckMethod(method, attributes.Where(a => !IsLauncherAttribute(a)));

        // The adapter numbers only the launcher attributes (Discover.cs); with no foreign attribute (rejected
        // above) this is the same number the device launcher prints.
        for (int i = 0; i < launcher.Length; i++)
        {
            CaseKind kind = KindOf(launcher[i]);
            object?[]? arguments = (launcher[i] as DataRowAttribute)?.MethodParameters;
            string? rejection = methodRejection ?? DeviceRules.CheckArguments(method, kind, arguments);
            cases.Add(new TestCase($"{prefix}.{i}", method, kind, arguments, rejection));
        }
    }

    private static void RejectDuplicateNames(List<TestCase> cases)
    {
        HashSet<string> duplicated = cases.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        for (int i = 0; i < cases.Count; i++)
        {
            if (duplicated.Contains(cases[i].Name))
            {
                cases[i] = cases[i] with
                {
                    Rejection = $"Several methods produce the case name {cases[i].Name} (overloads?): the adapter "
                        + "matches result lines by name so it cannot tell them apart. Rename one.",
                };
            }
        }
    }

    // The device compares exact types, so a subclass of TestMethodAttribute is not a launcher attribute.
    private static bool IsLauncherAttribute(object attribute) => Array.IndexOf(LauncherAttributes, attribute.GetType()) >= 0;

    private static CaseKind KindOf(object attribute) => attribute switch
    {
        SetupAttribute => CaseKind.Setup,
        DataRowAttribute => CaseKind.DataRow,
        CleanupAttribute => CaseKind.Cleanup,
        _ => CaseKind.TestMethod,
    };
}
