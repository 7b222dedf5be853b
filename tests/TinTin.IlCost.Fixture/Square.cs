// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost.Fixture;

/// <summary>A square.</summary>
/// <param name="side">The side.</param>
public sealed class Square(int side) : Shape
{
    /// <inheritdoc/>
    public override int Area() => side * side;
}
