// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using TinTin.Bench.Cost;
using TinTin.Firmware.Core.App;

namespace TinTin.Cli.Commands;

/// <summary>
/// <c>tintin keepup [--windows N] [--json]</c>: whether each board keeps up with each accelerometer
/// rate. The firmware's per-window stages (FIFO drain, features, inference, training) are counted in
/// estimated interpreter instructions by the interpreter-cost counter, converted at one instruction
/// per clock cycle (an optimistic bound), and compared with the time between windows.
/// </summary>
public static class KeepUpCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>keepup</c> command.</returns>
    public static Command Create()
    {
        var windows = new Option<int>("--windows") { Description = "Windows to average each stage over (after 4 uncounted).", DefaultValueFactory = _ => 8 };
        var json = new Option<bool>("--json") { Description = "Print the stages and the table as JSON." };
        var command = new Command("keepup", "Estimate, per board and sensor rate, whether the firmware's per-window work keeps up with the accelerometer.");
        command.Options.Add(windows);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            int n = parse.GetValue(windows);
            if (n < 1)
            {
                parse.InvocationConfiguration.Error.WriteLine("--windows must be at least 1");
                return TinTinCommandLine.ExitInvalidInput;
            }

            FirmwareStages stages = FirmwareStages.Measure(n, 4);
            var table = KeepUp.Table(stages);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { stages, boards = table }));
                return 0;
            }

            var settings = FirmwareSettings.Default();
            output.WriteLine($"Firmware stages per window ({settings.Model}, {settings.WindowLength}-sample windows, hop {settings.Hop}, {settings.Feature}), estimated interpreter instructions:");
            output.WriteLine($"  drain {stages.Drain:N0}   features {stages.Features:N0}   inference {stages.Inference:N0}   training step {stages.Training:N0}");
            output.WriteLine($"  train window (drain + features + training) {stages.TrainWindow:N0};  detect window (drain + features + inference) {stages.DetectWindow:N0}");
            output.WriteLine();
            output.WriteLine("| target | sensor | rate | window every | train window | keeps up | detect window | keeps up |");
            output.WriteLine("|---|---|---:|---:|---:|---|---:|---|");
            foreach (KeepUp row in table)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {row.Target} | {row.Sensor} | {row.SampleRateHz} Hz | {row.WindowPeriodUs / 1000.0:0.0} ms | {row.TrainUs / 1000.0:0.0} ms | {(row.TrainKeepsUp ? "yes" : "no")} | {row.DetectUs / 1000.0:0.0} ms | {(row.DetectKeepsUp ? "yes" : "no")} |"));
            }

            output.WriteLine();
            output.WriteLine("At one instruction per cycle: flash wait states and cache misses only make it slower. A window that");
            output.WriteLine("arrives while the last is still being processed waits in the ring; when the ring overflows, samples are");
            output.WriteLine("dropped and counted (the WindowsDropped counter). The native SPI transfer time is not included.");
            return 0;
        });
        return command;
    }
}
