// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Acquisition
{
    /// <summary>
    /// One complete window of single-axis samples handed out by <see cref="WindowAssembler"/>, with the
    /// metadata the feature stage needs. The consumer allocates it once and passes it to
    /// <see cref="WindowAssembler.TryTakeWindow"/> for every window, so nothing is allocated per window.
    /// </summary>
    public sealed class SampleWindow
    {
        private readonly int[] _samples;

        /// <summary>
        /// Initializes a new instance of the <see cref="SampleWindow"/> class.
        /// </summary>
        /// <param name="length">The number of samples in a window, at least 1.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is less than 1.</exception>
        public SampleWindow(int length)
        {
            if (length < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            _samples = new int[length];
        }

        /// <summary>
        /// Gets the samples, oldest first; the array is owned by this window and overwritten by each take.
        /// </summary>
        public int[] Samples
        {
            get { return _samples; }
        }

        /// <summary>
        /// Gets the number of samples in the window.
        /// </summary>
        public int Length
        {
            get { return _samples.Length; }
        }

        /// <summary>
        /// Gets the sequence number of the window: 0 for the first window an assembler hands out, then 1, 2, and so on.
        /// </summary>
        public int SequenceNumber { get; internal set; }

        /// <summary>
        /// Gets the sample rate of the samples, in hertz.
        /// </summary>
        public int SampleRateHz { get; internal set; }
    }
}
