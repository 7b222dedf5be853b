// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Storage
{
    /// <summary>What a restore found in one checkpoint slot, and why the slot was rejected if it was.</summary>
    public sealed class CheckpointSlotReport
    {
        internal CheckpointSlotReport(int slot, string path)
        {
            Slot = slot;
            Path = path;
            Length = -1;
            Detail = string.Empty;
        }

        /// <summary>Gets the slot index: 0 for slot a, 1 for slot b.</summary>
        public int Slot { get; }

        /// <summary>Gets the slot's file.</summary>
        public string Path { get; }

        /// <summary>Gets what was found.</summary>
        public CheckpointSlotStatus Status { get; internal set; }

        /// <summary>Gets whether the header was intact, so <see cref="Sequence"/> and <see cref="BodyLength"/> are known.</summary>
        public bool HasHeader { get; internal set; }

        /// <summary>Gets the header's sequence number (valid when <see cref="HasHeader"/>).</summary>
        public uint Sequence { get; internal set; }

        /// <summary>Gets the model file length the header states (valid when <see cref="HasHeader"/>).</summary>
        public int BodyLength { get; internal set; }

        /// <summary>Gets the file's length in bytes, or -1 when it is missing or unreadable.</summary>
        public int Length { get; internal set; }

        /// <summary>Gets the reason in words (empty for a loaded or older slot); never contains a comma.</summary>
        public string Detail { get; internal set; }

        // The body's CRC-32 from the header, and whether the body matched it.
        internal uint BodyChecksum { get; set; }

        internal bool BodyIntact { get; set; }

        /// <summary>Gets whether the slot was rejected (anything but loaded, older or not checked).</summary>
        public bool IsRejected
        {
            get
            {
                return Status != CheckpointSlotStatus.Loaded && Status != CheckpointSlotStatus.Older
                    && Status != CheckpointSlotStatus.NotChecked;
            }
        }

        /// <summary>Gets the slot's letter as reports write it: "a" or "b".</summary>
        public string Name
        {
            get { return CheckpointStore.SlotName(Slot); }
        }

        /// <summary>Formats the slot's finding, e.g. <c>a=truncated seq=7 (the file has 100 bytes but its header states 404)</c>.</summary>
        /// <returns>The text, without a comma.</returns>
        public string Format()
        {
            string text = Name + "=" + StatusName(Status);
            if (HasHeader)
            {
                text += " seq=" + Sequence.ToString();
            }

            if (Detail.Length > 0)
            {
                text += " (" + Detail + ")";
            }

            return text;
        }

        /// <summary>Gets the word reports use for a status, e.g. <c>bad_checksum</c> (an enum prints as its number on nanoFramework).</summary>
        /// <param name="status">The status.</param>
        /// <returns>The word.</returns>
        public static string StatusName(CheckpointSlotStatus status)
        {
            switch (status)
            {
                case CheckpointSlotStatus.NotChecked: return "not_checked";
                case CheckpointSlotStatus.Loaded: return "loaded";
                case CheckpointSlotStatus.Older: return "older";
                case CheckpointSlotStatus.Missing: return "missing";
                case CheckpointSlotStatus.Truncated: return "truncated";
                case CheckpointSlotStatus.BadMagic: return "bad_magic";
                case CheckpointSlotStatus.UnsupportedVersion: return "unsupported_version";
                case CheckpointSlotStatus.BadHeaderChecksum: return "bad_header_checksum";
                case CheckpointSlotStatus.TrailingBytes: return "trailing_bytes";
                case CheckpointSlotStatus.BadChecksum: return "bad_checksum";
                case CheckpointSlotStatus.ModelRejected: return "model_rejected";
                case CheckpointSlotStatus.ReadError: return "read_error";
                default: return "status_" + ((int)status).ToString();
            }
        }
    }
}
