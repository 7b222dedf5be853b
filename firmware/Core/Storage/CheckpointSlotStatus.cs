// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Storage
{
    /// <summary>What <see cref="CheckpointStore.Restore"/> found in one checkpoint slot.</summary>
    /// <remarks>The numeric values are reported over the data link: never renumber them.</remarks>
    public enum CheckpointSlotStatus
    {
        /// <summary>Not looked at: checkpoints are disabled (no storage).</summary>
        NotChecked = 0,

        /// <summary>Intact and loaded: the newest valid checkpoint.</summary>
        Loaded = 1,

        /// <summary>Intact (header and checksum), but older than the loaded checkpoint.</summary>
        Older = 2,

        /// <summary>The file does not exist.</summary>
        Missing = 3,

        /// <summary>The file is shorter than its header, or than the body its header states: a cut write.</summary>
        Truncated = 4,

        /// <summary>The file does not start with the slot magic "TTCK".</summary>
        BadMagic = 5,

        /// <summary>A slot format version this firmware does not read.</summary>
        UnsupportedVersion = 6,

        /// <summary>The header's own CRC-32 does not match.</summary>
        BadHeaderChecksum = 7,

        /// <summary>The file is longer than its header and stated body.</summary>
        TrailingBytes = 8,

        /// <summary>The body's CRC-32 does not match the header's: a cut or damaged write.</summary>
        BadChecksum = 9,

        /// <summary>The body is intact but the model file reader refused it (for example another architecture).</summary>
        ModelRejected = 10,

        /// <summary>The file system threw while the slot was read.</summary>
        ReadError = 11,
    }
}
