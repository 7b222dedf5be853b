// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Numerics;
using TinTin.Sensors.Features;
using Xunit.Abstractions;

namespace TinTin.Sensors.Tests;

/// <summary>
/// IntegerFft against a double DFT scaled by the documented 1/N, within the documented bound 1.6·log2 N
/// (complex magnitude per bin).
/// </summary>
public sealed class IntegerFftTests(ITestOutputHelper output)
{
    private const double RmsErrorTolerance = 1.25;

    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        for (int n = IntegerFft.MinLength; n <= IntegerFft.MaxLength; n <<= 1)
        {
            data.Add(n);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void RandomComplexInt16MatchesTheScaledDft(int length)
    {
        var random = new Random(1000 + length);
        int trials = length >= 2048 ? 1 : 3;
        for (int trial = 0; trial < trials; trial++)
        {
            int[] real = Reference.RandomInt16(random, length);
            int[] imag = Reference.RandomInt16(random, length);
            CheckAgainstDft(length, real, imag, "random complex");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void RandomRealInt16MatchesTheScaledDft(int length)
    {
        var random = new Random(2000 + length);
        CheckAgainstDft(length, Reference.RandomInt16(random, length), new int[length], "random real");
    }

    [Theory]
    [InlineData(64, 5.0, 32767.0, 0.0)]
    [InlineData(256, 17.0, 20000.0, 0.3)]
    [InlineData(1024, 100.25, 30000.0, 1.0)]
    [InlineData(4096, 1000.5, 32000.0, -0.7)]
    [InlineData(4096, 3.0, 12.0, 0.0)]
    public void TonesMatchTheScaledDft(int length, double cycles, double amplitude, double phase)
    {
        int[] real = Reference.Tone(length, cycles, amplitude, phase);
        CheckAgainstDft(length, real, new int[length], $"tone {cycles} cycles");
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1024)]
    [InlineData(4096)]
    public void FullScaleInputsDoNotOverflow(int length)
    {
        // Every component at ±32768/32767: the largest input magnitudes, worst case for the products.
        var random = new Random(3000 + length);
        var real = new int[length];
        var imag = new int[length];
        for (int n = 0; n < length; n++)
        {
            real[n] = random.Next(2) == 0 ? -32768 : 32767;
            imag[n] = random.Next(2) == 0 ? -32768 : 32767;
        }

        CheckAgainstDft(length, real, imag, "full scale");

        // A complex exponential at full scale puts all energy in one bin (|X/N| = 32768·√2).
        for (int n = 0; n < length; n++)
        {
            real[n] = -32768;
            imag[n] = -32768;
        }

        CheckAgainstDft(length, real, imag, "full-scale DC");
    }

    private void CheckAgainstDft(int length, int[] real, int[] imag, string what)
    {
        Complex[] expected = Reference.ScaledDft(real, imag);
        var fft = new IntegerFft(length);
        var re = (int[])real.Clone();
        var im = (int[])imag.Clone();
        fft.Forward(re, im);

        double worst = 0;
        double sumSquares = 0;
        for (int k = 0; k < length; k++)
        {
            double error = Complex.Abs(new Complex(re[k], im[k]) - expected[k]);
            worst = Math.Max(worst, error);
            sumSquares += error * error;
        }

        double bound = Reference.FftErrorBound(length);
        output.WriteLine($"N={length} {what}: max error {worst:F3}, rms error {Math.Sqrt(sumSquares / length):F3}, bound {bound:F2}");
        Assert.True(worst <= bound, $"N={length} {what}: max error {worst} > bound {bound}");

        // Empirical, not a proof: the errors are noise-like, RMS about one output unit (observed 0.5–1.07).
        Assert.True(Math.Sqrt(sumSquares / length) <= RmsErrorTolerance, $"N={length} {what}: rms error too large");
    }
}
