// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Data;

/// <summary>How the filters read beyond a signal's ends: mirrored about the first and last sample.</summary>
internal static class SymmetricExtension
{
    /// <summary>Reflects an index into [0, n) about the first and last sample (whole-sample symmetric extension, period 2 (n - 1)).</summary>
    /// <param name="i">Any index.</param>
    /// <param name="n">The signal's length.</param>
    /// <returns>The index of the sample that stands at <paramref name="i"/>.</returns>
    public static int Mirror(int i, int n)
    {
        if (n == 1)
        {
            return 0;
        }

        int period = 2 * (n - 1);
        int r = i % period;
        if (r < 0)
        {
            r += period;
        }

        return r < n ? r : period - r;
    }
}
