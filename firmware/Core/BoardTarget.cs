// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core
{
    /// <summary>
    /// What the firmware must know of each nanoFramework target that the board cannot tell it
    /// reliably: FPU presence (SystemInfo.FloatingPointSupport misreports on several FPU-less
    /// targets), the power figures behind the energy estimate, storage, and the UART of the data
    /// link. The values are nanoFramework.json's "targets" (a consistency test keeps them equal).
    /// </summary>
    public sealed class BoardTarget
    {
        private static readonly BoardTarget[] s_all =
        {
            new BoardTarget("ESP32_PSRAM_REV0", true, 240, 224400, 99000, "I:", "COM2"),
            new BoardTarget("M5StickC", true, 240, 224400, 99000, "I:", "COM2"),
            new BoardTarget("ESP32_C3", false, 160, 88400, 66300, "I:", "COM2"),
            new BoardTarget("ST_NUCLEO64_F091RC", false, 48, 62400, 38600, null, "COM8"),
            new BoardTarget("ST_STM32F769I_DISCOVERY", true, 216, 660000, 330000, "D:", "COM6"),
        };

        private BoardTarget(string name, bool hasFpu, int clockMhz, long activeMicrowatts, long idleMicrowatts, string drive, string linkPort)
        {
            Name = name;
            HasFpu = hasFpu;
            ClockMhz = clockMhz;
            ActiveMicrowatts = activeMicrowatts;
            IdleMicrowatts = idleMicrowatts;
            Drive = drive;
            LinkPort = linkPort;
        }

        /// <summary>Gets the target name nanoff and SystemInfo use.</summary>
        public string Name { get; }

        /// <summary>Gets a value indicating whether the silicon has a hardware FPU.</summary>
        public bool HasFpu { get; }

        /// <summary>Gets the CPU clock the firmware image runs at.</summary>
        public int ClockMhz { get; }

        /// <summary>Gets the power while computing (datasheet figure, see nanoFramework.json).</summary>
        public long ActiveMicrowatts { get; }

        /// <summary>Gets the power while waiting (datasheet figure, see nanoFramework.json).</summary>
        public long IdleMicrowatts { get; }

        /// <summary>Gets the drive checkpoints go to, or null: the image has no file system (checkpoints disabled).</summary>
        public string Drive { get; }

        /// <summary>Gets the UART of the data link.</summary>
        public string LinkPort { get; }

        /// <summary>Every target, in nanoFramework.json's order.</summary>
        /// <returns>A new array.</returns>
        public static BoardTarget[] All()
        {
            return (BoardTarget[])s_all.Clone();
        }

        /// <summary>Finds a target by name.</summary>
        /// <param name="name">The target name (SystemInfo.TargetName on the board).</param>
        /// <returns>The target.</returns>
        /// <exception cref="ArgumentException">The target is not in the table.</exception>
        public static BoardTarget Find(string name)
        {
            for (int i = 0; i < s_all.Length; i++)
            {
                if (s_all[i].Name == name)
                {
                    return s_all[i];
                }
            }

            throw new ArgumentException("unknown target " + name);
        }
    }
}
