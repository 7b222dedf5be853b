// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TinTin.Data;

/// <summary>
/// The evaluation's CWRU task: for one motor load, the 10 recordings of <see cref="CwruClasses.Names"/>
/// (normal; inner race, ball and outer race @6:00 faults at 0.007, 0.014, 0.021 in), drive-end
/// accelerometer, all at 12 kHz.
/// </summary>
public static class CwruDataset
{
    /// <summary>The sample rate every returned signal has.</summary>
    public const int SampleRateHz = 12000;

    /// <summary>The suffix of the drive-end accelerometer variable, e.g. <c>X105_DE_time</c>.</summary>
    public const string DriveEndSuffix = "_DE_time";

    /// <summary>Loads the 10 drive-end recordings of one load, in label order.</summary>
    /// <param name="cwruDir">The CWRU folder holding manifest.csv and the .mat files (for example <c>../shared/data/cwru</c>).</param>
    /// <param name="loadHp">The motor load, 0 to 3 hp. The shared folder holds the normal baseline at 0 hp only.</param>
    /// <returns>10 recordings; recording i has label i and class <see cref="CwruClasses.Names"/>[i].</returns>
    /// <remarks>
    /// A recording made at a multiple of 12 kHz (the 48 kHz normal baseline, file 97) is decimated to
    /// 12 kHz with <see cref="Decimator"/>. Each drive-end signal's length is checked against the
    /// manifest's sample count before decimation.
    /// </remarks>
    /// <exception cref="DataUnavailableException">The folder, the manifest, a class's row for this load, or a .mat file is missing.</exception>
    /// <exception cref="InvalidDataException">
    /// A file is malformed or unsupported (a <see cref="MatFormatException"/> is wrapped as the inner exception),
    /// has no single <c>_DE_time</c> vector, disagrees with the manifest's sample count, or the manifest
    /// lists two recordings of one class and load.
    /// </exception>
    public static IReadOnlyList<CwruRecording> LoadDriveEnd(string cwruDir, int loadHp)
    {
        CwruManifest manifest = CwruManifest.Load(cwruDir);
        string dir = Path.GetDirectoryName(manifest.Path)!;
        var recordings = new List<CwruRecording>(CwruClasses.Names.Count);
        for (int label = 0; label < CwruClasses.Names.Count; label++)
        {
            string className = CwruClasses.Names[label];
            CwruManifestEntry entry = FindEntry(manifest, className, loadHp);
            recordings.Add(Load(dir, entry, className, label));
        }

        return recordings;
    }

    private static CwruManifestEntry FindEntry(CwruManifest manifest, string className, int loadHp)
    {
        CwruManifestEntry[] matches = manifest.Entries
            .Where(e => e.LoadHp == loadHp && CwruClasses.NameOf(e) == className)
            .ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw new DataUnavailableException(
                $"no {className} recording at {loadHp} hp: {manifest.Path} lists none (the folder searched is {Path.GetDirectoryName(manifest.Path)}"
                + (className == "Normal" && loadHp != 0 ? "; the normal baseline at 1-3 hp is CWRU 98-100, absent from the shared folder" : string.Empty)
                + $"); {CwruSources.DownloadHint}"),
            _ => throw new InvalidDataException(
                $"{manifest.Path}: {matches.Length} recordings of {className} at {loadHp} hp ({string.Join(", ", matches.Select(m => m.File))}), expected one"),
        };
    }

    private static CwruRecording Load(string dir, CwruManifestEntry entry, string className, int label)
    {
        string path = Path.Combine(dir, entry.File);
        if (!File.Exists(path))
        {
            throw new DataUnavailableException(
                $"CWRU file {entry.File} (CWRU #{entry.CwruId}, {className} at {entry.LoadHp} hp) not found in the folder {dir}; {CwruSources.DownloadHint}");
        }

        MatVariable de;
        try
        {
            de = MatFile.Read(path).GetBySuffix(DriveEndSuffix);
        }
        catch (MatFormatException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }

        if (de.Rows != 1 && de.Columns != 1)
        {
            throw new InvalidDataException($"{path}: variable '{de.Name}' is {de.Rows} x {de.Columns}, expected a vector");
        }

        if (de.Data.Length != entry.Samples)
        {
            throw new InvalidDataException($"{path}: variable '{de.Name}' has {de.Data.Length} samples, the manifest says {entry.Samples}");
        }

        double[] signal = ToTwelveKilohertz(de.Data, entry, path);
        return new CwruRecording(className, label, entry.File, entry.CwruId, entry.LoadHp, SampleRateHz, entry.FsHz, signal);
    }

    private static double[] ToTwelveKilohertz(double[] signal, CwruManifestEntry entry, string path)
    {
        if (entry.FsHz == SampleRateHz)
        {
            return signal;
        }

        if (entry.FsHz <= SampleRateHz || entry.FsHz % SampleRateHz != 0)
        {
            throw new InvalidDataException($"{path}: recorded at {entry.FsHz} Hz (manifest), which is not a whole multiple of {SampleRateHz} Hz");
        }

        return new Decimator(entry.FsHz / SampleRateHz).Process(signal);
    }
}
