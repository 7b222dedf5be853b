// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using TinTin.Firmware.Core.Storage;

namespace TinTin.Firmware.Nano
{
    /// <summary>
    /// Checkpoint files on the board's flash file system through System.IO.FileSystem: on ESP32 the
    /// internal LittleFS drive I: (shared with the device configuration store). LittleFS commits file
    /// data on flush and close; <see cref="CheckpointStore"/>'s slot format detects whatever a power cut
    /// leaves behind, so no atomicity is assumed here.
    /// </summary>
    public sealed class FlashCheckpointFiles : ICheckpointFiles
    {
        /// <summary>The ESP32's internal flash drive.</summary>
        public const string InternalDrive = "I:";

        private FileStream _stream;

        /// <summary>
        /// Opens the checkpoint files on a drive if the board has it; use the result (possibly null) to
        /// build a <see cref="CheckpointStore"/>, which a null disables.
        /// </summary>
        /// <remarks>Only for firmware images with System.IO.FileSystem (ESP32); a board without it (NUCLEO-F091RC) passes null to the store instead.</remarks>
        /// <param name="drive">The drive, e.g. <see cref="InternalDrive"/>.</param>
        /// <returns>The file system, or null when the drive is absent or the file system fails.</returns>
        public static FlashCheckpointFiles Open(string drive)
        {
            if (drive is null || drive.Length < 2)
            {
                return null;
            }

            try
            {
                string wanted = drive.Substring(0, 2).ToUpper();
                DriveInfo[] drives = DriveInfo.GetDrives();
                for (int i = 0; i < drives.Length; i++)
                {
                    string name = drives[i].Name;
                    if (name is object && name.Length >= 2 && name.Substring(0, 2).ToUpper() == wanted)
                    {
                        return new FlashCheckpointFiles();
                    }
                }
            }
            catch (Exception)
            {
                // A firmware image without the native file system driver: no storage.
            }

            return null;
        }

        /// <inheritdoc/>
        public int GetLength(string path)
        {
            if (!File.Exists(path))
            {
                return -1;
            }

            long length = new FileInfo(path).Length;
            return length > int.MaxValue ? int.MaxValue : (int)length;
        }

        /// <inheritdoc/>
        public void OpenRead(string path)
        {
            Close();
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read);
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count)
        {
            if (_stream == null)
            {
                throw new InvalidOperationException("no file is open");
            }

            return _stream.Read(buffer, offset, count);
        }

        /// <inheritdoc/>
        public void OpenWrite(string path)
        {
            Close();

            // Create truncates an existing file; LittleFS keeps the old content until the new one is committed.
            _stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        }

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (_stream == null)
            {
                throw new InvalidOperationException("no file is open");
            }

            _stream.Write(buffer, offset, count);
        }

        /// <inheritdoc/>
        public void Flush()
        {
            if (_stream != null)
            {
                _stream.Flush();
            }
        }

        /// <inheritdoc/>
        public void Close()
        {
            FileStream stream = _stream;
            _stream = null;
            if (stream != null)
            {
                stream.Close();
            }
        }

        /// <inheritdoc/>
        public void Delete(string path)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
