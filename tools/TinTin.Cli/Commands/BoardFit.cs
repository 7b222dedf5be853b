// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using TinTin.Description;
using TinTin.Manifest;
using TinTin.Reference;
using TinTin.Training;

namespace TinTin.Cli.Commands;

/// <summary>The training memory of one catalog model, in Tin-Tin (int8) and in FP32, from the planners.</summary>
/// <param name="Model">The catalog name.</param>
/// <param name="TinTin">lib-tintin's memory plan at batch size 1 (Tin-Tin mode, default options).</param>
/// <param name="Fp32Bytes">Every buffer of the FP32 reference network (<see cref="Fp32Network.TotalBytes"/>).</param>
/// <param name="InputValues">Values in one input sample.</param>
public sealed record ModelFootprint(string Model, MemoryPlan TinTin, int Fp32Bytes, int InputValues)
{
    /// <summary>Gets the planner's bytes in Tin-Tin (<see cref="MemoryPlan.TotalBytes"/>).</summary>
    public int TinTinBytes => TinTin.TotalBytes;

    /// <summary>Gets the bytes Tin-Tin training needs on the heap: the plan plus the caller's int8 input sample.</summary>
    public int TinTinNeededBytes => TinTin.TotalBytes + TinTin.InputBytes;

    /// <summary>Gets the bytes FP32 training needs on the heap: the network plus the caller's float32 input sample.</summary>
    public int Fp32NeededBytes => Fp32Bytes + (4 * InputValues);
}

/// <summary>Whether each catalog model can be trained on a board: planned bytes against the managed heap left after a fixed reserve.</summary>
public static class BoardFit
{
    /// <summary>
    /// Managed heap kept back for the firmware itself before a model is placed: 8 KB.
    /// </summary>
    /// <remarks>
    /// It covers what the firmware holds besides the model: nanoCLR's runtime tables of the loaded
    /// assemblies (allocated on the managed heap), the data-link frame buffers, the sensor FIFO read
    /// buffer, the hello/event/counter objects, the array headers of the model's buffers (the
    /// planner counts payload bytes only) and headroom for short-lived allocations between
    /// collections. It is one figure for every board, chosen small enough that it does not by itself
    /// rule out the 32 KB NUCLEO-F091RC; it is an estimate, not a measurement: replace it with the
    /// firmware's "free managed heap after a collection" counter read on a board running the
    /// firmware without a model.
    /// </remarks>
    public const int FirmwareReserveBytes = 8 * 1024;

    /// <summary>The footprint of every catalog model, in catalog order.</summary>
    /// <returns>One footprint per <see cref="ModelCatalog.Names"/> entry.</returns>
    public static IReadOnlyList<ModelFootprint> CatalogFootprints()
    {
        var footprints = new List<ModelFootprint>();
        foreach (string name in ModelCatalog.Names())
        {
            ModelSpec spec = ModelCatalog.Create(name);
            MemoryPlan plan = MemoryPlan.Create(spec, new TrainingOptions { BatchSize = 1, Mode = TrainingMode.TinTin });
            var fp32 = new Fp32Network(spec);
            footprints.Add(new ModelFootprint(name, plan, fp32.TotalBytes, spec.Input.Size));
        }

        return footprints;
    }

    /// <summary>The managed heap a model may use on a board: its heap less <see cref="FirmwareReserveBytes"/>, never negative.</summary>
    /// <param name="target">The board.</param>
    /// <returns>Bytes available to the model.</returns>
    public static int Budget(TargetBoard target) => Math.Max(0, target.Heap.Bytes - FirmwareReserveBytes);

    /// <summary>Whether <paramref name="neededBytes"/> fit in the board's budget.</summary>
    /// <param name="neededBytes">The bytes training needs.</param>
    /// <param name="target">The board.</param>
    /// <returns>True when they fit.</returns>
    public static bool Fits(int neededBytes, TargetBoard target) => neededBytes <= Budget(target);
}
