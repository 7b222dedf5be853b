// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using TinTin.Data;
using TinTin.Firmware.Core;
using TinTin.Manifest;
using TinTin.Simulator;

namespace TinTin.Cli.Commands;

/// <summary>
/// <c>tintin simulate [--sensor adxl345|iis3dwb|mpu6886] [--source synthetic|cwru] [--data DIR] [--board NAME] [--seed N] [--duration SECONDS] [--speed X]</c>:
/// the firmware core on the host against a register-level chip simulator fed by the synthetic bearing source or a replay
/// of the CWRU recordings (resampled to the chip's rate, see <see cref="CwruReplay"/>), serving
/// the link protocol on a pseudo-terminal for <c>tintin monitor</c> or any serial terminal. Time and energy are the
/// chosen board's estimates (interpreter-cost instructions at its clock, its power figures), not host wall time.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>simulate</c> command.</returns>
    public static Command Create()
    {
        var sensor = new Option<string>("--sensor") { Description = "The simulated accelerometer.", DefaultValueFactory = _ => "adxl345" };
        sensor.AcceptOnlyFromAmong(SimulatedSensor.Names);
        var source = new Option<string>("--source")
        {
            Description = "What the chip measures: synthetic (the built-in bearing generator) or cwru (the CWRU drive-end recordings at 0 hp, " +
                "resampled to the chip's rate and measured at its resolution; label k replays CWRU class k).",
            DefaultValueFactory = _ => "synthetic",
        };
        source.AcceptOnlyFromAmong("synthetic", "cwru");
        var data = new Option<string?>("--data") { Description = "With --source cwru: the data folder holding cwru/ (default: $TINTIN_DATA, then ../shared/data)", HelpName = "DIR" };
        var board = new Option<string>("--board") { Description = "The board whose clock and power figures the time and energy estimates use.", DefaultValueFactory = _ => "ESP32_PSRAM_REV0" };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic vibration.", DefaultValueFactory = _ => 1 };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many SIMULATED seconds (at --speed 1 about as many wall seconds); default: until Ctrl+C." };
        var speed = new Option<double>("--speed") { Description = "Simulated seconds per wall second (0: as fast as the host can).", DefaultValueFactory = _ => 1.0 };
        var link = new Option<string?>("--link") { Description = "Also serve the link at this stable path (a symbolic link to the pseudo-terminal, as /dev/serial/by-id gives), which survives a pulled cable.", HelpName = "PATH" };
        var unplug = new Option<double?>("--unplug-every") { Description = "Pull the link's cable every this many wall seconds, for 2 s (the board keeps running; see the monitor reconnect).", HelpName = "SECONDS" };
        var command = new Command("simulate",
            "Run the firmware on the host against a simulated accelerometer and serve the TinTin link on a pseudo-terminal " +
            "(Linux, macOS). The label picks the simulated bearing condition (label k: CWRU class k); with no label the " +
            "condition cycles every 8 windows. Times and energies are estimates for --board: interpreter-cost instructions " +
            "at one per clock cycle, and the board's power figures.");
        command.Options.Add(sensor);
        command.Options.Add(source);
        command.Options.Add(data);
        command.Options.Add(board);
        command.Options.Add(seed);
        command.Options.Add(duration);
        command.Options.Add(speed);
        command.Options.Add(link);
        command.Options.Add(unplug);
        command.SetAction((parse, cancellation) =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            BoardTarget target;
            try
            {
                target = BoardTarget.Find(parse.GetValue(board)!);
            }
            catch (ArgumentException unknown)
            {
                error.WriteLine(unknown.Message + "; known: " + string.Join(", ", Array.ConvertAll(BoardTarget.All(), t => t.Name)));
                return System.Threading.Tasks.Task.FromResult(TinTinCommandLine.ExitInvalidInput);
            }

            double? seconds = parse.GetValue(duration);
            double pace = parse.GetValue(speed);
            double? unplugEvery = parse.GetValue(unplug);
            if (seconds is <= 0 || pace < 0 || unplugEvery is <= 2)
            {
                error.WriteLine("--duration must be positive, --speed 0 or more and --unplug-every more than 2 seconds");
                return System.Threading.Tasks.Task.FromResult(TinTinCommandLine.ExitInvalidInput);
            }

            CwruReplay? replay = null;
            if (parse.GetValue(source) != "cwru" && parse.GetValue(data) is not null)
            {
                error.WriteLine("--data gives the CWRU recordings: use it with --source cwru");
                return System.Threading.Tasks.Task.FromResult(TinTinCommandLine.ExitInvalidInput);
            }

            if (parse.GetValue(source) == "cwru")
            {
                try
                {
                    replay = CwruReplay.Load(parse.GetValue(data));
                }
                catch (DataUnavailableException missing)
                {
                    error.WriteLine(missing.Message);
                    return System.Threading.Tasks.Task.FromResult(TinTinCommandLine.ExitInvalidInput);
                }
                catch (InvalidDataException bad)
                {
                    error.WriteLine($"bad data: {bad.Message}");
                    return System.Threading.Tasks.Task.FromResult(TinTinCommandLine.ExitInvalidInput);
                }
            }

            var options = new SimulationOptions
            {
                Replay = replay,
                Sensor = parse.GetValue(sensor)!,
                Board = target.Name,
                Seed = parse.GetValue(seed),
                ManagedHeapBytes = ManifestDefaults.Heap(target.Name),
                Speed = pace,
                LinkPath = parse.GetValue(link) is { } path ? Path.GetFullPath(path) : null,
            };
            output.WriteLine("measuring the firmware stages with the interpreter-cost counter...");
            options.Estimate = StageEstimate.Measure(target);
            using var simulation = new BoardSimulation(options);
            StageEstimate e = simulation.Estimate;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"serving the TinTin link on {simulation.PortPath}, line {ManifestDefaults.Line(null)} from the manifest's dataLink (a pseudo-terminal ignores the speed) (estimates for {target.Name}: {target.ClockMhz} MHz, one interpreter instruction per cycle; " +
                $"train step {e.TrainStepUs / 1000.0:0.0} ms, inference {e.InferenceUs / 1000.0:0.0} ms, FIFO drain {e.DrainUs / 1000.0:0.0} ms per window; " +
                $"{target.ActiveMicrowatts / 1000.0:0.#} mW active, {target.IdleMicrowatts / 1000.0:0.#} mW idle)"));
            string measured = replay is null ? $"synthetic bearing (seed {options.Seed})" : $"CWRU recordings from {replay.Folder}, resampled to the chip's rate";
            output.WriteLine($"sensor {options.Sensor} at {simulation.Sensor.SampleRateHz} Hz, {measured}; Ctrl+C stops");
            using var stopCable = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            Thread? cable = unplugEvery is null ? null : StartCablePuller(simulation, TimeSpan.FromSeconds(unplugEvery.Value), output, stopCable.Token);
            simulation.Run(cancellation, seconds is null ? null : TimeSpan.FromSeconds(seconds.Value));
            stopCable.Cancel();
            cable?.Join();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"stopped after {simulation.Clock.Microseconds / 1e6:0.0} simulated s: {simulation.Core.Loop.TrainingSteps} training steps, {simulation.Core.Loop.Inferences} inferences, {simulation.DroppedFrames} frames dropped"));
            return System.Threading.Tasks.Task.FromResult(0);
        });
        return command;
    }

    // Pulls the cable every period for two seconds, on its own thread (the board's loop keeps running meanwhile).
    private static Thread StartCablePuller(BoardSimulation simulation, TimeSpan period, TextWriter output, CancellationToken stop)
    {
        var thread = new Thread(() =>
        {
            while (!stop.WaitHandle.WaitOne(period - TimeSpan.FromSeconds(2)))
            {
                simulation.Unplug();
                output.WriteLine($"cable pulled ({simulation.Unplugs}); frames dropped so far {simulation.DroppedFrames}");
                stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(2));
                simulation.Plug();
                output.WriteLine($"cable back on {simulation.PortPath}");
            }
        })
        { IsBackground = true, Name = "cable puller" };
        thread.Start();
        return thread;
    }
}
