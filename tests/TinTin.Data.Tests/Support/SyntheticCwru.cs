// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace TinTin.Data.Tests;

/// <summary>
/// A small CWRU-shaped folder: manifest.csv and one .mat per class at 0 hp, so the loader's logic is
/// tested without the real data. Class i's drive-end signal is the constant i / 100 g (the 48 kHz
/// normal recording a 100 Hz tone), so each file's content identifies it.
/// </summary>
internal static class SyntheticCwru
{
    public const string Header = "file,cwru_id,condition,or_position,diameter_in,load_hp,rpm_nominal,rpm_in_file,samples,fs_hz,duration_s,variables,bytes,sha256";

    public static readonly (string File, int Id, string Condition, string OrPosition, string Diameter)[] Rows = CwruRows.ZeroHp;

    public const int FaultSamples = 3000;
    public const int NormalSamples = 4002;

    /// <summary>Writes the folder; <paramref name="extraRows"/> are appended to the manifest verbatim (in reverse class order, to prove the loader sorts by label).</summary>
    public static void Write(TempFolder folder, params string[] extraRows)
    {
        var b = new MatBuilder(bigEndian: false);
        var manifest = new StringBuilder(Header).Append('\n');
        for (int i = Rows.Length - 1; i >= 0; i--)
        {
            var row = Rows[i];
            bool normal = i == 0;
            int samples = normal ? NormalSamples : FaultSamples;
            int fs = normal ? 48000 : 12000;
            double[] signal = normal ? Dft.Tone(samples, 100, 48000) : Constant(samples, i / 100.0);
            string id = row.Id.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            byte[] mat = b.File(
                b.Doubles($"X{id}_DE_time", samples, 1, signal),
                b.Doubles($"X{id}_FE_time", samples, 1, Constant(samples, -1)),
                b.Matrix($"X{id}RPM", MatClass.Double, 1, 1, MatBuilder.MiUInt16, b.Encode(MatBuilder.MiUInt16, [1797])));
            folder.Write(row.File, mat);
            manifest.Append(FormattableString.Invariant(
                $"{row.File},{row.Id},{row.Condition},{row.OrPosition},{row.Diameter},0,1797,1797,{samples},{fs},1,X{id}_DE_time X{id}_FE_time X{id}RPM,{mat.Length},00\n"));
        }

        foreach (string extra in extraRows)
        {
            manifest.Append(extra).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder.Path, CwruManifest.FileName), manifest.ToString());
    }

    public static void WriteManifest(TempFolder folder, IEnumerable<string> lines) =>
        File.WriteAllText(Path.Combine(folder.Path, CwruManifest.FileName), string.Join("\n", lines) + "\n");

    private static double[] Constant(int length, double value)
    {
        var x = new double[length];
        Array.Fill(x, value);
        return x;
    }
}
