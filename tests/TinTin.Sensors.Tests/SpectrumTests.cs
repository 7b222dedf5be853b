// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Numerics;
using TinTin.Sensors.Features;
using Xunit.Abstractions;

namespace TinTin.Sensors.Tests;

/// <summary>
/// Spectrum (Hann window + IntegerFft + exact isqrt) against the same spectrum in double with the exact
/// Hann window. Per bin |Z_int − Z| ≤ E = 1.6·log2 N + 1 (FFT, rounded windowed samples, Q15 window), and a
/// magnitude adds &lt; 1 for the floor of the square root.
/// </summary>
public sealed class SpectrumTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(64, 1)]
    [InlineData(256, 2)]
    [InlineData(1024, 3)]
    [InlineData(4096, 4)]
    public void MagnitudesAndBandEnergiesMatchTheDoubleReference(int length, int seed)
    {
        var random = new Random(seed);
        int[] noise = Reference.GaussianInt16(random, length, 3000, 500);
        int[] tone = Reference.Tone(length, length / 8.0, 20000, 0.4);
        var samples = new int[length];
        for (int n = 0; n < length; n++)
        {
            samples[n] = Math.Clamp(noise[n] + tone[n], -32768, 32767);
        }

        var spectrum = new Spectrum(length);
        spectrum.Compute(samples, 0);
        Complex[] expected = WindowedReference(samples);
        double perBin = Reference.FftErrorBound(length) + 1;

        double worst = 0;
        for (int k = 0; k < spectrum.BinCount; k++)
        {
            double error = Math.Abs(spectrum.Magnitudes[k] - Complex.Abs(expected[k]));
            worst = Math.Max(worst, error);
            Assert.True(error <= perBin + 1, $"bin {k}: |{spectrum.Magnitudes[k]} − {Complex.Abs(expected[k])}| > {perBin + 1}");
        }

        // Bands: |Σ|Z_int|² − Σ|Z|²| ≤ Σ E·(2|Z| + E), from |a² − b²| = |a − b|·|a + b|.
        int[] edges = { 0, 1, length / 16, length / 8, (length / 8) + 1, length / 4, (length / 2) + 1 };
        var energies = new long[edges.Length - 1];
        spectrum.BandEnergies(edges, energies);
        for (int b = 0; b < energies.Length; b++)
        {
            double exact = 0;
            double bound = 0;
            for (int k = edges[b]; k < edges[b + 1]; k++)
            {
                double magnitude = Complex.Abs(expected[k]);
                exact += magnitude * magnitude;
                bound += perBin * ((2 * magnitude) + perBin);
            }

            output.WriteLine($"N={length} band {edges[b]}..{edges[b + 1]}: integer {energies[b]}, double {exact:F0}, bound ±{bound:F0}");
            Assert.True(Math.Abs(energies[b] - exact) <= bound, $"band {b}");
        }

        output.WriteLine($"N={length}: max magnitude error {worst:F3} (bound {perBin + 1:F2})");
    }

    [Theory]
    [InlineData(64)]
    [InlineData(4096)]
    public void RectangularSpectrumSatisfiesParseval(int length)
    {
        // One-sided: E(0) + 2·ΣE(1..N/2−1) + E(N/2) = Σx²/N, within √(Σ over N bins of E²)-style bounds:
        // ‖Z_int‖ and ‖Z‖ (over all N bins) differ by at most ‖error‖ ≤ √N·1.6·log2 N.
        var random = new Random(7);
        int[] samples = Reference.RandomInt16(random, length);
        var spectrum = new Spectrum(new IntegerFft(length), null);
        spectrum.Compute(samples, 0);
        int half = length / 2;
        double energy = spectrum.BandEnergy(0, 1) + spectrum.BandEnergy(half, half + 1) + (2.0 * spectrum.BandEnergy(1, half));
        double parseval = 0;
        foreach (int x in samples)
        {
            parseval += (double)x * x;
        }

        parseval /= length;
        double normBound = Math.Sqrt(length) * Reference.FftErrorBound(length);
        output.WriteLine($"N={length}: √energy {Math.Sqrt(energy):F2}, √(Σx²/N) {Math.Sqrt(parseval):F2}, bound ±{normBound:F2}");
        Assert.True(Math.Abs(Math.Sqrt(energy) - Math.Sqrt(parseval)) <= normBound);
    }

    [Fact]
    public void StrideReadsOneAxisOfInterleavedSamples()
    {
        const int length = 256;
        int[] x = Reference.Tone(length, 10, 10000, 0);
        int[] y = Reference.Tone(length, 40, 10000, 0);
        var interleaved = new int[3 * length];
        for (int n = 0; n < length; n++)
        {
            interleaved[3 * n] = x[n];
            interleaved[(3 * n) + 1] = y[n];
            interleaved[(3 * n) + 2] = -5;
        }

        var fromInterleaved = new Spectrum(length);
        var fromPlain = new Spectrum(length);
        fromInterleaved.Compute(interleaved, 1, 3);
        fromPlain.Compute(y, 0);
        Assert.Equal(fromPlain.Magnitudes, fromInterleaved.Magnitudes);

        // Hann: a tone of amplitude A on a bin reads A/4 there.
        Assert.InRange(fromPlain.Magnitudes[40], 2500 - 16, 2500 + 16);
    }

    private static Complex[] WindowedReference(int[] samples)
    {
        int n = samples.Length;
        var windowed = new double[n];
        for (int i = 0; i < n; i++)
        {
            windowed[i] = samples[i] * 0.5 * (1 - Math.Cos(2 * Math.PI * i / n));
        }

        return Reference.ScaledDft(windowed, new double[n]);
    }
}
