// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using System.Linq;

namespace TinTin.Data.Tests;

/// <summary>Every CWRU recording of the manifest through <see cref="MatFile"/> (skipped where ../shared/data is absent).</summary>
public sealed class CwruMatFileTests
{
    [RequiresCwruFact]
    public void EveryManifestFileParsesWithItsVariablesAndSampleCount()
    {
        CwruManifest manifest = CwruManifest.Load(DataPaths.Cwru);
        Assert.Equal(28, manifest.Entries.Count);
        foreach (CwruManifestEntry entry in manifest.Entries)
        {
            MatFile file = MatFile.Read(Path.Combine(DataPaths.Cwru, entry.File));

            Assert.False(file.IsBigEndian);
            Assert.StartsWith("MATLAB 5.0 MAT-file, Platform: PCWIN", file.HeaderText);
            Assert.Equal(entry.Variables.OrderBy(v => v), file.Variables.Select(v => v.Name).OrderBy(v => v));
            MatVariable de = file.GetBySuffix("_DE_time");
            Assert.Equal($"X{entry.CwruId:D3}_DE_time", de.Name);
            Assert.Equal(MatClass.Double, de.MatClass);
            Assert.Equal(entry.Samples, de.Rows);
            Assert.Equal(1, de.Columns);

            // X###RPM is class double stored as a 2-byte miUINT16 small data element.
            MatVariable rpm = file.GetBySuffix("RPM");
            Assert.Equal(entry.RpmInFile, rpm.Data.Single());
            Assert.Equal(MatClass.Double, rpm.MatClass);
        }
    }

    [RequiresCwruFact]
    public void FirstSamplesMatchThePublishedValues()
    {
        // The first drive-end values as printed by scipy/pandas in public CWRU notebooks (6 decimals).
        double[] normal = MatFile.Read(Path.Combine(DataPaths.Cwru, "normal_0_97.mat")).Get("X097_DE_time").Data;
        double[] inner = MatFile.Read(Path.Combine(DataPaths.Cwru, "12k_Drive_End_IR007_0_105.mat")).Get("X105_DE_time").Data;

        Assert.Equal(0.053197, normal[0], 6);
        Assert.Equal(0.088662, normal[1], 6);
        Assert.Equal(0.099718, normal[2], 6);
        Assert.Equal(-0.083004, inner[0], 6);
        Assert.Equal(-0.195734, inner[1], 6);
        Assert.Equal(0.233419, inner[2], 6);
    }
}
