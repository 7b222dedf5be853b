// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.CommandLine;
using System.Globalization;
using System.IO;
using Spectre.Console;
using TinTin.Bench.Cost;

namespace TinTin.Cli.Commands;

/// <summary>
/// <c>tintin kernel-cost</c>: the interpreter cost per call of every catalog Dense layer's forward by
/// each loop over weights stored eight to a long (lib-tintin/Training/PackedDense.cs), on random weights
/// and inputs with the layer's usual share of zero inputs, and which loop the planner gives the layer.
/// All give the same sums.
/// </summary>
public static class KernelCostCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>kernel-cost</c> command.</returns>
    public static Command Create()
    {
        var callsOption = new Option<int>("--calls") { Description = "inputs per layer the cost is averaged over", DefaultValueFactory = _ => 8, HelpName = "N" };
        var seedOption = new Option<uint>("--seed") { Description = "seed of the weights and inputs", DefaultValueFactory = _ => 1 };
        var command = new Command("kernel-cost", "Print the interpreter cost per call of each catalog Dense layer's forward by each of its loops, and which one the layer runs.")
        {
            callsOption, seedOption,
        };
        command.SetAction(parse => Execute(parse.GetValue(callsOption), parse.GetValue(seedOption), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(int calls, uint seed, TextWriter output, TextWriter error)
    {
        if (calls < 1)
        {
            error.WriteLine("--calls must be at least 1");
            return TinTinCommandLine.ExitInvalidInput;
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (string header in new[] { "model", "layer", "inputs x outputs", "zero inputs", "two per multiply", "eight per load", "one at a time", "the layer runs" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        table.Columns[0].LeftAligned();
        foreach (DenseKernelRow row in DenseKernelCost.MeasureCatalog(calls, seed))
        {
            table.AddRow(
                row.Model,
                row.Layer.ToString(CultureInfo.InvariantCulture),
                $"{row.Inputs} x {row.Outputs}",
                $"{row.ZeroPercent} %",
                Cost(row.PackedInput),
                Cost(row.EightPerLoad),
                Cost(row.OneAtATime),
                row.Granted ? "two per multiply" : (row.EightPerLoad is null ? "one at a time" : "eight per load"));
        }

        PlainTable.Write(table, output, 160);
        output.WriteLine($"estimated nanoCLR instructions per call, mean over {calls} random inputs (seed {seed}); the loops' sums agree bit for bit");
        return 0;
    }

    private static string Cost(double? cost) => cost is null ? "-" : cost.Value.ToString("N0", CultureInfo.InvariantCulture);
}
