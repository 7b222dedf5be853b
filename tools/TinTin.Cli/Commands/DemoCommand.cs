// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TinTin.Cli.Demo;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.App;
using TinTin.Monitor;
using Spectre.Console;
using TinTin.Simulator;

namespace TinTin.Cli.Commands;

/// <summary>
/// <c>tintin demo</c>, the main job: a simulated board (the firmware core against a simulated ADXL345 on synthetic
/// bearing vibration, served on a pseudo-terminal) and the monitor together. The board starts untrained, is taught
/// healthy, inner race, outer race and ball faults by labelled windows, then detects fresh windows; the demo logs
/// every counters frame to CSV, plots them and ends with a summary.
/// </summary>
public static class DemoCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>demo</c> command.</returns>
    public static Command Create()
    {
        var duration = new Option<double?>("--duration") { Description = "End after about this many wall seconds (teaching gets three quarters); default: the whole plan (480 training windows, 100 scored)." };
        var board = new Option<string>("--board") { Description = "The board whose time and energy estimates the simulator uses (tintin boards lists them).", DefaultValueFactory = _ => "ESP32_PSRAM_REV0" };
        var sensor = new Option<string>("--sensor") { Description = "The simulated accelerometer.", DefaultValueFactory = _ => "adxl345" };
        sensor.AcceptOnlyFromAmong(SimulatedSensor.Names);
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic vibration.", DefaultValueFactory = _ => 1 };
        var speed = new Option<double?>("--speed") { Description = "Simulated seconds per wall second (1: a real board's pace; 0: as fast as the host can). Default: 20 with the live view, else 0." };
        var output = new Option<string>("--out") { Description = "Folder for the CSV log and the plots.", DefaultValueFactory = _ => "tintin-demo" };
        var plain = new Option<bool>("--plain") { Description = "Print plain lines even on a terminal (the default when stdout is redirected)." };
        var command = new Command("demo",
            "The main job, no board or data needed: a simulated ESP32 learns to tell bearing faults apart from vibration while " +
            "the monitor watches over a pseudo-terminal. Prints the learning, then a summary (accuracy, energy per step, memory) and the files written.")
        {
            duration, board, sensor, seed, speed, output, plain,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(
            new DemoSettings(parse.GetValue(duration), parse.GetValue(board)!, parse.GetValue(sensor)!, parse.GetValue(seed), parse.GetValue(speed), parse.GetValue(output)!, parse.GetValue(plain)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellation)));
        return command;
    }

    private static int Execute(DemoSettings settings, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        BoardTarget target;
        try
        {
            target = BoardTarget.Find(settings.Board);
        }
        catch (ArgumentException unknown)
        {
            error.WriteLine(unknown.Message + "; known: " + string.Join(", ", Array.ConvertAll(BoardTarget.All(), t => t.Name)));
            return TinTinCommandLine.ExitInvalidInput;
        }

        if (settings.DurationSeconds is <= 0 || settings.Speed is < 0)
        {
            error.WriteLine("--duration must be positive and --speed 0 or more");
            return TinTinCommandLine.ExitInvalidInput;
        }

        // The live view needs a real terminal: tests and pipes pass another writer, or redirect stdout.
        bool live = !settings.Plain && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        DemoPlan plan = DemoPlan.Default;
        Directory.CreateDirectory(settings.OutputFolder);
        string csvPath = Path.GetFullPath(Path.Combine(settings.OutputFolder, "demo-counters.csv"));
        output.WriteLine("measuring the firmware stages with the interpreter-cost counter...");
        var options = new SimulationOptions
        {
            Board = target.Name,
            Sensor = settings.Sensor,
            Seed = settings.Seed,
            Speed = settings.Speed ?? (live ? 20 : 0),
            ManagedHeapBytes = ManifestDefaults.Heap(target.Name),
            Estimate = StageEstimate.Measure(target),
        };

        BoardSimulation simulation;
        try
        {
            simulation = new BoardSimulation(options);
        }
        catch (PlatformNotSupportedException unsupported)
        {
            error.WriteLine("the demo's simulated board needs a pseudo-terminal: " + unsupported.Message);
            return 1;
        }

        using var owned = simulation;
        plan.Validate(simulation.Core.Loop.Model.Spec.Output.Size);
        output.WriteLine(Invariant($"simulated {target.Name} with an {settings.Sensor} at {simulation.Sensor.SampleRateHz} Hz on {simulation.PortPath}; the board starts untrained ({simulation.Core.Loop.Model.Spec.Output.Size}-class model {FirmwareSettings.Default().Model}), is taught {string.Join(", ", plan.Names)} by labelled windows, then detects"));

        using var csv = new CounterCsvLog(csvPath);
        using var session = new LinkSession(simulation.PortPath);
        using var driver = new DemoDriver(session, plan);
        var history = new CounterHistory();
        session.Counters += (info, counters) =>
        {
            lock (csv)
            {
                csv.Write(info.HostUtc, info.TimestampUs, info.Sequence, counters);
            }
        };
        MonitorView? view = live ? new MonitorView(session, history, new MonitorViewOptions { OutputFolder = Path.GetFullPath(settings.OutputFolder) }) : null;
        if (view is null)
        {
            session.Counters += (info, counters) => history.Add(info.TimestampUs, counters);
            PrintProgress(driver, plan, output);
        }
        else
        {
            driver.PhaseChanged += phase => view.State.SetCommandStatus("demo: " + phase);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        session.Start();
        var board = new Thread(() => simulation.Run(stop.Token)) { IsBackground = true, Name = "simulated board" };
        board.Start();
        DateTime start = DateTime.UtcNow;
        DateTime? endAt = settings.DurationSeconds is null ? null : start.AddSeconds(settings.DurationSeconds.Value);
        DateTime? teachUntil = settings.DurationSeconds is null ? null : start.AddSeconds(settings.DurationSeconds.Value * 0.75);
        DemoOutcome? outcome = null;
        Exception? failure = null;
        var teacher = new Thread(() =>
        {
            try
            {
                outcome = driver.Run(teachUntil, endAt, stop.Token);
            }
            catch (DemoException ex)
            {
                failure = ex;
            }
            finally
            {
                // The view runs until the demo ends; a short pause lets it draw the final counters.
                Thread.Sleep(view is null ? 0 : 1000);
                stop.Cancel();
            }
        })
        { IsBackground = true, Name = "demo teacher" };
        teacher.Start();
        if (view is not null)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            view.Run(console, stop.Token, readKeys: false);
        }

        teacher.Join();
        stop.Cancel();
        board.Join();
        if (failure is not null || outcome is null)
        {
            error.WriteLine("the demo stopped: " + (failure?.Message ?? "cancelled"));
            return 1;
        }

        var files = new List<string> { csvPath };
        files.AddRange(CounterPlot.Write(history, Path.Combine(Path.GetFullPath(settings.OutputFolder), "demo-plot")));
        output.WriteLine();
        output.Write(DemoSummary.Format(outcome, target.Name, options.ManagedHeapBytes, files));
        return 0;
    }

    // Without the live view: a line per round of teaching and per condition detected.
    private static void PrintProgress(DemoDriver driver, DemoPlan plan, TextWriter output)
    {
        driver.RoundCompleted += (round, accuracy) =>
        {
            CountersSnapshot c = driver.Counters;
            output.WriteLine(Invariant($"round {round + 1,2} of {plan.Rounds}: {accuracy * 100,5:0.0} % right before training; board: prequential {c.PrequentialPerMille / 10.0:0.0} %, {c.TrainingSteps} steps, {c.TrainStepUs / 1000.0:0.0} ms and {c.TrainStepUj} µJ per step ({(c.EnergyEstimated ? "estimated" : "measured")})"));
        };
        driver.PhaseChanged += phase =>
        {
            if (phase.StartsWith("detecting", StringComparison.Ordinal) && phase.Contains("visit 1 ", StringComparison.Ordinal))
            {
                output.WriteLine(phase);
            }
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record DemoSettings(double? DurationSeconds, string Board, string Sensor, int Seed, double? Speed, string OutputFolder, bool Plain);
}
