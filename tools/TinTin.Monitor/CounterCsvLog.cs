// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>
/// The monitor's CSV log: one row per counters frame (host UTC time, device µs, sequence, then one fixed column per
/// <see cref="CounterId"/>), and marker rows for link events such as a reconnect. An existing file is continued
/// without a second header; a counters frame equal to the last row written (same device µs and sequence) is skipped,
/// so a row is never written twice. Every row is flushed at once, so a crash loses nothing already received.
/// </summary>
public sealed class CounterCsvLog : IDisposable
{
    /// <summary>The fixed columns before the counters.</summary>
    public static readonly IReadOnlyList<string> FixedColumns = ["host_utc", "device_us", "sequence", "marker"];

    private static readonly CounterId[] Counters = Enum.GetValues<CounterId>().Where(id => id != CounterId.None).OrderBy(id => (int)id).ToArray();

    private readonly StreamWriter _writer;
    private readonly CsvWriter _csv;
    private long _lastDeviceUs = -1;
    private int _lastSequence = -1;

    /// <summary>Opens (or creates) a log.</summary>
    /// <param name="path">The CSV file; an existing one must have the same header.</param>
    /// <exception cref="InvalidDataException">The existing file has another header.</exception>
    public CounterCsvLog(string path)
    {
        Path = path;
        bool continuing = File.Exists(path) && new FileInfo(path).Length > 0;
        if (continuing)
        {
            ReadTail(path);
        }

        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
        _csv = new CsvWriter(_writer, CultureInfo.InvariantCulture);
        if (!continuing)
        {
            foreach (string column in Header)
            {
                _csv.WriteField(column);
            }

            EndRow();
        }
    }

    /// <summary>Gets the header: <see cref="FixedColumns"/>, then every counter's <see cref="CounterId"/> name in id order.</summary>
    public static IReadOnlyList<string> Header { get; } = FixedColumns.Concat(Counters.Select(id => id.ToString())).ToArray();

    /// <summary>Gets the file.</summary>
    public string Path { get; }

    /// <summary>Gets the counters rows written by this instance.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Gets the counters frames skipped as duplicates of the last row.</summary>
    public long DuplicatesSkipped { get; private set; }

    /// <summary>Writes one counters frame as a row (cells of counters the frame lacks stay empty).</summary>
    /// <param name="hostUtc">When the host received it.</param>
    /// <param name="deviceUs">The frame's timestamp, µs on the board's clock.</param>
    /// <param name="sequence">The frame's sequence number.</param>
    /// <param name="counters">The decoded counters.</param>
    /// <returns>False when the frame repeats the last row and was skipped.</returns>
    public bool Write(DateTime hostUtc, long deviceUs, int sequence, CountersMessage counters)
    {
        if (deviceUs == _lastDeviceUs && sequence == _lastSequence)
        {
            DuplicatesSkipped++;
            return false;
        }

        _csv.WriteField(FormatTime(hostUtc));
        _csv.WriteField(deviceUs.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(sequence.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(string.Empty);
        foreach (CounterId id in Counters)
        {
            _csv.WriteField(counters.TryGetValue(id, out long value) ? value.ToString(CultureInfo.InvariantCulture) : string.Empty);
        }

        EndRow();
        _lastDeviceUs = deviceUs;
        _lastSequence = sequence;
        RowsWritten++;
        return true;
    }

    /// <summary>Writes a marker row: the host time and a note (e.g. "reconnected"), every other cell empty.</summary>
    /// <param name="hostUtc">When it happened.</param>
    /// <param name="marker">The note.</param>
    public void WriteMarker(DateTime hostUtc, string marker)
    {
        _csv.WriteField(FormatTime(hostUtc));
        _csv.WriteField(string.Empty);
        _csv.WriteField(string.Empty);
        _csv.WriteField(marker);
        foreach (CounterId unused in Counters)
        {
            _csv.WriteField(string.Empty);
        }

        EndRow();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _csv.Dispose();
        _writer.Dispose();
    }

    private static string FormatTime(DateTime hostUtc) => hostUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);

    private void EndRow()
    {
        _csv.NextRecord();
        _csv.Flush();
        _writer.Flush();
    }

    // Checks the header and remembers the last counters row, so a continued log does not repeat it.
    private void ReadTail(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null || !csv.HeaderRecord.SequenceEqual(Header))
        {
            throw new InvalidDataException($"{path} is not a counters log with this version's columns: use another file");
        }

        while (csv.Read())
        {
            if (long.TryParse(csv.GetField(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out long deviceUs)
                && int.TryParse(csv.GetField(2), NumberStyles.Integer, CultureInfo.InvariantCulture, out int sequence))
            {
                _lastDeviceUs = deviceUs;
                _lastSequence = sequence;
            }
        }
    }
}
