// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Firmware.Core.Link;

namespace TinTin.Cli.Demo;

/// <summary>The board's counters the demo's summary reports: the latest values, and the lowest free heap seen.</summary>
/// <param name="Reports">Counters frames seen.</param>
/// <param name="PrequentialPerMille">Accuracy of predictions made before training on the window, over the board's recent windows.</param>
/// <param name="PrequentialWindows">Windows that figure covers.</param>
/// <param name="TrainingSteps">Training steps the board made.</param>
/// <param name="TrainStepUs">Time of the last training step (features included).</param>
/// <param name="TrainStepUj">Energy of the last training step.</param>
/// <param name="InferenceUs">Time of the last inference.</param>
/// <param name="InferenceUj">Energy of the last inference.</param>
/// <param name="EnergyEstimated">Whether the energy is estimated (no INA219) rather than measured.</param>
/// <param name="PlannedBytes">The model's planned training memory (weights, activations, gradients, scratch).</param>
/// <param name="LowestManagedFree">The lowest managed free heap reported, or -1 when never reported.</param>
/// <param name="FifoOverruns">Sensor FIFO overruns.</param>
/// <param name="WindowsDropped">Windows lost to a full ring.</param>
public sealed record CountersSnapshot(
    long Reports, long PrequentialPerMille, long PrequentialWindows, long TrainingSteps, long TrainStepUs, long TrainStepUj,
    long InferenceUs, long InferenceUj, bool EnergyEstimated, long PlannedBytes, long LowestManagedFree, long FifoOverruns, long WindowsDropped)
{
    /// <summary>Before any report.</summary>
    public static CountersSnapshot None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, true, 0, -1, 0, 0);

    /// <summary>Takes a counters frame in.</summary>
    /// <param name="m">The frame's counters.</param>
    /// <returns>The updated snapshot.</returns>
    public CountersSnapshot Update(CountersMessage m)
    {
        long free = Get(m, CounterId.ManagedFreeBytes, -1);
        return new CountersSnapshot(
            Reports + 1,
            Get(m, CounterId.PrequentialAccuracyPermille, PrequentialPerMille),
            Get(m, CounterId.PrequentialWindows, PrequentialWindows),
            Get(m, CounterId.TrainingSteps, TrainingSteps),
            Get(m, CounterId.TrainStepUs, TrainStepUs),
            Get(m, CounterId.EnergyPerTrainStepUj, TrainStepUj),
            Get(m, CounterId.InferenceUs, InferenceUs),
            Get(m, CounterId.EnergyPerInferenceUj, InferenceUj),
            Get(m, CounterId.EnergyEstimated, EnergyEstimated ? 1 : 0) != 0,
            Get(m, CounterId.PlannedWeightsBytes, 0) + Get(m, CounterId.PlannedActivationsBytes, 0) + Get(m, CounterId.PlannedGradientsBytes, 0) + Get(m, CounterId.PlannedScratchBytes, 0),
            free < 0 ? LowestManagedFree : LowestManagedFree < 0 ? free : Math.Min(free, LowestManagedFree),
            Get(m, CounterId.FifoOverruns, FifoOverruns),
            Get(m, CounterId.WindowsDropped, WindowsDropped));
    }

    private static long Get(CountersMessage m, CounterId id, long otherwise) => m.TryGetValue(id, out long v) ? v : otherwise;
}
