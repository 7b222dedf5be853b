// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Linq;
using TinTin.Firmware.Core.Link;
using TinTin.Monitor;

namespace TinTin.Link.Tests;

/// <summary>The monitor's history stays bounded however long it runs, and keeps the right points.</summary>
public class CounterHistoryTests
{
    [Fact]
    public void Two_hundred_thousand_frames_stay_within_both_bounds_and_span_the_whole_run()
    {
        const int frames = 200_000;
        var history = new CounterHistory(recentCapacity: 240, runCapacity: 4096);
        var counters = new CountersMessage();
        for (int i = 0; i < frames; i++)
        {
            counters.Set(CounterId.PrequentialAccuracyPermille, i % 1001);
            counters.Set(CounterId.ManagedFreeBytes, 50_000 + i);
            history.Add(1_000_000L * i, counters);
        }

        Assert.Equal(frames, history.Count);
        CounterPoint[] recent = history.Recent();
        Assert.Equal(240, recent.Length);
        Assert.Equal(Enumerable.Range(frames - 240, 240).Select(i => (double)i), recent.Select(p => p.TimeSeconds));

        CounterPoint[] run = history.Run();
        Assert.InRange(run.Length, 4096 / 2, 4096 + 1);

        // The run starts at the first frame, ends at the last, and the kept frames are evenly spaced.
        Assert.Equal(0, run[0].TimeSeconds);
        Assert.Equal(frames - 1, run[^1].TimeSeconds);
        double step = run[1].TimeSeconds - run[0].TimeSeconds;
        Assert.True(step >= 2 && double.IsPow2(step), $"stride {step}");
        for (int k = 1; k < run.Length - 1; k++)
        {
            Assert.Equal(step, run[k].TimeSeconds - run[k - 1].TimeSeconds);
        }

        // A kept point is a real frame's values, not an average.
        CounterPoint middle = run[run.Length / 2];
        Assert.Equal(50_000 + middle.TimeSeconds, middle.HeapFreeBytes);
        Assert.Equal((middle.TimeSeconds % 1001) / 10, middle.AccuracyPercent);
    }

    [Fact]
    public void The_decimating_buffer_keeps_exactly_the_multiples_of_its_stride()
    {
        var buffer = new DecimatingBuffer<int>(8);
        for (int i = 0; i < 100; i++)
        {
            buffer.Add(i);
            Assert.True(buffer.Count <= 8);
            int[] kept = buffer.ToArray();
            Assert.Equal(Enumerable.Range(0, kept.Length).Select(k => (int)(k * buffer.Stride)), kept);
        }

        Assert.Equal(100, buffer.Added);
        Assert.Equal(16, buffer.Stride);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DecimatingBuffer<int>(7));
    }

    [Fact]
    public void The_ring_keeps_the_last_items_oldest_first()
    {
        var ring = new RingBuffer<int>(3);
        Assert.Empty(ring.ToArray());
        ring.Add(1);
        ring.Add(2);
        Assert.Equal([1, 2], ring.ToArray());
        ring.Add(3);
        ring.Add(4);
        ring.Add(5);
        Assert.Equal([3, 4, 5], ring.ToArray());
        Assert.Equal(3, ring.Count);
    }

    [Fact]
    public void A_reboot_continues_the_time_axis_instead_of_running_back()
    {
        var history = new CounterHistory();
        var counters = new CountersMessage();
        counters.Set(CounterId.TrainStepUs, 1234);
        history.Add(5_000_000, counters);
        history.Add(6_000_000, counters);

        // The board rebooted: its clock starts again near zero.
        history.Add(500_000, counters);
        history.Add(1_500_000, counters);

        Assert.Equal([5.0, 6.0, 6.5, 7.5], history.Recent().Select(p => p.TimeSeconds));
        Assert.All(history.Recent(), p => Assert.Equal(1234, p.StepUs));
    }

    [Fact]
    public void A_missing_counter_is_nan_not_zero()
    {
        var counters = new CountersMessage();
        counters.Set(CounterId.EnergyPerTrainStepUj, 42);
        CounterPoint point = CounterPoint.From(1, counters);
        Assert.Equal(42, point.EnergyPerStepUj);
        Assert.True(double.IsNaN(point.AccuracyPercent));
        Assert.True(double.IsNaN(point.HeapFreeBytes));
        Assert.True(double.IsNaN(point.StepUs));
    }
}
