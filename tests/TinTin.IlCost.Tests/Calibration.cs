// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.IO.Compression;
using System.Reflection;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost.Tests;

/// <summary>The counted cost of one calibration run's phases (the build, the warm-up steps, the measured steps).</summary>
/// <param name="Build">The model's construction and the drawing of the inputs.</param>
/// <param name="Warmup">The warm-up steps (uncounted by the benchmark; counted here to compare them too).</param>
/// <param name="Steps">The measured steps (all of them, not per step).</param>
public sealed record CalibrationPhases(long Build, long Warmup, long Steps);

/// <summary>
/// Runs the calibration workload (tools/TinTin.IlCost/Calibration, compiled into the fixture) under the
/// counter, with lib-tintin, the FP32 reference and the fixture instrumented: the same phases that
/// Calibration/calibrate.sh runs on the real interpreter under callgrind.
/// </summary>
internal static class Calibration
{
    private const string WorkloadType = "TinTin.IlCost.Calibration.CalibrationWorkload";
    private const string RunsType = "TinTin.IlCost.Calibration.CalibrationRuns";
    private const string NativesType = "TinTin.IlCost.Calibration.NativeCalls";

    private static readonly Lazy<InstrumentedLoadContext> SharedContext = new(() => new InstrumentedLoadContext(
        [Fixture.AssemblyPath, Path.Combine(AppContext.BaseDirectory, "TinTin.Engine.dll"), Path.Combine(AppContext.BaseDirectory, "TinTin.Reference.dll")],
        cacheDirectory: Fixture.CacheDirectory));

    /// <summary>Every calibration run, as <c>model/mode/zero percent</c>.</summary>
    public static string[] Runs() => (string[])Type(RunsType).GetMethod("All")!.Invoke(null, null)!;

    /// <summary>The number of measured steps of a run.</summary>
    public static int MeasuredSteps => (int)Type(RunsType).GetField("MeasuredSteps")!.GetValue(null)!;

    /// <summary>
    /// The folder of the MNIST files: <c>$TINTIN_DATA/mnist</c>, else <c>../shared/data/mnist</c> beside the
    /// repository; null when it has no training images.
    /// </summary>
    public static string? MnistFolder()
    {
        string? data = Environment.GetEnvironmentVariable("TINTIN_DATA");
        if (string.IsNullOrEmpty(data))
        {
            DirectoryInfo? root = new(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "TinTin.Nano.sln")))
            {
                root = root.Parent;
            }

            if (root?.Parent is null)
            {
                return null;
            }

            data = Path.Combine(root.Parent.FullName, "shared", "data");
        }

        string folder = Path.Combine(data, "mnist");
        return File.Exists(Path.Combine(folder, "train-images-idx3-ubyte.gz")) ? folder : null;
    }

    /// <summary>Whether a run trains on real MNIST images (a negative zero share).</summary>
    public static bool UsesRealImages(string run) => run.Split('/')[2].StartsWith('-');

    /// <summary>Counts the phases of one run.</summary>
    public static CalibrationPhases Measure(string run)
    {
        if (UsesRealImages(run))
        {
            LoadRealImages();
        }

        object?[] parsed = [run, null, null, null, null];
        Type(RunsType).GetMethod("Parse")!.Invoke(null, parsed);
        Type runs = Type(RunsType);
        int samples = (int)runs.GetField("Samples")!.GetValue(null)!;
        int warmup = (int)parsed[4]!;
        Type workload = Type(WorkloadType);
        MethodInfo step = workload.GetMethod("Step")!;

        long t0 = CostCounter.Total;
        object instance = Activator.CreateInstance(workload, parsed[1], parsed[2], samples, parsed[3])!;
        long t1 = CostCounter.Total;
        for (int i = 0; i < warmup; i++)
        {
            step.Invoke(instance, null);
        }

        long t2 = CostCounter.Total;
        for (int i = 0; i < MeasuredSteps; i++)
        {
            step.Invoke(instance, null);
        }

        long t3 = CostCounter.Total;
        return new CalibrationPhases(t1 - t0, t2 - t1, t3 - t2);
    }

    /// <summary>Every native-call benchmark, as <c>what/element type/length</c>.</summary>
    public static string[] NativeBenchmarks() => (string[])Type(NativesType).GetMethod("All")!.Invoke(null, null)!;

    /// <summary>Counts one native-call benchmark (see tools/TinTin.IlCost/Calibration/NativeCalls.cs).</summary>
    public static long MeasureNative(string benchmark)
    {
        MethodInfo run = Type(NativesType).GetMethod("Run")!;
        long before = CostCounter.Total;
        run.Invoke(null, [benchmark]);
        return CostCounter.Total - before;
    }

    // The first CalibrationRuns.Samples training images and labels, as calibrate.sh compiles them into the program.
    private static void LoadRealImages()
    {
        string folder = MnistFolder() ?? throw new InvalidOperationException("no MNIST training images (../shared/data/mnist or $TINTIN_DATA/mnist)");
        int samples = (int)Type(RunsType).GetField("Samples")!.GetValue(null)!;
        byte[] images = Gunzip(Path.Combine(folder, "train-images-idx3-ubyte.gz"));
        byte[] labels = Gunzip(Path.Combine(folder, "train-labels-idx1-ubyte.gz"));
        Type workload = Type(WorkloadType);
        workload.GetField("RealImages")!.SetValue(null, images.AsSpan(16, 784 * samples).ToArray());
        workload.GetField("RealLabels")!.SetValue(null, labels.AsSpan(8, samples).ToArray());
    }

    private static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    private static Type Type(string name) => SharedContext.Value.GetAssembly(Fixture.AssemblyName).GetType(name, throwOnError: true)!;
}
