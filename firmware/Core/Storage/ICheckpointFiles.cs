// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Storage
{
    /// <summary>
    /// The few file operations <see cref="CheckpointStore"/> needs: one file open at a time, read or
    /// written from start to end in chunks. The board implements it on System.IO.FileSystem (the ESP32's
    /// internal LittleFS drive I:); tests implement it in memory, with simulated power cuts.
    /// </summary>
    /// <remarks>
    /// Every method may throw (an <c>IOException</c> on a board): the store catches and reports it.
    /// Nothing here promises atomicity; the store's slot format detects every torn write instead.
    /// </remarks>
    public interface ICheckpointFiles
    {
        /// <summary>Gets the length of a file.</summary>
        /// <param name="path">The file.</param>
        /// <returns>The length in bytes, or -1 when the file does not exist.</returns>
        int GetLength(string path);

        /// <summary>Opens a file for reading from its first byte; closes any file open before.</summary>
        /// <param name="path">The file.</param>
        void OpenRead(string path);

        /// <summary>Reads the next bytes of the file opened by <see cref="OpenRead"/>.</summary>
        /// <param name="buffer">Where the bytes go.</param>
        /// <param name="offset">The first index to fill.</param>
        /// <param name="count">The most bytes to read.</param>
        /// <returns>The bytes read: between 1 and <paramref name="count"/>, or 0 at the end of the file.</returns>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Creates a file, or truncates it to 0 bytes if it exists, and opens it for writing; closes any file open before.</summary>
        /// <param name="path">The file.</param>
        void OpenWrite(string path);

        /// <summary>Appends bytes to the file opened by <see cref="OpenWrite"/>.</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="offset">The first index to write.</param>
        /// <param name="count">How many bytes.</param>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Commits what was written so far to storage.</summary>
        void Flush();

        /// <summary>Closes the open file, if any (committing a written file); does nothing when no file is open.</summary>
        void Close();

        /// <summary>Deletes a file; does nothing when it does not exist.</summary>
        /// <param name="path">The file.</param>
        void Delete(string path);
    }
}
