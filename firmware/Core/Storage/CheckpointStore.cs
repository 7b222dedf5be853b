// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Persistence;

namespace TinTin.Firmware.Core.Storage
{
    /// <summary>
    /// Checkpoints that survive power cuts: the model (lib-tintin's model file, with its full training
    /// state) is saved into two alternating slot files, each with a sequence number and CRC-32s
    /// (<see cref="CheckpointSlotFormat"/>); at boot the newest valid slot loads.
    /// </summary>
    /// <remarks>
    /// <para>A save always writes the slot that does not hold the checkpoint to protect (the one loaded
    /// or last saved), with the newest sequence number seen plus one, so a cut at any point of a save
    /// leaves the previous checkpoint untouched. A restore tries the intact slots newest first and
    /// reports for each slot what it found and why it rejected it.</para>
    /// <para>Built with a null <see cref="ICheckpointFiles"/> (a board without storage, such as the
    /// NUCLEO-F091RC) the store is disabled: nothing is read or written, and the reports say so.</para>
    /// <para>RAM: one byte array of the model file's size, kept and reused (<see cref="BufferBytes"/>),
    /// plus a 24-byte header; CRCs of slots that are not loaded are computed through that array in chunks.</para>
    /// <para>Not thread-safe: call it from the training loop's thread.</para>
    /// </remarks>
    public sealed class CheckpointStore
    {
        /// <summary>Slot a on the ESP32's internal flash drive (LittleFS).</summary>
        public const string DefaultPathA = "I:\\tintin-a.ckpt";

        /// <summary>Slot b on the ESP32's internal flash drive (LittleFS).</summary>
        public const string DefaultPathB = "I:\\tintin-b.ckpt";

        /// <summary>The bytes handed to the file system per write call by default.</summary>
        public const int DefaultChunkSize = 512;

        private readonly ICheckpointFiles _files;
        private readonly string _pathA;
        private readonly string _pathB;
        private readonly byte[] _header = new byte[CheckpointSlotFormat.HeaderSize];
        private byte[] _buffer;
        private int _chunkSize = DefaultChunkSize;
        private int _interval;
        private bool _known;
        private int _protectedSlot = -1;
        private bool _hasSequence;
        private uint _newestSequence;
        private long _lastAttemptSamples;

        /// <summary>Creates a store on the default slot files <see cref="DefaultPathA"/> and <see cref="DefaultPathB"/>.</summary>
        /// <param name="files">The file system, or null for a board without storage (checkpoints disabled).</param>
        public CheckpointStore(ICheckpointFiles files)
            : this(files, DefaultPathA, DefaultPathB)
        {
        }

        /// <summary>Creates a store on two slot files.</summary>
        /// <param name="files">The file system, or null for a board without storage (checkpoints disabled).</param>
        /// <param name="pathA">Slot a's file.</param>
        /// <param name="pathB">Slot b's file, not the same as slot a's.</param>
        /// <exception cref="ArgumentNullException">A path is null.</exception>
        /// <exception cref="ArgumentException">The paths are equal.</exception>
        public CheckpointStore(ICheckpointFiles files, string pathA, string pathB)
        {
            if (pathA is null)
            {
                throw new ArgumentNullException(nameof(pathA));
            }

            if (pathB is null)
            {
                throw new ArgumentNullException(nameof(pathB));
            }

            if (pathA == pathB)
            {
                throw new ArgumentException("the two slots need two files", nameof(pathB));
            }

            _files = files;
            _pathA = pathA;
            _pathB = pathB;
        }

        /// <summary>Gets whether the board has storage; when false every call reports "disabled" and does nothing.</summary>
        public bool Enabled
        {
            get { return _files != null; }
        }

        /// <summary>Gets or sets the samples between automatic saves by <see cref="SaveIfDue"/>; 0 (the default) saves only on command.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
        public int Interval
        {
            get
            {
                return _interval;
            }

            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                _interval = value;
            }
        }

        /// <summary>Gets or sets the bytes handed to the file system per write call.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
        public int ChunkSize
        {
            get
            {
                return _chunkSize;
            }

            set
            {
                if (value < 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                _chunkSize = value;
            }
        }

        /// <summary>Gets the bytes of the model file buffer the store keeps (0 before the first save or restore).</summary>
        public int BufferBytes
        {
            get { return _buffer == null ? 0 : _buffer.Length; }
        }

        /// <summary>Gets the slot the next save writes: the one not holding the checkpoint to protect (0 = a, 1 = b).</summary>
        /// <remarks>Before the first save or restore this reads the slots once to find out.</remarks>
        public int NextSlot
        {
            get
            {
                EnsureKnown();
                return _protectedSlot == 0 ? 1 : 0;
            }
        }

        /// <summary>Gets a slot's file.</summary>
        /// <param name="slot">0 for slot a, 1 for slot b.</param>
        /// <returns>The path.</returns>
        public string GetPath(int slot)
        {
            return slot == 0 ? _pathA : _pathB;
        }

        /// <summary>Gets the letter reports use for a slot: "a" for 0, "b" for 1.</summary>
        /// <param name="slot">The slot index.</param>
        /// <returns>The letter.</returns>
        public static string SlotName(int slot)
        {
            return slot == 0 ? "a" : slot == 1 ? "b" : "none";
        }

        /// <summary>
        /// Loads the newest valid checkpoint into a model of the same architecture (weights, scales,
        /// training state, options), for training to resume bit-exactly. Call it once at boot, before
        /// training. A slot is valid when its header, length and CRC-32s are intact and the model file
        /// reader accepts its body for this model.
        /// </summary>
        /// <remarks>
        /// When no slot is valid the model is left exactly as it was. Never throws for anything found in
        /// storage or for a file system error: those are reported per slot.
        /// </remarks>
        /// <param name="model">The model to load into.</param>
        /// <returns>What was loaded, and what each slot held.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
        public CheckpointRestoreReport Restore(Model model)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            var report = new CheckpointRestoreReport(Enabled, _pathA, _pathB);
            if (!Enabled)
            {
                return report;
            }

            int size = ModelFile.GetSize(model);
            EnsureBuffer(size);
            CheckpointSlotReport a = report.SlotA;
            CheckpointSlotReport b = report.SlotB;
            Inspect(a);
            Inspect(b);

            CheckpointSlotReport first = null;
            CheckpointSlotReport second = null;
            if (IsCandidate(a) && IsCandidate(b))
            {
                // Equal sequence numbers (never written by this store) try slot a first.
                bool bNewer = CheckpointSlotFormat.IsNewer(b.Sequence, a.Sequence);
                first = bNewer ? b : a;
                second = bNewer ? a : b;
            }
            else if (IsCandidate(a))
            {
                first = a;
            }
            else if (IsCandidate(b))
            {
                first = b;
            }

            if (first != null && TryLoad(model, first, size))
            {
                report.LoadedSlot = first.Slot;
            }

            if (second != null)
            {
                if (report.Loaded)
                {
                    // Only reported: the older slot is overwritten by the next save.
                    if (CheckBody(second))
                    {
                        second.Status = CheckpointSlotStatus.Older;
                    }
                }
                else if (TryLoad(model, second, size))
                {
                    report.LoadedSlot = second.Slot;
                }
            }

            if (report.Loaded)
            {
                CheckpointSlotReport loaded = report.GetSlot(report.LoadedSlot);
                report.Sequence = loaded.Sequence;
                report.Samples = model.Samples;
            }

            Remember(report);
            _lastAttemptSamples = model.Samples;
            return report;
        }

        /// <summary>
        /// Saves the model into the slot that does not hold the checkpoint to protect, with the next
        /// sequence number: header, then the model file in chunks of <see cref="ChunkSize"/>, then flush and close.
        /// </summary>
        /// <remarks>
        /// A cut or failure at any point leaves the previous checkpoint intact; the next save writes the
        /// same slot again. Never throws for a file system error: it is reported.
        /// </remarks>
        /// <param name="model">The model.</param>
        /// <returns>What was written, or why nothing was.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
        public CheckpointSaveReport Save(Model model)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            var report = new CheckpointSaveReport(Enabled);
            report.Samples = model.Samples;
            if (!Enabled)
            {
                report.Detail = "no storage";
                return report;
            }

            _lastAttemptSamples = model.Samples;
            int size = ModelFile.GetSize(model);
            EnsureBuffer(size);
            EnsureKnown();
            int target = _protectedSlot == 0 ? 1 : 0;
            uint sequence = _hasSequence ? unchecked(_newestSequence + 1) : 1;
            report.Slot = target;
            report.Sequence = sequence;

            try
            {
                ModelFile.Write(model, _buffer, 0);
            }
            catch (ArgumentException e)
            {
                // Nothing was written: the format cannot hold a value of this model.
                report.Detail = "the model cannot be stored: " + Clean(e);
                return report;
            }

            CheckpointSlotFormat.WriteHeader(_header, sequence, size, Crc32.Compute(_buffer, 0, size));
            try
            {
                _files.OpenWrite(GetPath(target));
                _files.Write(_header, 0, _header.Length);
                for (int p = 0; p < size; p += _chunkSize)
                {
                    int count = size - p < _chunkSize ? size - p : _chunkSize;
                    _files.Write(_buffer, p, count);
                }

                _files.Flush();
                _files.Close();
            }
            catch (Exception e)
            {
                CloseQuietly();
                report.Detail = "write failed: " + Clean(e);
                return report;
            }

            report.Saved = true;
            report.Bytes = CheckpointSlotFormat.HeaderSize + size;
            _protectedSlot = target;
            _newestSequence = sequence;
            _hasSequence = true;
            return report;
        }

        /// <summary>
        /// Saves when <see cref="Interval"/> samples or more were trained since the last save attempt
        /// (or restore); call it after every training step.
        /// </summary>
        /// <param name="model">The model.</param>
        /// <returns>The save's report, or null when no save was due (or checkpoints are disabled).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
        public CheckpointSaveReport SaveIfDue(Model model)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            if (!Enabled || _interval <= 0 || model.Samples - _lastAttemptSamples < _interval)
            {
                return null;
            }

            return Save(model);
        }

        /// <summary>Deletes both slot files (a "forget the model" command); the next save starts at sequence 1 in slot a.</summary>
        /// <returns>True when both are gone; false when checkpoints are disabled or the file system failed.</returns>
        public bool Clear()
        {
            if (!Enabled)
            {
                return false;
            }

            // Forget first: if a delete fails half-way, the next save rescans.
            _known = false;
            try
            {
                _files.Delete(_pathA);
                _files.Delete(_pathB);
            }
            catch (Exception)
            {
                return false;
            }

            _known = true;
            _protectedSlot = -1;
            _hasSequence = false;
            return true;
        }

        // Before the first save without a restore: read the slots to learn which one to protect.
        private void EnsureKnown()
        {
            if (_known || !Enabled)
            {
                return;
            }

            var report = new CheckpointRestoreReport(true, _pathA, _pathB);
            for (int slot = 0; slot < 2; slot++)
            {
                CheckpointSlotReport s = report.GetSlot(slot);
                Inspect(s);
                if (IsCandidate(s) && CheckBody(s))
                {
                    s.Status = CheckpointSlotStatus.Older;
                }
            }

            Remember(report);
        }

        // The newest sequence in any intact header (so a new save is newer than everything on flash) and
        // the slot to protect: the loaded one, else the newest with an intact body.
        private void Remember(CheckpointRestoreReport report)
        {
            _hasSequence = false;
            _protectedSlot = report.LoadedSlot;
            uint protectedSequence = 0;
            for (int slot = 0; slot < 2; slot++)
            {
                CheckpointSlotReport s = report.GetSlot(slot);
                if (!s.HasHeader)
                {
                    continue;
                }

                if (!_hasSequence || CheckpointSlotFormat.IsNewer(s.Sequence, _newestSequence))
                {
                    _newestSequence = s.Sequence;
                    _hasSequence = true;
                }

                if (!report.Loaded && s.BodyIntact && (_protectedSlot < 0 || CheckpointSlotFormat.IsNewer(s.Sequence, protectedSequence)))
                {
                    _protectedSlot = slot;
                    protectedSequence = s.Sequence;
                }
            }

            _known = true;
        }

        private static bool IsCandidate(CheckpointSlotReport s)
        {
            return s.HasHeader && s.Status == CheckpointSlotStatus.NotChecked;
        }

        // Reads a slot's header and checks it and the file length. Leaves Status NotChecked with HasHeader
        // set when the body is still to be checked.
        private void Inspect(CheckpointSlotReport s)
        {
            try
            {
                int length = _files.GetLength(s.Path);
                s.Length = length;
                if (length < 0)
                {
                    s.Status = CheckpointSlotStatus.Missing;
                    return;
                }

                if (length < CheckpointSlotFormat.HeaderSize)
                {
                    Reject(s, CheckpointSlotStatus.Truncated, "the file has " + length.ToString() + " bytes but the header needs " + CheckpointSlotFormat.HeaderSize.ToString());
                    return;
                }

                _files.OpenRead(s.Path);
                int read = ReadFully(_header, 0, CheckpointSlotFormat.HeaderSize);
                _files.Close();
                if (read < CheckpointSlotFormat.HeaderSize)
                {
                    Reject(s, CheckpointSlotStatus.Truncated, "read " + read.ToString() + " header bytes of " + CheckpointSlotFormat.HeaderSize.ToString());
                    return;
                }

                byte[] h = _header;
                if (h[0] != CheckpointSlotFormat.Magic0 || h[1] != CheckpointSlotFormat.Magic1
                    || h[2] != CheckpointSlotFormat.Magic2 || h[3] != CheckpointSlotFormat.Magic3)
                {
                    Reject(s, CheckpointSlotStatus.BadMagic, "found 0x" + CheckpointSlotFormat.GetUInt32(h, 0).ToString("X8"));
                    return;
                }

                int version = h[CheckpointSlotFormat.VersionOffset] | (h[CheckpointSlotFormat.VersionOffset + 1] << 8);
                if (version != CheckpointSlotFormat.Version)
                {
                    Reject(s, CheckpointSlotStatus.UnsupportedVersion, "slot format version " + version.ToString() + " (this firmware reads " + CheckpointSlotFormat.Version.ToString() + ")");
                    return;
                }

                uint storedHeaderCrc = CheckpointSlotFormat.GetUInt32(h, CheckpointSlotFormat.HeaderChecksumOffset);
                uint headerCrc = Crc32.Compute(h, 0, CheckpointSlotFormat.HeaderChecksumOffset);
                if (storedHeaderCrc != headerCrc)
                {
                    Reject(s, CheckpointSlotStatus.BadHeaderChecksum, "stored 0x" + storedHeaderCrc.ToString("X8") + " but computed 0x" + headerCrc.ToString("X8"));
                    return;
                }

                s.HasHeader = true;
                s.Sequence = CheckpointSlotFormat.GetUInt32(h, CheckpointSlotFormat.SequenceOffset);
                s.BodyLength = CheckpointSlotFormat.GetInt32(h, CheckpointSlotFormat.BodyLengthOffset);
                s.BodyChecksum = CheckpointSlotFormat.GetUInt32(h, CheckpointSlotFormat.BodyChecksumOffset);
                if (s.BodyLength < ModelFile.HeaderSize + ModelFile.ChecksumSize)
                {
                    Reject(s, CheckpointSlotStatus.ModelRejected, "the header states a body of " + s.BodyLength.ToString() + " bytes");
                    return;
                }

                long expected = (long)CheckpointSlotFormat.HeaderSize + s.BodyLength;
                if (length < expected)
                {
                    Reject(s, CheckpointSlotStatus.Truncated, "the file has " + length.ToString() + " bytes but its header states " + expected.ToString());
                }
                else if (length > expected)
                {
                    Reject(s, CheckpointSlotStatus.TrailingBytes, "the file has " + length.ToString() + " bytes but its header states " + expected.ToString());
                }
            }
            catch (Exception e)
            {
                CloseQuietly();
                Reject(s, CheckpointSlotStatus.ReadError, Clean(e));
            }
        }

        // Reads the body into the buffer, checks its CRC-32 and loads it; the model changes only on success.
        private bool TryLoad(Model model, CheckpointSlotReport s, int size)
        {
            if (s.BodyLength != size)
            {
                // Check the body first, so that the reason given is the real one.
                if (CheckBody(s))
                {
                    Reject(s, CheckpointSlotStatus.ModelRejected, "the checkpoint's model file has " + s.BodyLength.ToString() + " bytes but this model's has " + size.ToString());
                }

                return false;
            }

            try
            {
                _files.OpenRead(s.Path);
                int read = ReadFully(_header, 0, CheckpointSlotFormat.HeaderSize);
                if (read == CheckpointSlotFormat.HeaderSize)
                {
                    read = ReadFully(_buffer, 0, size);
                }

                _files.Close();
                if (read < size)
                {
                    Reject(s, CheckpointSlotStatus.Truncated, "read " + read.ToString() + " body bytes of " + size.ToString());
                    return false;
                }
            }
            catch (Exception e)
            {
                CloseQuietly();
                Reject(s, CheckpointSlotStatus.ReadError, Clean(e));
                return false;
            }

            uint crc = Crc32.Compute(_buffer, 0, size);
            if (crc != s.BodyChecksum)
            {
                RejectChecksum(s, crc);
                return false;
            }

            s.BodyIntact = true;

            try
            {
                ModelFile.ReadInto(model, _buffer, 0, size);
            }
            catch (ModelFileException e)
            {
                Reject(s, CheckpointSlotStatus.ModelRejected, Clean(e));
                return false;
            }

            s.Status = CheckpointSlotStatus.Loaded;
            return true;
        }

        // Streams a slot's body through CRC-32 in buffer-sized chunks; on failure sets the reason.
        private bool CheckBody(CheckpointSlotReport s)
        {
            try
            {
                _files.OpenRead(s.Path);
                int read = ReadFully(_header, 0, CheckpointSlotFormat.HeaderSize);
                uint crc = 0;
                int body = 0;
                if (read == CheckpointSlotFormat.HeaderSize)
                {
                    while (body < s.BodyLength)
                    {
                        int want = s.BodyLength - body < _buffer.Length ? s.BodyLength - body : _buffer.Length;
                        int got = ReadFully(_buffer, 0, want);
                        crc = Crc32.Update(crc, _buffer, 0, got);
                        body += got;
                        if (got < want)
                        {
                            break;
                        }
                    }
                }

                _files.Close();
                if (body < s.BodyLength)
                {
                    Reject(s, CheckpointSlotStatus.Truncated, "read " + body.ToString() + " body bytes of " + s.BodyLength.ToString());
                    return false;
                }

                if (crc != s.BodyChecksum)
                {
                    RejectChecksum(s, crc);
                    return false;
                }

                s.BodyIntact = true;
                return true;
            }
            catch (Exception e)
            {
                CloseQuietly();
                Reject(s, CheckpointSlotStatus.ReadError, Clean(e));
                return false;
            }
        }

        private int ReadFully(byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (total < count)
            {
                int n = _files.Read(buffer, offset + total, count - total);
                if (n <= 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        }

        private void EnsureBuffer(int size)
        {
            // Kept between calls: one allocation for the device's lifetime, no heap fragmentation.
            if (_buffer == null || _buffer.Length < size)
            {
                _buffer = null;
                _buffer = new byte[size];
            }
        }

        private void CloseQuietly()
        {
            try
            {
                _files.Close();
            }
            catch (Exception)
            {
                // The original failure is the one worth reporting.
            }
        }

        private static void RejectChecksum(CheckpointSlotReport s, uint computed)
        {
            Reject(s, CheckpointSlotStatus.BadChecksum, "stored 0x" + s.BodyChecksum.ToString("X8") + " but computed 0x" + computed.ToString("X8"));
        }

        private static void Reject(CheckpointSlotReport s, CheckpointSlotStatus status, string detail)
        {
            s.Status = status;
            s.Detail = detail;
        }

        // An exception's message for a report line: commas and line breaks replaced (the event line and the
        // device test adapter split on commas), the type's name when there is no message.
        private static string Clean(Exception e)
        {
            string message = e.Message;
            if (message is null || message.Length == 0)
            {
                message = e.GetType().FullName;
            }

            char[] chars = message.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c == ',')
                {
                    chars[i] = ';';
                }
                else if (c == '\r' || c == '\n')
                {
                    chars[i] = ' ';
                }
            }

            return new string(chars);
        }
    }
}
