// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.App
{
    /// <summary>
    /// The figures the firmware measures itself (time and energy of the last training step and
    /// inference, checkpoints), reported in the counters message.
    /// </summary>
    public sealed class LinkCounters
    {
        /// <summary>Gets the duration of the last training step (features included), µs.</summary>
        public long LastTrainStepUs { get; private set; }

        /// <summary>Gets the energy of the last training step, µJ.</summary>
        public long LastTrainStepUj { get; private set; }

        /// <summary>Gets the duration of the last inference (features included), µs.</summary>
        public long LastInferenceUs { get; private set; }

        /// <summary>Gets the energy of the last inference, µJ.</summary>
        public long LastInferenceUj { get; private set; }

        /// <summary>Gets the training steps measured since the last reset.</summary>
        public long TrainSteps { get; private set; }

        /// <summary>Gets the inferences measured since the last reset.</summary>
        public long Inferences { get; private set; }

        /// <summary>Gets the checkpoints saved since boot.</summary>
        public long Checkpoints { get; private set; }

        /// <summary>Gets the sequence number of the last checkpoint saved.</summary>
        public long LastCheckpointSequence { get; private set; }

        /// <summary>Records a training step.</summary>
        /// <param name="microseconds">Its duration.</param>
        /// <param name="microjoules">Its energy.</param>
        public void RecordTrainStep(long microseconds, long microjoules)
        {
            LastTrainStepUs = microseconds;
            LastTrainStepUj = microjoules;
            TrainSteps++;
        }

        /// <summary>Records an inference.</summary>
        /// <param name="microseconds">Its duration.</param>
        /// <param name="microjoules">Its energy.</param>
        public void RecordInference(long microseconds, long microjoules)
        {
            LastInferenceUs = microseconds;
            LastInferenceUj = microjoules;
            Inferences++;
        }

        /// <summary>Records a saved checkpoint.</summary>
        /// <param name="sequence">Its sequence number.</param>
        public void RecordCheckpoint(long sequence)
        {
            Checkpoints++;
            LastCheckpointSequence = sequence;
        }

        /// <summary>Clears the step figures (the host's reset command); checkpoint figures stay.</summary>
        public void Reset()
        {
            LastTrainStepUs = 0;
            LastTrainStepUj = 0;
            LastInferenceUs = 0;
            LastInferenceUj = 0;
            TrainSteps = 0;
            Inferences = 0;
        }
    }
}
