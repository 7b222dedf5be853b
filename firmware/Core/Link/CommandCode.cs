// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// The command codes (byte 0 of a <see cref="MessageType.Command"/> payload) and the argument each takes.
    /// </summary>
    public enum CommandCode : byte
    {
        /// <summary>Not a command.</summary>
        None = 0,

        /// <summary>Argument u8: a <see cref="DeviceMode"/>.</summary>
        SetMode = 0x01,

        /// <summary>Argument u8: the class label of the windows that follow, or 255 for unlabelled.</summary>
        SetLabel = 0x02,

        /// <summary>No argument: write a checkpoint now.</summary>
        SaveCheckpoint = 0x03,

        /// <summary>No argument: zero the resettable counters.</summary>
        ResetCounters = 0x04,

        /// <summary>Argument u32: the counters report period in ms (0 = off).</summary>
        SetReportPeriod = 0x05,

        /// <summary>No argument: the board sends its model file as <see cref="MessageType.ModelChunk"/> frames.</summary>
        SendModel = 0x06,

        /// <summary>Argument u32: the length of the model file the host sends next as chunks.</summary>
        LoadModel = 0x07,

        /// <summary>No argument: the board answers with a hello.</summary>
        SendHello = 0x08,
    }
}
