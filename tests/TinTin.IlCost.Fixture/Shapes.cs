// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost.Fixture;

/// <summary>Allocation, virtual and non-virtual calls.</summary>
public static class Shapes
{
    /// <summary>Sums doubled areas of alternating shapes.</summary>
    public static int TotalArea(int n)
    {
        Shape[] shapes = [new Square(3), new Rectangle(2, 5)];
        int total = 0;
        for (int i = 0; i < n; i++)
        {
            total += shapes[i % shapes.Length].DoubleArea();
        }

        return total;
    }
}
