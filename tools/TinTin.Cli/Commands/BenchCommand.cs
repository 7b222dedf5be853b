// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using TinTin.Bench;
using TinTin.Bench.Cost;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Bench.Output;
using TinTin.Bench.Training;
using TinTin.Data;

namespace TinTin.Cli.Commands;

/// <summary>
/// <c>tintin bench</c>: trains the evaluation's models on real data in FP32, NITI and Tin-Tin mode
/// and reports accuracy, memory, MACs, interpreter cost, host time and allocations (docs/results.md).
/// </summary>
public static class BenchCommand
{
    /// <summary>The largest <c>--niti-batch</c> (larger batches would leave a few updates per epoch on these data sets).</summary>
    public const int MaxNitiBatch = 1 << 16;

    /// <summary>Creates the command.</summary>
    /// <returns>The <c>bench</c> command.</returns>
    public static Command Create()
    {
        var taskOption = new Option<string>("--task") { Description = "mnist or cwru", Required = true };
        taskOption.AcceptOnlyFromAmong("mnist", "cwru");
        var modelOption = new Option<string?>("--model") { Description = $"one of {string.Join(", ", ModelCatalog.Names)} (default: every model of the task)" };
        modelOption.AcceptOnlyFromAmong([.. ModelCatalog.Names]);
        var modeOption = new Option<string>("--mode") { Description = "fp32, niti, niti-batch, tintin or all (all: fp32, niti and tintin)", DefaultValueFactory = _ => "all" };
        modeOption.AcceptOnlyFromAmong([.. BenchModeNames.Names, "all"]);
        var epochsOption = new Option<int?>("--epochs") { Description = "passes over the training split (default: the model's, see docs/results.md)" };
        var seedOption = new Option<uint>("--seed") { Description = "seed of the initial weights, the rounding and the sample order", DefaultValueFactory = _ => 1 };
        var seedsOption = new Option<string?>("--seeds") { Description = "run every model and mode once per seed (e.g. 1,2,3) and add a table of mean ± standard deviation over them (instead of --seed)", HelpName = "S1,S2,..." };
        var dataOption = new Option<string?>("--data") { Description = "the data folder holding mnist/ and cwru/ (default: $TINTIN_DATA, then ../shared/data)", HelpName = "DIR" };
        var limitOption = new Option<int?>("--limit") { Description = "use N training and N test samples, evenly spread over each split (smoke runs)", HelpName = "N" };
        var jsonOption = new Option<bool>("--json") { Description = "one JSON object per run on stdout instead of the table" };
        var saveOption = new Option<string?>("--save") { Description = "write the trained integer model to FILE (one mode, one model)", HelpName = "FILE" };
        var plotsOption = new Option<string?>("--plots") { Description = "write SVG plots (accuracy per epoch per mode, confusion matrices) to DIR", HelpName = "DIR" };
        var costOption = new Option<int>("--cost-samples") { Description = "training samples the interpreter cost is averaged over (0: skip)", DefaultValueFactory = _ => 20 };
        var warmupOption = new Option<int>("--cost-warmup") { Description = "training samples run before the cost is measured (a fresh model rescales far more than a training one)", DefaultValueFactory = _ => 200, HelpName = "N" };
        var nitiMuOption = new Option<int?>("--niti-mu") { Description = "NITI's mu for this run instead of the model's, in niti and niti-batch mode (0-7; for sweeps; the interpreter cost is measured with the model's own mu)", HelpName = "MU" };
        var nitiBatchOption = new Option<int?>("--niti-batch") { Description = $"the mini-batch of niti-batch mode instead of the model's ({LearningSchedule.PublishedNitiBatchSize}, NITI's published setting); 1 is plain niti", HelpName = "N" };
        var lrOption = new Option<int?>("--lr-log2") { Description = "the first epoch's learning rate as a power of two, instead of the model's (Tin-Tin and FP32; for sweeps)", HelpName = "N" };
        var decayOption = new Option<int?>("--decay-every") { Description = "multiply the learning rate by 0.75 every N epochs instead of the model's (for sweeps)", HelpName = "N" };
        var profileOption = new Option<int>("--cost-profile") { Description = "also print the N methods that cost most in those samples (exclusive interpreter cost)", HelpName = "N" };
        var engineOption = new Option<string>("--engine")
        {
            Description = "the kernels lib-tintin runs on: managed (lib-tintin's C#) or native (lib-tintin/native built with the machine's C compiler, $TINTIN_CC or cc); the same accuracy and weights, another host time. The interpreter cost is counted on managed only: native skips it (--cost-samples 0)",
            DefaultValueFactory = _ => "managed",
        };
        engineOption.AcceptOnlyFromAmong("managed", "native");
        var deviceOption = new Option<string?>("--device")
        {
            Description = "hardware in the loop: train on the board at PORT (or tintin simulate's pseudo-terminal) instead of the host; CWRU, tintin or niti, the board's model (default: the firmware's). Replaces the board's model and leaves it in train mode, unlabelled",
            HelpName = "PORT",
        };
        var patienceOption = new Option<double>("--device-timeout") { Description = "seconds to wait for any one answer of the board", DefaultValueFactory = _ => 60, HelpName = "SECONDS" };

        var command = new Command("bench", "Train the evaluation's models on MNIST or CWRU in FP32, NITI and Tin-Tin mode and measure them.")
        {
            taskOption, modelOption, modeOption, epochsOption, seedOption, seedsOption, dataOption, limitOption, jsonOption, saveOption, plotsOption, costOption, warmupOption, profileOption, nitiMuOption, nitiBatchOption, lrOption, decayOption,
            engineOption, deviceOption, patienceOption,
        };
        command.SetAction(parse => Execute(
            new BenchRequest(
                parse.GetValue(taskOption)!,
                parse.GetValue(modelOption),
                parse.GetValue(modeOption)!,
                parse.GetValue(epochsOption),
                parse.GetValue(seedOption),
                parse.GetValue(seedsOption),
                parse.GetValue(dataOption),
                parse.GetValue(limitOption),
                parse.GetValue(jsonOption),
                parse.GetValue(saveOption),
                parse.GetValue(plotsOption),
                parse.GetValue(costOption),
                parse.GetValue(warmupOption),
                parse.GetValue(profileOption),
                parse.GetValue(nitiMuOption),
                parse.GetValue(nitiBatchOption),
                parse.GetValue(lrOption),
                parse.GetValue(decayOption),
                parse.GetValue(deviceOption),
                parse.GetValue(patienceOption),
                parse.GetValue(engineOption)!,
                parse.GetResult(costOption) is { Implicit: false }),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(BenchRequest request, TextWriter output, TextWriter error)
    {
        BenchEngine engine = BenchEngineNames.Parse(request.Engine);
        if (request.Device is not null)
        {
            if (engine != BenchEngine.Managed)
            {
                error.WriteLine("--engine native runs lib-tintin's native kernels on the host; with --device the board trains (on its own firmware's kernels)");
                return TinTinCommandLine.ExitInvalidInput;
            }

            return DeviceBenchCommand.Execute(request.ToDevice(), output, error);
        }

        int costSamples = request.CostSamples;
        if (engine == BenchEngine.Native && costSamples > 0)
        {
            // The interpreter cost instruments lib-tintin's IL: it exists for the managed kernels only.
            if (request.CostSamplesGiven)
            {
                error.WriteLine("--engine native: the interpreter cost is counted on the managed kernels only; give --cost-samples 0, or measure it with --engine managed");
                return TinTinCommandLine.ExitInvalidInput;
            }

            costSamples = 0;
            error.WriteLine("--engine native: no interpreter cost (it is counted on the managed kernels only; --engine managed measures it)");
        }

        BenchTask task = request.Task == "mnist" ? BenchTask.Mnist : BenchTask.Cwru;
        var models = request.Model is null
            ? ModelCatalog.All.Where(m => m.Task == task).ToList()
            : [ModelCatalog.Get(request.Model)];
        // Sweep overrides of the models' learning settings (the catalog's when not given).
        models = models.Select(m => m with
        {
            Schedule = m.Schedule with
            {
                NitiMuBits = request.NitiMu ?? m.Schedule.NitiMuBits,
                NitiBatchMuBits = request.NitiMu ?? m.Schedule.NitiBatchMuBits,
                NitiBatchSize = request.NitiBatch ?? m.Schedule.NitiBatchSize,
                Log2Rate = request.LrLog2 ?? m.Schedule.Log2Rate,
                DecayEvery = request.DecayEvery ?? m.Schedule.DecayEvery,
            },
        }).ToList();
        if (models.Any(m => m.Task != task))
        {
            error.WriteLine($"model {request.Model} belongs to task {(task == BenchTask.Mnist ? "cwru" : "mnist")}, not {request.Task}");
            return TinTinCommandLine.ExitInvalidInput;
        }

        BenchMode[] modes = request.Mode == "all" ? BenchModeNames.All : [BenchModeNames.Parse(request.Mode)];
        if (request.Epochs is < 1 || request.Limit is < 10 || request.CostSamples < 0 || request.CostWarmup < 0 || request.CostProfile < 0 || request.NitiMu is < 0 or > 7 || request.NitiBatch is < 1 or > MaxNitiBatch || request.DecayEvery is < 1)
        {
            error.WriteLine($"--epochs must be at least 1, --limit at least 10, --cost-samples, --cost-warmup and --cost-profile at least 0, --niti-mu 0 to 7, --niti-batch 1 to {MaxNitiBatch}, --decay-every at least 1");
            return TinTinCommandLine.ExitInvalidInput;
        }

        uint[]? seeds = ParseSeeds(request.Seeds, request.Seed);
        if (seeds is null)
        {
            error.WriteLine($"--seeds {request.Seeds}: give distinct whole numbers separated by commas, e.g. 1,2,3");
            return TinTinCommandLine.ExitInvalidInput;
        }

        if (seeds.Length > 1 && (request.Save is not null || request.Plots is not null))
        {
            error.WriteLine("--save and --plots write one run's files: use them with one seed");
            return TinTinCommandLine.ExitInvalidInput;
        }

        if (request.NitiBatch is not null && !modes.Contains(BenchMode.NitiBatch))
        {
            error.WriteLine("--niti-batch sets the mini-batch of niti-batch mode: give --mode niti-batch");
            return TinTinCommandLine.ExitInvalidInput;
        }

        if (request.Save is not null && (modes.Length != 1 || models.Count != 1 || modes[0] == BenchMode.Fp32))
        {
            error.WriteLine("--save writes one integer model: give one --model and --mode tintin, niti or niti-batch");
            return TinTinCommandLine.ExitInvalidInput;
        }

        var results = new List<BenchResult>();
        try
        {
            ICostMeter? cost = costSamples > 0 ? new InterpreterCostMeter(costSamples, request.CostWarmup, request.CostProfile > 0) : null;
            foreach (var group in models.GroupBy(m => m.Input))
            {
                TaskData data = TaskLoader.Load(task, group.Key, request.Data, request.Limit, error);
                error.WriteLine($"{data.Source}: {data.Train.Count} train / {data.Test.Count} test samples, {data.ClassNames.Count} classes");
                foreach (BenchModel model in group)
                {
                    var modelResults = new List<BenchResult>();
                    foreach ((uint seed, BenchMode mode) in seeds.SelectMany(s => modes.Select(m => (s, m))))
                    {
                        int epochs = request.Epochs ?? model.DefaultEpochs;
                        var progress = new ProgressPrinter(error, seeds.Length > 1 ? $"{model.Name} {mode.Name()} seed {seed}" : $"{model.Name} {mode.Name()}");
                        Trainer? trained = null;
                        BenchResult result = BenchRunner.Run(model, data, mode, epochs, seed, cost, progress.Report, t => trained = t, engine);
                        modelResults.Add(result);
                        if (result.IlCostProfile is { } profile && request.CostProfile > 0)
                        {
                            error.WriteLine($"{model.Name} {mode.Name()}: interpreter cost of {result.IlCostSamples} training steps by method (exclusive, after {request.CostWarmup} warm-up steps)");
                            error.WriteLine(profile.Format(request.CostProfile));
                        }
                        if (request.Json)
                        {
                            JsonReport.Write(result, output);
                        }

                        if (request.Save is not null && trained is IntegerTrainer integer)
                        {
                            ModelFileIo.Save(integer.Model, request.Save);
                            error.WriteLine($"saved {model.Name} ({mode.Name()}) to {request.Save}");
                        }
                    }

                    results.AddRange(modelResults);
                    if (request.Plots is not null)
                    {
                        foreach (string file in PlotWriter.Write(request.Plots, modelResults))
                        {
                            error.WriteLine($"wrote {file}");
                        }
                    }
                }
            }
        }
        catch (TinTin.NativeHost.NativeEngineUnavailableException ex)
        {
            error.WriteLine($"--engine native: {ex.Message}");
            return TinTinCommandLine.ExitInvalidInput;
        }
        catch (DataUnavailableException ex)
        {
            error.WriteLine(ex.Message);
            return TinTinCommandLine.ExitInvalidInput;
        }
        catch (InvalidDataException ex)
        {
            error.WriteLine($"bad data: {ex.Message}");
            return TinTinCommandLine.ExitInvalidInput;
        }

        if (!request.Json)
        {
            ResultTable.Write(results, output);
            if (seeds.Length > 1)
            {
                SeedSummary.Write(SeedSummary.Of(results), output);
            }
        }

        return 0;
    }

    // The seeds to run: --seeds when given (distinct, in order), else --seed; null when --seeds does not parse.
    private static uint[]? ParseSeeds(string? seeds, uint seed)
    {
        if (seeds is null)
        {
            return [seed];
        }

        var parsed = new List<uint>();
        foreach (string part in seeds.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!uint.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out uint s) || parsed.Contains(s))
            {
                return null;
            }

            parsed.Add(s);
        }

        return parsed.ToArray();
    }

    private sealed record BenchRequest(
        string Task, string? Model, string Mode, int? Epochs, uint Seed, string? Seeds, string? Data, int? Limit, bool Json, string? Save, string? Plots, int CostSamples, int CostWarmup, int CostProfile, int? NitiMu, int? NitiBatch, int? LrLog2, int? DecayEvery,
        string? Device, double DeviceTimeout, string Engine, bool CostSamplesGiven)
    {
        public DeviceBenchRequest ToDevice() =>
            new(Device!, Task, Model, Mode, Epochs, Seed, Data, Limit, Json, DeviceTimeout, Save is not null || Plots is not null || NitiMu is not null || NitiBatch is not null || LrLog2 is not null || DecayEvery is not null);
    }
}
