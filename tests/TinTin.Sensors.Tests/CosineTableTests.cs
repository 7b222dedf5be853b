// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Features;
using Xunit.Abstractions;

namespace TinTin.Sensors.Tests;

/// <summary>The integer-generated cosine table and Hann window against Math.Cos.</summary>
public sealed class CosineTableTests(ITestOutputHelper output)
{
    // Q15 entries are the correctly rounded cosine up to the table's Q30 error: ≤ 0.5 + 2^-10 units.
    private const double Q15Tolerance = 0.5 + (1.0 / 1024);

    // The Q30 entries' error in Q30 units (observed ≤ 4.6 up to N = 65536).
    private const double Q30Tolerance = 16;

    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        for (int n = CosineTable.MinLength; n <= CosineTable.MaxLength; n <<= 1)
        {
            data.Add(n);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void EveryEntryMatchesMathCos(int length)
    {
        var table = new CosineTable(length);
        double worstQ15 = 0;
        double worstQ30 = 0;
        double worstSine = 0;
        for (int k = 0; k < length; k++)
        {
            double angle = 2 * Math.PI * k / length;
            worstQ15 = Math.Max(worstQ15, Math.Abs(table.CosineQ15(k) - (32768.0 * Math.Cos(angle))));
            worstQ30 = Math.Max(worstQ30, Math.Abs(table.CosineQ30(k) - (1073741824.0 * Math.Cos(angle))));
            worstSine = Math.Max(worstSine, Math.Abs(table.SineQ15(k) - (32768.0 * Math.Sin(angle))));
        }

        output.WriteLine($"N={length}: max |Q15 − cos| = {worstQ15:F6}, max |Q30 − cos| = {worstQ30:F2} Q30 units, max |sin Q15 − sin| = {worstSine:F6}");
        Assert.True(worstQ15 <= Q15Tolerance, $"cosine Q15 error {worstQ15}");
        Assert.True(worstSine <= Q15Tolerance, $"sine Q15 error {worstSine}");
        Assert.True(worstQ30 <= Q30Tolerance, $"cosine Q30 error {worstQ30}");
    }

    [Fact]
    public void IndicesAreTakenModuloThePeriod()
    {
        var table = new CosineTable(64);
        for (int k = -200; k < 200; k++)
        {
            Assert.Equal(table.CosineQ30(k & 63), table.CosineQ30(k));
        }

        Assert.Equal(CosineTable.OneQ15, table.CosineQ15(0));
        Assert.Equal(0, table.CosineQ15(16));
        Assert.Equal(-CosineTable.OneQ15, table.CosineQ15(32));
        Assert.Equal(CosineTable.OneQ15, table.SineQ15(16));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(65537)]
    [InlineData(131072)]
    public void RejectsLengthsThatAreNotPowersOfTwoInRange(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineTable(length));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(64)]
    [InlineData(1024)]
    [InlineData(4096)]
    public void HannWindowMatchesTheDoubleFormula(int length)
    {
        WindowFunction window = WindowFunction.Hann(new CosineTable(length));
        double worst = 0;
        for (int n = 0; n < length; n++)
        {
            double exact = 32768.0 * 0.5 * (1 - Math.Cos(2 * Math.PI * n / length));
            worst = Math.Max(worst, Math.Abs(window.Coefficient(n) - exact));
        }

        output.WriteLine($"N={length}: max |Hann Q15 − exact| = {worst:F6}");
        Assert.True(worst <= Q15Tolerance, $"Hann error {worst}");

        // Σw = N/2 and Σw² = 3N/8 for the exact periodic Hann window (N ≥ 4); each coefficient errs ≤ ½ unit.
        Assert.InRange(window.Sum, (length * 16384L) - (length / 2), (length * 16384L) + (length / 2));
        double energy = window.SumOfSquares / (32768.0 * 32768.0);
        Assert.InRange(energy, (3.0 * length / 8) - (length / 32768.0), (3.0 * length / 8) + (length / 32768.0));
    }
}
