// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using System.Text.Json.Nodes;
using TinTin.Bench.Output;
using TinTin.Firmware.Core.Link;

namespace TinTin.Bench.Device;

/// <summary>
/// A device bench run as one JSON line: the host benchmark's object (<see cref="JsonReport"/>, same keys) plus a
/// <c>device</c> object with the board's own counters and the checksum of the model it sent back. Two host figures
/// mean nothing for a board and are null: <c>epoch_loss</c> (the board reports predictions, not losses) and
/// <c>alloc_bytes_per_step</c> (the host's allocations); <c>host_us_per_sample</c> is the wall time per training
/// window through the link; <c>memory_bytes</c> are the board's planned bytes from its counters.
/// </summary>
public static class DeviceJsonReport
{
    /// <summary>Writes one run as a single line of JSON.</summary>
    /// <param name="result">The run as the host benchmark reports it.</param>
    /// <param name="device">The board's figures.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(BenchResult result, DeviceFigures device, TextWriter writer) => writer.WriteLine(ToJson(result, device));

    /// <summary>One run as a JSON object.</summary>
    /// <param name="result">The run as the host benchmark reports it.</param>
    /// <param name="device">The board's figures.</param>
    /// <returns>The JSON text (no newline).</returns>
    public static string ToJson(BenchResult result, DeviceFigures device)
    {
        var json = (JsonObject)JsonNode.Parse(JsonReport.ToJson(result))!;
        var losses = new JsonArray();
        for (int e = 0; e < result.Epochs; e++)
        {
            losses.Add((JsonNode?)null);
        }

        json["epoch_loss"] = losses;
        json["alloc_bytes_per_step"] = null;
        json["device"] = new JsonObject
        {
            ["train_step_us"] = device.Get(CounterId.TrainStepUs),
            ["inference_us"] = device.Get(CounterId.InferenceUs),
            ["train_step_uj"] = device.Get(CounterId.EnergyPerTrainStepUj),
            ["inference_uj"] = device.Get(CounterId.EnergyPerInferenceUj),
            ["energy_uj"] = device.Get(CounterId.EnergyCumulativeUj),
            ["energy_estimated"] = device.Get(CounterId.EnergyEstimated) is long estimated ? estimated != 0 : null,
            ["managed_free_bytes"] = device.Get(CounterId.ManagedFreeBytes),
            ["native_free_bytes"] = device.Get(CounterId.NativeFreeBytes),
            ["native_largest_block_bytes"] = device.Get(CounterId.NativeLargestBlockBytes),
            ["training_steps"] = device.Get(CounterId.TrainingSteps),
            ["prequential_accuracy_permille"] = device.Get(CounterId.PrequentialAccuracyPermille),
            ["prequential_windows"] = device.Get(CounterId.PrequentialWindows),
            ["saturations"] = device.Get(CounterId.Saturations),
            ["rescale_events"] = device.Get(CounterId.RescaleEvents),
            ["link_frames_accepted"] = device.Get(CounterId.LinkFramesAccepted),
            ["link_frames_rejected"] = device.Get(CounterId.LinkFramesRejected),
            ["host_windows"] = device.HostWindows,
            ["model_file_bytes"] = device.ModelFileBytes,
            ["weights_crc32"] = device.WeightsCrc32.ToString("x8"),
        };
        return json.ToJsonString();
    }
}
