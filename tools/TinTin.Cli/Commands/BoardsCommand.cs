// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TinTin.Manifest;

namespace TinTin.Cli.Commands;

/// <summary>
/// <c>tintin boards [--path DIR] [--json | --markdown]</c>: every target of nanoFramework.json with
/// its core, clock, FPU, managed heap, storage and power, and which catalog models fit for training
/// in Tin-Tin and in FP32 (the planners' bytes against the heap less <see cref="BoardFit.FirmwareReserveBytes"/>).
/// </summary>
public static class BoardsCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>boards</c> command.</returns>
    public static Command Create()
    {
        var pathOption = new Option<string?>("--path")
        {
            Description = "The repository root (or the nanoFramework.json file). Default: found by walking up from the current folder.",
            HelpName = "DIR",
        };
        var jsonOption = new Option<bool>("--json") { Description = "Print the boards and the fits as JSON." };
        var markdownOption = new Option<bool>("--markdown") { Description = "Print the tables as Markdown (the README's Boards section)." };

        var command = new Command("boards", "Print every target's core, clock, FPU, managed heap, storage and power, and which catalog models fit for training in Tin-Tin and in FP32.");
        command.Options.Add(pathOption);
        command.Options.Add(jsonOption);
        command.Options.Add(markdownOption);
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(pathOption),
            parseResult.GetValue(jsonOption),
            parseResult.GetValue(markdownOption),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(string? path, bool json, bool markdown, TextWriter output, TextWriter error)
    {
        if (json && markdown)
        {
            error.WriteLine("Choose one of --json and --markdown.");
            return TinTinCommandLine.ExitInvalidInput;
        }

        string? location = path ?? RepoRoot.TryFind(Environment.CurrentDirectory);
        if (location is null)
        {
            error.WriteLine($"No repository root above {Environment.CurrentDirectory} ({RepoRoot.SolutionFileName} or {ManifestLoader.FileName}); pass --path.");
            return TinTinCommandLine.ExitInvalidInput;
        }

        NanoManifest manifest;
        try
        {
            manifest = ManifestLoader.Load(location);
        }
        catch (ManifestException ex)
        {
            error.WriteLine($"The project manifest is not valid ({ex.Errors.Count} problem(s)):");
            foreach (ManifestError problem in ex.Errors)
            {
                error.WriteLine(problem.ToString());
            }

            return TinTinCommandLine.ExitInvalidInput;
        }

        IReadOnlyList<ModelFootprint> models = BoardFit.CatalogFootprints();
        if (json)
        {
            output.WriteLine(ToJson(manifest, models));
        }
        else if (markdown)
        {
            WriteMarkdown(manifest, models, output);
        }
        else
        {
            WriteText(manifest, models, output);
        }

        return 0;
    }

    private static void WriteText(NanoManifest manifest, IReadOnlyList<ModelFootprint> models, TextWriter output)
    {
        output.WriteLine($"Training memory of the catalog models (batch size 1; the planners' bytes, plus one input sample for the fit):");
        var modelTable = new Table().Border(TableBorder.Simple);
        foreach (string header in new[] { "model", "Tin-Tin plan B", "+ input B", "FP32 network B", "+ input B", "FP32 / Tin-Tin" })
        {
            modelTable.AddColumn(new TableColumn(header).RightAligned());
        }

        modelTable.Columns[0].LeftAligned();
        foreach (ModelFootprint m in models)
        {
            modelTable.AddRow(
                Text(m.Model),
                Text(Count(m.TinTinBytes)),
                Text(Count(m.TinTinNeededBytes - m.TinTinBytes)),
                Text(Count(m.Fp32Bytes)),
                Text(Count(m.Fp32NeededBytes - m.Fp32Bytes)),
                Text(((double)m.Fp32Bytes / m.TinTinBytes).ToString("0.00", CultureInfo.InvariantCulture) + "x"));
        }

        Render(modelTable, output);
        output.WriteLine($"A model fits a board when its bytes (plan + input) are at most the managed heap less {Count(BoardFit.FirmwareReserveBytes)} B kept for the firmware itself.");

        foreach (TargetBoard target in manifest.Targets.Values)
        {
            output.WriteLine();
            string marker = target.Name == manifest.DefaultTarget ? " (default)" : string.Empty;
            output.WriteLine($"{target.Name}{marker}: {target.Board}");
            ManifestSummary.WriteFigures(target, "  ", output);
            output.WriteLine($"  budget   {Count(BoardFit.Budget(target))} bytes for a model ({Count(target.Heap.Bytes)} - {Count(BoardFit.FirmwareReserveBytes)} reserve)");

            var fitTable = new Table().Border(TableBorder.Simple);
            foreach (string header in new[] { "model", "Tin-Tin B", "Tin-Tin", "FP32 B", "FP32" })
            {
                fitTable.AddColumn(new TableColumn(header).RightAligned());
            }

            fitTable.Columns[0].LeftAligned();
            foreach (ModelFootprint m in models)
            {
                fitTable.AddRow(
                    Text(m.Model),
                    Text(Count(m.TinTinNeededBytes)),
                    Text(FitWord(BoardFit.Fits(m.TinTinNeededBytes, target))),
                    Text(Count(m.Fp32NeededBytes)),
                    Text(FitWord(BoardFit.Fits(m.Fp32NeededBytes, target))));
            }

            Render(fitTable, output);
        }
    }

    private static void WriteMarkdown(NanoManifest manifest, IReadOnlyList<ModelFootprint> models, TextWriter output)
    {
        output.WriteLine("| target | core, clock | FPU | managed heap | storage / checkpoints | power active / idle |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (TargetBoard t in manifest.Targets.Values)
        {
            string power = FormattableString.Invariant($"{t.Power.ActiveMilliwatts:0.#} / {t.Power.IdleMilliwatts:0.#} mW");
            output.WriteLine($"| `{t.Name}` | {t.Cpu.Core}, {t.Cpu.ClockMhz} MHz | {(t.Cpu.Fpu ? "yes" : "no")} | {Count(t.Heap.Bytes)} B ({t.Heap.Kind}) | {ManifestSummary.DescribeStorage(t.Storage)} | {power} |");
        }

        output.WriteLine();
        output.WriteLine($"Bytes to train each catalog model at batch size 1 (planner's bytes + one input sample), and whether they fit the managed heap less the {Count(BoardFit.FirmwareReserveBytes)} B firmware reserve (yes / no):");
        output.WriteLine();
        string targetHeaders = string.Concat(manifest.Targets.Values.Select(t => $" `{t.Name}` ({Count(BoardFit.Budget(t))} B) |"));
        output.WriteLine($"| model | Tin-Tin B | FP32 B |{targetHeaders}");
        output.WriteLine($"|---|---:|---:|{string.Concat(manifest.Targets.Values.Select(_ => "---|"))}");
        foreach (ModelFootprint m in models)
        {
            string cells = string.Concat(manifest.Targets.Values.Select(t =>
                $" Tin-Tin {YesNo(BoardFit.Fits(m.TinTinNeededBytes, t))}, FP32 {YesNo(BoardFit.Fits(m.Fp32NeededBytes, t))} |"));
            output.WriteLine($"| {m.Model} | {Count(m.TinTinNeededBytes)} | {Count(m.Fp32NeededBytes)} |{cells}");
        }
    }

    private static string ToJson(NanoManifest manifest, IReadOnlyList<ModelFootprint> models)
    {
        var modelArray = new JsonArray();
        foreach (ModelFootprint m in models)
        {
            modelArray.Add(new JsonObject
            {
                ["model"] = m.Model,
                ["tintin"] = new JsonObject
                {
                    ["planBytes"] = m.TinTinBytes,
                    ["weightBytes"] = m.TinTin.WeightBytes,
                    ["activationBytes"] = m.TinTin.ActivationBytes,
                    ["gradientBytes"] = m.TinTin.GradientBytes,
                    ["scratchBytes"] = m.TinTin.ScratchBytes,
                    ["inputBytes"] = m.TinTin.InputBytes,
                    ["neededBytes"] = m.TinTinNeededBytes,
                },
                ["fp32"] = new JsonObject
                {
                    ["networkBytes"] = m.Fp32Bytes,
                    ["inputBytes"] = m.Fp32NeededBytes - m.Fp32Bytes,
                    ["neededBytes"] = m.Fp32NeededBytes,
                },
            });
        }

        var targetArray = new JsonArray();
        foreach (TargetBoard t in manifest.Targets.Values)
        {
            var fits = new JsonArray();
            foreach (ModelFootprint m in models)
            {
                fits.Add(new JsonObject
                {
                    ["model"] = m.Model,
                    ["tintin"] = BoardFit.Fits(m.TinTinNeededBytes, t),
                    ["fp32"] = BoardFit.Fits(m.Fp32NeededBytes, t),
                });
            }

            targetArray.Add(new JsonObject
            {
                ["name"] = t.Name,
                ["default"] = t.Name == manifest.DefaultTarget,
                ["board"] = t.Board,
                ["platform"] = t.Platform,
                ["cpu"] = new JsonObject { ["core"] = t.Cpu.Core, ["clockMhz"] = t.Cpu.ClockMhz, ["fpu"] = t.Cpu.Fpu },
                ["managedHeap"] = new JsonObject { ["bytes"] = t.Heap.Bytes, ["kind"] = t.Heap.Kind, ["from"] = t.Heap.From },
                ["storage"] = t.Storage is null
                    ? null
                    : new JsonObject { ["fileSystem"] = t.Storage.FileSystem, ["bytes"] = t.Storage.Bytes, ["medium"] = t.Storage.Medium },
                ["checkpoints"] = t.Storage is null ? "disabled" : "enabled",
                ["power"] = new JsonObject
                {
                    ["activeMilliwatts"] = t.Power.ActiveMilliwatts,
                    ["idleMilliwatts"] = t.Power.IdleMilliwatts,
                    ["voltage"] = t.Power.Voltage,
                    ["source"] = t.Power.Source,
                },
                ["sensors"] = new JsonArray(t.Sensors.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["modelBudgetBytes"] = BoardFit.Budget(t),
                ["fits"] = fits,
            });
        }

        var document = new JsonObject
        {
            ["manifest"] = manifest.Sources.BaseFile,
            ["firmwareReserveBytes"] = BoardFit.FirmwareReserveBytes,
            ["batchSize"] = 1,
            ["models"] = modelArray,
            ["targets"] = targetArray,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static void Render(Table table, TextWriter output) => PlainTable.Write(table, output, 200);

    private static Text Text(string value) => new(value);

    private static string FitWord(bool fits) => fits ? "fits" : "does not fit";

    private static string YesNo(bool fits) => fits ? "yes" : "no";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
