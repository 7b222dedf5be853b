// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost.Fixture;

/// <summary>The same clamped sum written flat and with a helper call per element, and a recursion.</summary>
public static class Calls
{
    /// <summary>The clamp limit.</summary>
    public const int Limit = 100;

    /// <summary>Sum of min(value, <see cref="Limit"/>), clamped inline.</summary>
    public static int ClampedSumFlat(int[] values)
    {
        int sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            int value = values[i];
            if (value > Limit)
            {
                value = Limit;
            }

            sum += value;
        }

        return sum;
    }

    /// <summary>Sum of min(value, <see cref="Limit"/>), clamped by <see cref="Clamp"/>.</summary>
    public static int ClampedSumWithHelper(int[] values)
    {
        int sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += Clamp(values[i]);
        }

        return sum;
    }

    /// <summary>min(value, <see cref="Limit"/>), through a local.</summary>
    public static int Clamp(int value)
    {
        int result = value;
        if (result > Limit)
        {
            result = Limit;
        }

        return result;
    }

    /// <summary>The n-th Fibonacci number, recursively.</summary>
    public static int Fibonacci(int n) => n < 2 ? n : Fibonacci(n - 1) + Fibonacci(n - 2);
}
