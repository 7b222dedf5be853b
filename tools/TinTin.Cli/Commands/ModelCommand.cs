// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.CommandLine;
using System.IO;
using TinTin.Bench.Training;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Persistence;
using TinTin.Training;

namespace TinTin.Cli.Commands;

/// <summary><c>tintin model info FILE</c>: what a saved model file holds.</summary>
public static class ModelCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>model</c> command with its <c>info</c> subcommand.</returns>
    public static Command Create()
    {
        var fileArgument = new Argument<string>("FILE") { Description = "a model file written by `tintin bench --save` or by the device" };
        var info = new Command("info", "Print a saved model's architecture, scale exponents, training state, memory plan and checksums.") { fileArgument };
        info.SetAction(parse => Info(parse.GetValue(fileArgument)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return new Command("model", "Inspect model files.") { info };
    }

    private static int Info(string path, TextWriter output, TextWriter error)
    {
        Model model;
        byte[] bytes;
        try
        {
            model = ModelFileIo.Load(path, out bytes);
        }
        catch (ModelFileException ex)
        {
            error.WriteLine($"{path}: not a valid model file: {ex.Message}");
            return TinTinCommandLine.ExitInvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: cannot read: {ex.Message}");
            return TinTinCommandLine.ExitInvalidInput;
        }

        TrainingOptions o = model.Options;
        output.WriteLine($"file         {path} ({bytes.Length} bytes, format version {ModelFile.FormatVersion}, CRC-32 {ModelFileIo.StoredChecksum(bytes):x8} verified)");
        output.WriteLine($"input        {model.Spec.Input}");
        output.WriteLine($"training     mode {(o.Mode == TrainingMode.TinTin ? "tintin" : "niti")}, learning rate {o.LearningRate}, mu {o.MuBits}, batch {o.BatchSize}, seed {o.Seed}, initial upscale {(o.InitialUpscale ? "on" : "off")}");
        output.WriteLine($"state        {model.Samples} samples trained, {model.PendingSamples} pending, PRNG state {model.Random.State:x8}");
        MemoryPlan plan = model.Plan;
        output.WriteLine($"memory       {plan.TotalBytes} B (weights {plan.WeightBytes}, activations {plan.ActivationBytes}, gradients {plan.GradientBytes}, scratch {plan.ScratchBytes})");
        output.WriteLine("layers");
        for (int l = 0; l < model.LayerCount; l++)
        {
            Layer layer = model.GetLayer(l);
            string line = $"  {l,2}  {layer.Spec}";
            if (layer is WeightedLayer weighted)
            {
                line += $"  weights {weighted.WeightCount} at {weighted.WeightScale}";
                if (weighted.Biases != null)
                {
                    line += $", biases {weighted.Biases.Length} at {weighted.BiasScale}";
                }
            }

            output.WriteLine(line);
        }

        output.WriteLine($"weights CRC-32 {Checksum.OfWeights(model):x8} (the weights_crc32 of `tintin bench --json`)");
        return 0;
    }
}
