// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Data;

/// <summary>The Kaiser window and Kaiser's design formulas (Oppenheim and Schafer, "Discrete-Time Signal Processing", 3rd ed., section 7.6).</summary>
internal static class KaiserWindow
{
    /// <summary>The shape parameter beta for a stopband attenuation of <paramref name="attenuationDb"/> dB (valid above 50 dB).</summary>
    public static double Beta(double attenuationDb) => 0.1102 * (attenuationDb - 8.7);

    /// <summary>The filter order (taps - 1) for an attenuation and a transition width in radians per sample.</summary>
    public static int Order(double attenuationDb, double transitionRadians) =>
        (int)Math.Ceiling((attenuationDb - 8) / (2.285 * transitionRadians));

    /// <summary>The window of <paramref name="length"/> points: I0(beta sqrt(1 - (2n/(N-1) - 1)^2)) / I0(beta).</summary>
    public static double[] Create(int length, double beta)
    {
        var w = new double[length];
        for (int n = 0; n < length; n++)
        {
            w[n] = At(length == 1 ? 0 : ((2.0 * n) / (length - 1)) - 1, beta);
        }

        return w;
    }

    /// <summary>The window's value at <paramref name="r"/> in [-1, 1] (0 at the centre, ±1 at the ends).</summary>
    public static double At(double r, double beta) => BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - (r * r)))) / BesselI0(beta);

    /// <summary>The modified Bessel function of the first kind, order 0, by its power series (converges fast for the betas used here, below 15).</summary>
    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 100; k++)
        {
            term *= half / k;
            double squared = term * term;
            sum += squared;
            if (squared < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
