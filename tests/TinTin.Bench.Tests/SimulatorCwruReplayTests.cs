// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using TinTin.Bench.Device;
using TinTin.Data;
using TinTin.Firmware.Core.Link;
using TinTin.Simulator;

namespace TinTin.Bench.Tests;

/// <summary>
/// <c>tintin simulate --source cwru</c>: the chip simulator measures the CWRU recordings, resampled to its rate by a
/// band-limited resampler and quantised at its resolution; the label picks the recording.
/// </summary>
public class SimulatorCwruReplayTests
{
    [Theory]
    [InlineData(12000, 3200, 1000.0)]
    [InlineData(12000, 26667, 3000.0)]
    [InlineData(12000, 26667, 4500.0)] // the passband ends at 0.40 x 12 kHz = 4800 Hz
    public void A_tone_inside_both_bands_is_resampled_to_the_tone_at_the_new_rate(int from, int to, double hz)
    {
        var resampler = new BandLimitedResampler(from, to);
        double[] output = resampler.Process(Tone(from, hz, 2 * from));
        Assert.Equal(((2 * from) - 1) * (long)to / from + 1, output.Length);
        double worst = 0;
        int edge = resampler.HalfWidth * to / from + 1; // the mirrored ends are not the tone
        for (int n = edge; n < output.Length - edge; n++)
        {
            worst = Math.Max(worst, Math.Abs(output[n] - Math.Sin(2 * Math.PI * hz * n / to)));
        }

        // The passband ends at 0.40 x the lower rate; 80 dB design: errors far below 1e-3 of full scale.
        Assert.True(worst < 1e-3, $"worst error {worst}");
    }

    [Theory]
    [InlineData(12000, 3200, 1700.0)] // above 3200 Hz's Nyquist frequency: would alias to 1500 Hz
    [InlineData(12000, 3200, 4000.0)]
    public void A_tone_the_new_rate_cannot_carry_is_removed_not_aliased(int from, int to, double hz)
    {
        var resampler = new BandLimitedResampler(from, to);
        double[] output = resampler.Process(Tone(from, hz, 2 * from));
        int edge = resampler.HalfWidth * to / from + 1;
        double sum = 0;
        for (int n = edge; n < output.Length - edge; n++)
        {
            sum += output[n] * output[n];
        }

        double rms = Math.Sqrt(sum / (output.Length - (2 * edge)));
        Assert.True(rms < 1e-3 * Math.Sqrt(0.5), $"rms {rms} (the tone's is 0.707): less than 60 dB down");
    }

    [Fact]
    public void Without_the_data_simulate_cwru_says_where_to_get_it()
    {
        using var empty = new TempFolder();
        var (code, output, error) = Cli.Run("simulate", "--source", "cwru", "--data", empty.Path, "--duration", "1");
        Assert.Equal(2, code);
        Assert.Contains(CwruSources.DownloadHint, error);
        Assert.DoesNotContain("serving", output);

        (code, _, error) = Cli.Run("simulate", "--data", empty.Path, "--duration", "1");
        Assert.Equal(2, code);
        Assert.Contains("--source cwru", error);
    }

    [RequiresCwruFact]
    public void Simulate_cwru_serves_the_link_and_names_the_recordings()
    {
        var (code, output, error) = Cli.Run("simulate", "--source", "cwru", "--sensor", "mpu6886", "--data", DataPaths.SharedData, "--duration", "3", "--speed", "0");
        Assert.True(code == 0, error);
        Assert.Contains("serving the TinTin link on ", output);
        Assert.Contains($"CWRU recordings from {DataPaths.Cwru}", output);
        Assert.Contains("inferences", output);
    }

    [RequiresCwruFact]
    public void The_label_picks_the_recording_the_chip_measures_at_its_rate_and_resolution()
    {
        const int label = 3;
        var replay = new CwruReplay(DataPaths.Cwru);
        // The MPU6886 at 1 kHz: an ESP32 drains it with time to spare (an IIS3DWB at 26.7 kHz overruns its FIFO on an
        // ESP32 in the simulator, as it would on the board, and the windows then have gaps).
        using var board = new SimulatedBoard("mpu6886", replay);
        int rate = board.Simulation.Sensor.SampleRateHz;
        using var link = new BoardLink(board.Port);
        var conversation = new DeviceConversation(link, TimeSpan.FromSeconds(30));
        conversation.Command(CommandCode.SetLabel, label);
        conversation.Command(CommandCode.SetMode, (long)DeviceMode.Collect);

        // The board sends each window in collect mode as Samples frames with the label: take the fifth whole one (the
        // chip's FIFO and the assembler's buffer, about 2500 samples, still hold the condition before the label).
        int[] window = CollectedWindow(link, label, skip: 4);

        // What the chip should measure: the recording resampled to the chip's rate, in micro-g, at the MPU6886's ±16 g
        // resolution (2048 counts per g: 15625/32 micro-g per count), rounded, saturating at 16 bits.
        Assert.Equal(1000, rate);
        int[] expected = Counts(replay.MicroG(label, rate));
        Assert.True(IsSegmentOf(window, expected), "the window is not a stretch of the resampled recording of the label's class");
        Assert.False(IsSegmentOf(window, Counts(replay.MicroG(0, rate))), "the window matched the normal baseline too: the check cannot tell recordings apart");
    }

    private static int[] Counts(int[] microG)
    {
        var counts = new int[microG.Length];
        for (int i = 0; i < microG.Length; i++)
        {
            counts[i] = Math.Clamp((int)Math.Round(microG[i] * 32 / 15625.0, MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue);
        }

        return counts;
    }

    private static double[] Tone(int rate, double hz, int count)
    {
        var x = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = Math.Sin(2 * Math.PI * hz * i / rate);
        }

        return x;
    }

    private static int[] CollectedWindow(BoardLink link, int label, int skip)
    {
        var samples = new SamplesMessage();
        var windows = new Dictionary<long, int[]>();
        int complete = 0;
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            BoardFrame? frame = link.Next(TimeSpan.FromSeconds(5));
            if (frame is null || frame.Type != MessageType.Samples)
            {
                continue;
            }

            Assert.Equal(NakReason.None, samples.Read(frame.Payload, 0, frame.Payload.Length));
            if (samples.Label != label)
            {
                continue;
            }

            if (!windows.TryGetValue(samples.WindowSequence, out int[]? window))
            {
                windows[samples.WindowSequence] = window = new int[samples.WindowLength];
            }

            for (int i = 0; i < samples.SampleCount; i++)
            {
                window[samples.SampleOffset + i] = samples.Samples[i];
            }

            if (samples.SampleOffset + samples.SampleCount == samples.WindowLength && complete++ == skip)
            {
                return window;
            }
        }

        throw new Xunit.Sdk.XunitException("the board sent no labelled windows in collect mode");
    }

    private static bool IsSegmentOf(int[] window, int[] signal)
    {
        for (int start = 0; start + window.Length <= signal.Length; start++)
        {
            int i = 0;
            while (i < window.Length && signal[start + i] == window[i])
            {
                i++;
            }

            if (i == window.Length)
            {
                return true;
            }
        }

        return false;
    }
}
