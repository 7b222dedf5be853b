// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;

namespace TinTin.Data;

/// <summary>
/// The leakage-free time split of one recording (docs/evaluation.md): windows from the first 70 % of the
/// samples train, windows from the last 30 % test, no window crosses the boundary, and test windows do not
/// overlap. Training windows may overlap (a stride below the window length) because overlapping windows
/// of the same training segment leak nothing into the test segment.
/// </summary>
public sealed class CwruSplit
{
    /// <summary>The evaluation's window length, in samples at 12 kHz.</summary>
    public const int DefaultWindowLength = 1024;

    private CwruSplit(int sampleCount, int windowLength, int trainStride, int boundary, int[] trainStarts, int[] testStarts)
    {
        SampleCount = sampleCount;
        WindowLength = windowLength;
        TrainStride = trainStride;
        Boundary = boundary;
        TrainStarts = trainStarts;
        TestStarts = testStarts;
    }

    /// <summary>The recording's length N.</summary>
    public int SampleCount { get; }

    /// <summary>The window length W.</summary>
    public int WindowLength { get; }

    /// <summary>The step between training windows.</summary>
    public int TrainStride { get; }

    /// <summary>The first test sample, floor(0.7 N): training windows lie in [0, Boundary), test windows in [Boundary, N).</summary>
    public int Boundary { get; }

    /// <summary>The training windows' first samples: 0, stride, 2 stride, ... while start + W &lt;= <see cref="Boundary"/>; (Boundary - W) / stride + 1 of them, none when Boundary &lt; W.</summary>
    public IReadOnlyList<int> TrainStarts { get; }

    /// <summary>The test windows' first samples: Boundary, Boundary + W, ... while start + W &lt;= N; (N - Boundary) / W of them.</summary>
    public IReadOnlyList<int> TestStarts { get; }

    /// <summary>Splits a recording.</summary>
    /// <param name="sampleCount">The recording's length N, 0 or more.</param>
    /// <param name="trainStride">The step between training windows, 1 or more (below <paramref name="windowLength"/> for overlapping windows).</param>
    /// <param name="windowLength">The window length W, 1 or more.</param>
    /// <returns>The split; a recording too short for a window gives empty lists (not an error, so a caller can count and report it).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A length or the stride is out of range.</exception>
    public static CwruSplit Create(int sampleCount, int trainStride, int windowLength = DefaultWindowLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainStride, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowLength, 1);

        // floor(0.7 N) in integers: 0.7 has no exact binary form, and 0.7 * N in doubles lands just below
        // the whole number for many N (0.7 * 90 = 62.99999999999999), which would move the boundary by one.
        int boundary = (int)(sampleCount * 7L / 10);
        int[] train = Starts(0, boundary, windowLength, trainStride);
        int[] test = Starts(boundary, sampleCount, windowLength, windowLength);
        return new CwruSplit(sampleCount, windowLength, trainStride, boundary, train, test);
    }

    private static int[] Starts(int from, int to, int window, int stride)
    {
        int span = to - from;
        if (span < window)
        {
            return [];
        }

        var starts = new int[((span - window) / stride) + 1];
        for (int i = 0; i < starts.Length; i++)
        {
            starts[i] = from + (i * stride);
        }

        return starts;
    }
}
