// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// The message type (byte 1 of a frame). Board to host: 0x01 to 0x0F and the answers 0x11, 0x12; host to board:
    /// 0x10 and 0x21; both ways: 0x20.
    /// </summary>
    public enum MessageType : byte
    {
        /// <summary>Not a message type; no frame carries it.</summary>
        None = 0,

        /// <summary>Board to host, first after boot and on request: versions, target, model hash, plan, FPU.</summary>
        Hello = 0x01,

        /// <summary>Board to host, every report period: (counter id, int64 value) pairs.</summary>
        Counters = 0x02,

        /// <summary>Board to host: an event code, a value and a short UTF-8 text.</summary>
        Event = 0x03,

        /// <summary>Board to host: a log level and a UTF-8 text line.</summary>
        Log = 0x04,

        /// <summary>Board to host: the prediction for one window.</summary>
        Prediction = 0x05,

        /// <summary>Host to board: a command; the board answers with <see cref="Ack"/> or <see cref="Nak"/>.</summary>
        Command = 0x10,

        /// <summary>Board to host: a command or model chunk was accepted.</summary>
        Ack = 0x11,

        /// <summary>Board to host: a command or model chunk was refused, with a reason.</summary>
        Nak = 0x12,

        /// <summary>Both ways: a piece of a model file (total length, offset, bytes).</summary>
        ModelChunk = 0x20,

        /// <summary>Host to board: int16 samples of a window (hardware in the loop).</summary>
        Samples = 0x21,
    }
}
