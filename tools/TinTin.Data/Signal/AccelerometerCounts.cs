// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Data;

/// <summary>
/// Converts acceleration in g to the integer counts a 16-bit accelerometer would output, so that the
/// recorded CWRU signals reach the integer pipeline exactly as the board's sensor would deliver them.
/// </summary>
public static class AccelerometerCounts
{
    /// <summary>
    /// The default resolution, 488 micro-g per count: an ST IIS3DWB at full scale plus or minus 16 g. Its
    /// datasheet ("IIS3DWB: Ultra-wide bandwidth, low-noise, 3-axis digital vibration sensor", table
    /// "Mechanical characteristics", sensitivity So) gives 0.061, 0.122, 0.244 and 0.488 mg/LSB typical at
    /// 2, 4, 8 and 16 g; ST's reference driver (STMems_Standard_C_drivers, iis3dwb_reg.c,
    /// <c>iis3dwb_from_fs16g_to_mg</c>) multiplies by the same 0.488. It is 32 g / 65536 counts (0.48828 mg)
    /// rounded to the micro-g. CWRU's peak accelerations (a few g) stay far inside that range.
    /// </summary>
    public const int DefaultMicroGPerCount = 488;

    /// <summary>The largest magnitude of a count. Symmetric (not -32768): negating a count can then never overflow downstream.</summary>
    public const int MaxCount = 32767;

    /// <summary>Converts g to counts at <see cref="DefaultMicroGPerCount"/>.</summary>
    /// <param name="g">The acceleration in g.</param>
    /// <param name="clipped">How many samples were saturated at plus or minus <see cref="MaxCount"/>.</param>
    /// <returns>The counts, one per sample.</returns>
    /// <exception cref="ArgumentException">A sample is NaN.</exception>
    public static int[] FromG(double[] g, out int clipped) => FromG(g, DefaultMicroGPerCount, out clipped);

    /// <summary>
    /// Converts g to counts: round(g * 1e6 / <paramref name="microGPerCount"/>) to the nearest integer
    /// (halves away from zero, so positive and negative signals quantise alike), saturated at plus or
    /// minus <see cref="MaxCount"/> as the sensor's output register saturates.
    /// </summary>
    /// <param name="g">The acceleration in g.</param>
    /// <param name="microGPerCount">The resolution in micro-g per count, 1 or more.</param>
    /// <param name="clipped">How many samples were saturated (infinities included).</param>
    /// <returns>The counts, one per sample.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="microGPerCount"/> is below 1.</exception>
    /// <exception cref="ArgumentException">A sample is NaN (a sensor has no count for it).</exception>
    public static int[] FromG(double[] g, int microGPerCount, out int clipped)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentOutOfRangeException.ThrowIfLessThan(microGPerCount, 1);
        var counts = new int[g.Length];
        clipped = 0;
        for (int i = 0; i < g.Length; i++)
        {
            if (double.IsNaN(g[i]))
            {
                throw new ArgumentException($"sample {i} is NaN", nameof(g));
            }

            double rounded = Math.Round(g[i] * 1e6 / microGPerCount, MidpointRounding.AwayFromZero);
            if (rounded > MaxCount || rounded < -MaxCount)
            {
                clipped++;
                counts[i] = rounded > 0 ? MaxCount : -MaxCount;
            }
            else
            {
                counts[i] = (int)rounded;
            }
        }

        return counts;
    }
}
