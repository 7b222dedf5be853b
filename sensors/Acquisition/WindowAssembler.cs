// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Acquisition
{
    /// <summary>
    /// Turns the bursts of an <see cref="ISampleSource"/> into complete, possibly overlapping windows of
    /// one channel: a preallocated ring buffer filled without allocation, emptied window by window.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Channel: the assembler keeps one value per sample, either the axis given by the <c>axis</c>
    /// constructor argument, or with <see cref="SumOfAxes"/> the sum of all axes (a linear combination,
    /// so spectra of it stay meaningful, and a 3 x int16 sum cannot overflow an int).
    /// </para>
    /// <para>
    /// Windows: <see cref="TryTakeWindow"/> copies the oldest <see cref="WindowLength"/> buffered samples
    /// into the caller's preallocated <see cref="SampleWindow"/> and then discards the oldest
    /// <see cref="Hop"/> samples, so consecutive windows overlap by <c>WindowLength - Hop</c> samples
    /// (1 &lt;= Hop &lt;= WindowLength).
    /// </para>
    /// <para>
    /// Losses: <see cref="Pump"/> always drains a full burst from the source, so a hardware FIFO never
    /// overflows because the consumer is slow; the samples that do not fit in a full ring are dropped
    /// (the newest ones) and counted in <see cref="DroppedSamples"/>. Losses upstream of the assembler
    /// are reported by the source (<see cref="SourceOverruns"/>, <see cref="SourceErrors"/>). After a
    /// ring-full drop, later windows join samples from before and after the gap: a consumer that cares
    /// watches <see cref="DroppedSamples"/> between windows.
    /// </para>
    /// <para>
    /// Contiguity across source overruns: when the source reports an overrun during a read (its FIFO
    /// overflowed while nobody drained it, e.g. during a training step), the samples lost lie between
    /// the buffered ones and the new burst. No window spans that gap: windows that the buffered samples
    /// complete on their own are still handed out, and the buffered samples that could only have formed
    /// a window with post-gap samples are discarded and counted in <see cref="DiscardedSamples"/>. A
    /// spectrum of a window with a hole in it would be a spectrum of a signal that never existed.
    /// </para>
    /// <para>Not thread-safe: one thread pumps and takes.</para>
    /// </remarks>
    public sealed class WindowAssembler
    {
        /// <summary>
        /// The <c>axis</c> argument that selects the sum of all axes instead of one axis.
        /// </summary>
        public const int SumOfAxes = -1;

        private readonly ISampleSource _source;
        private readonly int _axes;
        private readonly int _axis;
        private readonly int _windowLength;
        private readonly int _hop;
        private readonly int[] _ring;
        private readonly int[] _burst;
        private readonly int _maxBurstSamples;

        // Index of the oldest buffered sample, and the number of buffered samples.
        private int _readIndex;
        private int _count;
        private int _nextSequenceNumber;
        private int _droppedSamples;
        private int _discardedSamples;
        private int _lastOverruns;

        // Buffered samples that precede a source gap (0: no gap in the ring).
        private int _beforeGap;

        /// <summary>
        /// Initializes a new instance of the <see cref="WindowAssembler"/> class and allocates its ring
        /// and burst buffers (the only allocations it ever makes).
        /// </summary>
        /// <param name="source">The source of samples.</param>
        /// <param name="windowLength">The number of samples per window, at least 1.</param>
        /// <param name="hop">The number of samples between the starts of consecutive windows, 1 to <paramref name="windowLength"/>.</param>
        /// <param name="ringCapacity">The number of samples the ring holds, at least <paramref name="windowLength"/>.</param>
        /// <param name="axis">The axis kept (0 to <c>source.Axes - 1</c>), or <see cref="SumOfAxes"/>.</param>
        /// <param name="maxBurstSamples">The largest number of samples <see cref="Pump"/> reads at once, at least 1 (for a FIFO: its depth).</param>
        /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A size or the axis is out of range, or the source reports fewer than 1 axis.</exception>
        public WindowAssembler(ISampleSource source, int windowLength, int hop, int ringCapacity, int axis, int maxBurstSamples)
        {
            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            int axes = source.Axes;
            if (axes < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(source));
            }

            if (windowLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(windowLength));
            }

            if (hop < 1 || hop > windowLength)
            {
                throw new ArgumentOutOfRangeException(nameof(hop));
            }

            if (ringCapacity < windowLength)
            {
                throw new ArgumentOutOfRangeException(nameof(ringCapacity));
            }

            if (axis < SumOfAxes || axis >= axes)
            {
                throw new ArgumentOutOfRangeException(nameof(axis));
            }

            if (maxBurstSamples < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxBurstSamples));
            }

            _source = source;
            _axes = axes;
            _axis = axis;
            _windowLength = windowLength;
            _hop = hop;
            _ring = new int[ringCapacity];
            _burst = new int[maxBurstSamples * axes];
            _maxBurstSamples = maxBurstSamples;
            _lastOverruns = source.Overruns;
        }

        /// <summary>Gets the number of samples per window.</summary>
        public int WindowLength
        {
            get { return _windowLength; }
        }

        /// <summary>Gets the number of samples between the starts of consecutive windows.</summary>
        public int Hop
        {
            get { return _hop; }
        }

        /// <summary>Gets the number of samples the ring holds.</summary>
        public int Capacity
        {
            get { return _ring.Length; }
        }

        /// <summary>Gets the number of samples buffered now.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Gets the sample rate of the source, in hertz.</summary>
        public int SampleRateHz
        {
            get { return _source.SampleRateHz; }
        }

        /// <summary>Gets the number of windows handed out so far (the sequence number of the next window).</summary>
        public int WindowsTaken
        {
            get { return _nextSequenceNumber; }
        }

        /// <summary>Gets the number of samples dropped because the ring was full (the consumer was too slow).</summary>
        public int DroppedSamples
        {
            get { return _droppedSamples; }
        }

        /// <summary>
        /// Gets the number of samples discarded because they preceded a source overrun and could not
        /// form a whole window without samples from after it.
        /// </summary>
        public int DiscardedSamples
        {
            get { return _discardedSamples; }
        }

        /// <summary>Gets the overrun events the source reported (see <see cref="ISampleSource.Overruns"/>).</summary>
        public int SourceOverruns
        {
            get { return _source.Overruns; }
        }

        /// <summary>Gets the failed reads the source reported (see <see cref="ISampleSource.Errors"/>).</summary>
        public int SourceErrors
        {
            get { return _source.Errors; }
        }

        /// <summary>
        /// Gets a value indicating whether a complete window is buffered.
        /// </summary>
        public bool WindowReady
        {
            get { return _count >= _windowLength; }
        }

        /// <summary>
        /// Reads one burst (up to the constructor's <c>maxBurstSamples</c>) from the source and buffers it.
        /// </summary>
        /// <returns>
        /// The number of samples read from the source, including any dropped because the ring was full; a
        /// failed read buffers the samples it did deliver and is counted by the source in <see cref="SourceErrors"/>.
        /// </returns>
        public int Pump()
        {
            int samplesRead;
            _source.TryRead(_burst, 0, _maxBurstSamples, out samplesRead);

            // A misbehaving source must not make us read past the burst buffer.
            if (samplesRead < 0 || samplesRead > _maxBurstSamples)
            {
                throw new InvalidOperationException("source reported an impossible sample count");
            }

            int overruns = _source.Overruns;
            if (overruns != _lastOverruns)
            {
                _lastOverruns = overruns;
                MarkGap();
            }

            Append(_burst, 0, samplesRead);
            return samplesRead;
        }

        /// <summary>
        /// Buffers samples that the caller already holds, interleaved with the source's axis count (for
        /// example a burst read outside <see cref="Pump"/>). Samples that do not fit are dropped and counted.
        /// </summary>
        /// <param name="values">The interleaved values.</param>
        /// <param name="offset">The index of the first value of the first sample.</param>
        /// <param name="sampleCount">The number of samples, 0 or more.</param>
        /// <returns>The number of samples buffered (the rest were dropped).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit <paramref name="values"/>.</exception>
        public int Append(int[] values, int offset, int sampleCount)
        {
            if (values == null)
            {
                throw new ArgumentNullException(nameof(values));
            }

            if (sampleCount < 0 || sampleCount > values.Length / _axes)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleCount));
            }

            if (offset < 0 || offset > values.Length - (sampleCount * _axes))
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            int[] ring = _ring;
            int capacity = ring.Length;
            int accepted = capacity - _count;
            if (accepted > sampleCount)
            {
                accepted = sampleCount;
            }

            _droppedSamples += sampleCount - accepted;

            int writeIndex = _readIndex + _count;
            if (writeIndex >= capacity)
            {
                writeIndex -= capacity;
            }

            // Two straight runs: up to the end of the ring, then from its start.
            int firstRun = capacity - writeIndex;
            if (firstRun > accepted)
            {
                firstRun = accepted;
            }

            int source = offset;
            source = CopyIn(values, source, ring, writeIndex, firstRun);
            CopyIn(values, source, ring, 0, accepted - firstRun);

            _count += accepted;
            return accepted;
        }

        /// <summary>
        /// Hands out the oldest complete window, if one is buffered: copies it into
        /// <paramref name="window"/>, stamps its sequence number and sample rate, then advances by
        /// <see cref="Hop"/> samples.
        /// </summary>
        /// <param name="window">The caller's window, of length <see cref="WindowLength"/>.</param>
        /// <returns><c>true</c> when a window was copied; <c>false</c> when fewer than <see cref="WindowLength"/> samples are buffered (the window is left unchanged).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
        /// <exception cref="ArgumentException">The length of <paramref name="window"/> differs from <see cref="WindowLength"/>.</exception>
        public bool TryTakeWindow(SampleWindow window)
        {
            if (window == null)
            {
                throw new ArgumentNullException(nameof(window));
            }

            if (window.Length != _windowLength)
            {
                throw new ArgumentException("window length differs from the assembler's", nameof(window));
            }

            int capacity = _ring.Length;
            if (_beforeGap > 0 && _beforeGap < _windowLength)
            {
                // The next window would span the gap: the samples before it are of no use.
                Discard(_beforeGap);
                _beforeGap = 0;
            }

            if (_count < _windowLength)
            {
                return false;
            }

            int firstRun = capacity - _readIndex;
            if (firstRun > _windowLength)
            {
                firstRun = _windowLength;
            }

            Array.Copy(_ring, _readIndex, window.Samples, 0, firstRun);
            Array.Copy(_ring, 0, window.Samples, firstRun, _windowLength - firstRun);

            window.SequenceNumber = _nextSequenceNumber;
            window.SampleRateHz = _source.SampleRateHz;
            _nextSequenceNumber++;

            _readIndex += _hop;
            if (_readIndex >= capacity)
            {
                _readIndex -= capacity;
            }

            _count -= _hop;
            _beforeGap = _beforeGap > _hop ? _beforeGap - _hop : 0;
            return true;
        }

        /// <summary>
        /// Discards every buffered sample (for example after a source restart); counters and sequence
        /// numbers continue.
        /// </summary>
        public void Clear()
        {
            _readIndex = 0;
            _count = 0;
            _beforeGap = 0;
        }

        // A gap follows the buffered samples. Without a whole window among them they are discarded now;
        // otherwise the windows they complete are still taken, and TryTakeWindow discards the rest. A
        // second gap before those windows are taken discards everything buffered (rare: the consumer
        // is behind and the source overran twice).
        private void MarkGap()
        {
            if (_count < _windowLength || _beforeGap > 0)
            {
                Discard(_count);
                _beforeGap = 0;
            }
            else
            {
                _beforeGap = _count;
            }
        }

        private void Discard(int samples)
        {
            _readIndex += samples;
            if (_readIndex >= _ring.Length)
            {
                _readIndex -= _ring.Length;
            }

            _count -= samples;
            _discardedSamples += samples;
        }

        // Copies count samples of the selected channel into ring[writeIndex..]; returns the next source index.
        private int CopyIn(int[] values, int source, int[] ring, int writeIndex, int count)
        {
            int axes = _axes;
            int end = writeIndex + count;
            if (_axis == SumOfAxes)
            {
                for (int w = writeIndex; w < end; w++)
                {
                    int sum = 0;
                    int sampleEnd = source + axes;
                    for (int s = source; s < sampleEnd; s++)
                    {
                        sum += values[s];
                    }

                    ring[w] = sum;
                    source = sampleEnd;
                }

                return source;
            }

            if (axes == 1)
            {
                Array.Copy(values, source, ring, writeIndex, count);
                return source + count;
            }

            int s2 = source + _axis;
            for (int w = writeIndex; w < end; w++)
            {
                ring[w] = values[s2];
                s2 += axes;
            }

            return source + (count * axes);
        }
    }
}
