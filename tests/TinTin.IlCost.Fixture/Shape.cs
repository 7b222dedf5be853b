// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost.Fixture;

/// <summary>A shape with a virtual area.</summary>
public abstract class Shape
{
    /// <summary>The area.</summary>
    public abstract int Area();

    /// <summary>A non-virtual instance method.</summary>
    public int DoubleArea() => 2 * Area();
}
