// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Bench.Training;
using TinTin.IlCost;
using TinTin.IlCost.Runtime;
using TinTin.Reference;

namespace TinTin.Bench.Cost;

/// <summary>
/// Interpreter cost per training sample (../shared/docs/mcu-cost.md): the compiled lib-tintin and
/// FP32 reference assemblies are instrumented at basic-block granularity (TinTin.IlCost), loaded
/// into an isolated context together with this benchmark, and <see cref="CostProbe"/> trains a
/// fresh model there. The result is in estimated nanoCLR instructions, the unit of a native count.
/// </summary>
/// <param name="steps">How many training samples to average over.</param>
/// <param name="warmup">How many training samples to train first, uncounted (see <see cref="CostProbe"/>).</param>
/// <param name="profile">Whether to attribute the cost to methods (see <see cref="CostMeasurement.Profile"/>).</param>
public sealed class InterpreterCostMeter(int steps, int warmup, bool profile = false) : ICostMeter, IDisposable
{
    private InstrumentedLoadContext? _context;

    /// <inheritdoc/>
    public CostMeasurement Measure(BenchModel model, BenchMode mode, uint seed, SampleSet train, int[] order)
    {
        _context ??= new InstrumentedLoadContext(
            [typeof(Model).Assembly.Location, typeof(Fp32Network).Assembly.Location],
            [AppContext.BaseDirectory, Path.GetDirectoryName(typeof(CostProbe).Assembly.Location)!],
            options: profile ? InstrumentationOptions.Profiling : InstrumentationOptions.Default);
        int first = Math.Min(warmup, order.Length);
        int n = Math.Min(steps, order.Length - first);
        if (n < 1)
        {
            throw new ArgumentException($"{order.Length} training samples leave none to measure after {first} warm-up steps", nameof(order));
        }

        var measured = (Tuple<long, CostProfile, long>)_context.InvokeStatic(
            typeof(CostProbe).Assembly.GetName().Name!,
            typeof(CostProbe).FullName!,
            nameof(CostProbe.MeasureTraining),
            model.Name,
            (int)mode,
            seed,
            new[] { train.Shape.Channels, train.Shape.Height, train.Shape.Width },
            train.Inputs,
            train.Log2Scales,
            train.Labels,
            order,
            first,
            n,
            model.Schedule.NitiBatchSize)!;
        return new CostMeasurement(measured.Item1 / (double)n, n, first, profile ? measured.Item2 : null, measured.Item3 / (double)n);
    }

    /// <summary>Unloads the isolated context.</summary>
    public void Dispose()
    {
        _context?.Unload();
        _context = null;
    }
}
