// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.IlCost.Runtime;

/// <summary>
/// The running total of estimated interpreter instructions (see docs: mcu-cost.md). Instrumented
/// code adds each basic block's weight to <see cref="Total"/> when the block starts; code instrumented
/// for a per-method profile also adds it to its method's slot of <see cref="PerMethod"/>.
/// </summary>
/// <remarks>
/// Process-wide fields, updated without synchronisation: measure one run at a time, on one
/// thread, and read <see cref="Total"/> (or a <see cref="CostProfile"/>) after it.
/// </remarks>
public static class CostCounter
{
    /// <summary>Estimated interpreter instructions executed by instrumented code since the last <see cref="Reset"/>.</summary>
    public static long Total;

    /// <summary>
    /// The exclusive cost of each profiled method since the last <see cref="Reset"/>, by method id
    /// (<see cref="MethodRegistry"/>). Longer than the number of ids; replaced by a larger copy when
    /// an assembly registers its methods. Read it through <see cref="CostProfile.Snapshot"/>; do not assign it.
    /// </summary>
    public static long[] PerMethod = [];

    /// <summary>Sets <see cref="Total"/> and every slot of <see cref="PerMethod"/> to zero.</summary>
    public static void Reset()
    {
        Total = 0;
        Array.Clear(PerMethod);
    }

    /// <summary>
    /// Adds <paramref name="weight"/> to the slot of method <paramref name="method"/>. Called by the
    /// per-method probe, after it has added the same weight to <see cref="Total"/>.
    /// </summary>
    /// <param name="method">A method id returned by <see cref="MethodRegistry.Register"/> (its base plus the method's index).</param>
    /// <param name="weight">The weight of the block that starts.</param>
    /// <remarks>
    /// A call rather than inline IL: the probe computes the id (which may run the registration that
    /// grows <see cref="PerMethod"/>) before the array is read, here.
    /// </remarks>
    public static void Charge(int method, long weight) => PerMethod[method] += weight;
}
