// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.IO;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Learning;
using TinTin.IlCost;
using TinTin.Sensors.Acquisition;

namespace TinTin.Bench.Cost;

/// <summary>Estimated interpreter instructions per window of each firmware stage (see <see cref="FirmwareStageProbe"/>).</summary>
/// <param name="Drain">Draining the accelerometer FIFO into the window assembler (managed code only).</param>
/// <param name="Features">The feature stage (spectrum or block quantisation).</param>
/// <param name="Inference">One prediction.</param>
/// <param name="Training">One training step.</param>
public sealed record FirmwareStages(long Drain, long Features, long Inference, long Training)
{
    /// <summary>Gets the cost of a labelled window in train mode: drain, features and a training step (its forward pass is the prediction).</summary>
    public long TrainWindow => Drain + Features + Training;

    /// <summary>Gets the cost of a window in detect mode.</summary>
    public long DetectWindow => Drain + Features + Inference;

    /// <summary>
    /// Measures the stages with the firmware's default settings.
    /// </summary>
    /// <param name="windows">Windows to average over.</param>
    /// <param name="warmup">Windows first, uncounted.</param>
    /// <returns>The stages.</returns>
    public static FirmwareStages Measure(int windows = 8, int warmup = 4)
    {
        var context = new InstrumentedLoadContext(
            [typeof(Model).Assembly.Location, typeof(WindowAssembler).Assembly.Location, typeof(LearningLoop).Assembly.Location],
            [AppContext.BaseDirectory, Path.GetDirectoryName(typeof(FirmwareStageProbe).Assembly.Location)!],
            options: InstrumentationOptions.Profiling);
        try
        {
            var cost = (long[])context.InvokeStatic(
                typeof(FirmwareStageProbe).Assembly.GetName().Name!, typeof(FirmwareStageProbe).FullName!, nameof(FirmwareStageProbe.Measure), windows, warmup)!;
            return new FirmwareStages(cost[0], cost[1], cost[2], cost[3]);
        }
        finally
        {
            context.Unload();
        }
    }
}

/// <summary>
/// Whether a board keeps up with a sensor rate: a window's work (at one interpreter-estimated
/// instruction per clock cycle, an optimistic bound: flash wait states and caches only add) against
/// the time the sensor takes to deliver a hop of samples.
/// </summary>
/// <param name="Target">The board.</param>
/// <param name="Sensor">The accelerometer and its rate.</param>
/// <param name="SampleRateHz">Its output data rate.</param>
/// <param name="WindowPeriodUs">The time between windows: hop / rate.</param>
/// <param name="TrainUs">The estimated time of a training window.</param>
/// <param name="DetectUs">The estimated time of a detection window.</param>
public sealed record KeepUp(string Target, string Sensor, int SampleRateHz, long WindowPeriodUs, long TrainUs, long DetectUs)
{
    /// <summary>Gets whether training keeps up (every window trained on, none dropped).</summary>
    public bool TrainKeepsUp => TrainUs <= WindowPeriodUs;

    /// <summary>Gets whether detection keeps up.</summary>
    public bool DetectKeepsUp => DetectUs <= WindowPeriodUs;

    /// <summary>The sensors the firmware drives, at the rates it runs them.</summary>
    public static readonly (string Sensor, int Hz)[] Sensors = [("adxl345", 3200), ("iis3dwb", 26667), ("mpu6886", 1000)];

    /// <summary>Every board and sensor rate for the given stage costs and the firmware's default window and hop.</summary>
    /// <param name="stages">The measured stage costs.</param>
    /// <returns>One row per board and sensor.</returns>
    public static IReadOnlyList<KeepUp> Table(FirmwareStages stages)
    {
        var settings = FirmwareSettings.Default();
        var rows = new List<KeepUp>();
        foreach (var target in BoardTarget.All())
        {
            foreach (var (sensor, hz) in Sensors)
            {
                long period = settings.Hop * 1_000_000L / hz;
                rows.Add(new KeepUp(target.Name, sensor, hz, period, stages.TrainWindow / target.ClockMhz, stages.DetectWindow / target.ClockMhz));
            }
        }

        return rows;
    }
}
