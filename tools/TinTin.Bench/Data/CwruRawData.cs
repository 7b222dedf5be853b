// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.IO;

namespace TinTin.Bench.Data;

/// <summary>The CWRU task's splits as raw windows, in the order <see cref="CwruWindows"/> builds its sample sets.</summary>
/// <param name="Train">The training windows.</param>
/// <param name="Test">The test windows.</param>
/// <param name="ClassNames">The class names, index = label.</param>
/// <param name="Source">Where the data came from.</param>
public sealed record CwruRawData(RawWindowSet Train, RawWindowSet Test, string[] ClassNames, string Source)
{
    /// <summary>Loads the task's raw windows.</summary>
    /// <param name="dataFolder">The data folder from the command line, or null (see <see cref="DataFolder"/>).</param>
    /// <param name="limit">Keep this many training and this many test windows, spread as <see cref="TaskLoader.Load"/> does; null for all.</param>
    /// <param name="log">Where notes go.</param>
    /// <returns>The splits.</returns>
    /// <exception cref="TinTin.Data.DataUnavailableException">The files are not there.</exception>
    public static CwruRawData Load(string? dataFolder, int? limit, TextWriter log)
    {
        string folder = Path.Combine(DataFolder.Resolve(dataFolder), "cwru");
        var train = new List<int[]>();
        var trainLabels = new List<int>();
        var test = new List<int[]>();
        var testLabels = new List<int>();
        string[] names = CwruWindowReplay.Replay(folder, log, (isTrain, samples, label) =>
        {
            (isTrain ? train : test).Add((int[])samples.Clone());
            (isTrain ? trainLabels : testLabels).Add(label);
        });
        var data = new CwruRawData(new RawWindowSet([.. train], [.. trainLabels]), new RawWindowSet([.. test], [.. testLabels]), names,
            $"CWRU drive end {CwruWindows.LoadHp} hp ({folder})");
        return limit is int n ? data with { Train = data.Train.Spread(n), Test = data.Test.Spread(n) } : data;
    }
}
