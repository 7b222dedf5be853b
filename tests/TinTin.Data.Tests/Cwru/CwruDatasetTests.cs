// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TinTin.Data.Tests;

/// <summary><see cref="CwruDataset.LoadDriveEnd"/> on a synthetic folder (always) and on the real files (skipped where absent).</summary>
public sealed class CwruDatasetTests
{
    [Fact]
    public void SyntheticFolderGivesTenClassesInLabelOrderAt12Kilohertz()
    {
        using var temp = new TempFolder();
        SyntheticCwru.Write(temp);

        IReadOnlyList<CwruRecording> recordings = CwruDataset.LoadDriveEnd(temp.Path, loadHp: 0);

        Assert.Equal(CwruClasses.Names, recordings.Select(r => r.ClassName));
        Assert.Equal(Enumerable.Range(0, 10), recordings.Select(r => r.Label));
        Assert.Equal(SyntheticCwru.Rows.Select(r => r.File), recordings.Select(r => r.FileName));
        Assert.All(recordings, r => Assert.Equal(12000, r.SampleRateHz));
        for (int i = 1; i < 10; i++)
        {
            // The drive-end channel (not the fan-end one, which is -1) of the right file.
            Assert.Equal(SyntheticCwru.FaultSamples, recordings[i].Signal.Length);
            Assert.All(recordings[i].Signal, v => Assert.Equal(i / 100.0, v));
            Assert.Equal(12000, recordings[i].SourceSampleRateHz);
        }

        CwruRecording normal = recordings[0];
        Assert.Equal(48000, normal.SourceSampleRateHz);
        Assert.Equal((SyntheticCwru.NormalSamples + 3) / 4, normal.Signal.Length);
        Assert.InRange(Dft.Amplitude(normal.Signal, 120, 720, 100, 12000), 0.99, 1.01);
    }

    [Fact]
    public void MissingMatFileNamesItTheFolderAndTheDownload()
    {
        using var temp = new TempFolder();
        SyntheticCwru.Write(temp);
        File.Delete(Path.Combine(temp.Path, "12k_Drive_End_B014_0_185.mat"));

        DataUnavailableException ex = Assert.Throws<DataUnavailableException>(() => CwruDataset.LoadDriveEnd(temp.Path, 0));

        Assert.Contains("12k_Drive_End_B014_0_185.mat", ex.Message);
        Assert.Contains("CWRU #185", ex.Message);
        Assert.Contains(temp.Path, ex.Message);
        Assert.Contains("https://engineering.case.edu/bearingdatacenter", ex.Message);
    }

    [Fact]
    public void MissingClassAtALoad()
    {
        using var temp = new TempFolder();
        SyntheticCwru.Write(temp);

        DataUnavailableException ex = Assert.Throws<DataUnavailableException>(() => CwruDataset.LoadDriveEnd(temp.Path, 2));

        Assert.Contains("no Normal recording at 2 hp", ex.Message);
        Assert.Contains("CWRU 98-100", ex.Message);
    }

    [Fact]
    public void DuplicateClassIsRefused()
    {
        using var temp = new TempFolder();
        SyntheticCwru.Write(temp, "copy.mat,105,Inner race,-,0.007,0,1797,1797,3000,12000,1,X105_DE_time,1,00");

        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => CwruDataset.LoadDriveEnd(temp.Path, 0));

        Assert.Contains("2 recordings of IR007 at 0 hp", ex.Message);
    }

    [Fact]
    public void SampleCountMustMatchTheManifest()
    {
        using var temp = new TempFolder();
        SyntheticCwru.Write(temp);
        var b = new MatBuilder(bigEndian: false);
        temp.Write("12k_Drive_End_IR021_0_209.mat", b.File(b.Doubles("X209_DE_time", 2, 1, 1, 2)));

        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => CwruDataset.LoadDriveEnd(temp.Path, 0));

        Assert.Contains("12k_Drive_End_IR021_0_209.mat", ex.Message);
        Assert.Contains("has 2 samples, the manifest says 3000", ex.Message);
    }

    [Fact]
    public void UnsupportedMatFileIsReportedAsInvalidData()
    {
        using var temp = new TempFolder();
        SyntheticCwru.Write(temp);
        var b = new MatBuilder(bigEndian: false);
        temp.Write("12k_Drive_End_B021_0_222.mat", b.Header("MATLAB 7.3 MAT-file", version: 0x0200));

        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => CwruDataset.LoadDriveEnd(temp.Path, 0));

        Assert.IsType<MatFormatException>(ex.InnerException);
        Assert.Contains("12k_Drive_End_B021_0_222.mat: MATLAB v7.3 (HDF5) files are not supported", ex.Message);
    }

    [RequiresCwruFact]
    public void RealDataAtZeroHorsepower()
    {
        IReadOnlyList<CwruRecording> recordings = CwruDataset.LoadDriveEnd(DataPaths.Cwru, 0);
        CwruManifest manifest = CwruManifest.Load(DataPaths.Cwru);

        Assert.Equal(CwruClasses.Names, recordings.Select(r => r.ClassName));
        Assert.Equal(
            [97, 105, 169, 209, 118, 185, 222, 130, 197, 234],
            recordings.Select(r => r.CwruId));
        Assert.All(recordings, r => Assert.Equal(12000, r.SampleRateHz));
        Assert.All(recordings, r => Assert.Equal(0, r.LoadHp));

        // The 48 kHz baseline, 243938 samples, decimated by 4: ceil(243938 / 4) = 60985 (about 5.08 s).
        Assert.Equal(48000, recordings[0].SourceSampleRateHz);
        Assert.Equal(60985, recordings[0].Signal.Length);
        foreach (CwruRecording fault in recordings.Skip(1))
        {
            Assert.Equal(manifest.Entries.Single(e => e.File == fault.FileName).Samples, fault.Signal.Length);
        }

        foreach (CwruRecording r in recordings)
        {
            double rms = Math.Sqrt(r.Signal.Average(v => v * v));
            Assert.True(rms is > 0.01 and < 5, $"{r.ClassName}: RMS {rms} g");
            Assert.All(r.Signal, v => Assert.True(double.IsFinite(v)));
        }
    }

    [RequiresCwruFact]
    public void DecimationKeepsTheNormalBaselineLevel()
    {
        // The baseline's vibration is mostly well below 4.8 kHz, so decimation must keep its RMS (within 5 %)
        // while the sample count falls by 4; a wrong filter gain or a skipped decimation would fail here.
        double[] raw = MatFile.Read(Path.Combine(DataPaths.Cwru, "normal_0_97.mat")).Get("X097_DE_time").Data;
        double[] decimated = CwruDataset.LoadDriveEnd(DataPaths.Cwru, 0)[0].Signal;

        double rawRms = Math.Sqrt(raw.Average(v => v * v));
        double decimatedRms = Math.Sqrt(decimated.Average(v => v * v));

        Assert.InRange(decimatedRms / rawRms, 0.95, 1.0 + 1e-9);
    }

    [RequiresCwruFact]
    public void NoNormalBaselineAtOneHorsepowerInTheSharedFolder()
    {
        DataUnavailableException ex = Assert.Throws<DataUnavailableException>(() => CwruDataset.LoadDriveEnd(DataPaths.Cwru, 1));

        Assert.Contains("no Normal recording at 1 hp", ex.Message);
    }
}
