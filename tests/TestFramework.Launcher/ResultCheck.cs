// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Linq;

namespace TinTin.TestLauncher;

/// <summary>
/// On the device a crash inside the launcher still ends with "Done." and exit code 0, so cases can vanish
/// without a failure (nanoframework.md §4.1 trap 3). A run is only trusted when every discovered case has
/// exactly one result and no result names an unknown case.
/// </summary>
public static class ResultCheck
{
    /// <summary>Describes every missing, repeated or unexpected result; empty when the run is complete.</summary>
    public static IReadOnlyList<string> FindProblems(IEnumerable<TestCase> cases, IEnumerable<TestResult> results)
    {
        var counts = results.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.Count());
        var problems = new List<string>();
        var known = new HashSet<string>();

        foreach (TestCase testCase in cases)
        {
            known.Add(testCase.Name);
            int count = counts.GetValueOrDefault(testCase.Name);
            if (count != 1)
            {
                problems.Add(count == 0 ? $"{testCase.Name}: no result" : $"{testCase.Name}: {count} results");
            }
        }

        problems.AddRange(counts.Keys.Where(name => !known.Contains(name)).Select(name => $"{name}: result for a case that was not discovered"));
        return problems;
    }
}
