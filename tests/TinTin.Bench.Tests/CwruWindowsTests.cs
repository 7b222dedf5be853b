// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Data;
using TinTin.Sensors.Features;

namespace TinTin.Bench.Tests;

/// <summary>
/// The CWRU windows that CwruWindows.Load cuts by replaying each recording through RecordingSource and
/// WindowAssembler are exactly the windows of the documented time split (CwruSplit with hop 256 and
/// window 1024): same count, same samples, in order, and no test window reaches into the training
/// part. Run on a generated CWRU folder of integer recordings (public API only, no data folder needed).
/// </summary>
public sealed class CwruWindowsTests : IDisposable
{
    private readonly TempFolder _folder = new("tintin-bench-cwru-");
    private readonly string _cwru;

    public CwruWindowsTests()
    {
        _cwru = SyntheticCwru.Write(_folder.Path);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheReplayedRawWindowsAreTheSplitsWindowsSampleForSample()
    {
        TaskData data = CwruWindows.Load(_cwru, InputKind.RawWindow, TextWriter.Null);

        Assert.Equal(CwruClasses.Names, data.ClassNames);
        Assert.Equal(new TinTin.Description.Shape(1, 1, CwruWindows.WindowLength), data.Train.Shape);
        AssertWindows(data.Train, split => split.TrainStarts, "train");
        AssertWindows(data.Test, split => split.TestStarts, "test");

        // Values within +-127 counts quantize with exponent 0: q is the count, at 2^CountsLog2Unit g.
        Assert.All(data.Train.Log2Scales, s => Assert.Equal(CwruWindows.CountsLog2Unit, s));
        Assert.All(data.Test.Log2Scales, s => Assert.Equal(CwruWindows.CountsLog2Unit, s));
    }

    [Fact]
    public void TheSpectrumFeaturesAreTheDevicesFeaturesOfTheSplitsWindows()
    {
        TaskData data = CwruWindows.Load(_cwru, InputKind.SpectrumFeatures, TextWriter.Null);
        var features = new SpectrumFeatures(CwruWindows.WindowLength, ModelCatalog.SpectrumBands);

        foreach ((SampleSet set, Func<CwruSplit, IReadOnlyList<int>> starts) in new (SampleSet, Func<CwruSplit, IReadOnlyList<int>>)[] { (data.Train, s => s.TrainStarts), (data.Test, s => s.TestStarts) })
        {
            int next = 0;
            for (int label = 0; label < SyntheticCwru.Lengths.Length; label++)
            {
                int[] counts = SyntheticCwru.Counts(label);
                foreach (int start in starts(Split(label)))
                {
                    features.Compute(counts, start);
                    Assert.Equal(label, set.Labels[next]);
                    Assert.Equal(CwruWindows.SpectrumLog2Scale, set.Log2Scales[next]);
                    Assert.Equal(features.Values.Select(v => (sbyte)v), set.Inputs[next]);
                    next++;
                }
            }

            Assert.Equal(next, set.Count);
        }
    }

    [Fact]
    public void NoTestWindowOverlapsTheTrainingPartOrAnotherTestWindow()
    {
        // Located by content (every window of these recordings is unique), independently of CwruSplit.
        TaskData data = CwruWindows.Load(_cwru, InputKind.RawWindow, TextWriter.Null);
        int w = CwruWindows.WindowLength;
        int trainIndex = 0;
        int testIndex = 0;
        for (int label = 0; label < SyntheticCwru.Lengths.Length; label++)
        {
            int[] counts = SyntheticCwru.Counts(label);
            int boundary = (int)(counts.Length * 7L / 10);
            var trainStarts = new List<int>();
            for (; trainIndex < data.Train.Count && data.Train.Labels[trainIndex] == label; trainIndex++)
            {
                trainStarts.Add(Locate(counts, data.Train.Inputs[trainIndex]));
            }

            var testStarts = new List<int>();
            for (; testIndex < data.Test.Count && data.Test.Labels[testIndex] == label; testIndex++)
            {
                testStarts.Add(Locate(counts, data.Test.Inputs[testIndex]));
            }

            Assert.NotEmpty(trainStarts);
            Assert.All(trainStarts, s => Assert.True(s >= 0 && s + w <= boundary, $"class {label}: a training window [{s}, {s + w}) crosses the boundary {boundary}"));
            Assert.All(trainStarts.Zip(trainStarts.Skip(1)), p => Assert.Equal(CwruWindows.TrainHop, p.Second - p.First));
            Assert.All(testStarts, s => Assert.True(s >= boundary && s + w <= counts.Length, $"class {label}: a test window [{s}, {s + w}) is not in [{boundary}, {counts.Length})"));
            Assert.All(testStarts.Zip(testStarts.Skip(1)), p => Assert.True(p.Second - p.First >= w, $"class {label}: test windows at {p.First} and {p.Second} overlap"));

            // Every complete window is used: none fits after the last training or the last test window.
            Assert.True(trainStarts[^1] + CwruWindows.TrainHop + w > boundary, $"class {label}: a training window at {trainStarts[^1] + CwruWindows.TrainHop} is missing");
            int afterTests = testStarts.Count == 0 ? boundary : testStarts[^1] + w;
            Assert.True(afterTests + w > counts.Length, $"class {label}: a test window at {afterTests} is missing");
        }

        Assert.Equal(data.Train.Count, trainIndex);
        Assert.Equal(data.Test.Count, testIndex);
    }

    [Fact]
    public void TheGeneratedRecordingsCoverTheEdges()
    {
        // Guards the generated folder itself: the edge cases the tests above rely on.
        Assert.Equal(6400, Split(1).Boundary);
        Assert.Equal(Split(1).Boundary, Split(1).TrainStarts[^1] + CwruWindows.WindowLength);
        Assert.Equal(SyntheticCwru.Lengths[2], Split(2).TestStarts[^1] + CwruWindows.WindowLength);
        Assert.Equal(2, Split(2).TestStarts.Count);
        Assert.Single(Split(3).TestStarts);
        Assert.All(Enumerable.Range(0, 10), label => Assert.Equal(SyntheticCwru.Counts(label), AccelerometerCounts.FromG(CwruDataset.LoadDriveEnd(_cwru, 0)[label].Signal, out _)));
    }

    private static CwruSplit Split(int label) => CwruSplit.Create(SyntheticCwru.Lengths[label], CwruWindows.TrainHop, CwruWindows.WindowLength);

    /// <summary>Checks that <paramref name="set"/> holds, class after class, exactly the windows at the split's starts.</summary>
    private static void AssertWindows(SampleSet set, Func<CwruSplit, IReadOnlyList<int>> starts, string part)
    {
        int next = 0;
        for (int label = 0; label < SyntheticCwru.Lengths.Length; label++)
        {
            int[] counts = SyntheticCwru.Counts(label);
            IReadOnlyList<int> expected = starts(Split(label));
            int produced = set.Labels.Skip(next).TakeWhile(l => l == label).Count();
            Assert.True(expected.Count == produced, $"class {label} ({part}): {produced} windows, the split has {expected.Count}");
            foreach (int start in expected)
            {
                sbyte[] window = set.Inputs[next];
                Assert.Equal(CwruWindows.WindowLength, window.Length);
                for (int k = 0; k < window.Length; k++)
                {
                    if (window[k] != counts[start + k])
                    {
                        Assert.Fail($"class {label} ({part}): window {next} differs from the recording at {start} + {k}: {window[k]} vs {counts[start + k]}");
                    }
                }

                next++;
            }
        }

        Assert.Equal(next, set.Count);
    }

    /// <summary>Where a window's samples sit in the recording (-1 when nowhere).</summary>
    private static int Locate(int[] counts, sbyte[] window)
    {
        for (int s = 0; s + window.Length <= counts.Length; s++)
        {
            int k = 0;
            while (k < window.Length && counts[s + k] == window[k])
            {
                k++;
            }

            if (k == window.Length)
            {
                return s;
            }
        }

        return -1;
    }
}
