// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Storage
{
    /// <summary>
    /// The result of <see cref="CheckpointStore.Restore"/>: whether a checkpoint was loaded, which one,
    /// and for each slot what was found there (and why it was rejected). The firmware sends
    /// <see cref="Format"/> as its boot event.
    /// </summary>
    public sealed class CheckpointRestoreReport
    {
        private readonly CheckpointSlotReport _slotA;
        private readonly CheckpointSlotReport _slotB;

        internal CheckpointRestoreReport(bool enabled, string pathA, string pathB)
        {
            Enabled = enabled;
            LoadedSlot = -1;
            _slotA = new CheckpointSlotReport(0, pathA);
            _slotB = new CheckpointSlotReport(1, pathB);
        }

        /// <summary>Gets whether the board has checkpoint storage; when false nothing was read and nothing was loaded.</summary>
        public bool Enabled { get; }

        /// <summary>Gets whether a checkpoint was loaded into the model.</summary>
        public bool Loaded
        {
            get { return LoadedSlot >= 0; }
        }

        /// <summary>Gets the slot loaded (0 = a, 1 = b), or -1 when none was.</summary>
        public int LoadedSlot { get; internal set; }

        /// <summary>Gets the loaded checkpoint's sequence number (valid when <see cref="Loaded"/>).</summary>
        public uint Sequence { get; internal set; }

        /// <summary>Gets the samples the loaded model had trained on (valid when <see cref="Loaded"/>).</summary>
        public long Samples { get; internal set; }

        /// <summary>Gets what was found in slot a.</summary>
        public CheckpointSlotReport SlotA
        {
            get { return _slotA; }
        }

        /// <summary>Gets what was found in slot b.</summary>
        public CheckpointSlotReport SlotB
        {
            get { return _slotB; }
        }

        /// <summary>Gets what was found in a slot.</summary>
        /// <param name="slot">0 for slot a, 1 for slot b.</param>
        /// <returns>The slot's report.</returns>
        public CheckpointSlotReport GetSlot(int slot)
        {
            return slot == 0 ? _slotA : _slotB;
        }

        /// <summary>
        /// Formats the report as one line, e.g.
        /// <c>tintin ckpt restore loaded=b seq=7 samples=140 | a=truncated seq=8 (...) | b=loaded seq=7</c>,
        /// or <c>tintin ckpt restore disabled (no storage)</c>.
        /// </summary>
        /// <returns>The line, without a comma or a line terminator.</returns>
        public string Format()
        {
            if (!Enabled)
            {
                return DeviceReport.Prefix + " ckpt restore disabled (no storage)";
            }

            string head = Loaded
                ? "loaded=" + CheckpointStore.SlotName(LoadedSlot) + " seq=" + Sequence.ToString() + " samples=" + Samples.ToString()
                : "none";
            return DeviceReport.Prefix + " ckpt restore " + head + " | " + _slotA.Format() + " | " + _slotB.Format();
        }
    }
}
