// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Linq;

namespace TinTin.Data.Tests;

/// <summary>The 48 -> 12 kHz decimator: passband kept, aliases removed, lengths and edges as documented.</summary>
public sealed class DecimatorTests
{
    private const double InputRate = 48000;
    private const double OutputRate = 12000;

    // Measure away from the mirrored edges: 1200 output samples (0.1 s, whole periods of 1 and 2 kHz).
    private const int MeasureStart = 600;
    private const int MeasureLength = 1200;

    private static readonly Decimator s_decimator = new(4);

    [Fact]
    public void OneKilohertzKeepsItsAmplitudeWithinOnePercent()
    {
        double[] y = s_decimator.Process(Dft.Tone(48000, 1000, InputRate, phase: 0.3));

        double amplitude = Dft.Amplitude(y, MeasureStart, MeasureLength, 1000, OutputRate);

        Assert.InRange(amplitude, 0.99, 1.01);
    }

    [Fact]
    public void TenKilohertzAliasAtTwoKilohertzIsAtLeast60DbDown()
    {
        // 10 kHz sampled at 12 kHz folds to 2 kHz: without the filter it would arrive there at full amplitude.
        double[] x = Dft.Tone(48000, 10000, InputRate, phase: 0.7);
        double[] naive = Enumerable.Range(0, 12000).Select(m => x[4 * m]).ToArray();
        Assert.InRange(Dft.Amplitude(naive, MeasureStart, MeasureLength, 2000, OutputRate), 0.99, 1.01);

        double[] y = s_decimator.Process(x);
        double amplitude = Dft.Amplitude(y, MeasureStart, MeasureLength, 2000, OutputRate);

        Assert.True(20 * Math.Log10(amplitude) <= -60, $"alias at 2 kHz is {20 * Math.Log10(amplitude):F1} dB");
    }

    [Fact]
    public void FrequencyResponsePassbandAndStopband()
    {
        // Passband up to 0.40 fs' = 4.8 kHz within 0.1 %; everything from the output Nyquist (6 kHz) to
        // the input Nyquist (24 kHz), which would alias, at least 60 dB down.
        for (double f = 0; f <= 4800; f += 25)
        {
            Assert.InRange(Dft.Response(s_decimator.Coefficients, f / InputRate), 0.999, 1.001);
        }

        for (double f = 6000; f <= 24000; f += 25)
        {
            double db = 20 * Math.Log10(Dft.Response(s_decimator.Coefficients, f / InputRate));
            Assert.True(db <= -60, $"{f} Hz: {db:F1} dB");
        }

        // The cutoff (0.45 fs' = 5.4 kHz) is the -6 dB point of a windowed sinc.
        Assert.InRange(Dft.Response(s_decimator.Coefficients, 5400 / InputRate), 0.45, 0.55);
    }

    [Fact]
    public void CoefficientsAreSymmetricOddAndSumToOne()
    {
        var h = s_decimator.Coefficients;

        Assert.Equal(1, h.Count % 2);
        Assert.Equal((h.Count - 1) / 2, s_decimator.Delay);
        Assert.Equal(1.0, h.Sum(), 12);
        for (int k = 0; k < h.Count; k++)
        {
            Assert.Equal(h[k], h[h.Count - 1 - k], 15);
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(243938, 60985)]
    public void LengthIsTheCeilingOfNOverFour(int input, int expected)
    {
        Assert.Equal(expected, s_decimator.OutputLength(input));
        Assert.Equal(expected, s_decimator.Process(new double[input]).Length);
    }

    [Fact]
    public void OutputIsAlignedWithEveryFourthInputSample()
    {
        // The delay is compensated: a slow tone comes out equal to x[4m], not shifted by 101 samples.
        double[] x = Dft.Tone(20000, 50, InputRate, phase: 1);
        double[] y = s_decimator.Process(x);

        for (int m = 100; m < y.Length - 100; m++)
        {
            Assert.Equal(x[4 * m], y[m], 3);
        }
    }

    [Fact]
    public void MirroredEdgesKeepAConstantSignalConstant()
    {
        // Zero padding would pull the first and last ~25 outputs towards 0; the mirror keeps them.
        double[] y = s_decimator.Process(Enumerable.Repeat(0.75, 1001).ToArray());

        Assert.All(y, v => Assert.Equal(0.75, v, 12));
    }

    [Fact]
    public void ShortInputsShorterThanTheFilterStillWork()
    {
        double[] y = s_decimator.Process([1, 1, 1, 1, 1, 1, 1]);

        Assert.Equal(2, y.Length);
        Assert.All(y, v => Assert.Equal(1, v, 12));
    }

    [Fact]
    public void FactorBelowTwoIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Decimator(1));
    }
}
