// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using TinTin.Firmware.Core.Storage;

namespace NFUnitTest
{
    // An in-memory flash file system for the checkpoint tests that runs on the device too (no generics):
    // a few files by path, a power cut after exactly k more written bytes, and a reboot that keeps what
    // the flash would hold. Write-through by default (a cut file keeps its prefix); with copyOnWrite
    // a rewritten file keeps its previous content until flush or close, as LittleFS does.
    internal sealed class CheckpointMemoryFiles : ICheckpointFiles
    {
        private const int MaxFiles = 4;

        // Which entries are in use: on nanoCLR an element of a new string[] does not compare equal to null
        // (ceq of the loaded element with ldnull gives false), so the paths cannot mark free entries.
        private readonly bool[] _used = new bool[MaxFiles];
        private readonly string[] _paths = new string[MaxFiles];
        private readonly byte[][] _data = new byte[MaxFiles][];
        private readonly bool _copyOnWrite;
        private int _open = -1;
        private bool _writing;
        private byte[] _pending;
        private int _pendingLength;
        private int _readPosition;
        private int _cutAfter = -1;
        private int _written;
        private bool _dead;

        public CheckpointMemoryFiles(bool copyOnWrite)
        {
            _copyOnWrite = copyOnWrite;
        }

        public bool IsDead
        {
            get { return _dead; }
        }

        // Power dies once this many more bytes are written: the next byte and every later call fail.
        public void CutAfterBytes(int bytes)
        {
            _cutAfter = _written + bytes;
        }

        // The flash as found after power returns: committed content only.
        public CheckpointMemoryFiles Reboot()
        {
            var copy = new CheckpointMemoryFiles(_copyOnWrite);
            for (int i = 0; i < MaxFiles; i++)
            {
                if (_used[i])
                {
                    copy.Put(_paths[i], _data[i]);
                }
            }

            return copy;
        }

        public byte[] Get(string path)
        {
            int i = Find(path);
            return i < 0 ? null : Copy(_data[i], _data[i].Length);
        }

        public void Put(string path, byte[] data)
        {
            int i = Find(path);
            if (data == null)
            {
                if (i >= 0)
                {
                    _used[i] = false;
                    _data[i] = null;
                }

                return;
            }

            if (i < 0)
            {
                i = FreeIndex();
                _used[i] = true;
                _paths[i] = path;
            }

            _data[i] = Copy(data, data.Length);
        }

        public int GetLength(string path)
        {
            Alive();
            int i = Find(path);
            return i < 0 ? -1 : _data[i].Length;
        }

        public void OpenRead(string path)
        {
            Alive();
            CloseOpen();
            int i = Find(path);
            if (i < 0)
            {
                throw new IOException("no such file");
            }

            _open = i;
            _readPosition = 0;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            Alive();
            if (_open < 0 || _writing)
            {
                throw new InvalidOperationException("no file open for reading");
            }

            // At most 50 bytes per call: callers must loop as on a real stream.
            byte[] data = _data[_open];
            int n = data.Length - _readPosition;
            if (n > count)
            {
                n = count;
            }

            if (n > 50)
            {
                n = 50;
            }

            Array.Copy(data, _readPosition, buffer, offset, n);
            _readPosition += n;
            return n;
        }

        public void OpenWrite(string path)
        {
            Alive();
            CloseOpen();
            int i = Find(path);
            if (i < 0)
            {
                i = FreeIndex();
                _used[i] = true;
                _paths[i] = path;
                _data[i] = _copyOnWrite ? null : new byte[0];
            }
            else if (!_copyOnWrite)
            {
                _data[i] = new byte[0];
            }

            _open = i;
            _writing = true;
            _pending = new byte[64];
            _pendingLength = 0;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Alive();
            if (_open < 0 || !_writing)
            {
                throw new InvalidOperationException("no file open for writing");
            }

            for (int k = 0; k < count; k++)
            {
                if (_cutAfter >= 0 && _written >= _cutAfter)
                {
                    Die();
                }

                if (_pendingLength == _pending.Length)
                {
                    byte[] bigger = new byte[_pending.Length * 2];
                    Array.Copy(_pending, bigger, _pendingLength);
                    _pending = bigger;
                }

                _pending[_pendingLength] = buffer[offset + k];
                _pendingLength++;
                _written++;
            }

            if (!_copyOnWrite)
            {
                _data[_open] = Copy(_pending, _pendingLength);
            }
        }

        public void Flush()
        {
            Alive();
            Commit();
        }

        public void Close()
        {
            Alive();
            Commit();
            CloseOpen();
        }

        public void Delete(string path)
        {
            Alive();
            Put(path, null);
        }

        private void Commit()
        {
            if (_open >= 0 && _writing)
            {
                _data[_open] = Copy(_pending, _pendingLength);
            }
        }

        private void CloseOpen()
        {
            // A copy-on-write file created but never committed does not exist.
            if (_open >= 0 && _data[_open] == null)
            {
                _used[_open] = false;
            }

            _open = -1;
            _writing = false;
            _pending = null;
        }

        private void Alive()
        {
            if (_dead || (_cutAfter >= 0 && _written >= _cutAfter))
            {
                Die();
            }
        }

        private void Die()
        {
            _dead = true;
            throw new IOException("power cut");
        }

        private int Find(string path)
        {
            for (int i = 0; i < MaxFiles; i++)
            {
                if (_used[i] && _data[i] != null && _paths[i] == path)
                {
                    return i;
                }
            }

            return -1;
        }

        private int FreeIndex()
        {
            for (int i = 0; i < MaxFiles; i++)
            {
                if (!_used[i])
                {
                    return i;
                }
            }

            throw new InvalidOperationException("too many files");
        }

        private static byte[] Copy(byte[] data, int length)
        {
            byte[] copy = new byte[length];
            Array.Copy(data, copy, length);
            return copy;
        }
    }
}
