// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Scaling;
using TinTin.Sensors.Features;

namespace TinTin.Firmware.Core.Learning
{
    /// <summary>
    /// Turns a window of accelerometer counts into the int8 input a model reads, the same way on the
    /// board, in the simulator and in the benchmark: block-quantised raw samples, or the integer log
    /// spectrum in bands. Allocates only in the constructor.
    /// </summary>
    public sealed class WindowFeatures
    {
        /// <summary>
        /// Scale offset of a block-quantised raw window: with 488 µg per count (the benchmark's CWRU counts),
        /// 2^11 counts are 0.9994 g, so the model reads values of about one g.
        /// </summary>
        public const int CountsLog2Unit = -11;

        /// <summary>
        /// Scale of spectrum features: they are 8·log2 of the band level, so 2^-5 makes the model read
        /// log2(level) / 4, values of a few units.
        /// </summary>
        public const int SpectrumLog2Scale = -5;

        private readonly SpectrumFeatures _spectrum;

        /// <summary>Creates the feature stage for windows of <paramref name="windowLength"/> samples.</summary>
        /// <param name="kind">Raw window or spectrum.</param>
        /// <param name="windowLength">Samples per window (a power of two for the spectrum).</param>
        /// <param name="bands">Spectrum bands (ignored for the raw window).</param>
        public WindowFeatures(FeatureKind kind, int windowLength, int bands)
        {
            if (windowLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(windowLength));
            }

            Kind = kind;
            WindowLength = windowLength;
            if (kind == FeatureKind.Spectrum)
            {
                _spectrum = new SpectrumFeatures(windowLength, bands);
                InputLength = bands;
            }
            else if (kind == FeatureKind.RawWindow)
            {
                InputLength = windowLength;
            }
            else
            {
                throw new ArgumentOutOfRangeException(nameof(kind));
            }
        }

        /// <summary>Gets what the features are.</summary>
        public FeatureKind Kind { get; }

        /// <summary>Gets the samples per window.</summary>
        public int WindowLength { get; }

        /// <summary>Gets the number of int8 values the model reads.</summary>
        public int InputLength { get; }

        /// <summary>Computes the model input of one window.</summary>
        /// <param name="samples">The window's samples (accelerometer counts), at least <see cref="WindowLength"/>.</param>
        /// <param name="destination">Receives <see cref="InputLength"/> int8 values.</param>
        /// <returns>The scale of the values.</returns>
        public Scale Compute(int[] samples, sbyte[] destination)
        {
            if (Kind == FeatureKind.Spectrum)
            {
                _spectrum.Compute(samples, 0);
                int[] values = _spectrum.Values;
                for (int b = 0; b < InputLength; b++)
                {
                    destination[b] = (sbyte)values[b];
                }

                return Scale.PowerOfTwo(SpectrumLog2Scale);
            }

            return Scale.PowerOfTwo(BlockQuantizer.Quantize(samples, 0, WindowLength, destination) + CountsLog2Unit);
        }
    }
}
