// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using TinTin.Data;
using TinTin.Random;

namespace TinTin.Bench.Tests;

/// <summary>
/// A CWRU-shaped folder for the 10 classes at 0 hp (manifest.csv and one Level 5 MAT-file per class,
/// written from the MathWorks layout, not with the reader's code), all at 12 kHz so nothing is decimated.
/// Recording <c>label</c> is the integer recording <see cref="Counts"/> in g (count × 488 µg), so the
/// accelerometer conversion gives back exactly those counts; they are pseudo-random in [-127, 127], so
/// every window is unique and block quantization leaves them unchanged (exponent 0).
/// </summary>
internal static class SyntheticCwru
{
    /// <summary>The lengths of the recordings, by label. Some sit on edges: label 1 has its boundary at
    /// 6400 = 1024 + 21 × 256 (the last training window ends exactly there), label 2 has 2048 samples
    /// after its boundary (two test windows, the second ending on the last sample), label 3 has fewer
    /// than two test windows' worth.</summary>
    public static readonly int[] Lengths = [9000, 9143, 6826, 5000, 9300, 9400, 9500, 9600, 9700, 9800];

    private static readonly (string File, int Id, string Condition, string OrPosition, string Diameter)[] s_rows = CwruRows.ZeroHp;

    /// <summary>The integer recording of a class: pseudo-random counts in [-127, 127].</summary>
    public static int[] Counts(int label)
    {
        var random = new Xorshift32((uint)(1000 + label));
        var counts = new int[Lengths[label]];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = random.NextInt(255) - 127;
        }

        return counts;
    }

    /// <summary>Writes the folder <c>dataFolder/cwru/</c>; returns the CWRU folder.</summary>
    public static string Write(string dataFolder)
    {
        string cwru = Path.Combine(dataFolder, "cwru");
        Directory.CreateDirectory(cwru);
        var manifest = new StringBuilder("file,cwru_id,condition,or_position,diameter_in,load_hp,rpm_nominal,rpm_in_file,samples,fs_hz,duration_s,variables,bytes,sha256\n");
        for (int label = 0; label < s_rows.Length; label++)
        {
            var row = s_rows[label];
            int[] counts = Counts(label);
            var g = new double[counts.Length];
            for (int i = 0; i < g.Length; i++)
            {
                g[i] = counts[i] * AccelerometerCounts.DefaultMicroGPerCount / 1e6;
            }

            string variable = $"X{row.Id.ToString("D3", CultureInfo.InvariantCulture)}_DE_time";
            byte[] mat = MatFile(variable, g);
            File.WriteAllBytes(Path.Combine(cwru, row.File), mat);
            manifest.Append(CultureInfo.InvariantCulture, $"{row.File},{row.Id},{row.Condition},{row.OrPosition},{row.Diameter},0,1797,1797,{counts.Length},12000,1,{variable},{mat.Length},00\n");
        }

        File.WriteAllText(Path.Combine(cwru, CwruManifest.FileName), manifest.ToString());
        return cwru;
    }

    /// <summary>A little-endian Level 5 MAT-file holding one N x 1 double matrix, uncompressed.</summary>
    private static byte[] MatFile(string name, double[] values)
    {
        var header = new byte[128];
        Array.Fill(header, (byte)' ', 0, 116);
        Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, Platform: TEST, Created by TinTin.Bench.Tests").CopyTo(header, 0);
        Array.Clear(header, 116, 8);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(124), 0x0100);
        header[126] = (byte)'I';
        header[127] = (byte)'M';

        var real = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(real.AsSpan(i * 8), values[i]);
        }

        const int MiInt8 = 1, MiInt32 = 5, MiUInt32 = 6, MiDouble = 9, MiMatrix = 14, MxDoubleClass = 6;
        byte[] matrix = Concat(
            Element(MiUInt32, Concat(U32(MxDoubleClass), U32(0))),
            Element(MiInt32, Concat(U32((uint)values.Length), U32(1))),
            Element(MiInt8, Encoding.ASCII.GetBytes(name)),
            Element(MiDouble, real));
        return Concat(header, Element(MiMatrix, matrix));
    }

    private static byte[] Element(int type, byte[] data)
    {
        int padding = (8 - (data.Length % 8)) % 8;
        return Concat(U32((uint)type), U32((uint)data.Length), data, new byte[padding]);
    }

    private static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return b;
    }

    private static byte[] Concat(params byte[][] parts)
    {
        var all = new List<byte>();
        foreach (byte[] p in parts)
        {
            all.AddRange(p);
        }

        return all.ToArray();
    }
}
