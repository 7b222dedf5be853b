// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using TinTin.Firmware.Core.Storage;

namespace TinTin.Simulator;

/// <summary>
/// The simulated board's flash: checkpoint files in memory, committed on flush or close (as LittleFS does), lost
/// when the simulation ends.
/// </summary>
public sealed class MemoryCheckpointFiles : ICheckpointFiles
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private string? _openPath;
    private MemoryStream? _writing;
    private byte[]? _reading;
    private int _readPosition;

    /// <summary>Gets the number of files stored.</summary>
    public int Count => _files.Count;

    /// <inheritdoc/>
    public int GetLength(string path) => _files.TryGetValue(path, out byte[]? data) ? data.Length : -1;

    /// <inheritdoc/>
    public void OpenRead(string path)
    {
        Close();
        if (!_files.TryGetValue(path, out byte[]? data))
        {
            throw new FileNotFoundException("no such file", path);
        }

        _openPath = path;
        _reading = data;
        _readPosition = 0;
    }

    /// <inheritdoc/>
    public int Read(byte[] buffer, int offset, int count)
    {
        if (_reading is null)
        {
            throw new IOException("no file open for reading");
        }

        int n = Math.Min(count, _reading.Length - _readPosition);
        Array.Copy(_reading, _readPosition, buffer, offset, n);
        _readPosition += n;
        return n;
    }

    /// <inheritdoc/>
    public void OpenWrite(string path)
    {
        Close();
        _openPath = path;
        _writing = new MemoryStream();
    }

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        if (_writing is null)
        {
            throw new IOException("no file open for writing");
        }

        _writing.Write(buffer, offset, count);
    }

    /// <inheritdoc/>
    public void Flush()
    {
        if (_writing is not null && _openPath is not null)
        {
            _files[_openPath] = _writing.ToArray();
        }
    }

    /// <inheritdoc/>
    public void Close()
    {
        Flush();
        _writing = null;
        _reading = null;
        _openPath = null;
    }

    /// <inheritdoc/>
    public void Delete(string path) => _files.Remove(path);
}
