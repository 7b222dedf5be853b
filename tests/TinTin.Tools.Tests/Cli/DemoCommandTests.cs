// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TinTin.Cli;

namespace TinTin.Tools.Tests.Cli;

/// <summary><c>tintin demo</c>: the main job on built-in data trains in both modes and learns.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public void DemoTrainsBothModesAndLearns()
    {
        (int exit, string output, string error) = Run("demo", "--epochs", "2", "--samples", "600", "--seed", "3");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Tin-Tin: memory", output);
        Assert.Contains("NITI: memory", output);

        // Last epoch of each mode: test accuracy far above chance (6 classes: 16.7 %).
        var lastEpochs = Regex.Matches(output, @"^\s+2\s+[\d.]+\s+[\d.]+ %\s+([\d.]+) %", RegexOptions.Multiline)
            .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, lastEpochs.Count);
        Assert.All(lastEpochs, accuracy => Assert.True(accuracy > 60, $"test accuracy {accuracy} % is not far above chance"));
    }

    [Fact]
    public void DemoIsDeterministicForASeed()
    {
        static string Numbers(string output) => Regex.Replace(output, @"\s+[\d.]+\s*$", "", RegexOptions.Multiline); // drop the timing column
        var first = Run("demo", "--epochs", "1", "--samples", "200", "--seed", "5", "--mode", "tintin").Output;
        var second = Run("demo", "--epochs", "1", "--samples", "200", "--seed", "5", "--mode", "tintin").Output;
        Assert.Equal(Numbers(first), Numbers(second));
    }

    [Fact]
    public void DemoRejectsBadArguments()
    {
        Assert.NotEqual(0, Run("demo", "--mode", "fp64").Exit);
        Assert.Equal(TinTinCommandLine.ExitInvalidInput, Run("demo", "--epochs", "0").Exit);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = TinTinCommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
