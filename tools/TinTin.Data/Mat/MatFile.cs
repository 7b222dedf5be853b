// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TinTin.Data;

/// <summary>
/// A MATLAB Level 5 MAT-file (MathWorks, "MAT-File Format", the v5/v6/v7 layout) read whole into memory:
/// enough of the format for the CWRU recordings and then some. Supported: both byte orders, the small
/// data element format, 8-byte padding, miCOMPRESSED (zlib) elements, and real numeric full 2-D
/// matrices of classes double, single and int8 to uint64 stored in any numeric type (logical arrays
/// read as their 0/1 values).
/// </summary>
/// <remarks>
/// Unsupported content (v7.3/HDF5 and Level 4 files, complex, sparse, cell, struct, object, char,
/// function handle or opaque variables, arrays of more than 2 dimensions) throws a
/// <see cref="MatFormatException"/> naming the file, the variable when known, and the feature. The whole
/// file is refused rather than the variable skipped, so a caller never silently misses data. Malformed
/// content (truncation, a size past the end of its element, corrupt zlib data) throws an
/// <see cref="InvalidDataException"/> with the file and the offset.
/// </remarks>
public sealed class MatFile
{
    private MatFile(string sourceName, string headerText, bool isBigEndian, IReadOnlyList<MatVariable> variables)
    {
        SourceName = sourceName;
        HeaderText = headerText;
        IsBigEndian = isBigEndian;
        Variables = variables;
    }

    /// <summary>The file's path, or the name given for a stream.</summary>
    public string SourceName { get; }

    /// <summary>The header's descriptive text, e.g. <c>MATLAB 5.0 MAT-file, Platform: PCWIN, Created on: ...</c>.</summary>
    public string HeaderText { get; }

    /// <summary>Whether the file is big-endian (endian indicator "MI"); CWRU's files are little-endian ("IM").</summary>
    public bool IsBigEndian { get; }

    /// <summary>The variables, in file order.</summary>
    public IReadOnlyList<MatVariable> Variables { get; }

    /// <summary>Reads a file.</summary>
    /// <param name="path">The .mat file.</param>
    /// <returns>The file's variables.</returns>
    /// <exception cref="MatFormatException">The file uses a feature this reader does not support.</exception>
    /// <exception cref="InvalidDataException">The file is malformed.</exception>
    /// <exception cref="IOException">The file cannot be read (for example <see cref="FileNotFoundException"/>).</exception>
    public static MatFile Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a MAT-file from a stream (to its end).</summary>
    /// <param name="stream">The content.</param>
    /// <param name="sourceName">The name errors report (usually the file's path).</param>
    /// <returns>The file's variables.</returns>
    /// <exception cref="MatFormatException">The content uses a feature this reader does not support.</exception>
    /// <exception cref="InvalidDataException">The content is malformed.</exception>
    public static MatFile Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        byte[] content = copy.ToArray();

        MatHeader header = MatHeader.Parse(content, sourceName);
        var buffer = new MatBuffer(content, header.BigEndian, sourceName, string.Empty);
        var variables = new List<MatVariable>();
        MatElementLoop.ReadVariables(buffer, MatHeader.Length, allowCompressed: true, variables);
        return new MatFile(sourceName, header.Text, header.BigEndian, variables);
    }

    /// <summary>Looks a variable up by name.</summary>
    /// <param name="name">The exact (case-sensitive) name.</param>
    /// <returns>The variable.</returns>
    /// <exception cref="KeyNotFoundException">No variable has that name; the message lists the file's variables.</exception>
    public MatVariable Get(string name) =>
        TryGet(name, out MatVariable? variable)
            ? variable
            : throw new KeyNotFoundException($"{SourceName}: no variable '{name}' (the file holds {DescribeNames()})");

    /// <summary>Looks a variable up by name.</summary>
    /// <param name="name">The exact (case-sensitive) name.</param>
    /// <param name="variable">The variable, or null.</param>
    /// <returns>Whether the file holds it.</returns>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MatVariable? variable)
    {
        variable = Variables.FirstOrDefault(v => v.Name == name);
        return variable is not null;
    }

    /// <summary>The one variable whose name ends with a suffix, e.g. <c>_DE_time</c>.</summary>
    /// <param name="suffix">The (case-sensitive) end of the name.</param>
    /// <returns>The variable.</returns>
    /// <exception cref="InvalidDataException">No variable, or more than one, ends with <paramref name="suffix"/>.</exception>
    public MatVariable GetBySuffix(string suffix)
    {
        MatVariable[] matches = Variables.Where(v => v.Name.EndsWith(suffix, StringComparison.Ordinal)).ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw new InvalidDataException($"{SourceName}: no variable ends with '{suffix}' (the file holds {DescribeNames()})"),
            _ => throw new InvalidDataException($"{SourceName}: {matches.Length} variables end with '{suffix}' ({string.Join(", ", matches.Select(m => m.Name))}), expected one"),
        };
    }

    private string DescribeNames() => Variables.Count == 0 ? "no variables" : string.Join(", ", Variables.Select(v => v.Name));
}
