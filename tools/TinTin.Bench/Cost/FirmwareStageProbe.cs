// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Learning;
using TinTin.Scaling;
using TinTin.Sensors.Acquisition;
using TinTin.Sensors.Devices.Adxl345;
using TinTin.Sensors.Simulation;
using TinTin.Training;
using TinTin.IlCost.Runtime;

namespace TinTin.Bench.Cost;

/// <summary>
/// Runs the firmware's per-window stages inside <see cref="FirmwareStages.Measure"/>'s instrumented
/// context (lib-tintin, sensors and the firmware core counted): FIFO drain through the ADXL345
/// driver, features, inference and a training step, with the firmware's default settings. The
/// register-level simulator behind the driver is counted too and subtracted by method, so the drain
/// is the driver's and the window assembler's managed code only (the native SPI transfer is not IL).
/// </summary>
public static class FirmwareStageProbe
{
    /// <summary>The board's poll interval the drain is measured at: the FIFO holds 32 samples, 10 ms at 3200 Hz.</summary>
    public const int PollMicroseconds = 5000;

    /// <summary>Measures the average cost per window of each stage.</summary>
    /// <param name="windows">Windows to average over (after <paramref name="warmup"/> uncounted).</param>
    /// <param name="warmup">Windows to run first, uncounted (a fresh model rescales often).</param>
    /// <returns>Estimated interpreter instructions per window: drain, features, inference, training.</returns>
    public static long[] Measure(int windows, int warmup)
    {
        FirmwareSettings settings = FirmwareSettings.Default();
        var simulator = new Adxl345Simulator((axis, i) => axis == 0 ? (int)((i * 2654435761L >> 20) % 512) - 256 : 0);
        var driver = new Adxl345(simulator);
        if (driver.TryInitialize(Adxl345DataRate.Hz3200, Adxl345Range.PlusMinus16G) != Adxl345InitializationResult.Success)
        {
            throw new InvalidOperationException(driver.LastError);
        }

        var assembler = new WindowAssembler(driver, settings.WindowLength, settings.Hop, 2 * settings.WindowLength, WindowAssembler.SumOfAxes, 33);
        var options = new TrainingOptions
        {
            Mode = TrainingMode.TinTin,
            Seed = settings.Seed,
            InitialUpscale = true,
            LearningRate = Scale.PowerOfTwo(settings.LearningRateLog2),
            BatchSize = settings.BatchSize,
        };
        var model = new Model(ModelCatalog.Create(settings.Model), options);
        var features = new WindowFeatures(settings.Feature, settings.WindowLength, settings.Bands);
        var input = new sbyte[features.InputLength];
        var window = new SampleWindow(settings.WindowLength);
        long[] totals = new long[4];
        for (int w = 0; w < warmup + windows; w++)
        {
            bool counted = w >= warmup;
            CostProfile before = CostProfile.Snapshot();
            while (!assembler.TryTakeWindow(window))
            {
                simulator.Advance(PollMicroseconds);
                assembler.Pump();
            }

            CostProfile drain = CostProfile.Difference(before, CostProfile.Snapshot());
            long simulated = 0;
            foreach (var entry in drain.Entries)
            {
                if (entry.Method.StartsWith("TinTin.Sensors.Simulation.", StringComparison.Ordinal))
                {
                    simulated += entry.Cost;
                }
            }

            long t0 = CostCounter.Total;
            Scale scale = features.Compute(window.Samples, input);
            long t1 = CostCounter.Total;
            int predicted = model.Predict(input, scale);
            long t2 = CostCounter.Total;
            model.TrainStep(input, scale, (predicted + 1) % ModelCatalog.Classes);
            long t3 = CostCounter.Total;
            if (counted)
            {
                totals[0] += drain.Total - simulated;
                totals[1] += t1 - t0;
                totals[2] += t2 - t1;
                totals[3] += t3 - t2;
            }
        }

        for (int i = 0; i < totals.Length; i++)
        {
            totals[i] /= windows;
        }

        return totals;
    }
}
