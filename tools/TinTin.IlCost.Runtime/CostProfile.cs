// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;

namespace TinTin.IlCost.Runtime;

/// <summary>
/// Where the interpreter cost went, by method: the exclusive cost (<see cref="CostProfileEntry.Cost"/>)
/// of every method of the assemblies instrumented for a per-method profile. Methods of the same name
/// (the same assembly loaded in several contexts) are one entry.
/// </summary>
/// <remarks>
/// Exclusive only: a method's cost is its own blocks, so the entries add up to what the profiled code
/// added to <see cref="CostCounter.Total"/>, and a caller's entry includes the price of its calls but
/// not what the callees' bodies cost. Code instrumented without the per-method option is in
/// <see cref="CostCounter.Total"/> but in no entry.
/// </remarks>
public sealed class CostProfile
{
    private readonly Dictionary<string, long> _byMethod;

    private CostProfile(IEnumerable<KeyValuePair<string, long>> costs)
    {
        _byMethod = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach ((string method, long cost) in costs)
        {
            _byMethod[method] = _byMethod.GetValueOrDefault(method) + cost;
        }

        Entries = _byMethod
            .Where(e => e.Value != 0)
            .Select(e => new CostProfileEntry(e.Key, e.Value))
            .OrderByDescending(e => e.Cost)
            .ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToArray();
        Total = Entries.Sum(e => e.Cost);
    }

    /// <summary>The methods of nonzero cost, by cost descending (then by name).</summary>
    public IReadOnlyList<CostProfileEntry> Entries { get; }

    /// <summary>The sum of <see cref="Entries"/>' costs.</summary>
    public long Total { get; }

    /// <summary>The per-method costs counted since the last <see cref="CostCounter.Reset"/>.</summary>
    /// <returns>A copy: later runs do not change it.</returns>
    public static CostProfile Snapshot()
    {
        (string[] names, long[] costs) = MethodRegistry.Read();
        return new CostProfile(names.Select((name, id) => KeyValuePair.Create(name, costs[id])));
    }

    /// <summary>What was counted between two snapshots, by method.</summary>
    /// <param name="before">The earlier snapshot.</param>
    /// <param name="after">The later snapshot.</param>
    /// <returns><paramref name="after"/> minus <paramref name="before"/>, method by method.</returns>
    public static CostProfile Difference(CostProfile before, CostProfile after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return new CostProfile(after._byMethod.Concat(before._byMethod.Select(e => KeyValuePair.Create(e.Key, -e.Value))));
    }

    /// <summary>The exclusive cost of one method; 0 when it has no entry.</summary>
    /// <param name="method">The method's name (see <see cref="CostProfileEntry.Method"/>).</param>
    /// <returns>Its cost.</returns>
    public long CostOf(string method) => _byMethod.GetValueOrDefault(method);

    /// <summary>
    /// A plain-text table of the costliest methods: rank, share of <see cref="Total"/> in percent,
    /// cost and method, one line each, then one line for the rest (if any) and one for the total.
    /// </summary>
    /// <param name="top">How many methods to list (at least 0).</param>
    /// <returns>The table, lines ended by <c>\n</c>.</returns>
    public string Format(int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        return CostProfileTable.Render(Entries, Total, top);
    }

    /// <inheritdoc/>
    public override string ToString() => Format(20);
}
