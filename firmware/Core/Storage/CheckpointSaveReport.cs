// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Storage
{
    /// <summary>The result of <see cref="CheckpointStore.Save"/>: what was written where, or why nothing was.</summary>
    public sealed class CheckpointSaveReport
    {
        internal CheckpointSaveReport(bool enabled)
        {
            Enabled = enabled;
            Slot = -1;
            Detail = string.Empty;
        }

        /// <summary>Gets whether the board has checkpoint storage.</summary>
        public bool Enabled { get; }

        /// <summary>Gets whether the checkpoint was written completely and committed.</summary>
        public bool Saved { get; internal set; }

        /// <summary>Gets the slot written or attempted (0 = a, 1 = b), or -1 when none was.</summary>
        public int Slot { get; internal set; }

        /// <summary>Gets the sequence number written or attempted.</summary>
        public uint Sequence { get; internal set; }

        /// <summary>Gets the slot file's length: header and model file.</summary>
        public int Bytes { get; internal set; }

        /// <summary>Gets the samples the saved model had trained on.</summary>
        public long Samples { get; internal set; }

        /// <summary>Gets why nothing was saved (empty when <see cref="Saved"/>); never contains a comma.</summary>
        public string Detail { get; internal set; }

        /// <summary>
        /// Formats the report as one line, e.g. <c>tintin ckpt save slot=a seq=8 bytes=404 samples=160</c>,
        /// <c>tintin ckpt save failed slot=a seq=8 (...)</c> or <c>tintin ckpt save disabled (no storage)</c>.
        /// </summary>
        /// <returns>The line, without a comma or a line terminator.</returns>
        public string Format()
        {
            if (!Enabled)
            {
                return DeviceReport.Prefix + " ckpt save disabled (no storage)";
            }

            string slot = Slot >= 0 ? " slot=" + CheckpointStore.SlotName(Slot) + " seq=" + Sequence.ToString() : string.Empty;
            if (Saved)
            {
                return DeviceReport.Prefix + " ckpt save" + slot + " bytes=" + Bytes.ToString() + " samples=" + Samples.ToString();
            }

            return DeviceReport.Prefix + " ckpt save failed" + slot + " (" + Detail + ")";
        }
    }
}
