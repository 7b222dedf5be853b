// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Numerics;

namespace TinTin.Sensors.Tests;

/// <summary>Double-precision references and deterministic test signals.</summary>
internal static class Reference
{
    /// <summary>The FFT's stated error bound (complex magnitude, output units): 1.6·log2 N.</summary>
    public static double FftErrorBound(int length) => 1.6 * Math.Log2(length);

    /// <summary>The DFT X[k]/N by direct summation with exact twiddles.</summary>
    public static Complex[] ScaledDft(double[] real, double[] imag)
    {
        int n = real.Length;
        var cos = new double[n];
        var sin = new double[n];
        for (int m = 0; m < n; m++)
        {
            cos[m] = Math.Cos(2 * Math.PI * m / n);
            sin[m] = Math.Sin(2 * Math.PI * m / n);
        }

        var result = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            double sumRe = 0;
            double sumIm = 0;
            for (int t = 0; t < n; t++)
            {
                // e^(−2πi·kt/N) with kt reduced mod N: cos − i·sin.
                int m = (int)(((long)k * t) % n);
                sumRe += (real[t] * cos[m]) + (imag[t] * sin[m]);
                sumIm += (imag[t] * cos[m]) - (real[t] * sin[m]);
            }

            result[k] = new Complex(sumRe / n, sumIm / n);
        }

        return result;
    }

    public static Complex[] ScaledDft(int[] real, int[] imag) =>
        ScaledDft(Array.ConvertAll(real, v => (double)v), Array.ConvertAll(imag, v => (double)v));

    /// <summary>Uniform int16 values in [−32768, 32767].</summary>
    public static int[] RandomInt16(Random random, int length)
    {
        var values = new int[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = random.Next(-32768, 32768);
        }

        return values;
    }

    /// <summary>Roughly Gaussian int16 values (sum of 12 uniforms) with the given σ and offset, clamped.</summary>
    public static int[] GaussianInt16(Random random, int length, double sigma, int offset)
    {
        var values = new int[length];
        for (int i = 0; i < length; i++)
        {
            double g = -6;
            for (int j = 0; j < 12; j++)
            {
                g += random.NextDouble();
            }

            values[i] = (int)Math.Clamp(Math.Round(offset + (sigma * g)), -32768, 32767);
        }

        return values;
    }

    /// <summary>A·cos(2π·cycles·n/N + phase), rounded to int16.</summary>
    public static int[] Tone(int length, double cycles, double amplitude, double phase)
    {
        var values = new int[length];
        for (int n = 0; n < length; n++)
        {
            values[n] = (int)Math.Clamp(Math.Round(amplitude * Math.Cos((2 * Math.PI * cycles * n / length) + phase)), -32768, 32767);
        }

        return values;
    }
}
