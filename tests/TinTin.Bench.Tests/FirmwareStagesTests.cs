// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using TinTin.Bench.Cost;
using TinTin.Firmware.Core;

namespace TinTin.Bench.Tests;

/// <summary>The firmware's per-window stage costs and the keep-up table built from them.</summary>
public class FirmwareStagesTests
{
    [Fact]
    public void Every_stage_costs_something_and_is_the_same_from_two_measurements()
    {
        FirmwareStages first = FirmwareStages.Measure(2, 1);
        FirmwareStages second = FirmwareStages.Measure(2, 1);
        Assert.True(first.Drain > 0 && first.Features > 0 && first.Inference > 0 && first.Training > 0, first.ToString());
        Assert.Equal(first, second);

        // The simulator behind the driver is not charged: a window's drain is the driver's and the assembler's code only,
        // well below the features of the same window.
        Assert.True(first.Drain < first.Features, first.ToString());
        Assert.Equal(first.Drain + first.Features + first.Training, first.TrainWindow);
    }

    [Fact]
    public void The_table_compares_the_window_s_work_at_the_board_s_clock_with_the_window_period()
    {
        var stages = new FirmwareStages(1_000_000, 2_000_000, 500_000, 1_000_000);
        var rows = KeepUp.Table(stages);
        Assert.Equal(BoardTarget.All().Length * KeepUp.Sensors.Length, rows.Count);

        // 4,000,000 instructions at 48 MHz = 83,333 µs; an ADXL345 window of 1024 samples at 3200 Hz comes every 320,000 µs.
        var f091 = rows.Single(r => r.Target == "ST_NUCLEO64_F091RC" && r.Sensor == "adxl345");
        Assert.Equal(83_333, f091.TrainUs);
        Assert.Equal(320_000, f091.WindowPeriodUs);
        Assert.True(f091.TrainKeepsUp);
        var iis = rows.Single(r => r.Target == "ST_NUCLEO64_F091RC" && r.Sensor == "iis3dwb");
        Assert.False(iis.TrainKeepsUp);
    }
}
