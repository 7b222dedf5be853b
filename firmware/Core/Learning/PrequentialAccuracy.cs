// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Learning
{
    /// <summary>
    /// Accuracy over the last N labelled windows, each judged by the prediction made before the model
    /// trained on it (prequential, "test then train"): an honest running figure for a model that never
    /// sees a separate test set.
    /// </summary>
    public sealed class PrequentialAccuracy
    {
        private readonly bool[] _hits;
        private int _next;
        private int _count;
        private int _correct;

        /// <summary>Creates the tracker over the last <paramref name="window"/> labelled windows.</summary>
        /// <param name="window">How many recent outcomes count (at least 1).</param>
        public PrequentialAccuracy(int window)
        {
            if (window < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(window));
            }

            _hits = new bool[window];
        }

        /// <summary>Gets how many outcomes the figure covers (up to the window).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Gets the window size.</summary>
        public int Window
        {
            get { return _hits.Length; }
        }

        /// <summary>Gets the correct predictions among the last <see cref="Count"/>.</summary>
        public int Correct
        {
            get { return _correct; }
        }

        /// <summary>Gets the accuracy in per-mille (0 before any outcome).</summary>
        public int PerMille
        {
            get { return _count == 0 ? 0 : (int)((_correct * 1000L + (_count >> 1)) / _count); }
        }

        /// <summary>Records one outcome, forgetting the oldest once the window is full.</summary>
        /// <param name="correct">Whether the prediction was right.</param>
        public void Add(bool correct)
        {
            if (_count == _hits.Length)
            {
                _correct -= _hits[_next] ? 1 : 0;
            }
            else
            {
                _count++;
            }

            _hits[_next] = correct;
            _correct += correct ? 1 : 0;
            _next = _next + 1 == _hits.Length ? 0 : _next + 1;
        }

        /// <summary>Forgets every outcome.</summary>
        public void Reset()
        {
            _next = 0;
            _count = 0;
            _correct = 0;
        }
    }
}
