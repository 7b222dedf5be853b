// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;

namespace TinTin.Data;

/// <summary>
/// A MAT-file that is well formed as far as it was read but uses a feature this reader does not support:
/// a v7.3 (HDF5) file, a Level 4 file, a complex, sparse, cell, struct, object, char, function-handle or
/// opaque variable, or an array of more than 2 dimensions. A malformed file (truncation, sizes past the
/// end, corrupt zlib data) throws an <see cref="InvalidDataException"/> instead.
/// </summary>
/// <remarks>
/// It derives from <see cref="NotSupportedException"/>, not from <see cref="InvalidDataException"/>:
/// the BCL seals <see cref="InvalidDataException"/>. A caller that reports both kinds the same way
/// catches both; <see cref="CwruDataset"/> wraps this one in an <see cref="InvalidDataException"/>.
/// </remarks>
public sealed class MatFormatException : NotSupportedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceName">The file.</param>
    /// <param name="variableName">The variable, or null when the failure is before any variable (or its name is unknown).</param>
    /// <param name="feature">The unsupported feature, as a sentence fragment.</param>
    public MatFormatException(string sourceName, string? variableName, string feature)
        : base(variableName is null ? $"{sourceName}: {feature}" : $"{sourceName}: variable '{variableName}': {feature}")
    {
        SourceName = sourceName;
        VariableName = variableName;
        Feature = feature;
    }

    /// <summary>The file.</summary>
    public string SourceName { get; }

    /// <summary>The variable, or null when not known.</summary>
    public string? VariableName { get; }

    /// <summary>The unsupported feature.</summary>
    public string Feature { get; }
}
