// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Manifest.Consistency;

/// <summary>One disagreement between a project file, a packages.config, the disk, and the manifest.</summary>
/// <param name="File">The file at fault, relative to the repository root with forward slashes.</param>
/// <param name="Item">The item at fault (a Compile path, a package id, a Reference), or null for the whole file.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record ConsistencyProblem(string File, string? Item, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Item is null ? $"{File}: {Message}" : $"{File}: {Item}: {Message}";
}
