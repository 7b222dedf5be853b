// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Reflection;

namespace TinTin.TestLauncher;

/// <summary>Which launcher attribute produced a test case; also the order the device runs them in.</summary>
public enum CaseKind
{
    /// <summary>[Setup]: runs first, once per class.</summary>
    Setup,

    /// <summary>[TestMethod] without [DataRow].</summary>
    TestMethod,

    /// <summary>One [DataRow] of a test method.</summary>
    DataRow,

    /// <summary>[Cleanup]: runs last, once per class.</summary>
    Cleanup,
}

/// <summary>
/// One case as the device reports it: <c>Namespace.Class.Method.i</c>, where i numbers the method's launcher
/// attributes after a [TestMethod] that sits next to [DataRow]s is dropped (so a plain test is <c>.0</c>).
/// </summary>
/// <param name="Name">The case name the device prints and the test adapter lists.</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="Kind">The attribute that made this a case.</param>
/// <param name="Arguments">The [DataRow] arguments; null for the other kinds.</param>
/// <param name="Rejection">Why this case must not run (it would break or be misreported on a board); null if fine.</param>
public sealed record TestCase(string Name, MethodInfo Method, CaseKind Kind, object?[]? Arguments, string? Rejection);

/// <summary>A [TestClass] and its cases, in the order the device runs them.</summary>
/// <param name="Type">The test class.</param>
/// <param name="Cases">Setup cases, then test methods, then data rows, then cleanup cases.</param>
/// <param name="Rejection">Why none of the class's cases may run; null if the class is fine.</param>
public sealed record TestClassPlan(Type Type, IReadOnlyList<TestCase> Cases, string? Rejection);
