// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using TinTin.Bench.Models;
using TinTin.Data;
using TinTin.Description;

namespace TinTin.Bench.Data;

/// <summary>
/// Turns a task's files into the int8 samples every mode trains on: MNIST pixels, or CWRU windows
/// (raw, or as the integer spectrum features the device computes).
/// </summary>
public static class TaskLoader
{
    /// <summary>MNIST pixel p (0..255) becomes q = p / 2 at scale 2^-7: real values 0 .. 0.99.</summary>
    public const int MnistLog2Scale = -7;

    /// <summary>Loads a task.</summary>
    /// <param name="task">The task.</param>
    /// <param name="input">What the model reads (CWRU: raw window or spectrum features).</param>
    /// <param name="dataFolder">The data folder from the command line, or null (see <see cref="DataFolder"/>).</param>
    /// <param name="limit">Keep this many training and this many test samples, evenly spread; null for all.</param>
    /// <param name="log">Where to say what was loaded (notes such as clipped samples).</param>
    /// <returns>The splits.</returns>
    /// <exception cref="DataUnavailableException">The files are not there.</exception>
    /// <exception cref="InvalidDataException">A file is malformed.</exception>
    public static TaskData Load(BenchTask task, InputKind input, string? dataFolder, int? limit, TextWriter log)
    {
        string root = DataFolder.Resolve(dataFolder);
        TaskData data = task == BenchTask.Mnist
            ? LoadMnist(Path.Combine(root, "mnist"))
            : CwruWindows.Load(Path.Combine(root, "cwru"), input, log);
        return limit is int n ? data with { Train = Spread(data.Train, n), Test = Spread(data.Test, n) } : data;
    }

    /// <summary>The MNIST splits as int8 images (1 x 28 x 28).</summary>
    /// <param name="folder">The folder holding the four IDX files.</param>
    /// <returns>The splits.</returns>
    public static TaskData LoadMnist(string folder)
    {
        MnistDataset mnist = MnistDataset.Load(folder);
        string[] classes = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        return new TaskData(
            ToSet(mnist.TrainImages, mnist.TrainLabels),
            ToSet(mnist.TestImages, mnist.TestLabels),
            classes,
            $"MNIST ({folder})");
    }

    /// <summary>The first <paramref name="count"/> samples of an even spread over the split (all, when fewer).</summary>
    /// <param name="set">The split.</param>
    /// <param name="count">How many to keep.</param>
    /// <returns>Samples i * Count / count for i = 0 .. count - 1.</returns>
    public static SampleSet Spread(SampleSet set, int count)
    {
        if (count >= set.Count)
        {
            return set;
        }

        var inputs = new sbyte[count][];
        var scales = new int[count];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int k = (int)((long)i * set.Count / count);
            inputs[i] = set.Inputs[k];
            scales[i] = set.Log2Scales[k];
            labels[i] = set.Labels[k];
        }

        return new SampleSet(set.Shape, inputs, scales, labels);
    }

    private static SampleSet ToSet(IdxImages images, byte[] labels)
    {
        int size = images.Rows * images.Columns;
        var inputs = new sbyte[images.Count][];
        var scales = new int[images.Count];
        var classes = new int[images.Count];
        for (int i = 0; i < images.Count; i++)
        {
            var x = new sbyte[size];
            int start = i * size;
            for (int k = 0; k < size; k++)
            {
                x[k] = (sbyte)(images.Pixels[start + k] >> 1);
            }

            inputs[i] = x;
            scales[i] = MnistLog2Scale;
            classes[i] = labels[i];
        }

        return new SampleSet(new Shape(1, images.Rows, images.Columns), inputs, scales, classes);
    }
}
