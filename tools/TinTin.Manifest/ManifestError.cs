// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;

namespace TinTin.Manifest;

/// <summary>One problem found in a manifest file.</summary>
/// <param name="File">The file the offending value came from (full path).</param>
/// <param name="Path">JSON path of the value, e.g. <c>$.targets.M5StickC.pins.com2.tx</c>; null for whole-file problems.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ManifestError(string File, string? Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Path is null ? $"{File}: {Message}" : $"{File}: {Path}: {Message}";
}

/// <summary>Thrown when a manifest cannot be loaded; lists every problem found, not only the first.</summary>
public sealed class ManifestException : Exception
{
    /// <summary>Creates the exception from the collected errors.</summary>
    /// <param name="errors">At least one error.</param>
    public ManifestException(IReadOnlyList<ManifestError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ManifestError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<ManifestError> errors)
    {
        string noun = errors.Count == 1 ? "error" : "errors";
        return $"The project manifest is not valid ({errors.Count} {noun}):"
            + Environment.NewLine
            + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
