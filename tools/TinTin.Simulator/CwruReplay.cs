// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using TinTin.Bench.Data;
using TinTin.Data;
using TinTin.Sensors.Acquisition;

namespace TinTin.Simulator;

/// <summary>
/// The CWRU recordings (drive end, 0 hp, the benchmark's ten classes) as what a simulated accelerometer measures:
/// condition k is CWRU class k, replayed in a loop, each condition continuing where it left off when the label
/// returns to it (the bearing kept turning).
/// </summary>
/// <remarks>
/// How a recording becomes the chip's signal, honestly: the drive-end signal (in g, 12 kHz; file 97 decimated from
/// 48 kHz by <see cref="CwruDataset"/>) is resampled to the chip's output data rate with <see cref="BandLimitedResampler"/>
/// (3200 Hz: the band above 1440 Hz is filtered out, as the ADXL345's own decimation filter would; 26667 Hz: nothing is
/// invented above the recording's band), then handed over in micro-g, rounded. The chip simulator turns micro-g into its
/// counts at its own resolution and full scale (±16 g as the firmware sets every chip) and saturates beyond it as the
/// chip does; CWRU's drive-end peaks (a few g) stay inside. The recording is single-axis: it is the chip's X axis, Y and Z
/// read 0 (the firmware sums the axes). A window of the firmware's 1024 samples spans 1024 / rate seconds (320 ms at
/// 3200 Hz), not the benchmark's 85 ms at 12 kHz: the board learns from what its own sensor would see.
/// </remarks>
public sealed class CwruReplay
{
    private readonly IReadOnlyList<CwruRecording> _recordings;
    private readonly Dictionary<(int Condition, int Rate), RecordingSource> _sources = [];

    /// <summary>Loads the recordings.</summary>
    /// <param name="cwruFolder">The folder holding manifest.csv and the .mat files.</param>
    /// <exception cref="DataUnavailableException">The folder or a file is missing (the message says where to get them).</exception>
    /// <exception cref="InvalidDataException">A file is malformed.</exception>
    public CwruReplay(string cwruFolder)
    {
        _recordings = CwruDataset.LoadDriveEnd(cwruFolder, CwruWindows.LoadHp);
        Folder = cwruFolder;
    }

    /// <summary>Gets the number of conditions (CWRU classes).</summary>
    public int Conditions => _recordings.Count;

    /// <summary>Gets the folder the recordings came from.</summary>
    public string Folder { get; }

    /// <summary>Loads the recordings from the data folder as <c>tintin bench</c> finds it.</summary>
    /// <param name="dataFolder">The folder holding cwru/ (<c>--data</c>), or null: <c>$TINTIN_DATA</c>, then ../shared/data.</param>
    /// <returns>The replay.</returns>
    /// <exception cref="DataUnavailableException">No data folder, or the CWRU files are not in it.</exception>
    public static CwruReplay Load(string? dataFolder) => new(Path.Combine(DataFolder.Resolve(dataFolder), "cwru"));

    /// <summary>Gets a condition's class name (e.g. IR007).</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The name.</returns>
    public string ClassName(int condition) => _recordings[condition].ClassName;

    /// <summary>A condition's recording at a rate, in micro-g (resampled on every call: the sources keep theirs).</summary>
    /// <param name="condition">The condition, 0 to <see cref="Conditions"/> - 1.</param>
    /// <param name="sampleRateHz">The chip's output data rate.</param>
    /// <returns>The signal in micro-g.</returns>
    public int[] MicroG(int condition, int sampleRateHz)
    {
        CwruRecording recording = _recordings[condition];
        double[] g = recording.SampleRateHz == sampleRateHz
            ? recording.Signal
            : new BandLimitedResampler(recording.SampleRateHz, sampleRateHz).Process(recording.Signal);
        var microG = new int[g.Length];
        for (int i = 0; i < g.Length; i++)
        {
            microG[i] = (int)Math.Round(g[i] * 1e6, MidpointRounding.AwayFromZero);
        }

        return microG;
    }

    /// <summary>The replay of a condition at a rate: one looping source per condition, resampled on first use.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="sampleRateHz">The chip's output data rate.</param>
    /// <returns>A source of micro-g (1 micro-g per count), continuing where it was left.</returns>
    public ISampleSource Open(int condition, int sampleRateHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(condition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(condition, Conditions);
        if (!_sources.TryGetValue((condition, sampleRateHz), out RecordingSource? source))
        {
            int[] signal = MicroG(condition, sampleRateHz);
            source = new RecordingSource(signal, 0, signal.Length, sampleRateHz, 1, 1, loop: true, maxBurstSamples: int.MaxValue);
            _sources[(condition, sampleRateHz)] = source;
        }

        return source;
    }
}
