// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Features
{
    /// <summary>
    /// The feature vector the bearing-fault model reads: the log spectrum of a window in equal bands,
    /// as int8-range integers. Written once here, run by the firmware on each window and by the host
    /// benchmark on recorded windows, so both see the same integers.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Steps: (1) remove the window's integer mean (gravity and sensor offset), (2) shift the window
    /// left so its peak uses the FFT's int16 input range (block floating point: a quiet machine's
    /// spectrum keeps its resolution instead of rounding to a few counts), (3) Hann-windowed magnitude
    /// spectrum (<see cref="Spectrum"/>), (4) band b sums the magnitudes of bins b·W .. b·W + W − 1,
    /// W = (N/2) / bands (the Nyquist bin is left out so bands are equal), (5) value =
    /// ⌊8·log2(band sum)⌋ − 8·shift, the band's level in eighths of an octave in the input's own
    /// units (magnitude units of <see cref="Spectrum"/>: DFT / N), clamped to [−127, 127].
    /// </para>
    /// <para>
    /// A log spectrum is what vibration analysts read (decibels): a defect tone many times weaker
    /// than the shaft's still shows, and a change of amplitude moves every band by the same amount.
    /// An empty band reads <see cref="EmptyBand"/>.
    /// </para>
    /// </remarks>
    public sealed class SpectrumFeatures
    {
        /// <summary>Fraction bits of the values: 3, so one unit is 1/8 octave (0.75 dB of magnitude).</summary>
        public const int FractionBits = 3;

        /// <summary>The value of a band with no energy, and the lowest value (2^-15.9 input units).</summary>
        public const int EmptyBand = -127;

        /// <summary>The highest value.</summary>
        public const int MaxValue = 127;

        private const int PeakLimit = 32767;

        private readonly Spectrum _spectrum;
        private readonly int[] _normalized;
        private readonly int[] _values;
        private readonly int _binsPerBand;
        private readonly int _log2Length;
        private int _shift;

        /// <summary>
        /// Creates the feature stage for windows of <paramref name="windowLength"/> samples.
        /// </summary>
        /// <param name="windowLength">N: a power of two the FFT accepts.</param>
        /// <param name="bandCount">The number of bands; must divide N/2.</param>
        /// <exception cref="ArgumentOutOfRangeException">The length is not a valid FFT length or the bands do not divide N/2.</exception>
        public SpectrumFeatures(int windowLength, int bandCount)
        {
            _spectrum = new Spectrum(windowLength);
            int half = windowLength >> 1;
            if (bandCount < 1 || bandCount > half || half % bandCount != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bandCount));
            }

            _binsPerBand = half / bandCount;
            _values = new int[bandCount];
            _normalized = new int[windowLength];
            while ((1 << _log2Length) < windowLength)
            {
                _log2Length++;
            }
        }

        /// <summary>Gets the number of bands.</summary>
        public int BandCount
        {
            get { return _values.Length; }
        }

        /// <summary>Gets the window length N.</summary>
        public int WindowLength
        {
            get { return _spectrum.Length; }
        }

        /// <summary>Gets the features of the last window: one value per band, in [−127, 127].</summary>
        public int[] Values
        {
            get { return _values; }
        }

        /// <summary>Gets the left shift the last window was normalised by (0 when its peak already used the int16 range).</summary>
        public int NormalizationShift
        {
            get { return _shift; }
        }

        /// <summary>Gets the spectrum of the last (mean-removed, normalised) window.</summary>
        public Spectrum Spectrum
        {
            get { return _spectrum; }
        }

        /// <summary>
        /// Computes the features of the window <c>samples[offset .. offset + N − 1]</c> (int16-range
        /// counts) into <see cref="Values"/>; allocates nothing.
        /// </summary>
        /// <param name="samples">The samples.</param>
        /// <param name="offset">The index of the window's first sample.</param>
        /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The window does not fit <paramref name="samples"/>.</exception>
        public void Compute(int[] samples, int offset)
        {
            if (samples == null)
            {
                throw new ArgumentNullException(nameof(samples));
            }

            int n = _normalized.Length;
            if (offset < 0 || offset > samples.Length - n)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            // One pass for the sum and the extremes, then the mean (rounded) and the peak about it.
            long sum = 0;
            int min = samples[offset];
            int max = min;
            int end = offset + n;
            for (int i = offset; i < end; i++)
            {
                int v = samples[i];
                sum += v;
                if (v < min)
                {
                    min = v;
                }
                else if (v > max)
                {
                    max = v;
                }
            }

            // N is a power of two: the arithmetic shift rounds half up for either sign, so adding a
            // constant to every sample moves the mean by exactly that constant.
            int mean = (int)((sum + (n >> 1)) >> _log2Length);
            long peak = (long)max - mean > (long)mean - min ? (long)max - mean : (long)mean - min;
            if (peak > PeakLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(samples), "the window exceeds the int16 range about its mean");
            }

            int shift = 0;
            while (peak != 0 && (peak << (shift + 1)) <= PeakLimit)
            {
                shift++;
            }

            int[] normalized = _normalized;
            int j = 0;
            for (int i = offset; i < end; i++)
            {
                normalized[j++] = (samples[i] - mean) << shift;
            }

            _shift = shift;
            _spectrum.Compute(normalized, 0);
            WriteLogBands(_spectrum.Magnitudes, shift << FractionBits);
        }

        private void WriteLogBands(int[] magnitudes, int offsetUnits)
        {
            int[] values = _values;
            int width = _binsPerBand;
            int k = 0;
            for (int b = 0; b < values.Length; b++)
            {
                int sum = 0;
                int end = k + width;
                for (; k < end; k++)
                {
                    sum += magnitudes[k];
                }

                int level = sum == 0 ? EmptyBand : IntegerMath.Log2Fixed(sum, FractionBits) - offsetUnits;
                values[b] = level < EmptyBand ? EmptyBand : (level > MaxValue ? MaxValue : level);
            }
        }
    }
}
