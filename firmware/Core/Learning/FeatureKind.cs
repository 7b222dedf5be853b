// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Learning
{
    /// <summary>What a model reads from a window of accelerometer samples.</summary>
    public enum FeatureKind
    {
        /// <summary>The raw window, block-quantised to int8 with one power-of-two scale per window (cwru-cnn1d).</summary>
        RawWindow = 0,

        /// <summary>The integer log spectrum in bands (sensors' <c>SpectrumFeatures</c>; cwru-fft-mlp).</summary>
        Spectrum = 1,
    }
}
