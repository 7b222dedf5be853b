// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost.Fixture;

/// <summary>A rectangle.</summary>
/// <param name="width">The width.</param>
/// <param name="height">The height.</param>
public sealed class Rectangle(int width, int height) : Shape
{
    /// <inheritdoc/>
    public override int Area() => width * height;
}
