// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TinTin.Cli;
using TinTin.Monitor;

namespace TinTin.Tools.Tests.Cli;

/// <summary>
/// <c>tintin demo</c>, the main job: a simulated board on a pseudo-terminal is taught four bearing conditions over
/// the link and then detects them; the monitor's CSV holds every counters frame; the summary reports it.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tintin-demo-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_board_learns_the_four_conditions_and_detects_fresh_windows()
    {
        (int exit, string output, string error) = Run("demo", "--out", _folder);

        Assert.True(exit == 0, error + output);
        Assert.Equal(string.Empty, error);

        // Accuracy climbs: the first round is near chance for 4 of 10 outputs, the last one is not.
        double first = Percent(output, @"^round  1 of 30: +([\d.]+) %");
        double last = Percent(output, @"^round 30 of 30: +([\d.]+) %");
        Assert.True(last >= 90 && last > first, $"round 1 {first} %, round 30 {last} %");

        double detection = Percent(output, @"detection on fresh windows: ([\d.]+) % \((\d+) of 100\)");
        // Host and simulated board run concurrently, so which windows are scored varies a little run to run
        // (94-100 % seen); chance is at most 25 % for the four conditions taught.
        Assert.True(detection >= 80, $"detection accuracy {detection} %");
        Assert.Matches(@"cost per training step: [\d.]+ ms, [1-9]\d* µJ \(estimated\)", output);
        Assert.Matches(@"memory: training plan [1-9][\d.]* KiB", output);

        // The CSV: a header and one row per counters frame, every sequence number once, device time increasing.
        string csv = Path.Combine(_folder, "demo-counters.csv");
        Assert.Contains("wrote " + Path.GetFullPath(csv), output);
        string[] rows = File.ReadAllLines(csv);
        Assert.Equal(string.Join(",", CounterCsvLog.Header), rows[0]);
        Assert.True(rows.Length > 100, $"only {rows.Length - 1} counters rows");
        int[] sequences = rows.Skip(1).Select(r => int.Parse(r.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(sequences.Length, sequences.Distinct().Count());
        long[] deviceUs = rows.Skip(1).Select(r => long.Parse(r.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.True(deviceUs.Zip(deviceUs.Skip(1)).All(p => p.Second > p.First), "device time goes backwards");
    }

    [Fact]
    public void A_duration_ends_the_demo_by_itself_with_a_summary()
    {
        // At the board's own pace (--speed 1) the plan needs minutes; two seconds cut it short.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (int exit, string output, string error) = Run("demo", "--out", _folder, "--duration", "2", "--speed", "1");

        Assert.True(exit == 0, error + output);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 30);
        Assert.Contains("summary (ESP32_PSRAM_REV0", output);
        Assert.DoesNotContain("round 30 of 30", output);
    }

    [Theory]
    [InlineData("--board", "NO_SUCH_BOARD")]
    [InlineData("--duration", "0")]
    [InlineData("--speed", "-1")]
    public void Bad_arguments_are_refused(string option, string value)
    {
        (int exit, _, string error) = Run("demo", "--out", _folder, option, value);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, exit);
        Assert.NotEqual(string.Empty, error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static double Percent(string output, string pattern)
    {
        Match m = Regex.Match(output, pattern, RegexOptions.Multiline);
        Assert.True(m.Success, $"no match for {pattern} in:\n{output}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = TinTinCommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
