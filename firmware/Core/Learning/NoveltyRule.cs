// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Learning
{
    /// <summary>
    /// Flags windows the model has probably never been taught: when the confidence of the last
    /// <see cref="Run"/> predictions has stayed below <see cref="ThresholdPerMille"/>, the current
    /// prediction is "novel". One low-confidence window is noise; a run of them is a new condition (an
    /// unseen fault must not silently map to a known class). Both numbers are settings of the firmware.
    /// </summary>
    public sealed class NoveltyRule
    {
        private int _lowRun;

        /// <summary>Creates the rule.</summary>
        /// <param name="thresholdPerMille">Confidence below which a prediction counts as unsure (1..1000).</param>
        /// <param name="run">How many unsure predictions in a row make a novel condition (at least 1).</param>
        public NoveltyRule(int thresholdPerMille, int run)
        {
            if (thresholdPerMille < 1 || thresholdPerMille > 1000)
            {
                throw new ArgumentOutOfRangeException(nameof(thresholdPerMille));
            }

            if (run < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(run));
            }

            ThresholdPerMille = thresholdPerMille;
            Run = run;
        }

        /// <summary>Gets the confidence below which a prediction is unsure.</summary>
        public int ThresholdPerMille { get; }

        /// <summary>Gets the number of unsure predictions in a row that make a novel condition.</summary>
        public int Run { get; }

        /// <summary>Gets the current number of unsure predictions in a row.</summary>
        public int LowRun
        {
            get { return _lowRun; }
        }

        /// <summary>Takes one prediction's confidence and says whether the condition is novel now.</summary>
        /// <param name="confidencePerMille">The prediction's confidence.</param>
        /// <returns>True while the last <see cref="Run"/> confidences were all below the threshold.</returns>
        public bool Observe(int confidencePerMille)
        {
            _lowRun = confidencePerMille < ThresholdPerMille ? _lowRun + 1 : 0;
            return _lowRun >= Run;
        }

        /// <summary>Starts afresh (e.g. after a mode change).</summary>
        public void Reset()
        {
            _lowRun = 0;
        }
    }
}
