// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.IlCost.Fixture;

/// <summary>Switches, try/finally, exceptions thrown and caught, an exception filter.</summary>
public static class ControlFlow
{
    /// <summary>A switch inside a try whose finally mixes in the index.</summary>
    public static int SwitchInFinally(int n)
    {
        int total = 0;
        for (int i = 0; i < n; i++)
        {
            try
            {
                switch (i % 5)
                {
                    case 0:
                        total += 1;
                        break;
                    case 1:
                        total += 10;
                        break;
                    case 2:
                        total += 100;
                        break;
                    case 3:
                        total -= 7;
                        break;
                    default:
                        total *= 3;
                        break;
                }
            }
            finally
            {
                total ^= i;
            }
        }

        return total;
    }

    /// <summary>Throws on every third index; catch and finally both count.</summary>
    public static int CatchEveryThird(int n)
    {
        int total = 0;
        for (int i = 0; i < n; i++)
        {
            try
            {
                if (i % 3 == 0)
                {
                    throw new InvalidOperationException("third");
                }

                total += 2;
            }
            catch (InvalidOperationException e)
            {
                total += e.Message.Length;
            }
            finally
            {
                total++;
            }
        }

        return total;
    }

    /// <summary>A division by zero every fourth index, caught by a filtered handler or the next one.</summary>
    public static int FilteredCatch(int n)
    {
        int total = 0;
        for (int i = 0; i < n; i++)
        {
            try
            {
                total += Divide(100, i % 4);
            }
            catch (DivideByZeroException) when (i % 8 == 0)
            {
                total += 1000;
            }
            catch (DivideByZeroException)
            {
                total -= 1;
            }
        }

        return total;
    }

    /// <summary>Throws when <paramref name="n"/> is negative, out of a nested try.</summary>
    public static int ThrowOut(int n)
    {
        try
        {
            try
            {
                if (n < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(n));
                }

                return n * 2;
            }
            finally
            {
                n++;
            }
        }
        catch (ArgumentOutOfRangeException) when (n > -2)
        {
            return -1;
        }
    }

    private static int Divide(int a, int b) => a / b;
}
