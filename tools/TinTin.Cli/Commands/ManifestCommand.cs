// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.CommandLine;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TinTin.Manifest;

namespace TinTin.Cli.Commands;

/// <summary><c>tintin manifest [--path DIR] [--json]</c>: load, merge and validate nanoFramework.json, then print it.</summary>
public static class ManifestCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>manifest</c> command.</returns>
    public static Command Create()
    {
        var pathOption = new Option<string?>("--path")
        {
            Description = "The repository root (or the nanoFramework.json file). Default: found by walking up from the current folder.",
            HelpName = "DIR",
        };
        var jsonOption = new Option<bool>("--json")
        {
            Description = "Print the effective (merged) manifest as JSON instead of a summary.",
        };

        var command = new Command("manifest", "Validate nanoFramework.json (with nanoFramework.local.json merged over it) and print targets, firmware, packages, pins and the data link.");
        command.Options.Add(pathOption);
        command.Options.Add(jsonOption);
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(pathOption),
            parseResult.GetValue(jsonOption),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(string? path, bool json, TextWriter output, TextWriter error)
    {
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

        if (json)
        {
            output.WriteLine(ToJson(manifest));
        }
        else
        {
            ManifestSummary.Write(manifest, output);
        }

        return 0;
    }

    private static string ToJson(NanoManifest manifest)
    {
        var document = new JsonObject
        {
            ["baseFile"] = manifest.Sources.BaseFile,
            ["localFile"] = manifest.Sources.LocalFile,
            ["effective"] = manifest.Sources.Effective.DeepClone(),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
