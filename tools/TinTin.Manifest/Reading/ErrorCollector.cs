// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;

namespace TinTin.Manifest.Reading;

/// <summary>Collects validation errors and attributes each to the file its value came from.</summary>
internal sealed class ErrorCollector
{
    private readonly string _baseFile;
    private readonly string? _localFile;
    private readonly JsonMerge? _merge;

    public ErrorCollector(string baseFile, string? localFile, JsonMerge? merge)
    {
        _baseFile = baseFile;
        _localFile = localFile;
        _merge = merge;
    }

    public List<ManifestError> Errors { get; } = new();

    public void Add(string path, string message) => Errors.Add(new ManifestError(FileFor(path), path, message));

    /// <summary>The local override when it supplied the value at <paramref name="path"/>, else nanoFramework.json.</summary>
    public string FileFor(string path) =>
        _localFile is not null && _merge is not null && _merge.IsOverridden(path) ? _localFile : _baseFile;

    public bool CameFromBase(string path) => FileFor(path) == _baseFile;
}
