// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Linq;
using TinTin.Sensors.Features;
using Xunit.Abstractions;

namespace TinTin.Sensors.Tests;

/// <summary>
/// TimeFeatures against moments in double. The integer features are taken about the integer mean m, so the
/// reference is too (moments about m, exact in double for these sizes); a separate test bounds the effect of
/// m ≠ μ. Tolerances: RMS exact (floor); crest factor ±1 Q16 unit (+ 2^-29 relative);
/// kurtosis relative 2·crest²·2^-21 + 2^-20 plus 1 Q16 unit.
/// </summary>
public sealed class TimeFeaturesTests(ITestOutputHelper output)
{
    // 2^-29, 2^-21, 2^-20.
    private static readonly double TwoPow29 = Math.ScaleB(1, -29);
    private static readonly double TwoPow21 = Math.ScaleB(1, -21);
    private static readonly double TwoPow20 = Math.ScaleB(1, -20);

    public static TheoryData<string, int> Signals() => new()
    {
        { "gaussian", 4096 },
        { "gaussian", 1000 },
        { "small gaussian", 4096 },
        { "tone", 4096 },
        { "impulses", 4096 },
        { "impulses", 256 },
        { "full scale random", 4096 },
        { "extreme", 4096 },
    };

    [Theory]
    [MemberData(nameof(Signals))]
    public void FeaturesMatchTheDoubleReference(string kind, int count)
    {
        int[] samples = MakeSignal(kind, count);
        var features = new TimeFeatures();
        features.Compute(samples, 0, 1, count);

        double mean = samples.Average();
        long m = (long)Math.Round(mean, MidpointRounding.AwayFromZero);
        Assert.Equal(m, features.Mean);

        double s2 = 0;
        double s4 = 0;
        long peak = 0;
        foreach (int x in samples)
        {
            double d = x - m;
            s2 += d * d;
            s4 += d * d * d * d;
            peak = Math.Max(peak, Math.Abs(x - m));
        }

        Assert.Equal(peak, features.Peak);
        Assert.Equal((long)s2, features.SumOfSquares);
        Assert.Equal((int)Math.Floor(Math.Sqrt(Math.Floor(s2 / count))), features.Rms);

        double crest = peak / Math.Sqrt(s2 / count);
        double crestQ16 = crest * 65536;
        output.WriteLine($"{kind} n={count}: crest {features.CrestFactorQ16 / 65536.0:F5} vs {crest:F5}");
        Assert.InRange(features.CrestFactorQ16, crestQ16 - 1 - (crestQ16 * TwoPow29), crestQ16 + (crestQ16 * TwoPow29));

        double kurtosis = count * s4 / (s2 * s2);
        double tolerance = (kurtosis * ((2 * crest * crest * TwoPow21) + TwoPow20)) + (1.0 / 65536);
        output.WriteLine($"{kind} n={count}: kurtosis {features.KurtosisQ16 / 65536.0:F6} vs {kurtosis:F6} (±{tolerance:G3})");
        Assert.InRange(features.KurtosisQ16 / 65536.0, kurtosis - tolerance, kurtosis + tolerance);
    }

    [Theory]
    [MemberData(nameof(Signals))]
    public void TheIntegerMeanChangesTheFeaturesLittle(string kind, int count)
    {
        // Against the exact mean μ: the second moment is over-estimated by (m − μ)² ≤ ¼ and the peak moves ≤ ½.
        int[] samples = MakeSignal(kind, count);
        var features = new TimeFeatures();
        features.Compute(samples, 0, 1, count);
        double mu = samples.Average();
        double variance = samples.Sum(x => (x - mu) * (x - mu)) / count;
        double rmsExact = Math.Sqrt(variance);
        double peakExact = samples.Max(x => Math.Abs(x - mu));
        Assert.InRange(features.Rms, rmsExact - 1, rmsExact + (0.25 / rmsExact));
        Assert.InRange(features.Peak, peakExact - 0.5, peakExact + 0.5);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(32767)]
    public void SquareWaveCrestIsExactlyOne(int amplitude)
    {
        var samples = new int[4096];
        for (int n = 0; n < samples.Length; n++)
        {
            samples[n] = (n & 8) == 0 ? amplitude : -amplitude;
        }

        var features = new TimeFeatures();
        features.Compute(samples, 0, 1, samples.Length);
        Assert.Equal(TimeFeatures.OneQ16, features.CrestFactorQ16);
        Assert.Equal(amplitude, features.Rms);

        // Kurtosis 1: exact while peak² < 2^22 (no shift); above, p = ⌊d²/2^s⌋ truncates and it may read one unit low.
        if (amplitude * amplitude < (1 << 22))
        {
            Assert.Equal(TimeFeatures.OneQ16, features.KurtosisQ16);
        }
        else
        {
            Assert.InRange(features.KurtosisQ16, TimeFeatures.OneQ16 - 1, TimeFeatures.OneQ16);
        }
    }

    private static int[] MakeSignal(string kind, int count)
    {
        var random = new Random(kind.Length * 31 + count);
        switch (kind)
        {
            case "gaussian":
                return Reference.GaussianInt16(random, count, 4000, -1200);
            case "small gaussian":
                return Reference.GaussianInt16(random, count, 40, 3);
            case "tone":
                return Reference.Tone(count, 37.3, 25000, 0.2);
            case "impulses":
            {
                int[] values = Reference.GaussianInt16(random, count, 300, 0);
                for (int n = 5; n < count; n += 97)
                {
                    values[n] = 30000;
                }

                return values;
            }

            case "full scale random":
                return Reference.RandomInt16(random, count);
            case "extreme":
            {
                // One sample at the other end of the range: |d| near 65535, d² near 2^32, the largest shift.
                var values = Enumerable.Repeat(-32768, count).ToArray();
                values[count / 2] = 32767;
                return values;
            }

            default:
                throw new ArgumentException(kind);
        }
    }
}
