// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using System.Text;
using System.Text.Json;
using TinTin.Bench.Training;

namespace TinTin.Bench.Output;

/// <summary>
/// One JSON object per run, on one line (JSON Lines), with the keys docs/results.md and the issue
/// name: task, model, mode, engine, batch_size, seed, epochs, samples, test_accuracy, memory_bytes{weights, activations,
/// gradients, scratch, total}, macs_per_sample, il_cost_per_sample, host_us_per_sample,
/// alloc_bytes_per_step, weights_crc32, and the per-epoch curve and confusion matrix behind the plots.
/// </summary>
public static class JsonReport
{
    /// <summary>Writes one run as a single line of JSON.</summary>
    /// <param name="result">The run.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(BenchResult result, TextWriter writer)
    {
        writer.WriteLine(ToJson(result));
    }

    /// <summary>One run as a JSON object.</summary>
    /// <param name="result">The run.</param>
    /// <returns>The JSON text (no newline).</returns>
    public static string ToJson(BenchResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("task", result.Task);
            json.WriteString("model", result.Model);
            json.WriteString("mode", result.Mode.Name());
            json.WriteString("engine", result.Engine.Name());
            json.WriteNumber("batch_size", result.BatchSize);
            json.WriteNumber("seed", result.Seed);
            json.WriteNumber("epochs", result.Epochs);
            json.WriteNumber("samples", result.SamplesSeen);
            json.WriteNumber("train_samples", result.TrainSamples);
            json.WriteNumber("test_samples", result.TestSamples);
            json.WriteNumber("test_accuracy", result.TestAccuracy);
            json.WriteStartObject("memory_bytes");
            json.WriteNumber("weights", result.Memory.Weights);
            json.WriteNumber("activations", result.Memory.Activations);
            json.WriteNumber("gradients", result.Memory.Gradients);
            json.WriteNumber("scratch", result.Memory.Scratch);
            json.WriteNumber("total", result.Memory.Total);
            json.WriteEndObject();
            json.WriteNumber("macs_per_sample", result.MacsPerSample);
            if (result.IlCostPerSample is double cost)
            {
                json.WriteNumber("il_cost_per_sample", System.Math.Round(cost));
            }
            else
            {
                json.WriteNull("il_cost_per_sample");
            }

            if (result.IlCostPerInference is double inference)
            {
                json.WriteNumber("il_cost_per_inference", System.Math.Round(inference));
            }
            else
            {
                json.WriteNull("il_cost_per_inference");
            }

            WriteDeviceTimes(json, "est_ms_per_sample", result.IlCostPerSample);
            WriteDeviceTimes(json, "est_ms_per_inference", result.IlCostPerInference);
            json.WriteNumber("il_cost_samples", result.IlCostSamples);
            json.WriteNumber("il_cost_warmup", result.IlCostWarmup);
            json.WriteNumber("host_us_per_sample", System.Math.Round(result.HostMicrosecondsPerSample, 2));
            json.WriteNumber("alloc_bytes_per_step", result.AllocatedBytesPerStep);
            json.WriteString("weights_crc32", result.WeightsCrc32.ToString("x8"));
            json.WriteString("last_rate", result.LastRate);
            json.WriteStartArray("epoch_test_accuracy");
            foreach (double a in result.EpochTestAccuracy)
            {
                json.WriteNumberValue(a);
            }

            json.WriteEndArray();
            json.WriteStartArray("epoch_loss");
            foreach (double l in result.EpochLoss)
            {
                json.WriteNumberValue(System.Math.Round(l, 6));
            }

            json.WriteEndArray();
            json.WriteStartArray("classes");
            foreach (string name in result.ClassNames)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartArray("confusion");
            foreach (int[] row in result.Confusion)
            {
                json.WriteStartArray();
                foreach (int n in row)
                {
                    json.WriteNumberValue(n);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // Estimated milliseconds per board (Cost.DeviceTime), or null when the cost was not measured.
    private static void WriteDeviceTimes(System.Text.Json.Utf8JsonWriter json, string name, double? instructions)
    {
        if (instructions is not double cost)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (TinTin.Firmware.Core.BoardTarget board in Cost.DeviceTime.Boards)
        {
            json.WriteNumber(board.Name, System.Math.Round(Cost.DeviceTime.Milliseconds(cost, board), 3));
        }

        json.WriteEndObject();
    }
}
