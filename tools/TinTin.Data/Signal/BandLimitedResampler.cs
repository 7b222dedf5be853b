// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Data;

/// <summary>
/// Changes a recording's sample rate to any other rate (12 kHz CWRU to an accelerometer's 3200 or 26667 Hz) by
/// band-limited interpolation: every output sample is the input convolved with a Kaiser-windowed sinc centred on the
/// output sample's exact time (J. O. Smith, "Digital Audio Resampling"). The low-pass keeps only what both rates can
/// carry: its cutoff (-6 dB) is 0.45 × the lower rate, its passband ends at 0.40 × and its stopband (80 dB, Kaiser's
/// formulas as in the <see cref="Decimator"/>) begins at 0.50 × the lower rate, so going down nothing aliases and going up
/// no image appears: an upsampled recording honestly has nothing above the original's 6 kHz band.
/// </summary>
/// <remarks>
/// The kernel is tabulated at <see cref="TableSteps"/> points per input sample and interpolated linearly between
/// them (error far below the 80 dB design). Beyond the ends the input is mirrored about its first and last sample.
/// </remarks>
public sealed class BandLimitedResampler
{
    /// <summary>The stopband attenuation the filter is designed for, in dB.</summary>
    public const double DesignAttenuationDb = 80;

    /// <summary>Kernel table points per input sample.</summary>
    public const int TableSteps = 512;

    private const double CutoffFraction = 0.45;
    private const double TransitionFraction = 0.10;

    private readonly double[] _table;
    private readonly int _halfWidth;

    /// <summary>Designs the filter for a pair of rates.</summary>
    /// <param name="inputRateHz">The recording's rate.</param>
    /// <param name="outputRateHz">The rate wanted.</param>
    public BandLimitedResampler(int inputRateHz, int outputRateHz)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRateHz, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRateHz, 1);
        InputRateHz = inputRateHz;
        OutputRateHz = outputRateHz;
        double lower = Math.Min(inputRateHz, outputRateHz) / (double)inputRateHz; // the lower rate in cycles per input sample
        double cutoff = CutoffFraction * lower;
        double transition = 2 * Math.PI * TransitionFraction * lower;
        int order = KaiserWindow.Order(DesignAttenuationDb, transition);
        _halfWidth = (order / 2) + 1;
        double beta = KaiserWindow.Beta(DesignAttenuationDb);
        _table = new double[(_halfWidth * TableSteps) + 2];
        for (int j = 0; j < _table.Length; j++)
        {
            double d = j / (double)TableSteps;
            double r = d / _halfWidth;
            double window = r >= 1 ? 0 : KaiserWindow.At(r, beta);
            double x = 2 * Math.PI * cutoff * d;
            _table[j] = 2 * cutoff * (d == 0 ? 1 : Math.Sin(x) / x) * window;
        }
    }

    /// <summary>Gets the input rate.</summary>
    public int InputRateHz { get; }

    /// <summary>Gets the output rate.</summary>
    public int OutputRateHz { get; }

    /// <summary>Gets the kernel's half-width in input samples (each output reads twice as many).</summary>
    public int HalfWidth => _halfWidth;

    /// <summary>Resamples a signal: output n is the band-limited input at time n / output rate.</summary>
    /// <param name="input">The signal at the input rate.</param>
    /// <returns>floor((length - 1) × out / in) + 1 samples at the output rate.</returns>
    public double[] Process(double[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length == 0)
        {
            return [];
        }

        int count = (int)((long)(input.Length - 1) * OutputRateHz / InputRateHz) + 1;
        var output = new double[count];
        for (int n = 0; n < count; n++)
        {
            // The output sample's time in input samples, exactly: n × in / out.
            long numerator = (long)n * InputRateHz;
            int center = (int)(numerator / OutputRateHz);
            double fraction = (numerator % OutputRateHz) / (double)OutputRateHz;
            double acc = 0;
            double weights = 0;
            for (int k = center - _halfWidth + 1; k <= center + _halfWidth; k++)
            {
                double h = Kernel(Math.Abs(center + fraction - k));
                acc += h * input[SymmetricExtension.Mirror(k, input.Length)];
                weights += h;
            }

            // Dividing by the taps' sum keeps the DC gain exactly 1 at every fractional position.
            output[n] = acc / weights;
        }

        return output;
    }

    private double Kernel(double distance)
    {
        double position = distance * TableSteps;
        int j = (int)position;
        if (j >= _table.Length - 1)
        {
            return 0;
        }

        double t = position - j;
        return _table[j] + (t * (_table[j + 1] - _table[j]));
    }
}
