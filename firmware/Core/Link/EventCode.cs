// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>The event codes of an <see cref="EventMessage"/>. Readers accept codes they do not know (1 to 65535).</summary>
    public enum EventCode : ushort
    {
        /// <summary>Not an event; refused in a payload.</summary>
        None = 0,

        /// <summary>The firmware started; value: the reset cause.</summary>
        Boot = 1,

        /// <summary>The mode changed; value: the new <see cref="DeviceMode"/>.</summary>
        ModeChanged = 2,

        /// <summary>The label changed; value: the new label or -1.</summary>
        LabelChanged = 3,

        /// <summary>A checkpoint was written; value: its sequence number.</summary>
        CheckpointSaved = 4,

        /// <summary>Writing a checkpoint failed; value: an error code.</summary>
        CheckpointFailed = 5,

        /// <summary>A model from the host was loaded; value: its length in bytes.</summary>
        ModelLoaded = 6,

        /// <summary>A model from the host was rejected; value: the <see cref="NakReason"/>.</summary>
        ModelRejected = 7,

        /// <summary>The model was sent to the host; value: its length in bytes.</summary>
        ModelSent = 8,

        /// <summary>The sensor failed; value: an error code.</summary>
        SensorFault = 9,

        /// <summary>A window looked novel; value: its window sequence number.</summary>
        Novelty = 10,

        /// <summary>The resettable counters were zeroed.</summary>
        CountersReset = 11,
    }
}
