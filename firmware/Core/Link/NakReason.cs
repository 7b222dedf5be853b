// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// Why a payload was refused: the result of every payload reader and validator (<see cref="None"/> = accepted)
    /// and the reason byte of a <see cref="NakMessage"/>.
    /// </summary>
    public enum NakReason : byte
    {
        /// <summary>Accepted.</summary>
        None = 0,

        /// <summary>The command code is not defined.</summary>
        UnknownCommand = 1,

        /// <summary>The payload length does not fit the message or command.</summary>
        BadLength = 2,

        /// <summary>A field is outside its range.</summary>
        OutOfRange = 3,

        /// <summary>A text field is not valid UTF-8 or is too long.</summary>
        BadText = 4,

        /// <summary>The command is not allowed in the board's current state or mode.</summary>
        WrongState = 5,

        /// <summary>A model chunk's offset or total does not continue the transfer.</summary>
        BadOffset = 6,

        /// <summary>The assembled model file was rejected (format, checksum or shape).</summary>
        ModelInvalid = 7,

        /// <summary>Storage failed (checkpoint or model could not be written).</summary>
        StorageFailed = 8,

        /// <summary>The board is busy; try again later.</summary>
        Busy = 9,

        /// <summary>The message type is not accepted in this direction.</summary>
        Unsupported = 10,
    }
}
