// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Acquisition
{
    /// <summary>
    /// A stream of multi-axis samples in raw integer counts: a chip driver draining its FIFO, a
    /// replay of a recording, or a synthetic generator. The window assembler and the firmware
    /// talk to this interface only, so every source runs the same pipeline.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A sample is one reading of every axis. <see cref="TryRead"/> writes samples interleaved by
    /// axis (X0 Y0 Z0 X1 Y1 Z1 for three axes), so <c>maxSamples</c> samples occupy
    /// <c>maxSamples * Axes</c> array elements.
    /// </para>
    /// <para>
    /// Reads never block: a hardware source returns what its FIFO holds now (up to
    /// <c>maxSamples</c>), which may be 0; a driver reads the FIFO level, then drains it in bursts
    /// straight into the caller's array. Synthetic sources are not paced by a clock and always
    /// return <c>maxSamples</c>. A replay source returns 0 once it is exhausted.
    /// </para>
    /// <para>
    /// Physical value in micro-g = counts * <see cref="MicroGPerCountNumerator"/> /
    /// <see cref="MicroGPerCountDenominator"/> (a ratio so that scales such as 1 g / 16384 counts
    /// = 15625/256 micro-g stay exact in integers).
    /// </para>
    /// <para>
    /// Failures do not throw: <see cref="TryRead"/> returns <c>false</c> and increments
    /// <see cref="Errors"/>. Invalid arguments are programming errors and do throw. Implementations
    /// are not thread-safe: one thread owns a source.
    /// </para>
    /// </remarks>
    public interface ISampleSource
    {
        /// <summary>
        /// Gets the nominal output data rate in samples per second per axis (rounded to the nearest hertz).
        /// </summary>
        int SampleRateHz { get; }

        /// <summary>
        /// Gets the number of values per sample (1 for a single-axis source, 3 for X, Y, Z).
        /// </summary>
        int Axes { get; }

        /// <summary>
        /// Gets the numerator of the count scale: micro-g = counts * numerator / denominator.
        /// </summary>
        int MicroGPerCountNumerator { get; }

        /// <summary>
        /// Gets the denominator of the count scale, at least 1: micro-g = counts * numerator / denominator.
        /// </summary>
        int MicroGPerCountDenominator { get; }

        /// <summary>
        /// Gets the number of overrun events since the source was created: times the source lost
        /// samples because it was not drained in time (for example a FIFO overflow). The number of
        /// samples lost per event is not known.
        /// </summary>
        int Overruns { get; }

        /// <summary>
        /// Gets the number of failed reads (bus errors, a missing chip) since the source was created.
        /// </summary>
        int Errors { get; }

        /// <summary>
        /// Reads up to <paramref name="maxSamples"/> samples that are available now, interleaved by
        /// axis, into an array the caller owns; allocates nothing.
        /// </summary>
        /// <param name="destination">The array that receives the values.</param>
        /// <param name="offset">The index in <paramref name="destination"/> of the first value.</param>
        /// <param name="maxSamples">The largest number of samples to read, 0 or more; <c>maxSamples * Axes</c> values must fit after <paramref name="offset"/>.</param>
        /// <param name="samplesRead">The number of complete samples written, also when the read failed part-way (0 to <paramref name="maxSamples"/>).</param>
        /// <returns><c>true</c> when the read succeeded (even with no sample available); <c>false</c> on a failure, counted in <see cref="Errors"/>.</returns>
        /// <exception cref="System.ArgumentNullException"><paramref name="destination"/> is null.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="maxSamples"/> is negative, or the range does not fit <paramref name="destination"/>.</exception>
        bool TryRead(int[] destination, int offset, int maxSamples, out int samplesRead);
    }
}
