// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Features
{
    /// <summary>
    /// The feature vector the bearing-fault model reads: the Hann-windowed magnitude spectrum of a
    /// window, summed over equal bands of bins. Written once here, run by the firmware on each window
    /// and by the host benchmark on recorded windows, so both see the same integers.
    /// </summary>
    /// <remarks>
    /// Band b sums the magnitudes of bins b·W .. b·W + W − 1, with W = (N/2) / bands (the Nyquist bin
    /// is left out so bands are equal). Units: spectrum magnitude units of the input (see
    /// <see cref="Spectrum"/>), summed; a band of W bins of at most 46,341 each fits an int.
    /// </remarks>
    public sealed class SpectrumFeatures
    {
        private readonly Spectrum _spectrum;
        private readonly int[] _values;
        private readonly int _binsPerBand;

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
        }

        /// <summary>Gets the number of bands (the model's input length).</summary>
        public int BandCount
        {
            get { return _values.Length; }
        }

        /// <summary>Gets the window length N.</summary>
        public int WindowLength
        {
            get { return _spectrum.Length; }
        }

        /// <summary>Gets the band values of the last computation (owned by this object).</summary>
        public int[] Values
        {
            get { return _values; }
        }

        /// <summary>Computes the band values of the N samples starting at <paramref name="offset"/>.</summary>
        /// <param name="samples">The samples, int16 range.</param>
        /// <param name="offset">The index of the first sample.</param>
        /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The window does not fit <paramref name="samples"/>.</exception>
        public void Compute(int[] samples, int offset)
        {
            _spectrum.Compute(samples, offset);
            int[] magnitudes = _spectrum.Magnitudes;
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

                values[b] = sum;
            }
        }
    }
}
