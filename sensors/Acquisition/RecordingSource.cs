// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Acquisition
{
    /// <summary>
    /// Replays a recorded single-axis signal (integer counts) behind the same interface as a chip,
    /// for example a CWRU bearing recording converted to accelerometer counts on the host, or a
    /// capture kept in flash. The firmware's pipeline (window assembler, features, training) cannot
    /// tell it from a live sensor, which is the point: what is learnt from the replay is learnt the
    /// way the device learns.
    /// </summary>
    /// <remarks>
    /// The source plays the samples <c>[start, start + count)</c> of the array it is given, without
    /// copying them. Like a FIFO, a read returns at most <see cref="MaxBurstSamples"/> samples. When
    /// the range is used up the source either ends (reads return 0 samples, still <c>true</c>, as
    /// <see cref="ISampleSource"/> says of an exhausted replay) or, when looping, starts again from
    /// <c>start</c>; <see cref="Passes"/> counts the completed passes.
    /// </remarks>
    public sealed class RecordingSource : ISampleSource
    {
        private readonly int[] _samples;
        private readonly int _start;
        private readonly int _end;
        private readonly int _sampleRateHz;
        private readonly int _microGNumerator;
        private readonly int _microGDenominator;
        private readonly int _maxBurst;
        private readonly bool _loop;
        private int _position;
        private int _passes;

        /// <summary>Creates a replay of a whole recording that ends after one pass, with no burst limit.</summary>
        /// <param name="samples">The recording in counts (kept, not copied: do not change it while replaying).</param>
        /// <param name="sampleRateHz">The rate it was recorded at, in hertz.</param>
        /// <param name="microGPerCountNumerator">micro-g = counts * numerator / denominator.</param>
        /// <param name="microGPerCountDenominator">The denominator, at least 1.</param>
        public RecordingSource(int[] samples, int sampleRateHz, int microGPerCountNumerator, int microGPerCountDenominator)
            : this(samples, 0, samples == null ? 0 : samples.Length, sampleRateHz, microGPerCountNumerator, microGPerCountDenominator, false, int.MaxValue)
        {
        }

        /// <summary>Creates a replay of part of a recording.</summary>
        /// <param name="samples">The recording in counts (kept, not copied: do not change it while replaying).</param>
        /// <param name="start">The index of the first sample to play.</param>
        /// <param name="count">How many samples to play per pass, at least 1.</param>
        /// <param name="sampleRateHz">The rate it was recorded at, in hertz, at least 1.</param>
        /// <param name="microGPerCountNumerator">micro-g = counts * numerator / denominator.</param>
        /// <param name="microGPerCountDenominator">The denominator, at least 1.</param>
        /// <param name="loop">Whether to start again after the last sample instead of ending.</param>
        /// <param name="maxBurstSamples">The most samples one read returns (a FIFO's depth), at least 1.</param>
        /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit the recording, or a rate, scale or burst is out of range.</exception>
        public RecordingSource(
            int[] samples,
            int start,
            int count,
            int sampleRateHz,
            int microGPerCountNumerator,
            int microGPerCountDenominator,
            bool loop,
            int maxBurstSamples)
        {
            if (samples == null)
            {
                throw new ArgumentNullException(nameof(samples));
            }

            if (start < 0 || count < 1 || start > samples.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (sampleRateHz < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleRateHz));
            }

            if (microGPerCountDenominator < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(microGPerCountDenominator));
            }

            if (maxBurstSamples < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxBurstSamples));
            }

            _samples = samples;
            _start = start;
            _end = start + count;
            _position = start;
            _sampleRateHz = sampleRateHz;
            _microGNumerator = microGPerCountNumerator;
            _microGDenominator = microGPerCountDenominator;
            _loop = loop;
            _maxBurst = maxBurstSamples;
        }

        /// <inheritdoc/>
        public int SampleRateHz
        {
            get { return _sampleRateHz; }
        }

        /// <inheritdoc/>
        public int Axes
        {
            get { return 1; }
        }

        /// <inheritdoc/>
        public int MicroGPerCountNumerator
        {
            get { return _microGNumerator; }
        }

        /// <inheritdoc/>
        public int MicroGPerCountDenominator
        {
            get { return _microGDenominator; }
        }

        /// <summary>Gets 0: a replay never loses samples.</summary>
        public int Overruns
        {
            get { return 0; }
        }

        /// <summary>Gets 0: reading an array cannot fail.</summary>
        public int Errors
        {
            get { return 0; }
        }

        /// <summary>Gets the most samples one read returns.</summary>
        public int MaxBurstSamples
        {
            get { return _maxBurst; }
        }

        /// <summary>Gets the number of samples left in the current pass.</summary>
        public int Remaining
        {
            get { return _end - _position; }
        }

        /// <summary>Gets the number of complete passes played so far.</summary>
        public int Passes
        {
            get { return _passes; }
        }

        /// <summary>Gets whether the replay has ended (never, when looping).</summary>
        public bool Exhausted
        {
            get { return !_loop && _position == _end; }
        }

        /// <summary>Starts the replay again from the first sample.</summary>
        public void Rewind()
        {
            _position = _start;
            _passes = 0;
        }

        /// <summary>
        /// Copies up to <paramref name="maxSamples"/> samples (and at most <see cref="MaxBurstSamples"/>)
        /// into <paramref name="destination"/>; wraps to the start within one read when looping.
        /// </summary>
        /// <param name="destination">The array that receives the samples.</param>
        /// <param name="offset">The index of the first sample.</param>
        /// <param name="maxSamples">The largest number of samples to read, 0 or more.</param>
        /// <param name="samplesRead">The samples copied: 0 once a non-looping replay has ended.</param>
        /// <returns>Always <c>true</c>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit <paramref name="destination"/>.</exception>
        public bool TryRead(int[] destination, int offset, int maxSamples, out int samplesRead)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (maxSamples < 0 || maxSamples > destination.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(maxSamples));
            }

            if (offset < 0 || offset > destination.Length - maxSamples)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            int wanted = maxSamples < _maxBurst ? maxSamples : _maxBurst;
            int done = 0;
            while (done < wanted)
            {
                if (_position == _end)
                {
                    if (!_loop)
                    {
                        break;
                    }

                    _position = _start;
                }

                int run = _end - _position;
                if (run > wanted - done)
                {
                    run = wanted - done;
                }

                Array.Copy(_samples, _position, destination, offset + done, run);
                _position += run;
                done += run;
                if (_position == _end)
                {
                    _passes++;
                }
            }

            samplesRead = done;
            return true;
        }
    }
}
