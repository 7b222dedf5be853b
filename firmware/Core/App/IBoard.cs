// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Firmware.Core.Storage;

namespace TinTin.Firmware.Core.App
{
    /// <summary>
    /// Everything board-specific the firmware core needs, behind one small interface: memory
    /// introspection, storage, the status LED and the label button. Pin routing happens before the
    /// core starts (firmware/Nano). The host simulator implements it too.
    /// </summary>
    public interface IBoard
    {
        /// <summary>Gets the nanoFramework target name (e.g. ESP32_C3).</summary>
        string TargetName { get; }

        /// <summary>Gets a value indicating whether the core has a hardware FPU, from the target table (SystemInfo misreports on several FPU-less targets).</summary>
        bool HasFpu { get; }

        /// <summary>Gets the checkpoint storage, or null where the board has no file system.</summary>
        ICheckpointFiles Storage { get; }

        /// <summary>Managed heap free after a (non-compacting) collection.</summary>
        /// <returns>Bytes.</returns>
        long ManagedFreeBytes();

        /// <summary>Native heap free and largest free block, where the board can tell.</summary>
        /// <param name="free">Free bytes.</param>
        /// <param name="largestBlock">The largest free block.</param>
        /// <returns>False where the board has no such figure.</returns>
        bool TryReadNativeMemory(out long free, out long largestBlock);

        /// <summary>Sets the status LED (the board knows its polarity).</summary>
        /// <param name="on">Lit or not.</param>
        void SetLed(bool on);

        /// <summary>Reports a press of the label button since the last call (debounced by the board).</summary>
        /// <returns>True once per press.</returns>
        bool TakeButtonPress();
    }
}
