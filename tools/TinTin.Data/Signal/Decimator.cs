// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;

namespace TinTin.Data;

/// <summary>
/// Low-pass filters and keeps every <see cref="Factor"/>-th sample: the anti-aliasing decimation that
/// brings CWRU's 48 kHz normal baseline to 12 kHz (docs/evaluation.md: without it a classifier learns
/// the sample rate instead of the bearing's condition).
/// </summary>
/// <remarks>
/// <para>
/// Design: a linear-phase FIR, a Kaiser-windowed sinc. In units of the output rate fs' = fs / M, the
/// cutoff (the -6 dB point) is 0.45 fs', the passband ends at 0.40 fs' and the stopband begins at
/// 0.50 fs' (the output's Nyquist frequency, so everything that could alias is in the stopband). The
/// window is designed for <see cref="DesignAttenuationDb"/> dB by Kaiser's formulas: beta = 0.1102 (A - 8.7)
/// and order = ceil((A - 8) / (2.285 * transition)), with the transition 2 pi * 0.1 / M radians per input
/// sample; the length is made odd so that the delay is a whole number of samples. For M = 4 that is 203
/// taps, passband 0-4.8 kHz, stopband above 6 kHz. The coefficients are normalised to a DC gain of exactly 1.
/// 80 dB leaves a margin over the 60 dB required, since Kaiser's formulas are estimates.
/// </para>
/// <para>
/// Alignment and edges: the output sample m is the filter centred on input sample m M (the delay is
/// compensated), so the output keeps the input's time axis and has ceil(N / M) samples, as
/// <c>x[::M]</c> in numpy and scipy.signal.decimate (243938 -> 60985 for CWRU file 97). Beyond the ends
/// the input is mirrored about its first and last sample (x[-i] = x[i]), which keeps a signal's level
/// up to the edges instead of fading it as zero padding would; only the first and last
/// <see cref="Delay"/> / M output samples see mirrored input.
/// </para>
/// </remarks>
public sealed class Decimator
{
    /// <summary>The stopband attenuation the filter is designed for, in dB.</summary>
    public const double DesignAttenuationDb = 80;

    /// <summary>The cutoff as a fraction of the output sample rate.</summary>
    public const double CutoffFraction = 0.45;

    private const double TransitionFraction = 0.10;

    private readonly double[] _taps;

    /// <summary>Designs the filter for a decimation factor.</summary>
    /// <param name="factor">Keep one sample in <paramref name="factor"/>, 2 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is below 2.</exception>
    public Decimator(int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 2);
        Factor = factor;
        double transition = 2 * Math.PI * TransitionFraction / factor;
        int order = KaiserWindow.Order(DesignAttenuationDb, transition);
        int length = order + 1;
        if (length % 2 == 0)
        {
            length++;
        }

        double[] window = KaiserWindow.Create(length, KaiserWindow.Beta(DesignAttenuationDb));
        double cutoff = CutoffFraction / factor; // cycles per input sample
        int center = (length - 1) / 2;
        _taps = new double[length];
        double sum = 0;
        for (int k = 0; k < length; k++)
        {
            double t = k - center;
            double sinc = t == 0 ? 1 : Math.Sin(2 * Math.PI * cutoff * t) / (2 * Math.PI * cutoff * t);
            _taps[k] = 2 * cutoff * sinc * window[k];
            sum += _taps[k];
        }

        for (int k = 0; k < length; k++)
        {
            _taps[k] /= sum;
        }
    }

    /// <summary>The decimation factor M.</summary>
    public int Factor { get; }

    /// <summary>The filter's coefficients (symmetric, odd length, summing to 1).</summary>
    public IReadOnlyList<double> Coefficients => _taps;

    /// <summary>The filter's group delay in input samples, (length - 1) / 2; compensated by <see cref="Process"/>.</summary>
    public int Delay => (_taps.Length - 1) / 2;

    /// <summary>The output length for an input length: ceil(<paramref name="inputLength"/> / <see cref="Factor"/>).</summary>
    /// <param name="inputLength">The input's samples.</param>
    /// <returns>The output's samples.</returns>
    public int OutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return (int)(((long)inputLength + Factor - 1) / Factor);
    }

    /// <summary>Filters and decimates a signal.</summary>
    /// <param name="input">The signal at the input rate.</param>
    /// <returns>The signal at the input rate / <see cref="Factor"/>: output m is aligned with input m * <see cref="Factor"/>.</returns>
    public double[] Process(double[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = new double[OutputLength(input.Length)];
        int center = Delay;
        for (int m = 0; m < output.Length; m++)
        {
            int origin = (m * Factor) + center;
            bool inside = origin - (_taps.Length - 1) >= 0 && origin < input.Length;
            double acc = 0;
            for (int k = 0; k < _taps.Length; k++)
            {
                int i = origin - k;
                acc += _taps[k] * input[inside ? i : SymmetricExtension.Mirror(i, input.Length)];
            }

            output[m] = acc;
        }

        return output;
    }
}
