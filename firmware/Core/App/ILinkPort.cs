// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.App
{
    /// <summary>The byte stream to the host: COM2 on a board, a pseudo-terminal in the simulator.</summary>
    public interface ILinkPort
    {
        /// <summary>Reads what has arrived, without waiting.</summary>
        /// <param name="buffer">Receives the bytes.</param>
        /// <param name="offset">Where to start.</param>
        /// <param name="count">At most this many.</param>
        /// <returns>The number read, 0 when nothing is waiting.</returns>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Writes bytes (a whole encoded frame).</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="offset">Where to start.</param>
        /// <param name="count">How many.</param>
        void Write(byte[] buffer, int offset, int count);
    }
}
