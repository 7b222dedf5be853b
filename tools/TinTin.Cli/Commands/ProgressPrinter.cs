// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Globalization;
using System.IO;
using TinTin.Bench;

namespace TinTin.Cli.Commands;

/// <summary>
/// Shows training progress on the error stream (stdout stays clean for tables and JSON): a line per
/// epoch, and a percentage that rewrites itself when the error stream is a terminal.
/// </summary>
/// <param name="error">The error stream.</param>
/// <param name="label">What is being trained, e.g. <c>mnist-mlp tintin</c>.</param>
public sealed class ProgressPrinter(TextWriter error, string label)
{
    private readonly bool _interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Reports one progress event.</summary>
    /// <param name="progress">The event.</param>
    public void Report(BenchProgress progress)
    {
        if (progress.TestAccuracy is double accuracy)
        {
            string line = string.Create(
                CultureInfo.InvariantCulture,
                $"{label}: epoch {progress.Epoch}/{progress.Epochs}  loss {progress.Loss:0.0000} nats  test {accuracy * 100:0.00} %");
            error.WriteLine(_interactive ? "\r" + line.PadRight(70) : line);
        }
        else if (_interactive)
        {
            error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{label}: epoch {progress.Epoch}/{progress.Epochs}  {100 * progress.Done / progress.Total,3} %"));
        }
    }
}
