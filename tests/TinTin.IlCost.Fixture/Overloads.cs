// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost.Fixture;

/// <summary>Two methods of one name: a per-method profile tells them apart by their parameter types.</summary>
public static class Overloads
{
    /// <summary>Three times an int.</summary>
    public static int Scale(int x) => x * 3;

    /// <summary>Three times a float.</summary>
    public static float Scale(float x) => x * 3f;

    /// <summary>Calls both overloads.</summary>
    public static float Both(int x) => Scale(x) + Scale((float)x);
}
