// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Threading;

namespace TinTin.IlCost.Runtime;

/// <summary>
/// The names of the methods that have a slot in <see cref="CostCounter.PerMethod"/>. Each module
/// instrumented for a per-method profile registers its method names once, when its code first
/// runs, and receives the id of the first: ids are unique across every instrumented assembly of the
/// process, whatever load context it is in.
/// </summary>
public static class MethodRegistry
{
    /// <summary>The separator of the names passed to <see cref="Register"/>.</summary>
    public const char Separator = '\n';

    private const int InitialCapacity = 256;
    private static readonly object Gate = new();
    private static readonly List<string> Names = [];

    /// <summary>How many ids have been given out.</summary>
    public static int Count
    {
        get
        {
            lock (Gate)
            {
                return Names.Count;
            }
        }
    }

    /// <summary>
    /// Gives consecutive ids to <paramref name="names"/> and makes <see cref="CostCounter.PerMethod"/>
    /// long enough for them (a larger copy that keeps the costs counted so far).
    /// </summary>
    /// <param name="names">Method names, separated by <see cref="Separator"/>; an empty string is one (empty) name.</param>
    /// <returns>The id of the first name; the i-th name has that id plus i.</returns>
    public static int Register(string names)
    {
        ArgumentNullException.ThrowIfNull(names);
        string[] added = names.Split(Separator);
        lock (Gate)
        {
            int first = Names.Count;
            Names.AddRange(added);
            long[] slots = CostCounter.PerMethod;
            if (slots.Length < Names.Count)
            {
                long[] grown = new long[Math.Max(Names.Count, Math.Max(InitialCapacity, slots.Length * 2))];
                Array.Copy(slots, grown, slots.Length);
                Volatile.Write(ref CostCounter.PerMethod, grown);
            }

            return first;
        }
    }

    /// <summary>The name registered with <paramref name="id"/>.</summary>
    /// <param name="id">An id below <see cref="Count"/>.</param>
    /// <returns>The method's name, e.g. <c>TinTin.Layers.Dense::Forward</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">For an id that was not given out.</exception>
    public static string NameOf(int id)
    {
        lock (Gate)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, Names.Count);
            return Names[id];
        }
    }

    /// <summary>Every registered name with its current cost, by id (an atomic copy with respect to registration).</summary>
    internal static (string[] Names, long[] Costs) Read()
    {
        lock (Gate)
        {
            string[] names = Names.ToArray();
            long[] costs = new long[names.Length];
            Array.Copy(CostCounter.PerMethod, costs, names.Length);
            return (names, costs);
        }
    }
}
