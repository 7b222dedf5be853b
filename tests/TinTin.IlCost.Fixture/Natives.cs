// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.IlCost.Fixture;

/// <summary>Calls of the native runtime methods whose cost grows with their length (Array.Clear, Array.Copy), and of a framework method with locals.</summary>
public static class Natives
{
    /// <summary>Clears the first <paramref name="length"/> ints; returns the sum of the array afterwards.</summary>
    public static int ClearInts(int[] values, int length)
    {
        Array.Clear(values, 0, length);
        return Sum(values);
    }

    /// <summary>Clears the first <paramref name="length"/> sbytes; returns the sum of the array afterwards.</summary>
    public static int ClearBytes(sbyte[] values, int length)
    {
        Array.Clear(values, 0, length);
        int sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    /// <summary>
    /// Clears <paramref name="length"/> ints when <paramref name="all"/>, else one: the length is chosen by a
    /// branch, so the call starts a basic block (both branches join at it). Returns the sum afterwards.
    /// </summary>
    public static int ClearEither(int[] values, int length, bool all)
    {
        Array.Clear(values, 0, all ? length : 1);
        return Sum(values);
    }

    /// <summary>Copies the first <paramref name="length"/> ints of <paramref name="source"/> over a zeroed copy; returns the sum of the copy.</summary>
    public static int CopyInts(int[] source, int length)
    {
        int[] copy = new int[source.Length];
        Array.Copy(source, copy, length);
        return Sum(copy);
    }

    /// <summary>Copies <paramref name="length"/> floats from index 1 of <paramref name="source"/> to index 2 of a zeroed array; returns the sum of that array, truncated.</summary>
    public static int CopyFloatsAt(float[] source, int length)
    {
        float[] copy = new float[source.Length + 1];
        Array.Copy(source, 1, copy, 2, length);
        float sum = 0;
        for (int i = 0; i < copy.Length; i++)
        {
            sum += copy[i];
        }

        return (int)sum;
    }

    /// <summary>Concatenates two strings (string.Concat has IL locals in .NET; on nanoFramework it is not that code).</summary>
    public static int ConcatLength(string a, string b) => string.Concat(a, b).Length;

    private static int Sum(int[] values)
    {
        int sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}
