// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using TinTin.Description;
using TinTin.IlCost;
using TinTin.Reference;

namespace TinTin.Bench.Cost;

/// <summary>One catalog Dense layer's forward cost per call by each loop of <c>PackedDense</c>.</summary>
/// <param name="Model">The catalog model.</param>
/// <param name="Layer">The layer's index in the model.</param>
/// <param name="Inputs">The row length.</param>
/// <param name="Outputs">The rows.</param>
/// <param name="ZeroPercent">The share of zero inputs drawn.</param>
/// <param name="PackedInput">Interpreter instructions per call of <c>PackInput</c> and <c>Forward</c> (two products per multiply); null when rows do not start on a long.</param>
/// <param name="EightPerLoad">Per call of <c>ForwardLanes</c>; null when rows do not start on a long.</param>
/// <param name="OneAtATime">Per call of <c>ForwardAnyRow</c>.</param>
/// <param name="Granted">Whether the catalog model's planner grants the packed input to this layer (<c>MemoryPlan.PackedInputLength</c>).</param>
public sealed record DenseKernelRow(string Model, int Layer, int Inputs, int Outputs, int ZeroPercent, double? PackedInput, double? EightPerLoad, double OneAtATime, bool Granted);

/// <summary>
/// Measures <see cref="DenseKernelProbe"/> on every Dense layer of the catalog, in the same instrumented
/// context as <see cref="InterpreterCostMeter"/> (estimated nanoCLR instructions).
/// </summary>
public static class DenseKernelCost
{
    /// <summary>
    /// The zero share of a Dense layer's input: the task's for a first layer (MNIST pixels about 81 %,
    /// the CWRU log spectrum none), else 50 % (after a ReLU: an assumption, the real share varies).
    /// </summary>
    /// <param name="model">The catalog model.</param>
    /// <param name="layer">The layer's index.</param>
    /// <returns>The share in percent.</returns>
    public static int ZeroPercent(string model, int layer) =>
        layer > 0 ? 50 : (model.StartsWith("mnist", StringComparison.Ordinal) ? 81 : 0);

    /// <summary>Measures every catalog Dense layer.</summary>
    /// <param name="calls">Inputs per layer.</param>
    /// <param name="seed">The seed of the weights and inputs.</param>
    /// <returns>One row per layer.</returns>
    public static IReadOnlyList<DenseKernelRow> MeasureCatalog(int calls, uint seed)
    {
        var context = new InstrumentedLoadContext(
            [typeof(TinTin.Model).Assembly.Location, typeof(Fp32Network).Assembly.Location],
            [AppContext.BaseDirectory, Path.GetDirectoryName(typeof(DenseKernelProbe).Assembly.Location)!]);
        try
        {
            var rows = new List<DenseKernelRow>();
            foreach (string name in TinTin.Description.ModelCatalog.Names())
            {
                ModelSpec spec = TinTin.Description.ModelCatalog.Create(name);
                for (int l = 0; l < spec.Count; l++)
                {
                    LayerSpec layer = spec[l];
                    if (layer.Kind != LayerKind.Dense)
                    {
                        continue;
                    }

                    int zeros = ZeroPercent(name, l);
                    var cost = (long[])context.InvokeStatic(
                        typeof(DenseKernelProbe).Assembly.GetName().Name!,
                        typeof(DenseKernelProbe).FullName!,
                        nameof(DenseKernelProbe.Measure),
                        layer.Input.Size,
                        layer.Units,
                        zeros,
                        seed,
                        calls)!;
                    int granted = TinTin.Training.MemoryPlan.Create(spec, new TinTin.Training.TrainingOptions()).PackedInputLength;
                    rows.Add(new DenseKernelRow(
                        name,
                        l,
                        layer.Input.Size,
                        layer.Units,
                        zeros,
                        cost[0] < 0 ? null : cost[0] / (double)calls,
                        cost[1] < 0 ? null : cost[1] / (double)calls,
                        cost[2] / (double)calls,
                        granted >= TinTin.Training.PackedDense.PackedInputLength(layer.Input.Size) && TinTin.Training.PackedDense.Aligned(layer.Input.Size)));
                }
            }

            return rows;
        }
        finally
        {
            context.Unload();
        }
    }
}
