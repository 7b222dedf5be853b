// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost.Fixture;

/// <summary>Methods without branches: one basic block each.</summary>
public static class StraightLine
{
    /// <summary>int arithmetic on two arguments.</summary>
    public static int IntOps(int a, int b) => ((a * b) + 3 ^ a) - b;

    /// <summary>A float multiply widened to double: float and double weights.</summary>
    public static double Mixed(float x, double y) => (x * 2f) + y;

    /// <summary>long arithmetic: long weights and a long division.</summary>
    public static long LongOps(long a, long b) => (a + b) * a / b;

    /// <summary>Array loads: ldarg of a reference (+14), ldelem.i4, ldlen, conv.i4 after ldlen.</summary>
    public static int HeadPlusLength(int[] values) => values[0] + values.Length;
}
