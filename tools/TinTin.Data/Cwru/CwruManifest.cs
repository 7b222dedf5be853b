// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace TinTin.Data;

/// <summary>
/// The CWRU folder's <c>manifest.csv</c>: one row per recording, with a header row naming the columns
/// file, cwru_id, condition, or_position, diameter_in, load_hp, rpm_nominal, rpm_in_file, samples,
/// fs_hz, duration_s, variables, bytes, sha256. Columns are found by name, so their order may change.
/// </summary>
public sealed class CwruManifest
{
    /// <summary>The manifest's file name in the CWRU folder.</summary>
    public const string FileName = "manifest.csv";

    private static readonly string[] s_columns =
        ["file", "cwru_id", "condition", "or_position", "diameter_in", "load_hp", "rpm_nominal", "rpm_in_file", "samples", "fs_hz", "duration_s", "variables", "bytes", "sha256"];

    private CwruManifest(string path, IReadOnlyList<CwruManifestEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    /// <summary>The manifest file's full path.</summary>
    public string Path { get; }

    /// <summary>The rows, in file order.</summary>
    public IReadOnlyList<CwruManifestEntry> Entries { get; }

    /// <summary>Loads <c>manifest.csv</c> from a CWRU folder.</summary>
    /// <param name="cwruDir">The folder (for example <c>../shared/data/cwru</c>).</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="DataUnavailableException">The folder or the manifest is missing.</exception>
    /// <exception cref="InvalidDataException">A column is missing, a row has the wrong number of fields, or a value does not parse; the message names the file and line.</exception>
    public static CwruManifest Load(string cwruDir)
    {
        ArgumentNullException.ThrowIfNull(cwruDir);
        string dir = System.IO.Path.GetFullPath(cwruDir);
        if (!Directory.Exists(dir))
        {
            throw new DataUnavailableException($"CWRU folder not found: {dir} does not exist; {CwruSources.DownloadHint}");
        }

        string path = System.IO.Path.Combine(dir, FileName);
        if (!File.Exists(path))
        {
            throw new DataUnavailableException($"CWRU manifest {FileName} not found in the folder {dir}; {CwruSources.DownloadHint}");
        }

        return Parse(File.ReadAllLines(path), path);
    }

    private static CwruManifest Parse(string[] lines, string path)
    {
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{path}: empty file, expected a header row ({string.Join(",", s_columns)})");
        }

        List<string> header = Split(lines[0], path, 1);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++)
        {
            index[header[i].Trim()] = i;
        }

        foreach (string column in s_columns)
        {
            if (!index.ContainsKey(column))
            {
                throw new InvalidDataException($"{path}: line 1: the header has no column '{column}' (found {string.Join(",", header)})");
            }
        }

        var entries = new List<CwruManifestEntry>();
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0)
            {
                continue;
            }

            List<string> fields = Split(lines[n], path, n + 1);
            if (fields.Count != header.Count)
            {
                throw new InvalidDataException($"{path}: line {n + 1}: {fields.Count} fields, the header has {header.Count}");
            }

            var row = new Row(fields, index, path, n + 1);
            entries.Add(new CwruManifestEntry(
                row.Text("file"),
                row.Int("cwru_id"),
                row.Text("condition"),
                row.Text("or_position") is "-" or "" ? null : row.Text("or_position"),
                row.Double("diameter_in"),
                row.Int("load_hp"),
                row.Int("rpm_nominal"),
                row.Int("rpm_in_file"),
                row.Int("samples"),
                row.Int("fs_hz"),
                row.Double("duration_s"),
                row.Text("variables").Split(' ', StringSplitOptions.RemoveEmptyEntries),
                row.Long("bytes"),
                row.Text("sha256")));
        }

        return new CwruManifest(path, entries);
    }

    private static List<string> Split(string line, string path, int lineNumber) =>
        CsvLine.Split(line) ?? throw new InvalidDataException($"{path}: line {lineNumber}: a quoted field is not closed");

    /// <summary>One data row's fields, looked up by column name, with the file and line for errors.</summary>
    private readonly struct Row(List<string> fields, Dictionary<string, int> index, string path, int line)
    {
        public string Text(string column) => fields[index[column]].Trim();

        public int Int(string column) =>
            int.TryParse(Text(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : throw Bad(column, "an integer");

        public long Long(string column) =>
            long.TryParse(Text(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : throw Bad(column, "an integer");

        public double Double(string column) =>
            double.TryParse(Text(column), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : throw Bad(column, "a number");

        private InvalidDataException Bad(string column, string expected) =>
            new($"{path}: line {line}: column '{column}' is '{Text(column)}', expected {expected}");
    }
}
