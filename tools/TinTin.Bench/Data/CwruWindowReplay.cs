// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using TinTin.Data;
using TinTin.Sensors.Acquisition;

namespace TinTin.Bench.Data;

/// <summary>Receives one window of the CWRU task.</summary>
/// <param name="train">True for a training window, false for a test window.</param>
/// <param name="samples">The window's accelerometer counts (reused for the next window: copy to keep).</param>
/// <param name="label">The window's class.</param>
public delegate void CwruWindowVisitor(bool train, int[] samples, int label);

/// <summary>
/// Cuts the CWRU recordings into the task's windows, in the task's order: every recording converted to
/// accelerometer counts and replayed through the sensors' <see cref="RecordingSource"/> and <see cref="WindowAssembler"/>,
/// training windows from the first 70 % (hop <see cref="CwruWindows.TrainHop"/>), test windows from the rest without
/// overlap. <see cref="CwruWindows"/> turns them into features; the device bench streams them raw to a board.
/// </summary>
public static class CwruWindowReplay
{
    /// <summary>Replays every recording and hands each window to <paramref name="visit"/>, recording by recording.</summary>
    /// <param name="folder">The folder holding the CWRU .mat files and manifest.csv.</param>
    /// <param name="log">Where notes (clipped samples) go.</param>
    /// <param name="visit">Receives each window.</param>
    /// <returns>The class names, index = label.</returns>
    public static string[] Replay(string folder, TextWriter log, CwruWindowVisitor visit)
    {
        IReadOnlyList<CwruRecording> recordings = CwruDataset.LoadDriveEnd(folder, CwruWindows.LoadHp);
        var names = new string[recordings.Count];
        foreach (CwruRecording recording in recordings)
        {
            names[recording.Label] = recording.ClassName;
            int[] counts = AccelerometerCounts.FromG(recording.Signal, AccelerometerCounts.DefaultMicroGPerCount, out int clipped);
            if (clipped > 0)
            {
                log.WriteLine($"note: {recording.FileName}: {clipped} samples beyond the int16 range were clipped, as the accelerometer would");
            }

            int boundary = CwruSplit.Create(counts.Length, CwruWindows.TrainHop, CwruWindows.WindowLength).Boundary;
            Windows(counts, 0, boundary, recording.SampleRateHz, CwruWindows.TrainHop, s => visit(true, s, recording.Label));
            Windows(counts, boundary, counts.Length - boundary, recording.SampleRateHz, CwruWindows.WindowLength, s => visit(false, s, recording.Label));
        }

        return names;
    }

    /// <summary>Replays <c>[start, start + count)</c> and hands on every complete window, <paramref name="hop"/> apart.</summary>
    private static void Windows(int[] counts, int start, int count, int sampleRateHz, int hop, Action<int[]> take)
    {
        if (count < CwruWindows.WindowLength)
        {
            return;
        }

        var source = new RecordingSource(
            counts, start, count, sampleRateHz, AccelerometerCounts.DefaultMicroGPerCount, 1, loop: false, maxBurstSamples: 256);
        var assembler = new WindowAssembler(source, CwruWindows.WindowLength, hop, 2 * CwruWindows.WindowLength, 0, 256);
        var window = new SampleWindow(CwruWindows.WindowLength);
        while (!source.Exhausted || assembler.WindowReady)
        {
            assembler.Pump();
            while (assembler.TryTakeWindow(window))
            {
                take(window.Samples);
            }
        }
    }
}
