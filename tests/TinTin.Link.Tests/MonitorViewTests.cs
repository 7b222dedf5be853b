// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;
using TinTin.Firmware.Core.Link;
using TinTin.Monitor;

namespace TinTin.Link.Tests;

/// <summary>The live view's screen, rendered to Spectre's test console: everything the board reported is on it.</summary>
public class MonitorViewTests
{
    private static readonly CounterId[] AllCounters = Enum.GetValues<CounterId>().Where(id => id != CounterId.None).ToArray();

    [Theory]
    [InlineData(160)]
    [InlineData(100)]
    public void Every_counter_of_the_latest_frame_is_shown_with_its_value(int width)
    {
        var counters = new CountersMessage();
        foreach (CounterId id in AllCounters)
        {
            counters.Set(id, Value(id));
        }

        counters.SetRaw(200, 424242);
        string screen = Render(new MonitorSnapshot { PortPath = "/dev/ttyFAKE", Connected = true, Counters = counters }, width);

        foreach (CounterId id in AllCounters)
        {
            // The value stands right after its name; names may end in an ellipsis on a narrow terminal, values never.
            string name = id.ToString();
            string shown = width >= 130 ? name : name[..Math.Min(name.Length, 8)];
            Assert.Matches(Regex.Escape(shown) + @"\S*\s+" + Value(id).ToString(CultureInfo.InvariantCulture) + @"(\s|$)", screen);
        }

        Assert.Matches(@"id:200\s+424242\s", screen);
        Assert.All(screen.Split('\n'), line => Assert.True(line.TrimEnd().Length <= width, line));
    }

    [Fact]
    public void Board_state_link_health_and_the_last_key_are_shown()
    {
        var hello = new HelloMessage { FirmwareMajor = 2, FirmwareMinor = 3, FirmwareBuild = 4, FirmwareRevision = 5, ModelHash = 0xCBF43926, PlannedBytes = 40960, HasFpu = true, TargetName = "ESP32_[C3]" };
        var prediction = new PredictionMessage { WindowSequence = 812, PredictedClass = 4, ConfidencePermille = 873, IsNovel = true };
        var snapshot = new MonitorSnapshot
        {
            PortPath = "/dev/ttyUSB0",
            Connected = false,
            LostReason = "/dev/ttyUSB0 is gone",
            Reconnects = 2,
            Hello = hello,
            Mode = DeviceMode.Train,
            Label = 3,
            Prediction = prediction,
            FramesAccepted = 1234,
            FramesRejected = 7,
            FramesLost = 11,
            Gaps = 4,
            CountersFrames = 99,
            LastEvent = "CheckpointSaved value 3",
            CommandStatus = "mode train: acked",
        };

        string screen = Render(snapshot, 160);

        Assert.Contains("ESP32_[C3]", screen);
        Assert.Contains("firmware 2.3.4.5", screen);
        Assert.Contains("model cbf43926", screen);
        Assert.Contains("planned 40960 B", screen);
        Assert.Contains("fpu yes", screen);
        Assert.Contains("mode train", screen);
        Assert.Contains("label 3", screen);
        Assert.Contains("class 4  confidence 873 ‰  NOVEL", screen);
        Assert.Contains("window 812", screen);
        Assert.Contains("1234 accepted, 7 rejected, 11 lost in 4 gap(s)", screen);
        Assert.Contains("counters frames 99", screen);
        Assert.Contains("lost, waiting for it to come back (/dev/ttyUSB0 is gone)", screen);
        Assert.Contains("reconnects 2", screen);
        Assert.Contains("CheckpointSaved value 3", screen);
        Assert.Contains("last key mode train: acked", screen);
        Assert.Contains(KeyCommands.Help, screen);
        Assert.Contains("no counters frame yet", screen);
    }

    [Fact]
    public void A_connected_port_and_no_hello_yet_are_said_plainly()
    {
        string screen = Render(new MonitorSnapshot { PortPath = "/dev/pts/9", Connected = true, Label = -1 }, 120);
        Assert.Contains("/dev/pts/9 connected", screen);
        Assert.Contains("no hello yet", screen);
        Assert.Contains("label none", screen);
        Assert.Contains("mode ?", screen);
        Assert.DoesNotContain("lost, waiting", screen);
    }

    [Fact]
    public void The_history_is_drawn_as_sparklines_with_the_latest_value_and_range()
    {
        CounterPoint[] recent = Enumerable.Range(0, 100)
            .Select(i => new CounterPoint(i, AccuracyPercent: i, HeapFreeBytes: 40 * 1024, EnergyPerStepUj: double.NaN, StepUs: 2000 + i * 10))
            .ToArray();
        string screen = Render(new MonitorSnapshot { PortPath = "p", Recent = recent }, 160);

        string accuracy = screen.Split('\n').Single(l => l.Contains("accuracy"));
        Assert.Contains("▁", accuracy);
        Assert.Contains("█", accuracy);
        Assert.Contains("99.0 %", accuracy);
        Assert.Contains("0.0 to 99.0", accuracy);
        Assert.Contains("40.0 KiB", screen);
        Assert.Contains("2.99 ms", screen);
        Assert.Contains("energy/step", screen);
    }

    [Fact]
    public void Sparkline_scales_between_min_and_max_and_averages_long_series()
    {
        Assert.Equal("▁▂▃▄▅▆▇█", Sparkline.Render([0, 1, 2, 3, 4, 5, 6, 7], 8));
        Assert.Equal("▁ █", Sparkline.Render([10, double.NaN, 20], 8));
        Assert.Equal("▄▄▄", Sparkline.Render([5, 5, 5], 8));
        Assert.Equal("▄▄▄", Sparkline.Render([43790, 43791, 43790], 8)); // a rounding wobble is not a trend

        // 1000 values into 10 buckets: each bucket is the mean of 100 values, so a ramp stays a ramp.
        string ramp = Sparkline.Render(Enumerable.Range(0, 1000).Select(i => (double)i).ToArray(), 10);
        Assert.Equal(10, ramp.Length);
        Assert.Equal('▁', ramp[0]);
        Assert.Equal('█', ramp[^1]);
        Assert.Equal(string.Empty, Sparkline.Render([], 10));
    }

    internal static string Render(IRenderable renderable, int width)
    {
        var console = new TestConsole().Width(width).Height(80).SupportsUnicode(true);
        console.Write(renderable);
        return console.Output;
    }

    private static string Render(MonitorSnapshot snapshot, int width) => Render(MonitorLayout.Build(snapshot, width), width);

    // Distinct values within each counter's range.
    private static long Value(CounterId id) => id switch
    {
        CounterId.PrequentialAccuracyPermille => 873,
        CounterId.EnergyEstimated => 1,
        CounterId.Mode => 2,
        CounterId.Label => 254,
        _ => 900_000 + (int)id * 101,
    };
}
