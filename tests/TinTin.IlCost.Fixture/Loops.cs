// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost.Fixture;

/// <summary>Loop kernels: their cost is linear in the trip count.</summary>
public static class Loops
{
    /// <summary>0 + 1 + ... + (n - 1) in int.</summary>
    public static int IntSum(int n)
    {
        int sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += i;
        }

        return sum;
    }

    /// <summary>The int dot product of the first <paramref name="n"/> elements.</summary>
    public static int IntDot(int[] a, int[] b, int n)
    {
        int sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>The float twin of <see cref="IntDot"/>: the same IL but for the element and arithmetic types.</summary>
    public static float FloatDot(float[] a, float[] b, int n)
    {
        float sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
