// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using TinTin.Bench;
using TinTin.Bench.Data;
using TinTin.Bench.Device;
using TinTin.Bench.Models;
using TinTin.Bench.Output;
using TinTin.Bench.Training;
using TinTin.Data;
using TinTin.Firmware.Core.App;

namespace TinTin.Cli.Commands;

/// <summary>What <c>tintin bench --device PORT</c> was asked.</summary>
/// <param name="Port">The board's serial port or the simulator's pseudo-terminal.</param>
/// <param name="Task">The task (cwru only).</param>
/// <param name="Model">The model, or null for the firmware's.</param>
/// <param name="Mode">tintin, niti or all (both integer modes).</param>
/// <param name="Epochs">Epochs, or null for the model's.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Data">The data folder, or null.</param>
/// <param name="Limit">Windows per split, or null for all.</param>
/// <param name="Json">JSON lines instead of the table.</param>
/// <param name="TimeoutSeconds">Seconds to wait for any one answer.</param>
/// <param name="HostOnlyOptions">Whether a host-only option (--save, --plots, sweeps) was given.</param>
public sealed record DeviceBenchRequest(
    string Port, string Task, string? Model, string Mode, int? Epochs, uint Seed, string? Data, int? Limit, bool Json, double TimeoutSeconds, bool HostOnlyOptions);

/// <summary>
/// <c>tintin bench --device PORT</c>: the CWRU benchmark trained on a board (or the simulator) over the link, hardware
/// in the loop (<see cref="DeviceBenchRunner"/>); prints the host benchmark's table or JSON plus the board's counters.
/// </summary>
public static class DeviceBenchCommand
{
    /// <summary>Runs the request.</summary>
    /// <param name="request">What was asked.</param>
    /// <param name="output">Results.</param>
    /// <param name="error">Progress and problems.</param>
    /// <returns>The exit code.</returns>
    public static int Execute(DeviceBenchRequest request, TextWriter output, TextWriter error)
    {
        string modelName = request.Model ?? FirmwareSettings.Default().Model;
        BenchModel model;
        try
        {
            model = ModelCatalog.Get(modelName);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(ex.Message);
            return TinTinCommandLine.ExitInvalidInput;
        }

        if (request.Task != "cwru" || model.Task != BenchTask.Cwru || request.Mode == "fp32" || request.Mode == "niti-batch" || request.HostOnlyOptions)
        {
            error.WriteLine("--device trains a CWRU model on the board in tintin or niti mode (--task cwru); niti-batch, --save, --plots, --niti-mu, --niti-batch, --lr-log2 and --decay-every are host-only");
            return TinTinCommandLine.ExitInvalidInput;
        }

        if (request.Epochs is < 1 || request.Limit is < 10 || request.TimeoutSeconds <= 0)
        {
            error.WriteLine("--epochs must be at least 1, --limit at least 10, --device-timeout positive");
            return TinTinCommandLine.ExitInvalidInput;
        }

        BenchMode[] modes = request.Mode == "all" ? [BenchMode.Niti, BenchMode.TinTin] : [BenchModeNames.Parse(request.Mode)];
        var results = new List<BenchResult>();
        try
        {
            CwruRawData data = CwruRawData.Load(request.Data, request.Limit, error);
            error.WriteLine($"{data.Source}: {data.Train.Count} train / {data.Test.Count} test windows, streamed to {request.Port}");
            using var link = new BoardLink(request.Port);
            var conversation = new DeviceConversation(link, TimeSpan.FromSeconds(request.TimeoutSeconds));
            foreach (BenchMode mode in modes)
            {
                int epochs = request.Epochs ?? model.DefaultEpochs;
                string label = $"{model.Name} {mode.Name()} on {request.Port}";

                // The board reports predictions, not losses: one line per epoch with the test accuracy.
                void Report(BenchProgress p)
                {
                    if (p.TestAccuracy is double accuracy)
                    {
                        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: epoch {p.Epoch}/{p.Epochs}  test {accuracy * 100:0.00} %"));
                    }
                }

                (BenchResult result, DeviceFigures device) = DeviceBenchRunner.Run(conversation, model, data, mode, epochs, request.Seed, Report);
                results.Add(result);
                if (request.Json)
                {
                    DeviceJsonReport.Write(result, device, output);
                }
                else
                {
                    error.WriteLine(Describe(device));
                }
            }
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot use the port {request.Port}: {ex.Message}");
            return TinTinCommandLine.ExitInvalidInput;
        }
        catch (DeviceBenchException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }

        if (!request.Json)
        {
            ResultTable.Write(results, output);
        }

        return 0;
    }

    private static string Describe(DeviceFigures d) => string.Create(CultureInfo.InvariantCulture,
        $"board: train step {d.Get(Firmware.Core.Link.CounterId.TrainStepUs)} us {d.Get(Firmware.Core.Link.CounterId.EnergyPerTrainStepUj)} uJ, " +
        $"inference {d.Get(Firmware.Core.Link.CounterId.InferenceUs)} us {d.Get(Firmware.Core.Link.CounterId.EnergyPerInferenceUj)} uJ" +
        $"{(d.Get(Firmware.Core.Link.CounterId.EnergyEstimated) == 1 ? " (estimated)" : string.Empty)}, managed free {d.Get(Firmware.Core.Link.CounterId.ManagedFreeBytes)} bytes, " +
        $"weights crc32 {d.WeightsCrc32:x8}");
}
