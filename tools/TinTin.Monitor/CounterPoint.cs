// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>The plotted values of one counters frame; a counter the frame lacks is <see cref="double.NaN"/>.</summary>
/// <param name="TimeSeconds">Device time, s (see <see cref="CounterHistory"/> for reboots).</param>
/// <param name="AccuracyPercent">Prequential accuracy, % (counter PrequentialAccuracyPermille / 10).</param>
/// <param name="HeapFreeBytes">Managed heap free after a GC, bytes (ManagedFreeBytes).</param>
/// <param name="EnergyPerStepUj">Energy per training step, µJ (EnergyPerTrainStepUj).</param>
/// <param name="StepUs">Time per training step, µs (TrainStepUs).</param>
public readonly record struct CounterPoint(double TimeSeconds, double AccuracyPercent, double HeapFreeBytes, double EnergyPerStepUj, double StepUs)
{
    /// <summary>Takes the plotted counters from a frame.</summary>
    /// <param name="timeSeconds">The point's time.</param>
    /// <param name="counters">The frame's counters.</param>
    /// <returns>The point.</returns>
    public static CounterPoint From(double timeSeconds, CountersMessage counters) => new(
        timeSeconds,
        Get(counters, CounterId.PrequentialAccuracyPermille) / 10,
        Get(counters, CounterId.ManagedFreeBytes),
        Get(counters, CounterId.EnergyPerTrainStepUj),
        Get(counters, CounterId.TrainStepUs));

    private static double Get(CountersMessage counters, CounterId id) => counters.TryGetValue(id, out long value) ? value : double.NaN;
}
