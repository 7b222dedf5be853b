// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using TinTin.Cli.Commands;

namespace TinTin.Cli;

/// <summary>Builds the tintin command tree and runs it; tests call <see cref="Run(string[], TextWriter, TextWriter)"/> in-process.</summary>
public static class TinTinCommandLine
{
    /// <summary>Exit code for a run that found problems in the user's input (invalid manifest, failed checks).</summary>
    public const int ExitInvalidInput = 2;

    /// <summary>The root command with every subcommand (and the built-in --help and --version).</summary>
    /// <returns>A new command tree.</returns>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("TinTin.Nano host tools: integer neural-network training on nanoFramework microcontrollers.");
        foreach (VersionOption version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        root.Subcommands.Add(ManifestCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(KernelCostCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        root.Subcommands.Add(BoardsCommand.Create());
        root.Subcommands.Add(KeepUpCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(MonitorCommand.Create());
        root.Subcommands.Add(SendCommand.Create());
        return root;
    }

    /// <summary>Runs with the process's console.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs with the given output and error writers.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="output">Receives normal output.</param>
    /// <param name="error">Receives errors.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        CreateRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
}
