// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;

namespace TinTin.Data.Tests;

/// <summary>Double-precision single-frequency DFT, the reference the decimator is measured with.</summary>
internal static class Dft
{
    /// <summary>The amplitude of the component at <paramref name="frequency"/> in <paramref name="count"/> samples from <paramref name="start"/>: 2/L |sum x[n] e^(-j 2 pi f n / fs)|.</summary>
    public static double Amplitude(double[] x, int start, int count, double frequency, double sampleRate)
    {
        double re = 0;
        double im = 0;
        for (int n = 0; n < count; n++)
        {
            double phase = 2 * Math.PI * frequency * n / sampleRate;
            re += x[start + n] * Math.Cos(phase);
            im -= x[start + n] * Math.Sin(phase);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / count;
    }

    /// <summary>The magnitude of a filter's frequency response at <paramref name="cyclesPerSample"/>.</summary>
    public static double Response(IReadOnlyList<double> taps, double cyclesPerSample)
    {
        double re = 0;
        double im = 0;
        for (int k = 0; k < taps.Count; k++)
        {
            re += taps[k] * Math.Cos(2 * Math.PI * cyclesPerSample * k);
            im -= taps[k] * Math.Sin(2 * Math.PI * cyclesPerSample * k);
        }

        return Math.Sqrt((re * re) + (im * im));
    }

    public static double[] Tone(int length, double frequency, double sampleRate, double phase = 0)
    {
        var x = new double[length];
        for (int n = 0; n < length; n++)
        {
            x[n] = Math.Sin((2 * Math.PI * frequency * n / sampleRate) + phase);
        }

        return x;
    }
}
