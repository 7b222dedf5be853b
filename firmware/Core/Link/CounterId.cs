// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// The counter ids of a <see cref="MessageType.Counters"/> payload, with their units. Ids are never reused or
    /// renumbered: a new counter takes the next free id, and a reader skips ids it does not know.
    /// </summary>
    public enum CounterId : ushort
    {
        /// <summary>Not a counter; refused in a payload.</summary>
        None = 0,

        /// <summary>Free managed heap after a collection, bytes.</summary>
        ManagedFreeBytes = 1,

        /// <summary>Free native heap, bytes.</summary>
        NativeFreeBytes = 2,

        /// <summary>Largest free native block, bytes.</summary>
        NativeLargestBlockBytes = 3,

        /// <summary>Planned weight memory, bytes.</summary>
        PlannedWeightsBytes = 4,

        /// <summary>Planned activation memory, bytes.</summary>
        PlannedActivationsBytes = 5,

        /// <summary>Planned gradient memory, bytes.</summary>
        PlannedGradientsBytes = 6,

        /// <summary>Planned scratch memory, bytes.</summary>
        PlannedScratchBytes = 7,

        /// <summary>Time of the last training step, µs.</summary>
        TrainStepUs = 8,

        /// <summary>Time of the last inference, µs.</summary>
        InferenceUs = 9,

        /// <summary>Windows acquired since reset, count.</summary>
        WindowsAcquired = 10,

        /// <summary>Windows dropped (no buffer free) since reset, count.</summary>
        WindowsDropped = 11,

        /// <summary>Sensor FIFO overruns since reset, count.</summary>
        FifoOverruns = 12,

        /// <summary>I2C or SPI errors since reset, count.</summary>
        BusErrors = 13,

        /// <summary>Training steps since boot, count.</summary>
        TrainingSteps = 14,

        /// <summary>Prequential accuracy (predict, then train) over the last N labelled windows, per mille (0 to 1000).</summary>
        PrequentialAccuracyPermille = 15,

        /// <summary>N of <see cref="PrequentialAccuracyPermille"/>: labelled windows it covers, count.</summary>
        PrequentialWindows = 16,

        /// <summary>Saturated (clamped) values since reset, count.</summary>
        Saturations = 17,

        /// <summary>Weight rescale events since reset, count.</summary>
        RescaleEvents = 18,

        /// <summary>Checkpoints written since boot, count.</summary>
        CheckpointCount = 19,

        /// <summary>Sequence number of the last checkpoint written, or -1 for none.</summary>
        LastCheckpointSequence = 20,

        /// <summary>Time since boot, ms.</summary>
        UptimeMs = 21,

        /// <summary>Energy of one training step, µJ.</summary>
        EnergyPerTrainStepUj = 22,

        /// <summary>Energy of one inference, µJ.</summary>
        EnergyPerInferenceUj = 23,

        /// <summary>Energy since boot, µJ.</summary>
        EnergyCumulativeUj = 24,

        /// <summary>1 when the energy counters are estimated (time in state × datasheet current), 0 when measured.</summary>
        EnergyEstimated = 25,

        /// <summary>The current <see cref="DeviceMode"/>.</summary>
        Mode = 26,

        /// <summary>The current label, or -1 for unlabelled.</summary>
        Label = 27,

        /// <summary>Frames the board accepted from the host since boot, count.</summary>
        LinkFramesAccepted = 28,

        /// <summary>Frames the board rejected (any <see cref="FrameError"/>) since boot, count.</summary>
        LinkFramesRejected = 29,

        /// <summary>Host frames the board detected as lost from sequence gaps since boot, count.</summary>
        LinkFramesLost = 30,
    }
}
