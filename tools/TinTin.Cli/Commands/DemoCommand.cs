// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using TinTin.Cli.Demo;
using TinTin.Description;
using TinTin.Firmware.Core.Learning;
using TinTin.Training;

namespace TinTin.Cli.Commands;

/// <summary>
/// <c>tintin demo</c>: trains an integer network on built-in synthetic vibration windows with the
/// same library code the device runs, in Tin-Tin and NITI mode, and prints what it learned.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var modeOption = new Option<string>("--mode") { Description = "tintin, niti or both", DefaultValueFactory = _ => "both" };
        modeOption.AcceptOnlyFromAmong("tintin", "niti", "both");
        var epochsOption = new Option<int>("--epochs") { Description = "passes over the training windows", DefaultValueFactory = _ => 6 };
        var seedOption = new Option<uint>("--seed") { Description = "seed of the data and of the model", DefaultValueFactory = _ => 1 };
        var samplesOption = new Option<int>("--samples") { Description = "training windows (the test set is a quarter of it)", DefaultValueFactory = _ => 2400 };

        var command = new Command("demo", "Train an int8 network on built-in synthetic vibration windows (no board, no data download).")
        {
            modeOption, epochsOption, seedOption, samplesOption,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(modeOption)!, parse.GetValue(epochsOption), parse.GetValue(seedOption), parse.GetValue(samplesOption),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>The demo network: 64 samples -> 32 -> 4 classes.</summary>
    public static ModelSpec Network(int length) => new ModelSpec(Shape.Vector(length)).Dense(32).ReLU().Dense(ToneDataset.ClassCycles.Length);

    private static int Execute(string mode, int epochs, uint seed, int samples, TextWriter output, TextWriter error)
    {
        if (epochs < 1 || samples < 8)
        {
            error.WriteLine("--epochs must be at least 1 and --samples at least 8");
            return TinTinCommandLine.ExitInvalidInput;
        }

        const int Length = 64;
        var train = new ToneDataset(samples, Length, seed);
        var test = new ToneDataset(Math.Max(samples / 4, 4), Length, seed + 0x9E3779B9u);
        output.WriteLine($"Synthetic vibration windows: {Length} int8 samples, {ToneDataset.ClassCycles.Length} classes (tones at {string.Join(", ", ToneDataset.ClassCycles)} cycles/window), {train.Count} train / {test.Count} test, seed {seed}.");
        output.WriteLine($"Network: {Describe(Network(Length))}");

        foreach (var trainingMode in mode == "both" ? new[] { TrainingMode.TinTin, TrainingMode.Niti } : new[] { mode == "niti" ? TrainingMode.Niti : TrainingMode.TinTin })
        {
            var options = new TrainingOptions { Mode = trainingMode, Seed = seed, InitialUpscale = trainingMode == TrainingMode.TinTin };
            var model = new Model(Network(Length), options);
            var loop = new LearningLoop(model, null, train.Count);
            output.WriteLine();
            output.WriteLine($"{Name(trainingMode)}: memory {model.Plan.TotalBytes} B (weights {model.Plan.WeightBytes}, activations {model.Plan.ActivationBytes}, gradients {model.Plan.GradientBytes}, scratch {model.Plan.ScratchBytes})");
            output.WriteLine("epoch   loss (nats)   train acc   test acc   host us/sample");
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                long loss = 0;
                int correct = 0;
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < train.Count; i++)
                {
                    // The device's loop: predict (scored before the update), then train.
                    if (loop.Step(train.Samples[i], ToneDataset.SampleScale, train.Labels[i]) == train.Labels[i])
                    {
                        correct++;
                    }

                    loss += loop.LastLoss;
                }

                loop.Flush();

                double microseconds = clock.Elapsed.TotalMicroseconds / train.Count;
                output.WriteLine($"{epoch,5}   {loss / (double)train.Count / 65536,11:F4}   {100.0 * correct / train.Count,8:F1} %   {100.0 * Accuracy(model, test),6:F1} %   {microseconds,14:F1}");
            }

            output.WriteLine($"  per layer: {LayerReport(model)}");
        }

        return 0;
    }

    private static double Accuracy(Model model, ToneDataset data)
    {
        int correct = 0;
        for (int i = 0; i < data.Count; i++)
        {
            if (model.Predict(data.Samples[i], ToneDataset.SampleScale) == data.Labels[i])
            {
                correct++;
            }
        }

        return correct / (double)data.Count;
    }

    private static string LayerReport(Model model)
    {
        var parts = new string[model.LayerCount];
        for (int l = 0; l < model.LayerCount; l++)
        {
            var layer = model.GetLayer(l);
            var s = layer.Stats;
            parts[l] = $"{LayerSpec.KindName(layer.Spec.Kind)} macs={s.Macs} saturations={s.Saturations} weight-rescales={s.WeightRescales} out-scale={s.OutputScale}";
        }

        return string.Join("; ", parts);
    }

    private static string Describe(ModelSpec spec)
    {
        var parts = new string[spec.Count];
        for (int l = 0; l < spec.Count; l++)
        {
            parts[l] = spec[l].ToString();
        }

        return string.Join(" | ", parts);
    }

    private static string Name(TrainingMode mode) => mode == TrainingMode.TinTin ? "Tin-Tin" : "NITI";
}
