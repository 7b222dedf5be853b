// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using TinTin.Firmware.Core.Storage;

namespace TinTin.Firmware.Tests.Storage;

/// <summary>What a power cut does to a file that was being rewritten (created or truncated, then written).</summary>
public enum CutMode
{
    /// <summary>Every byte written reaches flash at once: the file keeps exactly the bytes written before the cut.</summary>
    PrefixKept,

    /// <summary>The truncation is committed at once but written data only on flush or close: the file is empty after a cut.</summary>
    EmptyUntilCommit,

    /// <summary>LittleFS's copy-on-write: nothing is committed before flush or close, so the file keeps its previous content (or stays missing).</summary>
    PreviousUntilCommit,
}

/// <summary>The power died: this and every later call on the same <see cref="PowerCutFiles"/> throws it.</summary>
public sealed class PowerCutException : IOException
{
    public PowerCutException()
        : base("power cut")
    {
    }
}

/// <summary>
/// An in-memory flash file system for <see cref="CheckpointStore"/> that can lose power after exactly k
/// more bytes written, or before the n-th further call. <see cref="Reboot"/> gives the file system as a
/// board would find it after power returns: what was committed, per <see cref="CutMode"/>.
/// </summary>
public sealed class PowerCutFiles : ICheckpointFiles
{
    private readonly Dictionary<string, byte[]> _flash;
    private readonly CutMode _mode;
    private string? _openPath;
    private bool _writing;
    private List<byte>? _pending;
    private byte[]? _reading;
    private int _readPosition;
    private long _byteBudget = -1;
    private long _stepBudget = -1;
    private bool _dead;

    public PowerCutFiles(CutMode mode)
        : this(mode, new Dictionary<string, byte[]>(StringComparer.Ordinal))
    {
    }

    private PowerCutFiles(CutMode mode, Dictionary<string, byte[]> flash)
    {
        _mode = mode;
        _flash = flash;
    }

    /// <summary>The most bytes one Read returns, so callers must loop.</summary>
    public int MaxReadChunk { get; set; } = 97;

    /// <summary>Calls made (every interface method counts as one step).</summary>
    public int Steps { get; private set; }

    /// <summary>Bytes passed to Write that were accepted.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>The calls, in order, as short strings ("OpenWrite a", "Write 24", "Flush", ...).</summary>
    public List<string> Log { get; } = new();

    /// <summary>Whether the power was cut.</summary>
    public bool IsDead => _dead;

    /// <summary>When set, reading this file throws an IOException (a failing flash read).</summary>
    public string? FailReadsOf { get; set; }

    /// <summary>Power dies once <paramref name="bytes"/> more bytes have been written: the next byte and every later call fail.</summary>
    public void CutAfterBytes(long bytes) => _byteBudget = BytesWritten + bytes;

    /// <summary>Power dies before the <paramref name="steps"/>-th further call (0: the very next call fails).</summary>
    public void CutBeforeStep(long steps) => _stepBudget = Steps + steps;

    /// <summary>The file system as it is after power returns: committed data only; nothing is open.</summary>
    public PowerCutFiles Reboot()
    {
        var copy = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, byte[]> e in _flash)
        {
            copy[e.Key] = (byte[])e.Value.Clone();
        }

        return new PowerCutFiles(_mode, copy);
    }

    /// <summary>The committed bytes of a file, or null when it does not exist.</summary>
    public byte[]? Get(string path) => _flash.TryGetValue(path, out byte[]? data) ? (byte[])data.Clone() : null;

    /// <summary>Replaces a file's committed bytes (null deletes it), bypassing the power model.</summary>
    public void Put(string path, byte[]? data)
    {
        if (data == null)
        {
            _flash.Remove(path);
        }
        else
        {
            _flash[path] = (byte[])data.Clone();
        }
    }

    public int GetLength(string path)
    {
        Step("GetLength " + path);
        return _flash.TryGetValue(path, out byte[]? data) ? data.Length : -1;
    }

    public void OpenRead(string path)
    {
        Step("OpenRead " + path);
        CloseOpen();
        if (path == FailReadsOf)
        {
            throw new IOException("flash read error, sector 12");
        }

        if (!_flash.TryGetValue(path, out byte[]? data))
        {
            throw new FileNotFoundException("no file " + path);
        }

        _openPath = path;
        _reading = (byte[])data.Clone();
        _readPosition = 0;
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        Step("Read " + count);
        if (_reading == null)
        {
            throw new InvalidOperationException("no file open for reading");
        }

        int n = Math.Min(Math.Min(count, MaxReadChunk), _reading.Length - _readPosition);
        Array.Copy(_reading, _readPosition, buffer, offset, n);
        _readPosition += n;
        return n;
    }

    public void OpenWrite(string path)
    {
        Step("OpenWrite " + path);
        CloseOpen();
        _openPath = path;
        _writing = true;
        _pending = new List<byte>();
        if (_mode != CutMode.PreviousUntilCommit)
        {
            _flash[path] = Array.Empty<byte>();
        }
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        Step("Write " + count);
        if (!_writing || _pending == null || _openPath == null)
        {
            throw new InvalidOperationException("no file open for writing");
        }

        for (int i = 0; i < count; i++)
        {
            if (_byteBudget >= 0 && BytesWritten >= _byteBudget)
            {
                Die();
            }

            _pending.Add(buffer[offset + i]);
            BytesWritten++;
            if (_mode == CutMode.PrefixKept)
            {
                _flash[_openPath] = _pending.ToArray();
            }
        }
    }

    public void Flush()
    {
        Step("Flush");
        Commit();
    }

    public void Close()
    {
        Step("Close");
        Commit();
        CloseOpen();
    }

    public void Delete(string path)
    {
        Step("Delete " + path);
        _flash.Remove(path);
    }

    private void Commit()
    {
        if (_writing && _pending != null && _openPath != null)
        {
            _flash[_openPath] = _pending.ToArray();
        }
    }

    private void CloseOpen()
    {
        _openPath = null;
        _writing = false;
        _pending = null;
        _reading = null;
    }

    private void Step(string what)
    {
        // After the k-th byte the power is gone: every later call fails, not only the next write.
        if (_dead || (_stepBudget >= 0 && Steps >= _stepBudget) || (_byteBudget >= 0 && BytesWritten >= _byteBudget))
        {
            Die();
        }

        Steps++;
        Log.Add(what);
    }

    private void Die()
    {
        _dead = true;
        throw new PowerCutException();
    }
}
